// Package platform is the reference online platform of the sync API
// (sync/protocol): devices enroll with single-use codes, push their events
// and pull their center's feed, catalog and clerks; an administrator issues
// codes, revokes devices, publishes catalogs and manages clerks over the
// same HTTP API with an admin token. Server is an http.Handler over a Storage; the packages
// boltstore (one file, the default) and pgstore (PostgreSQL, for several
// instances behind a load balancer) implement Storage.
package platform

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"tongban/sync/protocol"
)

// Config tunes a Server. The zero value (with a Storage) serves devices and
// keeps the admin calls closed.
type Config struct {
	// AdminToken opens the admin calls to requests bearing it; empty
	// disables them.
	AdminToken string
	// Version is reported by /v1/health.
	Version string
	// Now is the clock; tests set it. Default time.Now.
	Now func() time.Time
	// CodeTTL is how long an enrollment code lasts when the request gives
	// none (default 24 h); MaxCodeTTL bounds what a request may ask
	// (default 30 days).
	CodeTTL, MaxCodeTTL time.Duration
	// PushRate limits each device to that many POST /v1/events a second,
	// with bursts of PushBurst (default: PushRate rounded up); above it the
	// device gets 429 with Retry-After. Zero means no limit.
	PushRate  float64
	PushBurst int
	// TouchEvery is how often a device's last-seen time is written for
	// pulls and catalog checks (pushes always write it). Default 30 s.
	TouchEvery time.Duration
	// Logger receives one line per server error; default slog.Default().
	Logger *slog.Logger
}

// Server is the platform's HTTP API.
type Server struct {
	cfg     Config
	store   Storage
	mux     *http.ServeMux
	metrics *metrics
	limit   *limiter
	seen    *seenCache
	openapi []byte
}

// New makes a server over a storage. The caller keeps ownership of the
// storage and closes it after the server has stopped.
func New(store Storage, cfg Config) (*Server, error) {
	if store == nil {
		return nil, errors.New("platform: a storage is required")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CodeTTL <= 0 {
		cfg.CodeTTL = 24 * time.Hour
	}
	if cfg.MaxCodeTTL <= 0 {
		cfg.MaxCodeTTL = 30 * 24 * time.Hour
	}
	if cfg.TouchEvery <= 0 {
		cfg.TouchEvery = 30 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.PushRate < 0 {
		return nil, fmt.Errorf("platform: push rate %v is negative; use 0 for no limit", cfg.PushRate)
	}
	s := &Server{
		cfg: cfg, store: store, mux: http.NewServeMux(),
		metrics: newMetrics(), seen: newSeenCache(),
		limit:   newLimiter(cfg.PushRate, cfg.PushBurst),
		openapi: protocol.OpenAPI(),
	}
	s.routes()
	return s, nil
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// handler answers a request; a non-nil error is written as the protocol's
// error body, otherwise the handler wrote the answer itself.
type handler func(w http.ResponseWriter, r *http.Request) *apiError

// routes lists every call. Each path takes its methods explicitly, so a
// wrong method gets the protocol's 405 body, not the mux's plain text.
func (s *Server) routes() {
	s.route(protocol.PathHealth, map[string]handler{http.MethodGet: s.health})
	s.route(protocol.PathOpenAPI, map[string]handler{http.MethodGet: s.serveOpenAPI})
	s.route(protocol.PathMetrics, map[string]handler{http.MethodGet: s.serveMetrics})
	s.route(protocol.PathEnroll, map[string]handler{http.MethodPost: s.enroll})
	s.route(protocol.PathEvents, map[string]handler{http.MethodPost: s.push, http.MethodGet: s.pull})
	s.route(protocol.PathCatalog, map[string]handler{http.MethodGet: s.catalog})
	s.route(protocol.PathAdminCodes, map[string]handler{http.MethodPost: s.admin(s.newCode)})
	s.route(protocol.PathAdminDevices, map[string]handler{http.MethodGet: s.admin(s.devices)})
	s.route(PathAdminRevoke, map[string]handler{http.MethodPost: s.admin(s.revoke)})
	s.route(protocol.PathAdminCatalog, map[string]handler{http.MethodPost: s.admin(s.importCatalog)})
	s.route(protocol.PathStaff, map[string]handler{http.MethodGet: s.staffList})
	s.route(protocol.PathDevices, map[string]handler{http.MethodGet: s.centerDevices})
	s.route(protocol.PathAdminStaff, map[string]handler{
		http.MethodGet: s.admin(s.adminStaffList), http.MethodPost: s.admin(s.putClerk)})
	s.route("/", map[string]handler{"": func(w http.ResponseWriter, r *http.Request) *apiError {
		return fail(http.StatusNotFound, protocol.CodeNotFound,
			"the platform has no call %s; see %s for the calls it has", r.URL.Path, protocol.PathOpenAPI)
	}})
}

// PathAdminRevoke is the admin call that revokes a device (POST).
const PathAdminRevoke = protocol.PathAdminDevices + "/{id}/revoke"

// route registers a path; methods[""] answers any method.
func (s *Server) route(pattern string, methods map[string]handler) {
	if h, ok := methods[http.MethodGet]; ok {
		methods[http.MethodHead] = h
	}
	label := pattern
	if pattern == "/" {
		label = "other"
	}
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				s.cfg.Logger.Error("platform: panic", "path", r.URL.Path, "panic", p)
				if !rec.wrote {
					writeError(rec, r, internal())
				}
			}
			s.metrics.request(label, rec.status)
		}()
		h, ok := methods[r.Method]
		if !ok {
			h, ok = methods[""]
		}
		if !ok {
			h = func(w http.ResponseWriter, r *http.Request) *apiError {
				allowed := allowHeader(methods)
				w.Header().Set("Allow", allowed)
				return fail(http.StatusMethodNotAllowed, protocol.CodeMethodNotAllowed,
					"%s does not take %s; use %s", pattern, r.Method, allowed)
			}
		}
		if e := h(rec, r); e != nil {
			writeError(rec, r, e)
		}
	})
}

