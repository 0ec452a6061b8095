package platform_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// newRecorder answers one request in process, without a listener.
func newRecorder(h http.Handler, method, path, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
