package protocol

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tongban/app/cases"
)

// openAPIDoc is the part of openapi.json the tests read.
type openAPIDoc struct {
	OpenAPI    string                                 `json:"openapi"`
	Paths      map[string]map[string]openAPIOperation `json:"paths"`
	Components struct {
		Schemas map[string]openAPISchema `json:"schemas"`
	} `json:"components"`
}

type openAPIOperation struct {
	Responses map[string]struct {
		Description string `json:"description"`
	} `json:"responses"`
}

type openAPISchema struct {
	Required   []string `json:"required"`
	Properties map[string]struct {
		Enum []string `json:"enum"`
	} `json:"properties"`
}

func readOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON of the expected shape: %v", err)
	}
	return doc
}

func TestOpenAPIDocument(t *testing.T) {
	doc := readOpenAPI(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json says openapi %q, want 3.x", doc.OpenAPI)
	}
	for _, p := range []string{PathEnroll, PathEvents, PathCatalog, PathHealth, PathOpenAPI, PathMetrics,
		PathAdminCodes, PathAdminDevices, PathAdminCatalog, PathStaff, PathAdminStaff, PathDevices} {
		if doc.Paths[p] == nil {
			t.Errorf("openapi.json does not describe %s", p)
		}
	}
}

// TestOpenAPIErrors: the Error schema has every code the platform sends
// and the event_id a refused push names its event with; POST /v1/events
// documents the answers of a refused event.
func TestOpenAPIErrors(t *testing.T) {
	doc := readOpenAPI(t)
	e := doc.Components.Schemas["Error"]
	if _, ok := e.Properties["event_id"]; !ok {
		t.Error("the Error schema has no event_id")
	}
	b, _ := json.Marshal(Error{Code: CodeBadEvent, Message: "x", EventID: "y"})
	if !strings.Contains(string(b), `"event_id":"y"`) {
		t.Errorf("Error encodes as %s, want an event_id field", b)
	}
	codes := e.Properties["code"].Enum
	for _, c := range []string{CodeBadRequest, CodeUnauthorized, CodeRevoked, CodeTooLarge, CodeTooMany, CodeBadCode,
		CodeNotFound, CodeRateLimited, CodeInternal, CodeMethodNotAllowed, CodeStaleCatalog, CodeBadEvent, CodeForbiddenEvent,
		CodeUnknownCenter, CodeForbidden, CodeCursorAhead, CodeStorageDown,
		CodeOtherCenter, CodeOtherRole, CodeCasesCenter, CodeShortCodesExhausted} {
		if !slices.Contains(codes, c) {
			t.Errorf("the Error schema's codes %v lack %q", codes, c)
		}
	}
	for _, a := range []struct{ path, method, status, code string }{
		{PathEvents, "get", "409", CodeCursorAhead},
		{PathHealth, "get", "503", CodeStorageDown},
		{PathStaff, "get", "403", CodeForbidden},
	} {
		if d := doc.Paths[a.path][a.method].Responses[a.status].Description; !strings.Contains(d, a.code) {
			t.Errorf("%s %s answer %s says %q, want it to name the code %s", strings.ToUpper(a.method), a.path, a.status, d, a.code)
		}
	}
	for _, c := range []string{CodeOtherCenter, CodeOtherRole, CodeCasesCenter, CodeShortCodesExhausted} {
		if d := doc.Paths[PathEnroll]["post"].Responses["409"].Description; !strings.Contains(d, c) {
			t.Errorf("POST %s answer 409 says %q, want it to name the code %s", PathEnroll, d, c)
		}
	}
	if p := doc.Components.Schemas["EnrollRequest"].Properties; !hasKeys(p, "former_codes", "redemption_proof") {
		t.Error("the EnrollRequest schema lacks former_codes or redemption_proof")
	}
	if p := doc.Components.Schemas["Device"].Properties; !hasKeys(p, "former_codes") {
		t.Error("the Device schema lacks former_codes")
	}
	if p := doc.Components.Schemas["CodeResponse"].Properties; p == nil || !hasKeys(p, "warning", "default_catalog_center") {
		t.Error("the CodeResponse schema lacks warning or default_catalog_center")
	}
	push := doc.Paths[PathEvents]["post"]
	for status, word := range map[string]string{"400": "bad_request", "403": "forbidden_event", "422": "bad_event"} {
		if d := push.Responses[status].Description; !strings.Contains(d, word) {
			t.Errorf("POST %s answer %s says %q, want it to name the code %s", PathEvents, status, d, word)
		}
	}
}

// TestOpenAPIEvent: the Event schema lists every kind this version knows
// and requires what the platform requires.
func TestOpenAPIEvent(t *testing.T) {
	ev := readOpenAPI(t).Components.Schemas["Event"]
	kinds := ev.Properties["kind"].Enum
	for _, k := range cases.Kinds {
		if !slices.Contains(kinds, string(k)) {
			t.Errorf("the Event schema's kinds %v lack %q", kinds, k)
		}
	}
	if len(kinds) != len(cases.Kinds) {
		t.Errorf("the Event schema lists %d kinds, app/cases knows %d", len(kinds), len(cases.Kinds))
	}
	for _, f := range []string{"id", "case_id", "center", "kind", "device", "stamp", "payload"} {
		if !slices.Contains(ev.Required, f) {
			t.Errorf("the Event schema does not require %s (required: %v)", f, ev.Required)
		}
	}
}

// TestOpenAPISnakeCase: every property of every schema is snake_case, as
// the wire types' JSON is.
func TestOpenAPISnakeCase(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for name, s := range readOpenAPI(t).Components.Schemas {
		for p := range s.Properties {
			if !snake.MatchString(p) {
				t.Errorf("schema %s has the property %q, not snake_case", name, p)
			}
		}
	}
}

// TestOpenAPIDevices: the directory devices fetch is described with
// exactly the fields CenterDevice has, so nothing secret (a token hash, a
// name) slips into the schema or the type unseen.
func TestOpenAPIDevices(t *testing.T) {
	doc := readOpenAPI(t)
	if _, ok := doc.Paths[PathDevices]["get"].Responses["401"]; !ok {
		t.Errorf("GET %s does not describe its 401 answer", PathDevices)
	}
	b, _ := json.Marshal(CenterDevice{})
	var fields map[string]any
	json.Unmarshal(b, &fields)
	schema := doc.Components.Schemas["CenterDevice"]
	for f := range fields {
		if _, ok := schema.Properties[f]; !ok {
			t.Errorf("CenterDevice encodes %q, which the schema does not describe", f)
		}
		if !slices.Contains(schema.Required, f) {
			t.Errorf("the CenterDevice schema does not require %q", f)
		}
	}
	if len(schema.Properties) != len(fields) {
		t.Errorf("the CenterDevice schema has %d properties, the type %d (%s)", len(schema.Properties), len(fields), b)
	}
	if _, ok := doc.Components.Schemas["DevicesResponse"].Properties["devices"]; !ok {
		t.Error("the DevicesResponse schema has no devices")
	}
}

// hasKeys reports whether a schema's properties has every key.
func hasKeys[V any](m map[string]V, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}
