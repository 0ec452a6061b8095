package catalog

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseRefusesBadJSON(t *testing.T) {
	valid := string(mustJSON(t, validCatalog()))
	tests := []struct {
		name string
		data string
		err  error
		want string // in the message
	}{
		{"empty", "", ErrSyntax, "empty"},
		{"cut short", valid[:len(valid)/2], ErrSyntax, "cut short"},
		{"not JSON", "version: 1", ErrSyntax, "not valid JSON"},
		{"array", "[]", ErrSyntax, "array"},
		{"wrong type", `{"version":"1"}`, ErrSyntax, "version"},
		{"nested wrong type", `{"version":1,"items":[{"legal_days":"15"}]}`, ErrSyntax, "items.legal_days"},
		{"unknown top field", `{"version":1,"publisher":"x"}`, ErrUnknownField, `"publisher"`},
		{"unknown item field", `{"version":1,"items":[{"code":"x","colour":"red"}]}`, ErrUnknownField, `"colour"`},
		{"trailing data", valid + "{}", ErrSyntax, "after its closing brace"},
		{"null", "null", ErrVersion, "version"},
		{"miscased key", strings.Replace(valid, `"version"`, `"Version"`, 1), ErrUnknownField, `"Version"`},
		{"folded key", strings.Replace(valid, `"version"`, `"ver\u017fion"`, 1), ErrUnknownField, "key"},
		{"repeated key", strings.Replace(valid, `"promised_days":1`, `"promised_days":1,"promised_days":1`, 1), ErrSyntax, `"promised_days" twice`},
		{"repeated nested key", strings.Replace(valid, `"count":1`, `"count":1,"count":2`, 1), ErrSyntax, `"count" twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || !strings.HasPrefix(msg, "catalog") || !strings.HasSuffix(msg, ".") {
				t.Errorf("message %q: want one sentence starting with catalog and naming %q", msg, tt.want)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), MaxCatalogBytes+1)
	if _, err := Parse(big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse: err = %v, want ErrTooLarge", err)
	}
	if _, err := Load(bytes.NewReader(big)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Load: err = %v, want ErrTooLarge", err)
	}
}

func TestLoad(t *testing.T) {
	c, err := Load(bytes.NewReader(mustJSON(t, validCatalog())))
	if err != nil || len(c.Items) != 2 {
		t.Fatalf("Load = %v, %v", c, err)
	}
}
