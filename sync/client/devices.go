package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// KeyDevices holds the center's device directory, as the JSON of a
// cases.Directory: timelines name other devices by the short codes it
// lists (cases.Directory.Name).
const KeyDevices = cases.KeyDirectory

const (
	// directoryEvery is how often the directory is fetched while no
	// unknown device shows up in the feed: it catches a device that was
	// revoked or enrolled again under another role (and short code).
	directoryEvery = time.Hour
	// directoryRetry is the pause after a failed fetch.
	directoryRetry = 5 * time.Minute
)

// directory is what a syncer remembers of the saved directory between
// rounds, so that noting the devices of a pulled page costs a map look-up
// per run of events, and the store is read once.
type directory struct {
	loaded bool
	// known are the devices the saved directory lists, and those a fetch
	// was already made for (a device moved to another center keeps its
	// events in this one's feed but is not listed: one fetch, not one a
	// round).
	known map[string]bool
	// unknown are the devices of pulled events that known lacks.
	unknown map[string]bool
	// next is when the directory is due again; no fetch for an unknown
	// device before retry (set after a failure).
	next, retry time.Time
}

// load reads the saved directory once, after a syncer starts or the
// device's identity changed.
func (d *directory) load(st Store) {
	if d.loaded {
		return
	}
	*d = directory{loaded: true, known: map[string]bool{}}
	var saved cases.Directory
	if raw, err := st.Get(KeyDevices); err == nil && raw != nil {
		json.Unmarshal(raw, &saved) // a damaged directory is fetched again at once (Fetched zero)
	}
	for _, e := range saved.Devices {
		d.known[e.ID] = true
	}
	d.next = saved.Fetched.Add(directoryEvery)
}

// note records the devices of a pulled page that the directory lacks.
func (d *directory) note(events []cases.Event) {
	last := ""
	for i := range events {
		id := events[i].Device
		if id == last || d.known[id] {
			last = id
			continue
		}
		last = id
		if d.unknown == nil {
			d.unknown = map[string]bool{}
		}
		d.unknown[id] = true
	}
}

// refreshDirectory fetches and saves the center's device directory when
// the feed brought events of a device it lacks, or once it is an hour old.
// It never fails the round: the device keeps the directory it has, and
// the report says why in DeviceProblem.
func (s *Syncer) refreshDirectory(ctx context.Context, a *api, rep *Report) {
	now := s.opts.Now()
	if now.Before(s.dir.next) && (len(s.dir.unknown) == 0 || now.Before(s.dir.retry)) {
		return
	}
	dir, err := fetchDirectory(ctx, a, now)
	if err == nil {
		err = saveDirectory(s.store, dir)
	}
	var pe *PlatformError
	switch {
	case err == nil:
		for id := range s.dir.unknown {
			s.dir.known[id] = true
		}
		for _, e := range dir.Devices {
			s.dir.known[e.ID] = true
		}
		s.dir.unknown, s.dir.next, s.dir.retry = nil, now.Add(directoryEvery), time.Time{}
		rep.Devices = len(dir.Devices)
	case ctx.Err() != nil:
		// Stopped: the next round asks again.
	case errors.As(err, &pe) && pe.Status == http.StatusNotFound:
		// A platform from before the directory: ask again in an hour.
		s.dir.unknown, s.dir.next, s.dir.retry = nil, now.Add(directoryEvery), now.Add(directoryEvery)
	default:
		s.dir.retry = now.Add(directoryRetry)
		s.dir.next = later(s.dir.next, s.dir.retry)
		rep.DeviceProblem = fmt.Sprintf("the center's device list could not be fetched (%v); timelines name devices as before, and it is tried again in %v",
			err, directoryRetry)
	}
}

// fetchDirectory asks the platform for the center's devices.
func fetchDirectory(ctx context.Context, a *api, now time.Time) (cases.Directory, error) {
	var resp protocol.DevicesResponse
	if _, err := a.call(ctx, http.MethodGet, protocol.PathDevices, nil, nil, false, &resp); err != nil {
		return cases.Directory{}, err
	}
	dir := cases.Directory{Fetched: now, Devices: make([]cases.DirectoryEntry, 0, len(resp.Devices))}
	for _, d := range resp.Devices {
		if d.ID == "" {
			return cases.Directory{}, protocolErrorf("GET %s listed a device without an ID", protocol.PathDevices)
		}
		dir.Devices = append(dir.Devices, cases.DirectoryEntry{ID: d.ID, Role: d.Role, ShortCode: d.ShortCode, Revoked: d.Revoked})
	}
	return dir, nil
}

func saveDirectory(st Store, dir cases.Directory) error {
	raw, err := json.Marshal(dir)
	if err != nil {
		return err
	}
	return st.Put(KeyDevices, raw)
}

// enrollDirectory fetches the directory with a token just given, for an
// enrollment to save with the identity; nil when the platform does not
// give it (it is fetched again at the first sync).
func enrollDirectory(ctx context.Context, cfg apiConfig) []byte {
	a, err := newAPI(cfg)
	if err != nil {
		return nil
	}
	dir, err := fetchDirectory(ctx, a, a.now())
	if err != nil {
		return nil
	}
	raw, err := json.Marshal(dir)
	if err != nil {
		return nil
	}
	return raw
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
