package store

import (
	"context"
	"errors"
	"testing"
)

func TestWarmVisitsEveryKeyAcrossChunks(t *testing.T) {
	s := openTest(t, t.TempDir())
	for range 10 {
		if _, err := s.Submit(sample("张三", "13800138000", "130102199003071233")); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := s.Warm(context.Background())
	if err != nil {
		t.Fatalf("Warm: %v", err)
	}
	if whole < 10*3 { // each case's record, event and outbox entry at least
		t.Fatalf("Warm visited %d keys, want at least 30", whole)
	}
	defer func(n int) { warmChunk = n }(warmChunk)
	warmChunk = 3 // resuming after the last key of each chunk must skip none and repeat none
	if n, err := s.Warm(context.Background()); err != nil || n != whole {
		t.Fatalf("Warm in chunks of 3 = %d keys, %v; in one chunk %d", n, err, whole)
	}
}

func TestWarmStopsWhenCancelled(t *testing.T) {
	s := openTest(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Warm(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Warm after cancel: %v, want context.Canceled", err)
	}
}
