package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Form field bounds. Every field value travels in the receipt's QR code,
// whose whole payload must fit QR version 15 at level M, so lengths are kept
// small on purpose.
const (
	MaxFieldKeyLen = 16 // keys are stored in every case and receipt
	MaxTextLen     = 40 // longest free text (addresses, company names)
	MaxNumberLen   = 18 // digits of a number field; an int64 holds 18
	MaxChoiceLen   = 20 // characters of one choice
	// MaxChoiceENLen bounds an English choice label. Labels are not stored
	// in cases or receipts, so the bound is only for the kiosk's buttons.
	MaxChoiceENLen = 40
)

// defaultLimits gives each kind's length when max_len is 0. The fixed-length
// kinds (ID number, credit code, phone, date) cannot be given another one.
var defaultLimits = map[FieldKind]int{
	KindText:       20,
	KindIDNumber:   18, // GB 11643
	KindCreditCode: 18, // GB 32100
	KindPhone:      11, // mainland mobile number
	KindDate:       10, // YYYY-MM-DD
	KindNumber:     12,
}

// reservedKinds are the fields every item must ask for, with their kinds.
var reservedKinds = []struct {
	key  string
	kind FieldKind
}{{FieldName, KindText}, {FieldIDNumber, KindIDNumber}, {FieldPhone, KindPhone}}

// Limit returns the most characters the field's value may have: MaxLen when
// set, else the kind's default; for a choice, the longest choice.
func (f Field) Limit() int {
	if f.MaxLen > 0 {
		return f.MaxLen
	}
	if f.Kind == KindChoice {
		n := 0
		for _, c := range f.Choices {
			n = max(n, utf8.RuneCountInString(c))
		}
		return n
	}
	return defaultLimits[f.Kind]
}

// validKey reports whether k is lowercase snake_case: a letter, then
// letters, digits and single underscores, not ending in one.
func validKey(k string) bool {
	if k == "" || len(k) > MaxFieldKeyLen || k[0] < 'a' || k[0] > 'z' || k[len(k)-1] == '_' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '_' && k[i-1] != '_':
		default:
			return false
		}
	}
	return true
}

func validateFields(i int, it *Item) error {
	if len(it.Fields) > MaxFields {
		return itemErr(i, it, "fields", ErrTooMany, "has %d entries, more than %d.", len(it.Fields), MaxFields)
	}
	for j, f := range it.Fields {
		if err := validateField(i, it, j, f); err != nil {
			return err
		}
	}
	for _, r := range reservedKinds {
		j := slices.IndexFunc(it.Fields, func(f Field) bool { return f.Key == r.key })
		switch {
		case j < 0:
			return itemErr(i, it, "fields", ErrReserved, "has no %q field; every item asks for the applicant's name, id_number and phone.", r.key)
		case it.Fields[j].Kind != r.kind:
			return itemErr(i, it, fmt.Sprintf("fields[%d].kind", j), ErrReserved, "of %q is %q; the reserved field %q must be of kind %q.",
				r.key, it.Fields[j].Kind, r.key, r.kind)
		case !it.Fields[j].Required:
			return itemErr(i, it, fmt.Sprintf("fields[%d].required", j), ErrReserved,
				"of %q is false; cases are found by name, ID number and phone, so set it to true.", r.key)
		}
	}
	return nil
}

func validateField(i int, it *Item, j int, f Field) error {
	at := func(name string) string { return fmt.Sprintf("fields[%d].%s", j, name) }
	switch {
	case !validKey(f.Key):
		return itemErr(i, it, at("key"), ErrFieldKey,
			"%q is not lowercase snake_case of at most %d characters; use a key such as house_address.", f.Key, MaxFieldKeyLen)
	case slices.IndexFunc(it.Fields, func(g Field) bool { return g.Key == f.Key }) != j:
		return itemErr(i, it, at("key"), ErrDuplicate, "%q is used by an earlier field; give every field its own key.", f.Key)
	case blank(f.LabelZH):
		return itemErr(i, it, at("label_zh"), ErrEmpty, "of %q is empty; give the Chinese label.", f.Key)
	case !slices.Contains(FieldKinds, f.Kind):
		return itemErr(i, it, at("kind"), ErrFieldKind, "%q of %q is not a field kind; use one of text, id_number, credit_code, phone, date, choice, number.",
			f.Kind, f.Key)
	case f.Past && f.Kind != KindDate:
		return itemErr(i, it, at("past"), ErrFieldKind, "is set on %q, a %s field; past is only for date fields, so remove it.", f.Key, f.Kind)
	}
	if err := validateChoices(i, it, j, f); err != nil {
		return err
	}
	return validateMaxLen(i, it, j, f)
}

