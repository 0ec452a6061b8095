package main

import "testing"

func TestBoldNames(t *testing.T) {
	recs := []nameRecord{
		{platformWindows, 1, 0x409, nameFamily, nil},
		{platformWindows, 1, 0x409, nameSubfamily, nil},
		{platformWindows, 1, 0x409, nameFull, nil},
		{platformWindows, 1, 0x409, namePostScript, nil},
		{platformMac, macEncodingRoman, 0, nameSubfamily, nil},
	}
	texts := []string{"Droid Sans Fallback", "Regular", "Droid Sans Fallback", "DroidSansFallback-Regular", "Regular"}
	for i := range recs {
		recs[i].value, _ = encodeName(recs[i], texts[i])
	}
	table, err := writeNames(recs)
	if err != nil {
		t.Fatal(err)
	}
	bold, err := boldNames(table)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readNames(bold)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Droid Sans Fallback", "Bold", "Droid Sans Fallback Bold", "DroidSansFallback-Bold", "Bold"}
	for i, r := range got {
		s, ok := decodeName(r)
		if !ok || s != want[i] {
			t.Errorf("name %d (platform %d) = %q, want %q", r.id, r.platform, s, want[i])
		}
	}
}
