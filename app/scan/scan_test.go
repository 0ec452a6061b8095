package scan

import (
	"errors"
	"image"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"

	"tongban/app/cases"
	"tongban/app/receipt"
	"tongban/app/store"
)

func TestPayloadToleratesScannerNoise(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"TB1:ABC", "TB1:ABC", true},
		{"]Q1TB1:ABC\r\n", "TB1:ABC", true}, // symbology prefix, CR LF suffix
		{"tb1:abc\t", "tb1:abc", true},      // caps lock
		{"261127-K01-0042", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := Payload(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Payload(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOpen(t *testing.T) {
	kiosk, _ := store.Open(t.TempDir(), store.Options{Center: "130102"})
	counter, _ := store.Open(t.TempDir(), store.Options{Center: "130102"})
	defer kiosk.Close()
	defer counter.Close()
	c, err := kiosk.Submit(cases.Submission{ItemCode: "130102-SCJG-003", CatalogVersion: 1, Channel: cases.ChannelKiosk,
		Fields: map[string]string{"name": "张三", "phone": "13800138000"}})
	if err != nil {
		t.Fatal(err)
	}
	key, _ := receipt.NewKey()
	ring := receipt.Keyring{key}
	payload, err := receipt.SealCase(ring, c.Events[0])
	if err != nil {
		t.Fatal(err)
	}
	o := Opener{Store: counter, Keys: func() (receipt.Keyring, error) { return ring, nil }}
	peeked, err := o.Peek(payload)
	if err != nil || peeked.ID != c.ID || !peeked.Sync.FromReceipt {
		t.Fatalf("Peek = %+v, %v", peeked, err)
	}
	if _, err := counter.Case(c.ID); !errors.Is(err, cases.ErrNotFound) {
		t.Fatalf("Peek kept the case: %v", err)
	}
	got, err := o.Open("]Q1" + payload + "\r")
	if err != nil || got.ID != c.ID || !got.Sync.FromReceipt || got.Name() != "张三" {
		t.Fatalf("Open(receipt) = %+v, %v", got, err)
	}
	if again, err := o.Open(payload); err != nil || again.ID != c.ID {
		t.Fatalf("second scan: %v, %v", again, err)
	}
	if byNumber, err := o.Open(" " + c.Number + " "); err != nil || byNumber.ID != c.ID {
		t.Fatalf("typed number: %v, %v", byNumber, err)
	}
	if _, err := o.Open("hello"); !errors.Is(err, ErrNothing) {
		t.Fatalf("Open(hello) = %v, want ErrNothing", err)
	}
	for _, noisy := range []string{payload + "#", payload + "~", payload + " ", payload + "}", "]Q1" + payload + "0", payload + "#\r\n"} {
		if got, err := o.Open(noisy); err != nil || got.ID != c.ID {
			t.Errorf("Open with a stray suffix %q: %v", noisy[len(noisy)-3:], err)
		}
	}
	altered := payload[:40] + string("ABC"[(strings.IndexByte("ABC", payload[40])+1)%3]) + payload[41:]
	if altered == payload {
		altered = payload[:40] + "D" + payload[41:]
	}
	if _, err := o.Open(altered + "#"); err == nil {
		t.Error("an altered receipt with a stray suffix opened")
	}
	if _, err := o.Open("261127-K01-9999"); !errors.Is(err, cases.ErrNotFound) || !strings.HasPrefix(err.Error(), "本机没有案件 261127-K01-9999") {
		t.Errorf("Open(an unknown number) = %v; want ErrNotFound, in Chinese first, naming the number", err)
	}
	other, _ := receipt.NewKey()
	stranger := Opener{Store: counter, Keys: func() (receipt.Keyring, error) { return receipt.Keyring{other}, nil }}
	if _, err := stranger.Open(payload); err == nil {
		t.Fatal("a receipt of another center's key opened")
	}
}

func TestDecodeImage(t *testing.T) {
	q, err := qrcode.New("TB1:HELLO", qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeImage(q.Image(256))
	if err != nil || got != "TB1:HELLO" {
		t.Fatalf("DecodeImage = %q, %v", got, err)
	}
	if _, err := DecodeImage(image.NewGray(image.Rect(0, 0, 100, 100))); !errors.Is(err, ErrNoCode) {
		t.Fatalf("a blank image: %v, want ErrNoCode", err)
	}
}

func FuzzPayload(f *testing.F) {
	f.Add("]Q1TB1:ABC\r\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := Payload(s); ok && len(p) > len(s) {
			t.Fatalf("Payload(%q) = %q grew", s, p)
		}
	})
}
