package client

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestBackoffCeiling(t *testing.T) {
	b := Backoff{Base: 500 * time.Millisecond, Cap: time.Minute}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for n, w := range want {
		if got := b.Ceiling(n); got != w {
			t.Errorf("Ceiling(%d) = %v, want %v", n, got, w)
		}
	}
	if got := b.Ceiling(1 << 20); got != time.Minute {
		t.Errorf("Ceiling after a million failures = %v, want the cap", got)
	}
}

// TestBackoffFullJitter: every delay is in [0, ceiling), the extremes of
// the random source reach both ends, and the spread is full (the mean of
// many delays is near half the ceiling, not near the ceiling).
func TestBackoffFullJitter(t *testing.T) {
	for _, r := range []float64{0, 0.25, 0.999999} {
		b := Backoff{Base: 500 * time.Millisecond, Cap: time.Minute, Rand: func() float64 { return r }}
		for n := range 20 {
			got, ceil := b.Delay(n), b.Ceiling(n)
			if want := time.Duration(r * float64(ceil)); got != want {
				t.Errorf("rand %v: Delay(%d) = %v, want %v", r, n, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	b := Backoff{Base: 500 * time.Millisecond, Cap: time.Minute, Rand: rng.Float64}
	for n := range 12 {
		var sum time.Duration
		for range 2000 {
			d := b.Delay(n)
			if d < 0 || d >= b.Ceiling(n) {
				t.Fatalf("Delay(%d) = %v, outside [0, %v)", n, d, b.Ceiling(n))
			}
			sum += d
		}
		mean, half := sum/2000, b.Ceiling(n)/2
		if mean < half*9/10 || mean > half*11/10 {
			t.Errorf("mean Delay(%d) = %v, want about %v (full jitter)", n, mean, half)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"7", 7 * time.Second, true},
		{" 0 ", 0, true},
		{"120", 2 * time.Minute, true},
		{"999999999999", MaxRetryAfter, true},
		{"Fri, 27 Nov 2026 08:00:30 GMT", 30 * time.Second, true},
		{"Friday, 27-Nov-26 08:01:00 GMT", time.Minute, true}, // RFC 850
		{"Fri, 27 Nov 2026 07:00:00 GMT", 0, true},            // in the past: at once
		{"Sat, 28 Nov 2026 08:00:00 GMT", MaxRetryAfter, true},
		{"", 0, false},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"7", "Fri, 27 Nov 2026 08:00:30 GMT", "-1", "", "1e9"} {
		f.Add(s)
	}
	now := time.Now()
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseRetryAfter(s, now)
		if d < 0 || d > MaxRetryAfter || (!ok && d != 0) {
			t.Errorf("ParseRetryAfter(%q) = %v, %v", s, d, ok)
		}
	})
}

func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{`{"code":"bad_request","error":"the push is malformed"}`, `<html>`, `{"error":` + "\"a\\nb\"}", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		pe := decodeError(503, []byte(body))
		msg := pe.Error()
		if msg == "" || len([]rune(msg)) > 301 || containsNewline(msg) {
			t.Errorf("decodeError(%q).Error() = %q: want one non-empty line", body, msg)
		}
	})
}

func containsNewline(s string) bool {
	for _, r := range s {
		if r == '\n' || r == '\r' {
			return true
		}
	}
	return false
}
