package platform

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tongban/app/cases"
)

// canonicalPayloads are payloads whose canonical form takes care: HTML
// characters, line and paragraph separators, escapes, non-ASCII, invalid
// UTF-8, nesting and white space between tokens.
var canonicalPayloads = []string{
	`{"number":"260302-K01-0001","item_code":"X","catalog_version":1,"fields":{"name":"张三"},"channel":"kiosk"}`,
	"{ \"a\" : [ 1 , 2.5e-3 , -0 , true , false , null ] ,\n\t\"b\" : { } ,\r\n \"c\":[ ] }  ",
	`{"html":"<script>&amp;</script>","sep":"a` + "\u2028" + `b` + "\u2029" + `c"}`,
	`{"esc":"\"\\\/\b\f\n\r\t\u0001\u003c\u2028\ud83d\ude00","k<>&":1}`,
	"{\"bad\":\"\xff\xfe\xe2\x80\",\"cut\":\"\xe2\x80\xa8\xe2\x80\"}",
	`{"deep":{"a":{"b":{"c":[{"d":"文字 with spaces  inside"}]}}}}`,
	`["top", "level", "array"]`,
	`"just a string <with> & stuff"`,
	` 12345 `,
	`null`,
}

// canonicalTexts are values for the event's text fields.
var canonicalTexts = []string{
	"", "0190d7a4-0000-7000-8000-000000000001", "130102", "张三", "<b>&</b>",
	"line\nbreak\ttab\r\x00\x01\x1f\x7f", "quote\" back\\slash", "\u2028\u2029",
	"bad \xff utf8 \xe2\x80", "emoji 😀", "\b\f",
}

func TestCanonicalMatchesMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return canonicalTexts[r.IntN(len(canonicalTexts))] }
	for i := range 2000 {
		e := cases.Event{ID: pick(), CaseID: pick(), Center: pick(), Kind: cases.Kind(pick()),
			Device: pick(), Staff: pick(), Parent: pick(),
			Stamp: cases.Stamp{Wall: r.Int64() - r.Int64(), Counter: r.Uint32()}}
		if n := r.IntN(len(canonicalPayloads) + 1); n < len(canonicalPayloads) {
			e.Payload = json.RawMessage(canonicalPayloads[n])
		}
		checkCanonical(t, &e)
		if i == 0 {
			e.Stamp = cases.Stamp{Wall: -1 << 63, Counter: 1<<32 - 1}
			checkCanonical(t, &e)
		}
	}
}

// FuzzCanonical holds appendCanonical to json.Marshal for any text fields
// and any valid payload.
func FuzzCanonical(f *testing.F) {
	for i, p := range canonicalPayloads {
		f.Add(canonicalTexts[i%len(canonicalTexts)], canonicalTexts[(i+3)%len(canonicalTexts)], int64(i), uint32(i), p)
	}
	f.Fuzz(func(t *testing.T, id, staff string, wall int64, counter uint32, payload string) {
		e := cases.Event{ID: id, CaseID: staff + id, Center: id, Kind: cases.Kind(staff), Device: staff,
			Staff: staff, Parent: id, Stamp: cases.Stamp{Wall: wall, Counter: counter}}
		if json.Valid([]byte(payload)) {
			e.Payload = json.RawMessage(payload)
		}
		checkCanonical(t, &e)
	})
}

func checkCanonical(t *testing.T, e *cases.Event) {
	t.Helper()
	want, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("json.Marshal(%#v): %v", e, err)
	}
	if got := appendCanonical([]byte("prefix"), e); !bytes.Equal(got[len("prefix"):], want) {
		t.Fatalf("canonical form of %#v:\n got %q\nwant %q", e, got[len("prefix"):], want)
	}
	if in := incomingEvents([]cases.Event{*e}, []string{""}, 0)[0]; in.Digest != e.Digest() || in.ID != e.ID {
		t.Fatalf("incoming of %#v: digest or ID differs from cases.Event.Digest", e)
	}
}

// TestCanonicalEscapes pins a few forms by hand, so a change in both
// encoders at once would not go unseen.
func TestCanonicalEscapes(t *testing.T) {
	e := cases.Event{ID: "<&>", Kind: "k", Stamp: cases.Stamp{Wall: 1},
		Payload: json.RawMessage("{ \"a\" : \"<\u2028>\" }")}
	want := `{"id":"\u003c\u0026\u003e","case_id":"","center":"","kind":"k","device":"","stamp":{"wall":1,"counter":0},"payload":{"a":"\u003c\u2028\u003e"}}`
	if got := string(appendCanonical(nil, &e)); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if strings.Contains(want, " ") {
		t.Fatal("the canonical form keeps no white space between tokens")
	}
}

// TestCanonicalKnowsEveryField fails when cases.Event gains, loses or
// renames a field: appendCanonical writes the fields by hand and must be
// taught the change, or the platform would store events that hash
// differently from the devices' cases.Event.Digest.
func TestCanonicalKnowsEveryField(t *testing.T) {
	want := []string{`id`, `case_id`, `center`, `kind`, `device`, `staff,omitempty`, `stamp`, `parent,omitempty`, `payload,omitempty`}
	var got []string
	for f := range reflect.TypeFor[cases.Event]().Fields() {
		got = append(got, f.Tag.Get("json"))
	}
	var stamp []string
	for f := range reflect.TypeFor[cases.Stamp]().Fields() {
		stamp = append(stamp, f.Tag.Get("json")+" "+f.Type.String())
	}
	if !slices.Equal(got, want) || !slices.Equal(stamp, []string{"wall int64", "counter uint32"}) {
		t.Fatalf("cases.Event has the fields %q and Stamp %q; appendCanonical knows %q and [wall int64 counter uint32]: update it", got, stamp, want)
	}
}
