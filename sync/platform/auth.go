package platform

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"tongban/sync/protocol"
)

// bearer returns the token of an Authorization: Bearer header, or "".
func bearer(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// device authenticates a device request.
func (s *Server) device(r *http.Request) (protocol.Device, *apiError) {
	token := bearer(r)
	if token == "" {
		return protocol.Device{}, fail(http.StatusUnauthorized, protocol.CodeUnauthorized,
			"the request carries no device token; enroll the device with an enrollment code first")
	}
	dev, err := s.store.DeviceByToken(r.Context(), HashSecret(token))
	switch {
	case errors.Is(err, ErrNotFound):
		return dev, fail(http.StatusUnauthorized, protocol.CodeUnauthorized,
			"the device token is not known to this platform; enroll the device again with a new enrollment code")
	case err != nil:
		return dev, s.storageError(r, err)
	case dev.Revoked:
		return dev, fail(http.StatusUnauthorized, protocol.CodeRevoked,
			"this device was revoked by the platform administrator; enroll it again with a new enrollment code")
	}
	return dev, nil
}

// admin guards a handler with the admin token.
func (s *Server) admin(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) *apiError {
		if s.cfg.AdminToken == "" {
			return fail(http.StatusForbidden, protocol.CodeForbidden,
				"admin calls are disabled on this platform; start it with an admin token to use them")
		}
		token := bearer(r)
		if token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.AdminToken)) != 1 {
			return fail(http.StatusUnauthorized, protocol.CodeUnauthorized,
				"the admin token is missing or wrong; pass the token the platform was started with")
		}
		return h(w, r)
	}
}

// seenCache remembers when each device's last-seen time was last written,
// so a device that pulls every few seconds does not cost a write each time.
type seenCache struct {
	mu      sync.Mutex
	written map[string]time.Time
	seen    map[string]time.Time
}

func newSeenCache() *seenCache {
	return &seenCache{written: map[string]time.Time{}, seen: map[string]time.Time{}}
}

// saw records a sighting and reports whether it should be written now.
func (c *seenCache) saw(id string, at time.Time, every time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if at.After(c.seen[id]) {
		c.seen[id] = at
	}
	if at.Sub(c.written[id]) < every {
		return false
	}
	c.written[id] = at
	return true
}

// wrote records that a sighting was written (by a push).
func (c *seenCache) wrote(id string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if at.After(c.seen[id]) {
		c.seen[id] = at
	}
	c.written[id] = at
}

// last is the latest sighting this instance knows of.
func (c *seenCache) last(id string) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[id]
}

// touch records a device's sighting, writing it at most every TouchEvery.
func (s *Server) touch(r *http.Request, dev protocol.Device) {
	now := s.cfg.Now()
	if !s.seen.saw(dev.ID, now, s.cfg.TouchEvery) {
		return
	}
	if err := s.store.Touch(r.Context(), dev.ID, now); err != nil {
		s.cfg.Logger.Warn("platform: last-seen not recorded", "device", dev.ID, "err", err)
	}
}
