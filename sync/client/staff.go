package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"tongban/app/staff"
	"tongban/sync/protocol"
)

// pullStaff asks, on a counter, for the center's clerks when the platform's staff version
// differs from the device's, and saves them with that version in one store
// transaction (store.ApplyStaff). An entry that is not a usable clerk is
// skipped with its reason in the report; the version is saved all the
// same, as the platform only changes it with a new list.
func (s *Syncer) pullStaff(ctx context.Context, a *api, rep *Report) error {
	if id, err := s.store.Identity(); err != nil || id.Role != protocol.RoleCounter {
		return err // only counters sign clerks in; a public kiosk keeps no PIN hashes
	}
	have, err := s.store.StaffVersion()
	if err != nil {
		have = 0 // a damaged version: take the whole list again
	}
	var resp protocol.StaffResponse
	status, err := a.call(ctx, http.MethodGet, protocol.PathStaff, url.Values{"since": {strconv.Itoa(have)}}, nil, false, &resp)
	var pe *PlatformError
	switch {
	case errors.As(err, &pe) && pe.Status == http.StatusNotFound:
		return nil // a platform from before staff sync: the device keeps its own clerks
	case err != nil:
		return err
	case status == http.StatusNotModified:
		return nil
	case resp.Version < 0:
		return protocolErrorf("GET %s answered staff version %d", protocol.PathStaff, resp.Version)
	}
	clerks, problems := decodeClerks(resp.Clerks)
	n, err := s.store.ApplyStaff(clerks, resp.Version)
	if err != nil {
		return err
	}
	rep.Clerks, rep.ClerksSkipped = n, len(problems)
	if len(problems) > 0 {
		rep.ClerkProblems = fmt.Sprintf("%d clerk entries from the platform were skipped (%s); fix them on the platform with tongban platform staff add",
			len(problems), strings.Join(problems, "; "))
	}
	return nil
}

// decodeClerks reads the platform's staff list: every entry that is a
// clerk a counter can check a PIN against, and why each other entry is not
// (or repeats a staff ID already listed), as a short clause.
func decodeClerks(list []json.RawMessage) (clerks []staff.Clerk, problems []string) {
	seen := make(map[string]bool, len(list))
	for i, raw := range list {
		var c staff.Clerk
		if err := json.Unmarshal(raw, &c); err != nil {
			problems = append(problems, fmt.Sprintf("entry %d is not a staff record: %v", i+1, err))
			continue
		}
		if err := c.Valid(); err != nil {
			problems = append(problems, fmt.Sprintf("entry %d, staff ID %q: %v", i+1, c.ID, err))
			continue
		}
		if seen[c.ID] {
			problems = append(problems, fmt.Sprintf("entry %d repeats staff ID %q", i+1, c.ID))
			continue
		}
		seen[c.ID] = true
		clerks = append(clerks, c)
	}
	return clerks, problems
}
