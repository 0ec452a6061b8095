package kiosk

import (
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// application is the form a citizen is filling, apart from drawing: the
// values, the materials they bring and the problems shown under fields.
// The form screen draws it; tests drive it directly.
type application struct {
	item      *catalog.Item
	values    map[string]string
	materials map[int]bool
	// problems are shown under their field: errors block submission,
	// warnings (a legacy credit code) do not.
	problems map[string]*cases.Problem
	// reviewed is set once the citizen asked to submit: from then on an
	// empty required field is an error when it is left, as it was then.
	reviewed bool
}

func newApplication(item *catalog.Item) *application {
	return &application{item: item, values: map[string]string{}, materials: map[int]bool{}, problems: map[string]*cases.Problem{}}
}

// fromDraft rebuilds an application from its draft; values for fields the
// item no longer has, and materials it no longer lists, are dropped.
func fromDraft(item *catalog.Item, d Draft) *application {
	a := newApplication(item)
	for _, f := range item.Fields {
		if v, ok := d.Values[f.Key]; ok {
			a.values[f.Key] = v
		}
	}
	for _, m := range d.Materials {
		if m >= 0 && m < len(item.Materials) {
			a.materials[m] = true
		}
	}
	return a
}

// draft returns what to save.
func (a *application) draft(now time.Time) Draft {
	return Draft{ItemCode: a.item.Code, Values: maps.Clone(a.values), Materials: a.brought(), Saved: now}
}

// index returns the position of the field with the key, or -1.
func (a *application) index(key string) int {
	return slices.IndexFunc(a.item.Fields, func(f catalog.Field) bool { return f.Key == key })
}

// field returns the field with the key.
func (a *application) field(key string) (catalog.Field, bool) {
	i := a.index(key)
	if i < 0 {
		return catalog.Field{}, false
	}
	return a.item.Fields[i], true
}

// set stores a value; it reports whether it changed. A changed value hides
// its problem until the citizen finishes the field again.
func (a *application) set(key, v string) bool {
	if a.values[key] == v {
		return false
	}
	if v == "" {
		delete(a.values, key)
	} else {
		a.values[key] = v
	}
	delete(a.problems, key)
	return true
}

// appended returns the value with s added, and false with the value
// unchanged when s does not fit: the keypad stops at the field's limit.
func (a *application) appended(key, s string) (string, bool) {
	v := a.values[key]
	f, ok := a.field(key)
	if !ok || catalog.Length(v+s) > f.Limit() {
		return v, false
	}
	return v + s, true
}

// overflows tells, as a warning under the field, that s did not go in:
// the field holds at most its limit (a word of the pinyin keypad comes
// whole or not at all). The next change of the field clears it.
func (a *application) overflows(key, s string) {
	if p := a.problems[key]; p != nil && !p.Warning {
		return // the field's error says more (an ID number's check character)
	}
	if f, ok := a.field(key); ok {
		a.problems[key] = &cases.Problem{Warning: true, Text: tDoesNotFit.Format(f.Limit(), s)}
	}
}

// trimmed returns the value without its last character.
func (a *application) trimmed(key string) string {
	v := a.values[key]
	_, n := utf8.DecodeLastRuneInString(v)
	return v[:len(v)-n]
}

// full reports whether a fixed-length field (ID number, phone, credit
// code, date) has all its characters: the moment to check it, before the
// citizen moves on.
func (a *application) full(key string) bool {
	f, ok := a.field(key)
	if !ok {
		return false
	}
	switch f.Kind {
	case catalog.KindIDNumber, catalog.KindPhone, catalog.KindCreditCode, catalog.KindDate:
		return utf8.RuneCountInString(a.values[key]) >= f.Limit()
	}
	return false
}

// check checks one field as the citizen finishes it and keeps the problem
// to show. An empty field is not nagged about until submission; after
// it, an empty required field keeps its "required" until it is filled.
func (a *application) check(key string, now time.Time) *cases.Problem {
	f, ok := a.field(key)
	if !ok {
		return nil
	}
	if a.values[key] == "" && !a.reviewed {
		delete(a.problems, key)
		return nil
	}
	return a.keep(key, f, now)
}

func (a *application) keep(key string, f catalog.Field, now time.Time) *cases.Problem {
	_, p := cases.CheckField(f, a.values[key], now)
	if p == nil {
		delete(a.problems, key)
	} else {
		a.problems[key] = p
	}
	return p
}

// checkAll checks every field, empty ones included, and returns the index
// of the first field with an error, or -1 when the form can be submitted.
func (a *application) checkAll(now time.Time) int {
	a.reviewed = true
	first := -1
	for i, f := range a.item.Fields {
		if p := a.keep(f.Key, f, now); p != nil && !p.Warning && first < 0 {
			first = i
		}
	}
	return first
}

// errorCount counts the problems that block submission.
func (a *application) errorCount() int {
	n := 0
	for _, p := range a.problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

// toggle ticks or unticks a material.
func (a *application) toggle(i int, on bool) {
	if on {
		a.materials[i] = true
	} else {
		delete(a.materials, i)
	}
}

// brought lists the ticked materials in order.
func (a *application) brought() []int {
	out := slices.Collect(maps.Keys(a.materials))
	slices.Sort(out)
	return out
}

// submission builds the payload to save, or the field errors that stop it.
func (a *application) submission(cat *catalog.Catalog, now time.Time) (cases.Submission, []*cases.FieldError, error) {
	return cases.NewSubmission(cat, a.item.Code, a.values, a.brought(), cases.ChannelKiosk, now)
}