func allowHeader(methods map[string]handler) string {
	var out string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		if _, ok := methods[m]; ok {
			if out != "" {
				out += ", "
			}
			out += m
		}
	}
	return out
}

// internal is the answer for a failure of the platform itself; the cause
// goes to the log, not to the device.
func internal() *apiError {
	return fail(http.StatusInternalServerError, protocol.CodeInternal,
		"the platform failed to handle this request; try again later, and tell the platform administrator if it persists")
}

// storageError answers a failed storage call: 503 storage_unavailable
// when the storage does not answer (Storage.Unavailable, or a deadline
// reached inside it while the request still waits), 503 "too busy" when
// the request itself was cancelled or ran out of time, else 500: only a
// real failure of the platform sends people to its log.
func (s *Server) storageError(r *http.Request, err error) *apiError {
	gaveUp := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	switch {
	case gaveUp && r.Context().Err() != nil:
		return fail(http.StatusServiceUnavailable, protocol.CodeInternal,
			"the platform is too busy to answer in time; try again shortly")
	case s.store.Unavailable(err) || errors.Is(err, context.DeadlineExceeded):
		s.cfg.Logger.Error("platform: storage does not answer", "path", r.URL.Path, "err", err)
		if strings.HasPrefix(r.URL.Path, "/v1/admin/") {
			// Said to the administrator, whose change was not made.
			return fail(http.StatusServiceUnavailable, protocol.CodeStorageDown,
				"the platform runs but its database does not answer, so nothing was changed; check the database, then run the command again")
		}
		return storageDown()
	}
	s.cfg.Logger.Error("platform: storage", "path", r.URL.Path, "err", err)
	return internal()
}

// storageDown is the answer while the storage does not answer.
func storageDown() *apiError {
	return fail(http.StatusServiceUnavailable, protocol.CodeStorageDown,
		"the platform runs but its database does not answer; tell the platform administrator, and try again later (a device tries again by itself and loses nothing)")
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// healthTimeout bounds the storage check of /v1/health, so a load
// balancer's probe gets its answer while PostgreSQL hangs.
const healthTimeout = 2 * time.Second

// health answers GET /v1/health: ok only when the storage answers, so a
// load balancer takes an instance whose database is gone out of service.
func (s *Server) health(w http.ResponseWriter, r *http.Request) *apiError {
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.cfg.Logger.Error("platform: health: storage does not answer", "err", err)
		return fail(http.StatusServiceUnavailable, protocol.CodeStorageDown,
			"the platform runs but its storage does not answer; check that its database is up (or its data folder readable) and look in the platform's log")
	}
	writeJSON(w, r, http.StatusOK, protocol.Health{Status: "ok", Version: s.cfg.Version, Time: s.cfg.Now().UTC()})
	return nil
}

func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) *apiError {
	writeBody(w, r, http.StatusOK, "application/json", s.openapi)
	return nil
}
