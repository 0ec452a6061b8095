package platform

import (
	"encoding/json"
	"testing"

	"tongban/app/cases"
)

// numberPayloads are submissions' payloads, as devices write them and not.
var numberPayloads = []string{
	`{"number":"260302-K01-0001","item_code":"X","catalog_version":1,"fields":{"name":"张三"},"materials":[0,2],"channel":"kiosk"}`,
	` { "item_code" : "X" , "number" : "260302-K01-0001" } `,
	`{"fields":{"number":"inner"},"number":"260302-K01-0002"}`,
	`{"number":"260302-K01-0001","number":"260302-K01-0002"}`,
	`{"number":"260302-K01-0001","number":null}`,
	`{"Number":"260302-K01-0003"}`,
	`{"numb\u0065r":"260302-K01-0004"}`,
	`{"number":"260302\u002dK01-0005"}`,
	`{"number":"bad ` + "\xff" + `"}`,
	`{"number":5}`, `{}`, `[]`, `"number"`, `null`,
}

// TestSubmissionNumber holds submissionNumber to json.Unmarshal.
func TestSubmissionNumber(t *testing.T) {
	fast := 0
	for _, p := range numberPayloads {
		if checkSubmissionNumber(t, []byte(p)) {
			fast++
		}
	}
	if fast < 4 {
		t.Fatalf("only %d payloads were read without encoding/json", fast)
	}
	if n := submissionNumber([]byte(numberPayloads[0])); n != "260302-K01-0001" {
		t.Fatalf("the number of a submission as devices write it = %q", n)
	}
}

// FuzzSubmissionNumber holds submissionNumber to json.Unmarshal.
func FuzzSubmissionNumber(f *testing.F) {
	for _, p := range numberPayloads {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		if !json.Valid([]byte(payload)) { // checkNumber sees only valid JSON
			return
		}
		checkSubmissionNumber(t, []byte(payload))
	})
}

// checkSubmissionNumber fails when submissionNumber reads p otherwise
// than json.Unmarshal does, and says whether the fast path read it.
func checkSubmissionNumber(t *testing.T, p []byte) bool {
	t.Helper()
	var want struct {
		Number string `json:"number"`
	}
	err := json.Unmarshal(p, &want)
	n, ok := submissionNumberFast(p)
	switch {
	case ok && err != nil:
		t.Fatalf("%s: the fast path read %q where json.Unmarshal fails (%v)", p, n, err)
	case ok && n != want.Number:
		t.Fatalf("%s: the fast path read %q, json.Unmarshal %q", p, n, want.Number)
	case submissionNumber(p) != want.Number:
		t.Fatalf("%s: submissionNumber = %q, json.Unmarshal %q", p, submissionNumber(p), want.Number)
	}
	return ok
}

// caseNumbers are case numbers and near misses.
var caseNumbers = []string{
	"260302-K01-0001", "260302-K01-123456", "260302-C1-0042", "260302-ABCD-0001",
	"260302-k01-0001", " 260302-K01-0001", "260302K010001", "260302_K01_0001", "260302－K01－0001",
	"260302-K01-001", "260302-K01-1234567", "2603-K01-0001", "260302-K-0001", "260302-ABCDE-0001",
	"260302-K01-0001-", "260302--0001", "", "HELLO", "２60302-K01-0001",
}

// TestCanonicalNumber holds canonicalNumber to cases.NormalizeNumber.
func TestCanonicalNumber(t *testing.T) {
	canonical := 0
	for _, n := range caseNumbers {
		if checkCanonicalNumber(t, n) {
			canonical++
		}
	}
	if canonical != 4 {
		t.Fatalf("%d of the sample numbers are canonical, want 4", canonical)
	}
}

// FuzzCanonicalNumber holds canonicalNumber to cases.NormalizeNumber.
func FuzzCanonicalNumber(f *testing.F) {
	for _, n := range caseNumbers {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n string) { checkCanonicalNumber(t, n) })
}

// checkCanonicalNumber fails when canonicalNumber or plainNumber say
// otherwise than cases.NormalizeNumber, and says whether n is canonical.
func checkCanonicalNumber(t *testing.T, n string) bool {
	t.Helper()
	norm, err := cases.NormalizeNumber(n)
	want := err == nil && norm == n
	if got := canonicalNumber(n); got != want {
		t.Fatalf("canonicalNumber(%q) = %v; NormalizeNumber gives %q, %v", n, got, norm, err)
	}
	if plainNumber(n) && !want {
		t.Fatalf("plainNumber(%q) is true but NormalizeNumber gives %q, %v", n, norm, err)
	}
	return want
}