func validateChoices(i int, it *Item, j int, f Field) error {
	field := fmt.Sprintf("fields[%d].choices", j)
	if f.Kind != KindChoice {
		if len(f.Choices) > 0 {
			return itemErr(i, it, field, ErrChoices, "of %q has %d entries but the field is %q; remove them or make it a choice.",
				f.Key, len(f.Choices), f.Kind)
		}
		return validateChoicesEN(i, it, j, f)
	}
	if len(f.Choices) < 2 || len(f.Choices) > MaxChoices {
		return itemErr(i, it, field, ErrChoices, "of %q has %d entries; a choice needs between 2 and %d.", f.Key, len(f.Choices), MaxChoices)
	}
	for k, c := range f.Choices {
		switch {
		case blank(c) || utf8.RuneCountInString(c) > MaxChoiceLen:
			return itemErr(i, it, fmt.Sprintf("%s[%d]", field, k), ErrChoices, "%q of %q is blank or longer than %d characters; shorten it.",
				c, f.Key, MaxChoiceLen)
		case slices.Index(f.Choices, c) != k:
			return itemErr(i, it, fmt.Sprintf("%s[%d]", field, k), ErrDuplicate, "%q of %q is listed twice; list each choice once.", c, f.Key)
		}
	}
	return validateChoicesEN(i, it, j, f)
}

// validateChoicesEN checks the optional English labels: one per choice, in
// the same order, none blank or too long for a kiosk button.
func validateChoicesEN(i int, it *Item, j int, f Field) error {
	field := fmt.Sprintf("fields[%d].choices_en", j)
	switch {
	case f.ChoicesEN == nil:
		return nil
	case f.Kind != KindChoice:
		return itemErr(i, it, field, ErrChoices, "of %q has %d entries but the field is %q; remove them.", f.Key, len(f.ChoicesEN), f.Kind)
	case len(f.ChoicesEN) != len(f.Choices):
		return itemErr(i, it, field, ErrChoices, "of %q has %d entries but choices has %d; give one English label per choice, in the same order, or remove choices_en.",
			f.Key, len(f.ChoicesEN), len(f.Choices))
	}
	for k, c := range f.ChoicesEN {
		if blank(c) || utf8.RuneCountInString(c) > MaxChoiceENLen {
			return itemErr(i, it, fmt.Sprintf("%s[%d]", field, k), ErrChoices, "%q of %q (for %q) is blank or longer than %d characters; shorten it.",
				c, f.Key, f.Choices[k], MaxChoiceENLen)
		}
	}
	return nil
}

// ChoiceEN returns the English label of the choice value, for the English
// screens. A value that is not one of the choices, or a field without
// English labels, gives the value itself, so nothing a citizen chose is
// ever shown blank.
func (f Field) ChoiceEN(value string) string {
	if k := slices.Index(f.Choices, value); k >= 0 && k < len(f.ChoicesEN) {
		return f.ChoicesEN[k]
	}
	return value
}

// ChoiceValue maps what a script or a clerk typed to the stored choice: a
// choice as it is, or its English label in any letter case, so English
// speakers can fill a choice without knowing the Chinese. The bool is false
// when the input is neither.
func (f Field) ChoiceValue(input string) (string, bool) {
	if slices.Contains(f.Choices, input) {
		return input, true
	}
	for k, en := range f.ChoicesEN {
		if strings.EqualFold(en, input) && k < len(f.Choices) {
			return f.Choices[k], true
		}
	}
	return "", false
}

func validateMaxLen(i int, it *Item, j int, f Field) error {
	e := func(detail string, args ...any) error {
		return itemErr(i, it, fmt.Sprintf("fields[%d].max_len", j), ErrMaxLen, detail, args...)
	}
	n := f.MaxLen
	switch f.Kind {
	case KindText:
		if n < 0 || n > MaxTextLen {
			return e("%d of %q is outside 0 to %d; set max_len to %d or less (0 means %d) so the receipt fits its QR code.",
				n, f.Key, MaxTextLen, MaxTextLen, defaultLimits[KindText])
		}
	case KindNumber:
		if n < 0 || n > MaxNumberLen {
			return e("%d of %q is outside 0 to %d digits; set max_len to %d or less (0 means %d).",
				n, f.Key, MaxNumberLen, MaxNumberLen, defaultLimits[KindNumber])
		}
	case KindChoice:
		if n != 0 {
			return e("%d of %q is set but a choice's length is its longest choice; remove max_len.", n, f.Key)
		}
	default: // fixed-length kinds
		if d := defaultLimits[f.Kind]; n != 0 && n != d {
			return e("%d of %q does not fit kind %q, which is always %d characters; remove max_len.", n, f.Key, f.Kind, d)
		}
	}
	return nil
}
