package catalog

import "slices"

// checkKeys closes two gaps in encoding/json's strictness that matter for a
// catalog from the network: it matches keys case-insensitively (with
// Unicode folding, so "Version" and "ſtatus" pass), and a repeated key
// silently overrides the first ("promised_days": 1 … "promised_days": 30).
// Every key of the catalog's shape is lowercase ASCII with no escapes, so
// any other key, or any key twice in one object, is refused.
//
// data has already decoded as one JSON value, which lets a byte scan stand
// in for a tokenizer (json.Decoder.Token took half of Parse's time): a key
// is a string followed by a colon.
func checkKeys(data []byte) error {
	var stack [][]string // per open object or array: the keys seen (nil for arrays)
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			stack = append(stack, []string{})
		case '[':
			stack = append(stack, nil)
		case '}', ']':
			stack = stack[:len(stack)-1]
		case '"':
			start := i + 1
			for i++; data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++ // skip the escaped character
				}
			}
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
				j++
			}
			if j == len(data) || data[j] != ':' {
				continue // a value, not a key
			}
			key, top := string(data[start:i]), &stack[len(stack)-1]
			if !lowerKey(key) {
				return failf(ErrUnknownField, "catalog has the key %q at byte %d; keys are lowercase like \"name_zh\", so fix or remove it.",
					key, start-1)
			}
			if slices.Contains(*top, key) {
				return failf(ErrSyntax, "catalog has the key %q twice in one object at byte %d; keep one.", key, start-1)
			}
			*top = append(*top, key)
		}
	}
	return nil
}

// lowerKey reports whether k is made of a–z, 0–9 and '_' only.
func lowerKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return k != ""
}
