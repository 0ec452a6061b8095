package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/google/uuid"

	"tongban/sync/protocol"
)

// api speaks the sync protocol to one platform with one token. It does no
// retrying of its own: the syncer decides when to try again.
type api struct {
	r   *resty.Client
	now func() time.Time
}

// apiConfig says which platform to talk to and how.
type apiConfig struct {
	platform string // base URL, checked by checkPlatformURL
	token    string
	caPEM    string
	timeout  time.Duration
	// transport replaces the default one (benchmarks, tests); caPEM is
	// then ignored.
	transport http.RoundTripper
	now       func() time.Time
}

func newAPI(cfg apiConfig) (*api, error) {
	base, err := checkPlatformURL(cfg.platform)
	if err != nil {
		return nil, err
	}
	rt := cfg.transport
	if rt == nil {
		t, err := newTransport(base, cfg.caPEM)
		if err != nil {
			return nil, err
		}
		rt = t
	}
	if cfg.now == nil {
		cfg.now = time.Now
	}
	r := resty.NewWithClient(&http.Client{Transport: rt, Timeout: cfg.timeout}).
		SetBaseURL(base).
		SetRetryCount(0).
		SetHeader("Accept", "application/json").
		SetHeader("User-Agent", "tongban-device")
	if cfg.token != "" {
		r.SetAuthToken(cfg.token)
	}
	return &api{r: r, now: cfg.now}, nil
}

// checkPlatformURL returns the platform's base URL without a trailing
// slash, or ErrBadPlatformURL.
func checkPlatformURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", ErrBadPlatformURL
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// newTransport is a keep-alive transport; with a CA PEM it trusts that CA
// (and only it) for an https platform.
func newTransport(base, caPEM string) (*http.Transport, error) {
	t := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
	}
	if caPEM != "" {
		if !strings.HasPrefix(base, "https://") {
			return nil, errCAWithHTTP
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM([]byte(caPEM)) {
			return nil, ErrBadCA
		}
		t.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	return t, nil
}

// call is one request: body (JSON, if not nil) is sent gzipped when zip is
// set; a 2xx JSON answer is decoded into out (if not nil). It returns the
// HTTP status, a *PlatformError for an error answer, or an error wrapping
// ErrUnreachable when no whole answer came back.
func (a *api) call(ctx context.Context, method, path string, query url.Values, body []byte, zip bool, out any) (int, error) {
	req := a.r.R().SetContext(ctx)
	// Every call of the protocol is safe to repeat (events by their IDs,
	// enrollment by its redemption proof). Said so, Go's transport sends
	// it again on a new connection when a kept-alive one turns out closed
	// by a platform that restarted, instead of failing the round.
	req.SetHeader("Idempotency-Key", uuid.NewString())
	if query != nil {
		req.SetQueryParamsFromValues(query)
	}
	if body != nil {
		data := body
		if zip {
			var err error
			if data, err = gzipBytes(data); err != nil {
				return 0, err
			}
			req.SetHeader("Content-Encoding", "gzip")
		}
		req.SetHeader("Content-Type", "application/json").SetBody(data)
	}
	resp, err := req.Execute(method, path)
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, transportError(err)
	}
	status := resp.StatusCode()
	switch {
	case status == http.StatusNotModified:
		return status, nil
	case status >= 400:
		return status, a.platformError(resp)
	case status < 200 || status > 299:
		return status, protocolErrorf("%s %s answered %d", method, path, status)
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body(), out); err != nil {
			return status, protocolErrorf("%s %s: %v", method, path, err)
		}
	}
	return status, nil
}

// platformError reads an error answer: the body is a protocol.Error; a
// 429 or 503 may say when to come back.
func (a *api) platformError(resp *resty.Response) *PlatformError {
	pe := decodeError(resp.StatusCode(), resp.Body())
	if s := resp.StatusCode(); s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable {
		pe.RetryAfter, pe.HasRetryAfter = ParseRetryAfter(resp.Header().Get("Retry-After"), a.now())
	}
	return pe
}

// decodeError makes a PlatformError of an error body; a body that is not a
// protocol.Error (a proxy's HTML page) leaves the plain message.
func decodeError(status int, body []byte) *PlatformError {
	pe := &PlatformError{Status: status}
	var e protocol.Error
	if json.Unmarshal(body, &e) == nil {
		pe.Code, pe.Message, pe.EventID = e.Code, oneLine(e.Message), e.EventID
	}
	return pe
}

// oneLine keeps a platform's message to one short line on a screen.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 600 {
		s = string(r[:600]) + "…"
	}
	return s
}

func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data) / 4)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
