package staff

import (
	"errors"
	"testing"
)

func TestValid(t *testing.T) {
	Iterations = 1000
	good, err := New("S001", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	if err := good.Valid(); err != nil {
		t.Fatalf("a clerk made by New: %v", err)
	}
	tests := []struct {
		name   string
		change func(c *Clerk)
		want   error
	}{
		{"empty ID", func(c *Clerk) { c.ID = "" }, ErrBadID},
		{"ID with a space", func(c *Clerk) { c.ID = "S 01" }, ErrBadID},
		{"ID too long", func(c *Clerk) { c.ID = "S0123456789ABCDEF" }, ErrBadID},
		{"no PIN hash", func(c *Clerk) { c.PIN = PINHash{} }, ErrBadPINHash},
		{"no salt", func(c *Clerk) { c.PIN.Salt = nil }, ErrBadPINHash},
		{"short hash", func(c *Clerk) { c.PIN.Hash = c.PIN.Hash[:4] }, ErrBadPINHash},
		{"negative cost", func(c *Clerk) { c.PIN.Iterations = -1 }, ErrBadPINHash},
		{"cost that would hang sign-in", func(c *Clerk) { c.PIN.Iterations = MaxIterations + 1 }, ErrBadPINHash},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			c.PIN.Salt, c.PIN.Hash = append([]byte(nil), good.PIN.Salt...), append([]byte(nil), good.PIN.Hash...)
			tt.change(&c)
			if err := c.Valid(); !errors.Is(err, tt.want) {
				t.Fatalf("Valid() = %v, want %v", err, tt.want)
			}
		})
	}
}
