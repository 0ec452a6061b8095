package cases

import "testing"

// TestDirectoryName: the directory's short code first, then one the
// device learned, then the end of the ID.
func TestDirectoryName(t *testing.T) {
	const (
		kiosk   = "01a21d70-5c1e-7b3a-9f00-3c2d1e0f9a8b"
		counter = "01a21d70-5c1e-7b3a-9f00-000000000c02"
		self    = "01a21d70-5c1e-7b3a-9f00-000000000c01"
		stray   = "01a21d70-5c1e-7b3a-9f00-0000a6d9abf9"
		bad     = "01a21d70-5c1e-7b3a-9f00-0000000000bd"
	)
	dir := Directory{Devices: []DirectoryEntry{
		{ID: kiosk, Role: "kiosk", ShortCode: "K01"},
		{ID: counter, Role: "counter", ShortCode: "C02", Revoked: true},
		{ID: bad, Role: "counter", ShortCode: "not a code"},
	}}
	learned := map[string]string{self: "C01", kiosk: "K07", bad: "C09"}
	for _, tt := range []struct{ id, want, why string }{
		{kiosk, "K01", "the directory outranks a code learned from an older case number"},
		{counter, "C02", "a revoked device keeps its code for its past events"},
		{self, "C01", "the device's own code"},
		{bad, "C09", "a directory entry that is no short code is passed over"},
		{stray, "a6d9abf9", "an unknown device: the end of its ID"},
		{"", "", "no device"},
	} {
		if got := dir.Name(tt.id, learned); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q (%s)", tt.id, got, tt.want, tt.why)
		}
	}
	if got := (Directory{}).Name(kiosk, nil); got != "1e0f9a8b" {
		t.Errorf("an empty directory and nothing learned: %q, want the end of the ID", got)
	}
}

func TestNumberedBy(t *testing.T) {
	for _, tt := range []struct {
		c         *Case
		dev, code string
		ok        bool
	}{
		{&Case{Device: "d1", Number: "260303-C02-0001"}, "d1", "C02", true},
		{&Case{Device: "d1", Number: "260303c020001"}, "d1", "C02", true},
		{&Case{Device: "d1", Number: ""}, "", "", false},
		{&Case{Device: "", Number: "260303-C02-0001"}, "", "", false},
		{nil, "", "", false},
	} {
		dev, code, ok := NumberedBy(tt.c)
		if ok != tt.ok || ok && (dev != tt.dev || code != tt.code) {
			t.Errorf("NumberedBy(%+v) = %q, %q, %v; want %q, %q, %v", tt.c, dev, code, ok, tt.dev, tt.code, tt.ok)
		}
	}
}
