package receipt

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
)

var submittedAt = time.Date(2026, 11, 27, 9, 30, 15, 0, cases.Zone)

// kioskEvent makes a submitted event the way the kiosk does, then passes
// it through JSON as the store keeps it.
func kioskEvent(t testing.TB, s cases.Submission) cases.Event {
	t.Helper()
	e, err := cases.Submitted(s, "130102", cases.NewID(), cases.Stamp{Wall: submittedAt.UnixMilli()})
	if err != nil {
		t.Fatal(err)
	}
	return viaJSON(t, e)
}

func viaJSON(t testing.TB, e cases.Event) cases.Event {
	t.Helper()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back cases.Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return back
}

func sampleSubmission() cases.Submission {
	return cases.Submission{
		Number: "261127-K01-0042", ItemCode: "130102-SCJG-001", CatalogVersion: 7,
		Fields: map[string]string{
			"name": "张三", "id_number": "11010519491231002X", "phone": "13812345678",
			"company": "石家庄长安区某某商贸有限公司", "capital": "500", "address": "河北省石家庄市长安区广安街66号",
		},
		Materials: []int{0, 1, 2, 4}, Channel: cases.ChannelKiosk,
	}
}

func TestCaseRoundTrip(t *testing.T) {
	with := func(edit func(s *cases.Submission, e *cases.Event)) cases.Event {
		s := sampleSubmission()
		e := kioskEvent(t, s)
		edit(&s, &e)
		payload, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		e.Payload = payload
		return viaJSON(t, e)
	}
	for _, tc := range []struct {
		name string
		e    cases.Event
	}{
		{"kiosk", kioskEvent(t, sampleSubmission())},
		{"counter with staff and parent", with(func(s *cases.Submission, e *cases.Event) {
			s.Channel = cases.ChannelCounter
			e.Staff, e.Parent = "clerk-07", cases.NewID()
		})},
		{"cli channel, counter in stamp", with(func(s *cases.Submission, e *cases.Event) {
			s.Channel = cases.ChannelScript
			e.Stamp.Counter = 1<<32 - 1
		})},
		{"unknown channel", with(func(s *cases.Submission, _ *cases.Event) { s.Channel = "wechat" })},
		{"empty channel", with(func(s *cases.Submission, _ *cases.Event) { s.Channel = "" })},
		{"null fields", with(func(s *cases.Submission, _ *cases.Event) { s.Fields = nil })},
		{"empty fields", with(func(s *cases.Submission, _ *cases.Event) { s.Fields = map[string]string{} })},
		{"no materials", with(func(s *cases.Submission, _ *cases.Event) { s.Materials = nil })},
		{"materials unsorted and negative", with(func(s *cases.Submission, _ *cases.Event) { s.Materials = []int{5, -1, 300, 0} })},
		{"device not a UUID", with(func(_ *cases.Submission, e *cases.Event) { e.Device = "kiosk-lobby-1" })},
		{"no center", with(func(_ *cases.Submission, e *cases.Event) { e.Center = "" })},
		{"center not six digits", with(func(_ *cases.Submission, e *cases.Event) { e.Center = "+13010" })},
		{"center with leading zeros", with(func(_ *cases.Submission, e *cases.Event) { e.Center = "000001" })},
		{"negative wall and version", with(func(s *cases.Submission, e *cases.Event) {
			e.Stamp.Wall, s.CatalogVersion = -5, -1
		})},
		{"item code of another center", with(func(s *cases.Submission, _ *cases.Event) { s.ItemCode = "130104-SCJG-001" })},
		{"item code that is the center", with(func(s *cases.Submission, _ *cases.Event) { s.ItemCode = "130102-" })},
		{"odd number and item code", with(func(s *cases.Submission, _ *cases.Event) {
			s.Number, s.ItemCode = "temp-0001", "局-001"
		})},
		{"text of every kind", with(func(s *cases.Submission, _ *cases.Event) {
			s.Fields = map[string]string{
				"rare":    "刘䶮𠀀㐀", // Extension A and B hanzi
				"mixed":   "张王㐀",
				"ascii":   "Wang Xiaoming <a&b>", // HTML characters JSON escapes
				"emoji":   "🙂 ok",
				"digits":  "6222021234567890123",
				"upper":   "91350100M000100Y43",
				"seps":    "\u2028\u2029\t\"\\",
				"euro":    "€ ￥ ¥ ·",
				"empty":   "",
				"nibble1": "7",
				"Odd-Key": "key written as text",
				"":        "empty key",
				"phone":   "reserved key",
			}
		})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := EncodeCase(tc.e)
			if err != nil {
				t.Fatalf("EncodeCase: %v", err)
			}
			got, err := DecodeCase(b)
			if err != nil {
				t.Fatalf("DecodeCase: %v", err)
			}
			if got.Digest() != tc.e.Digest() {
				want, _ := json.Marshal(tc.e)
				have, _ := json.Marshal(got)
				t.Fatalf("rebuilt event differs:\n have %s\n want %s", have, want)
			}
		})
	}
}

