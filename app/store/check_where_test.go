package store

import "testing"

// where names the page bbolt's message names, and keeps the message.
func TestWhere(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"assertion failed: Page expected to be: 7, but self identifies as 8", "page 7 (Page expected to be: 7, but self identifies as 8)"},
		{"page 12: unreachable unfreed", "page 12 (page 12: unreachable unfreed)"},
		{"page 3: multiple references (stack: [3])", "page 3 (page 3: multiple references (stack: [3]))"},
		{"invalid database", "invalid database"},
	} {
		if got := Where(tc.msg); got != tc.want {
			t.Errorf("Where(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}
