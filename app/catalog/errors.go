package catalog

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error Parse returns wraps exactly one of them, so
// callers (the sync client, the catalog command) can tell a corrupt download
// from a catalog the platform published with a mistake in it.
var (
	// ErrTooLarge: the catalog is bigger than MaxCatalogBytes.
	ErrTooLarge = errors.New("catalog too large")
	// ErrSyntax: the bytes are not one well-formed JSON object of the
	// catalog's shape (bad JSON, wrong value type, a key twice in one
	// object, trailing data).
	ErrSyntax = errors.New("catalog not valid JSON")
	// ErrUnknownField: the JSON names a field this program does not know
	// (usually a catalog made for a newer program) or spells a key in
	// other than lowercase.
	ErrUnknownField = errors.New("catalog field unknown")

	// ErrVersion: the catalog version is below 1.
	ErrVersion = errors.New("catalog version invalid")
	// ErrCenter: the center's code or name is missing or malformed.
	ErrCenter = errors.New("catalog center invalid")
	// ErrTooMany: a list is longer than this program accepts.
	ErrTooMany = errors.New("catalog list too long")
	// ErrEmpty: a required value (code, name, list) is missing.
	ErrEmpty = errors.New("catalog value missing")
	// ErrCode: a code has characters or a length that is not allowed.
	ErrCode = errors.New("catalog code malformed")
	// ErrDuplicate: two departments, categories, items, fields, choices or
	// windows share a code, key or name.
	ErrDuplicate = errors.New("catalog duplicate")
	// ErrReference: an item names a department or category that is not in
	// the catalog.
	ErrReference = errors.New("catalog reference unknown")
	// ErrType: an item type is not one of Types.
	ErrType = errors.New("catalog item type unknown")
	// ErrDays: legal or promised days are out of range or out of order.
	ErrDays = errors.New("catalog time limit invalid")
	// ErrFee: the fee is negative or absurd.
	ErrFee = errors.New("catalog fee invalid")
	// ErrMaterial: a material has no name or a bad count.
	ErrMaterial = errors.New("catalog material invalid")
	// ErrFieldKey: a form field key is not lowercase snake_case of at most
	// MaxFieldKeyLen characters.
	ErrFieldKey = errors.New("catalog field key malformed")
	// ErrReserved: a reserved field (name, id_number, phone) is missing, of
	// the wrong kind or not required.
	ErrReserved = errors.New("catalog reserved field invalid")
	// ErrFieldKind: a form field kind is not one of FieldKinds.
	ErrFieldKind = errors.New("catalog field kind unknown")
	// ErrChoices: a choice field has fewer than two choices, or another
	// kind has choices, or choices_en does not match choices one for one.
	ErrChoices = errors.New("catalog field choices invalid")
	// ErrMaxLen: a form field's max_len is outside what its kind allows.
	ErrMaxLen = errors.New("catalog field max_len invalid")
	// ErrQueue: the queue letter is not one capital letter A–Z.
	ErrQueue = errors.New("catalog queue letter invalid")
	// ErrWindow: an item has no window, or a window name is malformed.
	ErrWindow = errors.New("catalog window invalid")
)

// ValidationError is a catalog that decoded but breaks a rule. Its message is
// one sentence that names the thing (item code and name, department, …), the
// JSON field and the fix, for IT staff reading a log or a dialog.
type ValidationError struct {
	// Where names the thing at fault, e.g. "item 130102-SCJG-003
	// (营业执照变更登记)" or "department SCJG (市场监督管理局)"; empty for
	// the catalog itself.
	Where string
	// ItemCode is the code of the item at fault, empty if not an item.
	ItemCode string
	// Field is the JSON path inside Where, e.g. "promised_days" or
	// "fields[3].max_len".
	Field string
	// Err is the sentinel (ErrDays, ErrReserved, …).
	Err error
	// Detail is the rest of the sentence: what is wrong and how to fix it.
	Detail string
}

// Error returns the one-sentence description.
func (e *ValidationError) Error() string {
	s := "catalog"
	if e.Where != "" {
		s += " " + e.Where
	}
	return s + ": " + e.Field + " " + e.Detail
}

// Unwrap returns the sentinel so errors.Is works.
func (e *ValidationError) Unwrap() error { return e.Err }

// sentenceError is a decoding error: its own sentence, wrapping a sentinel
// whose terse text would only repeat it.
type sentenceError struct {
	msg string
	err error
}

// Error returns the sentence.
func (e *sentenceError) Error() string { return e.msg }

// Unwrap returns the sentinel.
func (e *sentenceError) Unwrap() error { return e.err }

// failf builds a sentenceError wrapping sentinel.
func failf(sentinel error, format string, args ...any) error {
	return &sentenceError{msg: fmt.Sprintf(format, args...), err: sentinel}
}
