package platform

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"tongban/app/cases"
)

// checkPayload used to json.Unmarshal every payload into its kind's type
// only to learn whether that fails: a tenth of the platform's CPU per
// pushed event. A shape is what such a type takes, built once from the
// type; fitsShape walks the payload once against it and answers "fits"
// only where json.Unmarshal is sure to succeed. Anything else (a field
// name in another letter case, a number in a text field, …) goes to
// json.Unmarshal, which decides and words the problem. TestFitsShape and
// FuzzFitsShape hold the two to each other.

// shape is the JSON a Go type takes without a decoding error.
type shape struct {
	kind reflect.Kind // String, Int, Uint, Float64, Bool, Slice, Map, Struct or Pointer
	bits int          // of Int, Uint and Float64 kinds
	elem *shape       // of Slice, Map and Pointer kinds
	// fields are a struct's fields by their exact JSON name.
	fields map[string]*shape
}

// payloadShapes are the shapes of payloadTypes; a kind whose type has no
// shape (shapeOf gave up) is always checked by json.Unmarshal.
var payloadShapes = func() map[cases.Kind]*shape {
	m := make(map[cases.Kind]*shape, len(payloadTypes))
	for k, newPayload := range payloadTypes {
		if s := shapeOf(reflect.TypeOf(newPayload()).Elem(), 0); s != nil {
			m[k] = s
		}
	}
	return m
}()

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// shapeOf makes the shape of t, or nil for a type it does not model
// (custom unmarshalers, embedded structs, `,string` fields, interfaces,
// []byte, non-text map keys…).
func shapeOf(t reflect.Type, depth int) *shape {
	if depth > 10 || t.Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(jsonUnmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil
	}
	s := &shape{kind: t.Kind()}
	switch t.Kind() {
	case reflect.String, reflect.Bool:
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.kind, s.bits = reflect.Int, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s.kind, s.bits = reflect.Uint, t.Bits()
	case reflect.Float32, reflect.Float64:
		s.kind, s.bits = reflect.Float64, t.Bits()
	case reflect.Slice, reflect.Pointer:
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return nil // base64 text
		}
		if s.elem = shapeOf(t.Elem(), depth+1); s.elem == nil {
			return nil
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil
		}
		if s.elem = shapeOf(t.Elem(), depth+1); s.elem == nil {
			return nil
		}
	case reflect.Struct:
		s.fields = make(map[string]*shape, t.NumField())
		for f := range t.Fields() {
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() && !f.Anonymous {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous || strings.Contains(opts, "string") || name == "" {
				return nil // promoted fields and untagged names follow rules not modelled here
			}
			fs := shapeOf(f.Type, depth+1)
			if fs == nil || s.fields[name] != nil {
				return nil
			}
			s.fields[name] = fs
		}
	default:
		return nil
	}
	return s
}

// fitsShape reports whether json.Unmarshal of the valid JSON data into a
// value of the shape's type surely succeeds. false means "not sure".
func fitsShape(data []byte, s *shape) bool {
	p := pushParser{data: data}
	if !p.fits(s) {
		return false
	}
	p.space()
	return p.i == len(data)
}

// fits steps over one value that must fit s. null fits every shape, as
// json.Unmarshal leaves the Go value as it is.
func (p *pushParser) fits(s *shape) bool {
	p.space()
	if p.i < len(p.data) && p.data[p.i] == 'n' {
		return p.literal("null")
	}
	switch s.kind {
	case reflect.String:
		return p.skipString()
	case reflect.Bool:
		return p.literal("true") || p.literal("false")
	case reflect.Int:
		_, err := strconv.ParseInt(string(p.integer()), 10, s.bits)
		return err == nil
	case reflect.Uint:
		_, err := strconv.ParseUint(string(p.integer()), 10, s.bits)
		return err == nil
	case reflect.Float64:
		start := p.i
		if !p.skipNumber() {
			return false
		}
		_, err := strconv.ParseFloat(string(p.data[start:p.i]), s.bits)
		return err == nil
	case reflect.Pointer:
		return p.fits(s.elem)
	case reflect.Slice:
		if !p.token('[') {
			return false
		}
		if p.token(']') {
			return true
		}
		for {
			if !p.fits(s.elem) {
				return false
			}
			if p.token(']') {
				return true
			}
			if !p.token(',') {
				return false
			}
		}
	case reflect.Map, reflect.Struct:
		if !p.token('{') {
			return false
		}
		if p.token('}') {
			return true
		}
		for {
			p.space()
			start := p.i
			if !p.skipString() {
				return false
			}
			key := p.data[start+1 : p.i-1]
			if !p.token(':') {
				return false
			}
			elem := s.elem
			if s.kind == reflect.Struct {
				// Only the exact name: encoding/json also takes other
				// letter cases, and ignores unknown names.
				if elem = s.fields[string(key)]; elem == nil {
					return false
				}
			}
			if !p.fits(elem) {
				return false
			}
			if p.token('}') {
				return true
			}
			if !p.token(',') {
				return false
			}
		}
	}
	return false
}
