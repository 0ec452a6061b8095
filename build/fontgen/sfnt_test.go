package main

import (
	"bytes"
	"os"
	"testing"
)

// regularPath is the font the bold face is derived from.
const regularPath = "../../assets/fonts/DroidSansFallbackFull.ttf"

// regularBytes reads the regular face from the repository.
func regularBytes(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(regularPath)
	if err != nil {
		t.Fatalf("reading the regular face: %v", err)
	}
	return b
}

// regularFont parses the regular face.
func regularFont(t *testing.T) *sfntFont {
	t.Helper()
	f, err := parseSFNT(regularBytes(t))
	if err != nil {
		t.Fatalf("parsing %s: %v", regularPath, err)
	}
	return f
}

func TestChecksumPadsLastWord(t *testing.T) {
	if got := checksum([]byte{1, 2, 3, 4, 5}); got != 0x01020304+0x05000000 {
		t.Errorf("checksum = %#x, want %#x", got, 0x01020304+0x05000000)
	}
}

func TestSFNTRewriteIsIdentity(t *testing.T) {
	// Laying out the unchanged tables again must reproduce the file: same
	// order, padding, table checksums and checksumAdjustment.
	in := regularBytes(t)
	f, err := parseSFNT(in)
	if err != nil {
		t.Fatal(err)
	}
	if out := f.bytes(); !bytes.Equal(out, in) {
		t.Errorf("re-laid-out file differs from the original (%d vs %d bytes)", len(out), len(in))
	}
}

func TestParseSFNTRejectsTablesOutsideFile(t *testing.T) {
	in := append([]byte(nil), regularBytes(t)[:4096]...)
	if _, err := parseSFNT(in); err == nil {
		t.Error("parsing a truncated font succeeded; want an error naming the table outside the file")
	}
}
