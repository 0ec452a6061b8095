package platform

import (
	"encoding/json"
	"testing"

	"tongban/app/cases"
)

// shapePayloads are payloads around the edges of what fitsShape takes,
// each tried against every payload type.
var shapePayloads = []string{
	`{"number":"260302-K01-0001","item_code":"X","catalog_version":1,"fields":{"name":"张三"},"materials":[0,2],"channel":"kiosk"}`,
	` { "number" : "1" , "fields" : { "a" : "b" , "c" : null } , "materials" : [ ] } `,
	`{"catalog_version":1.0}`, `{"catalog_version":1e2}`, `{"catalog_version":-0}`,
	`{"catalog_version":9223372036854775808}`, `{"catalog_version":"1"}`, `{"catalog_version":null}`,
	`{"Number":"x"}`, `{"unknown":1}`, `{"num\u0062er":"x"}`, `{"fields":{"a":1}}`, `{"fields":[]}`,
	`{"materials":[1,"2"]}`, `{"materials":{}}`, `{"number":"a","number":"b"}`,
	`{"approved":true,"note":"<&>"}`, `{"approved":"yes"}`, `{"approved":null}`,
	`{"level":5,"channel":"kiosk","comment":""}`, `{"level":"x"}`, `{"level":2147483648}`, `{"level":-3}`,
	`{"reasons":["a","b"]}`, `{"reasons":"a"}`, `{"reasons":[null]}`,
	`{"received":[1],"shortfall":[2]}`, `{"missing":[]}`, `{"missing":[1.5]}`,
	`{"chosen":"x","note":"y"}`, `{"document":"receipt","ticket":"A001"}`, `{"ticket":"A1","window":"3"}`,
	`{"field":"id_number"}`, `{"reason":"\u4e2d"}`, `{}`, `[]`, `"x"`, `1`, `true`, `null`,
	`{"number":"bad ` + "\xff" + `"}`,
}

// TestFitsShape: every payload type has a shape, and what fits a shape
// decodes without error.
func TestFitsShape(t *testing.T) {
	for k := range payloadTypes {
		if payloadShapes[k] == nil {
			t.Errorf("the payload type of %s has no shape, so every such payload takes the slow path", k)
		}
	}
	fits := 0
	for _, p := range shapePayloads {
		for k := range payloadTypes {
			if checkFitsShape(t, k, []byte(p)) {
				fits++
			}
		}
	}
	if fits == 0 {
		t.Fatal("no payload fits any shape")
	}
	if !fitsShape([]byte(shapePayloads[0]), payloadShapes[cases.KindSubmitted]) {
		t.Fatal("a submission as devices write it does not fit its shape")
	}
}

// FuzzFitsShape holds fitsShape to json.Unmarshal.
func FuzzFitsShape(f *testing.F) {
	for i, p := range shapePayloads {
		f.Add(i, p)
	}
	f.Fuzz(func(t *testing.T, kind int, payload string) {
		if !json.Valid([]byte(payload)) { // checkPayload sees only valid JSON
			return
		}
		k := cases.Kinds[uint(kind)%uint(len(cases.Kinds))]
		checkFitsShape(t, k, []byte(payload))
	})
}

// checkFitsShape fails when the payload fits the shape of kind k but does
// not decode into its type, and says whether it fits.
func checkFitsShape(t *testing.T, k cases.Kind, p []byte) bool {
	t.Helper()
	if s := payloadShapes[k]; s == nil || !fitsShape(p, s) {
		return false
	}
	if err := json.Unmarshal(p, payloadTypes[k]()); err != nil {
		t.Fatalf("%s fits the shape of %s but does not decode: %v", p, k, err)
	}
	return true
}
