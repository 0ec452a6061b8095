package protocol

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestOpenAPIDocument(t *testing.T) {
	var doc struct {
		OpenAPI string         `json:"openapi"`
		Paths   map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json says openapi %q, want 3.x", doc.OpenAPI)
	}
	for _, p := range []string{PathEnroll, PathEvents, PathCatalog, PathHealth, PathOpenAPI, PathMetrics,
		PathAdminCodes, PathAdminDevices, PathAdminCatalog, PathStaff, PathAdminStaff} {
		if doc.Paths[p] == nil {
			t.Errorf("openapi.json does not describe %s", p)
		}
	}
}
