package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// MaxCatalogBytes bounds a catalog's size. The provincial list of 1,638 items
// with full materials is about 3 MB; the bound stops a broken or hostile
// platform from making a kiosk read without end.
const MaxCatalogBytes = 32 << 20

// Load reads a whole catalog from r (at most MaxCatalogBytes) and parses it
// like Parse.
func Load(r io.Reader) (*Catalog, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCatalogBytes+1))
	if err != nil {
		return nil, fmt.Errorf("catalog could not be read: %w", err)
	}
	return Parse(data)
}

// Parse decodes a catalog strictly, validates it and builds its lookup and
// search index. Unknown, miscased or repeated keys and trailing data are
// refused: a catalog made for a newer program, or a corrupt one, must not
// be half understood. The error is one sentence wrapping one of the Err
// sentinels; for rule violations it is a *ValidationError.
func Parse(data []byte) (*Catalog, error) {
	if len(data) > MaxCatalogBytes {
		return nil, failf(ErrTooLarge, "catalog is larger than %d MB; ask the platform's administrator to split it.", MaxCatalogBytes>>20)
	}
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, decodeError(err)
	}
	// A second value after the object means a concatenated or corrupt file.
	if _, err := dec.Token(); err != io.EOF {
		return nil, failf(ErrSyntax, "catalog has data after its closing brace; fix the file or get a good copy of it.")
	}
	if err := checkKeys(data); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks c against the catalog rules and, when it passes, builds
// the index that lookups and Search use. Parse calls it; call it yourself
// only for a catalog built in code. Do not change c afterwards.
func (c *Catalog) Validate() error {
	if err := validate(c); err != nil {
		return err
	}
	c.index = buildIndex(c)
	return nil
}

// jsonKind names the JSON value a Go type decodes from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a whole number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// decodeError turns encoding/json's messages into one plain sentence.
func decodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return failf(ErrSyntax, "catalog is not valid JSON at byte %d (%s); fix the file or get a good copy of it.", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			where = "the top level"
		}
		return failf(ErrSyntax, "catalog has a JSON %s at byte %d where %s needs %s.",
			typ.Value, typ.Offset, where, jsonKind(typ.Type))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return failf(ErrSyntax, "catalog is empty or cut short; fix the file or get a good copy of it.")
	}
	// DisallowUnknownFields has no error type; its message is
	// `json: unknown field "x"`.
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return failf(ErrUnknownField, "catalog has the unknown field %s; it was probably made for a newer program, so update this one.", msg)
	}
	return failf(ErrSyntax, "catalog could not be decoded (%v).", err)
}
