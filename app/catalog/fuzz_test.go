package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"tongban/assets"
)

var sentinels = []error{ErrTooLarge, ErrSyntax, ErrUnknownField, ErrVersion, ErrCenter, ErrTooMany,
	ErrEmpty, ErrCode, ErrDuplicate, ErrReference, ErrType, ErrDays, ErrFee, ErrMaterial, ErrFieldKey,
	ErrReserved, ErrFieldKind, ErrChoices, ErrMaxLen, ErrQueue, ErrWindow}

// FuzzParse feeds Parse what a broken or hostile platform might send. It
// must never panic; a refusal must be one sentence wrapping a sentinel; an
// accepted catalog must look up, search and round-trip.
func FuzzParse(f *testing.F) {
	// A few sample items, not all: the fuzzer mutates and minimizes small
	// inputs far faster.
	sample, err := Parse(assets.SampleCatalog())
	if err != nil {
		f.Fatal(err)
	}
	sample.Items = sample.Items[:3]
	f.Add(mustJSON(f, sample))
	valid := mustJSON(f, validCatalog())
	f.Add(valid)
	f.Add(bytes.Replace(valid, []byte(`"promised_days":1`), []byte(`"promised_days":99`), 1))
	f.Add(bytes.Replace(valid, []byte(`"key":"phone"`), []byte(`"key":"Phone"`), 1))
	f.Add([]byte(`{"version":1,"items":[{"code":"x","colour":"red"}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "catalog") || strings.Contains(msg, "\n") {
				t.Fatalf("error is not one sentence: %q", msg)
			}
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		for i := range c.Items {
			it := &c.Items[i]
			if got, ok := c.Item(it.Code); !ok || got != it {
				t.Fatalf("Item(%q) = %v, %v", it.Code, got, ok)
			}
			for _, fl := range it.Fields {
				if fl.Limit() < 1 {
					t.Fatalf("%s: field %s has limit %d", it.Code, fl.Key, fl.Limit())
				}
			}
			// An item is found by its own name (short enough not to be cut).
			if len(it.NameZH) <= MaxQueryLen && fold(it.NameZH) != "" && !found(c.Search(it.NameZH, 0), it) {
				t.Fatalf("Search(%q) misses item %s", it.NameZH, it.Code)
			}
		}
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(again); err != nil {
			t.Fatalf("re-encoded catalog refused: %v", err)
		}
	})
}

func found(rs []Result, it *Item) bool {
	for _, r := range rs {
		if r.Item == it {
			return true
		}
	}
	return false
}

// FuzzSearch types anything into the sample catalog's search box.
func FuzzSearch(f *testing.F) {
	c, err := Parse(assets.SampleCatalog())
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{"yyzz", "营业执照 变更", "ｇｊｊ", "business licence", "130102-SCJG-003", "zhzhzhzh", "\x00", "a b c d e f"} {
		f.Add(q, 5)
	}
	f.Fuzz(func(t *testing.T, q string, limit int) {
		rs := c.Search(q, limit)
		if limit > 0 && len(rs) > limit {
			t.Fatalf("Search(%q, %d) gave %d results", q, limit, len(rs))
		}
		for i, r := range rs {
			if r.Score <= 0 || i > 0 && r.Score > rs[i-1].Score {
				t.Fatalf("Search(%q): bad score order at %d", q, i)
			}
			if _, ok := c.Item(r.Item.Code); !ok {
				t.Fatalf("Search(%q) returned an item not in the catalog", q)
			}
		}
	})
}
