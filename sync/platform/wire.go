package platform

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"tongban/sync/protocol"
)

// apiError is an answer that is not 2xx: a status and the protocol's error
// body. Handlers return it; serve writes it.
type apiError struct {
	status int
	body   protocol.Error
	// retryAfter, in seconds, is sent as Retry-After when above zero.
	retryAfter int
}

func (e *apiError) Error() string { return e.body.Message }

func fail(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, body: protocol.Error{Code: code, Message: fmt.Sprintf(format, args...)}}
}

func badRequest(format string, args ...any) *apiError {
	return fail(http.StatusBadRequest, protocol.CodeBadRequest, format, args...)
}

// gzipMin is the smallest response worth compressing: below a packet the
// header costs more than it saves.
const gzipMin = 1400

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// writeBody sends a finished body, gzipped when the client accepts it and
// it is big enough to gain.
func writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Add("Vary", "Accept-Encoding")
	if len(body) >= gzipMin && acceptsGzip(r) {
		var buf bytes.Buffer
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
		h.Set("Content-Encoding", "gzip")
		body = buf.Bytes()
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// writeJSON sends v as JSON.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeError(w, r, fail(http.StatusInternalServerError, protocol.CodeInternal,
			"the platform could not encode its answer; report this to the platform administrator"))
		return
	}
	writeBody(w, r, status, "application/json", append(body, '\n'))
}

func writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	if e.retryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(e.retryAfter))
	}
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tongban"`)
	}
	body, _ := json.Marshal(e.body)
	writeBody(w, r, e.status, "application/json", append(body, '\n'))
}

func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// readBody reads a request body of at most limit bytes after gzip
// decoding; a gzipped body is also bounded before decoding, so neither a
// big upload nor a small bomb gets far.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, *apiError) {
	tooLarge := fail(http.StatusRequestEntityTooLarge, protocol.CodeTooLarge,
		"the request body is larger than %d bytes; send fewer or smaller items per request", limit)
	var body io.Reader = http.MaxBytesReader(w, r.Body, limit)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			if isMaxBytes(err) {
				return nil, tooLarge
			}
			return nil, badRequest("the request body is not valid gzip (%v); compress it with gzip or send it plain", err)
		}
		defer zr.Close()
		body = zr
	default:
		return nil, badRequest("the request body is encoded as %q, which the platform does not read; send it plain or with gzip", enc)
	}
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	switch {
	case isMaxBytes(err):
		return nil, tooLarge
	case err != nil:
		return nil, badRequest("the request body could not be read (%v); send it again", err)
	case int64(len(data)) > limit:
		return nil, tooLarge
	}
	return data, nil
}

func isMaxBytes(err error) bool {
	var mb *http.MaxBytesError
	return errors.As(err, &mb)
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and
// trailing data, with one sentence per mistake.
func decodeStrict(data []byte, v any) *apiError {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("%s", jsonProblem(err, "the request body"))
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("the request body has more data after its JSON value; send exactly one JSON object")
	}
	return nil
}

// jsonProblem says in one sentence what is wrong with the JSON of what
// (the request body, an event) that encoding/json refused, in words of
// JSON, never of Go types.
func jsonProblem(err error, what string) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("%s is not valid JSON at byte %d (%v); send well-formed JSON", what, syn.Offset, syn)
	case errors.As(err, &typ):
		want := jsonWords(typ.Type)
		if typ.Field == "" {
			return fmt.Sprintf("%s is a JSON %s where %s belongs; send %s", what, typ.Value, want, want)
		}
		return fmt.Sprintf("%s has a JSON %s at the field %s where %s belongs; fix that field", what, typ.Value, typ.Field, want)
	case errors.Is(err, io.EOF):
		return what + " is empty; send a JSON object"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return what + "'s JSON is cut short; send the whole object"
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Sprintf("%s has the unknown field %s; remove it or update the platform", what, field)
	}
	return fmt.Sprintf("%s could not be decoded (%v); send JSON as described in %s", what, err, protocol.PathOpenAPI)
}

// jsonWords names the JSON value a Go type takes, for a sentence.
func jsonWords(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[time.Duration]():
		return "a whole number of nanoseconds"
	case reflect.TypeFor[time.Time]():
		return "a date and time as RFC 3339 text"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return jsonWords(t.Elem())
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return "base64 text"
		}
		return "a list"
	case reflect.String:
		return "a text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another JSON value"
}