func TestEncodeCaseRefuses(t *testing.T) {
	ok := kioskEvent(t, sampleSubmission())
	edit := func(f func(e *cases.Event)) cases.Event {
		e := ok
		f(&e)
		return e
	}
	for _, tc := range []struct {
		name string
		e    cases.Event
		want error
	}{
		{"accepted event", edit(func(e *cases.Event) { e.Kind = cases.KindAccepted }), ErrNotSubmitted},
		{"case ID differs", edit(func(e *cases.Event) { e.CaseID = cases.NewID() }), ErrNotCarried},
		{"upper-case ID", edit(func(e *cases.Event) { e.ID = strings.ToUpper(e.ID); e.CaseID = e.ID }), ErrNotCarried},
		{"parent not a UUID", edit(func(e *cases.Event) { e.Parent = "x" }), ErrNotCarried},
		{"payload not a submission", edit(func(e *cases.Event) { e.Payload = json.RawMessage(`[1]`) }), ErrNotCarried},
		{"payload with an unknown key", edit(func(e *cases.Event) {
			e.Payload = json.RawMessage(strings.Replace(string(e.Payload), "{", `{"extra":1,`, 1))
		}), ErrNotCarried},
	} {
		if _, err := EncodeCase(tc.e); !errors.Is(err, tc.want) {
			t.Errorf("%s: EncodeCase error %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestDecodeCaseRejects(t *testing.T) {
	good, err := EncodeCase(kioskEvent(t, sampleSubmission()))
	if err != nil {
		t.Fatal(err)
	}
	newer := append([]byte{payloadVersion + 1}, good[1:]...)
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrBadPayload},
		{"newer version", newer, ErrNewerVersion},
		{"unknown flag", append([]byte{payloadVersion, 0x80}, good[2:]...), ErrBadPayload},
		{"bytes left over", append(good[:len(good):len(good)], 0), ErrBadPayload},
	} {
		if _, err := DecodeCase(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: DecodeCase error %v, want %v", tc.name, err, tc.want)
		}
	}
	for n := range len(good) {
		if _, err := DecodeCase(good[:n]); !errors.Is(err, ErrBadPayload) {
			t.Fatalf("DecodeCase of the first %d of %d bytes: error %v, want ErrBadPayload", n, len(good), err)
		}
	}
}

// Every text takes its shortest form, and rare hanzi that cost four bytes
// in GB18030 fall back to UTF-8's three.
func TestTextModes(t *testing.T) {
	for _, tc := range []struct {
		s     string
		mode  uint64
		bytes int // after the header
	}{
		{"张三丰", textGB18030, 6},
		{"㐀㐁㐂䶮", textUTF8, 12},     // Extension A: 4 bytes in GB18030, 3 in UTF-8
		{"𠀀𠀁", textUTF8, 8},        // Extension B: 4 bytes in both; UTF-8 wins ties
		{"刘张㐀", textGB18030, 8},    // 2+2+4 beats 3+3+3
		{"刘㐀", textUTF8, 6},        // 2+4 ties 3+3: UTF-8
		{"刘䶮", textGB18030, 4},     // 䶮 is one of the two-byte Extension A hanzi
		{"Zhang San", textUTF8, 9}, // ASCII never tries GB18030
		{"11010519491231002X", textNibbles, 9},
		{"2026-11-27", textNibbles, 5},
		{"261127-K01-0042", textBase40, 10},
		{"91350100M000100Y43", textBase40, 12},
		{"", textNibbles, 0},
	} {
		b := appendText(nil, tc.s)
		r := &reader{b: b}
		h := r.uvarint()
		if h&3 != tc.mode || len(r.b) != tc.bytes {
			t.Errorf("appendText(%q): mode %d with %d bytes, want mode %d with %d", tc.s, h&3, len(r.b), tc.mode, tc.bytes)
		}
		r = &reader{b: b}
		if got := r.text(); got != tc.s || r.err != nil || len(r.b) != 0 {
			t.Errorf("text of appendText(%q) = %q, %v, %d bytes left", tc.s, got, r.err, len(r.b))
		}
	}
}

func FuzzDecodeCase(f *testing.F) {
	good, err := EncodeCase(kioskEvent(f, sampleSubmission()))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{payloadVersion, flagCenterText | flagDeviceText | flagStaff | flagChannelText})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeCase(b)
		if err != nil {
			return
		}
		// Whatever decodes is an event the format can carry again, unchanged.
		again, err := EncodeCase(e)
		if err != nil {
			t.Fatalf("EncodeCase of a decoded event: %v", err)
		}
		back, err := DecodeCase(again)
		if err != nil || back.Digest() != e.Digest() {
			t.Fatalf("second round trip changed the event: %v", err)
		}
	})
}

// Field keys: reserved ones in one byte, snake_case packed, others as text.
func TestKeyForms(t *testing.T) {
	for _, tc := range []struct {
		key   string
		bytes int
	}{
		{"name", 1},
		{"id_number", 1},
		{"phone", 1},
		{"company", 1 + 6},
		{"credit_code", 1 + 8},
		{"house_addr", 1 + 8},
		{"Company", 1 + 1 + 7}, // escape, text header, UTF-8
		{"", 1 + 1},
	} {
		b := appendKey(nil, tc.key)
		r := &reader{b: b}
		if got := r.key(); got != tc.key || r.err != nil || len(r.b) != 0 || len(b) != tc.bytes {
			t.Errorf("appendKey(%q): %d bytes reading back %q (%v); want %d bytes", tc.key, len(b), got, r.err, tc.bytes)
		}
	}
}
