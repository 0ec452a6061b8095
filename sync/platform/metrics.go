package platform

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tongban/sync/protocol"
)

// metrics counts what this instance answered. Counters start at zero with
// the process, as Prometheus expects; the gauges of devices and feeds are
// read from the storage at each scrape, so every instance reports the
// whole platform.
type metrics struct {
	mu       sync.Mutex
	requests map[requestKey]uint64
	events   map[string]uint64 // by push result
	enrolls  uint64
}

type requestKey struct {
	path   string
	status int
}

func newMetrics() *metrics {
	return &metrics{requests: map[requestKey]uint64{}, events: map[string]uint64{
		protocol.Stored: 0, protocol.Duplicate: 0, protocol.Rejected: 0,
	}}
}

func (m *metrics) request(path string, status int) {
	m.mu.Lock()
	m.requests[requestKey{path, status}]++
	m.mu.Unlock()
}

func (m *metrics) pushed(results []protocol.PushResult) {
	m.mu.Lock()
	for _, r := range results {
		m.events[r.Status]++
	}
	m.mu.Unlock()
}

func (m *metrics) enrolled() {
	m.mu.Lock()
	m.enrolls++
	m.mu.Unlock()
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) *apiError {
	devices, err := s.store.Devices(r.Context(), "")
	if err != nil {
		return s.storageError(r, err)
	}
	stats, err := s.store.Stats(r.Context())
	if err != nil {
		return s.storageError(r, err)
	}
	var b bytes.Buffer
	s.metrics.write(&b)

	family(&b, "tongban_platform_feed_events", "gauge", "Events stored in each center's feed, by every instance.")
	for _, c := range sortedKeys(stats.Events) {
		sample(&b, "tongban_platform_feed_events", float64(stats.Events[c]), "center", c)
	}

	type group struct{ center, role, state string }
	counts := map[group]int{}
	for _, d := range devices {
		state := "active"
		if d.Revoked {
			state = "revoked"
		}
		counts[group{d.Center, d.Role, state}]++
	}
	groups := make([]group, 0, len(counts))
	for g := range counts {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b group) int {
		return strings.Compare(a.center+a.role+a.state, b.center+b.role+b.state)
	})
	family(&b, "tongban_platform_devices", "gauge", "Enrolled devices by center, role and state.")
	for _, g := range groups {
		sample(&b, "tongban_platform_devices", float64(counts[g]), "center", g.center, "role", g.role, "state", g.state)
	}

	family(&b, "tongban_platform_device_last_seen_seconds", "gauge", "When each device was last seen, as Unix time in seconds.")
	for _, d := range devices {
		seen := d.LastSeen
		if t := s.seen.last(d.ID); t.After(seen) {
			seen = t
		}
		if seen.IsZero() {
			continue
		}
		sample(&b, "tongban_platform_device_last_seen_seconds", float64(seen.UnixMilli())/1000,
			"device", d.ID, "center", d.Center, "short_code", d.ShortCode, "role", d.Role)
	}
	writeBody(w, r, http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", b.Bytes())
	return nil
}

// write puts the instance's counters.
func (m *metrics) write(b *bytes.Buffer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	family(b, "tongban_platform_requests_total", "counter", "HTTP requests answered by this instance, by call and status.")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		if c := strings.Compare(a.path, b.path); c != 0 {
			return c
		}
		return a.status - b.status
	})
	for _, k := range keys {
		sample(b, "tongban_platform_requests_total", float64(m.requests[k]), "path", k.path, "status", strconv.Itoa(k.status))
	}
	family(b, "tongban_platform_events_total", "counter", "Pushed events answered by this instance, by result.")
	for _, res := range sortedKeys(m.events) {
		sample(b, "tongban_platform_events_total", float64(m.events[res]), "result", res)
	}
	family(b, "tongban_platform_enrollments_total", "counter", "Devices enrolled through this instance.")
	sample(b, "tongban_platform_enrollments_total", float64(m.enrolls))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// family writes the HELP and TYPE lines of a metric.
func family(b *bytes.Buffer, name, typ, help string) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// sample writes one line of the text exposition format; labels come as
// name, value pairs.
func sample(b *bytes.Buffer, name string, v float64, labels ...string) {
	b.WriteString(name)
	if len(labels) > 0 {
		b.WriteByte('{')
		for i := 0; i+1 < len(labels); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(labels[i])
			b.WriteString(`="`)
			b.WriteString(labelEscaper.Replace(labels[i+1]))
			b.WriteByte('"')
		}
		b.WriteByte('}')
	}
	b.WriteByte(' ')
	b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	b.WriteByte('\n')
}

// labelEscaper escapes a label value as the exposition format requires.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
