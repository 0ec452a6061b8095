package platform

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"unicode/utf8"

	"tongban/app/staff"
	"tongban/sync/protocol"
)

// staffList answers GET /v1/staff?since=VERSION for a device: 304 when the
// device has the center's staff version, else the whole list. A since
// above the platform's version (a platform restored from a backup) gets
// the list too, so the device takes the platform's version again.
func (s *Server) staffList(w http.ResponseWriter, r *http.Request) *apiError {
	dev, e := s.device(r)
	if e != nil {
		return e
	}
	if dev.Role != protocol.RoleCounter { // a public kiosk holds no clerk's PIN hash
		return fail(http.StatusForbidden, protocol.CodeForbidden,
			"only counters get the staff list and this device is enrolled as a %s; a kiosk signs in no clerk, so it needs no staff list", dev.Role)
	}
	since := 0
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > math.MaxInt32 {
			return badRequest("since=%q is not a staff version; send the version the device has, or 0", v)
		}
		since = n
	}
	s.touch(r, dev)
	version, data, err := s.store.Clerks(r.Context(), dev.Center, since)
	if err != nil {
		return s.storageError(r, err)
	}
	w.Header().Set(protocol.HeaderStaffVersion, strconv.Itoa(version))
	if version == since {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	writeJSON(w, r, http.StatusOK, staffResponse(version, data))
	return nil
}

// adminStaffList answers GET /v1/admin/staff?center=C.
func (s *Server) adminStaffList(w http.ResponseWriter, r *http.Request) *apiError {
	center := r.URL.Query().Get("center")
	if !validCenter(center) {
		return badRequest("center %q is not a 6-digit division code; give the center's code such as 130102", center)
	}
	version, data, err := s.store.Clerks(r.Context(), center, -1)
	if err != nil {
		return s.storageError(r, err)
	}
	writeJSON(w, r, http.StatusOK, staffResponse(version, data))
	return nil
}

func staffResponse(version int, data [][]byte) protocol.StaffResponse {
	resp := protocol.StaffResponse{Version: version, Clerks: make([]json.RawMessage, len(data))}
	for i, d := range data {
		resp.Clerks[i] = d
	}
	return resp
}

// putClerk answers POST /v1/admin/staff: it checks that the clerk is one a
// counter can use (a staff ID, a PIN hash at a bearable cost) and stores
// its JSON as sent, so fields a newer tongban adds pass through.
func (s *Server) putClerk(w http.ResponseWriter, r *http.Request) *apiError {
	data, e := readBody(w, r, smallBody)
	if e != nil {
		return e
	}
	var req protocol.StaffUpdate
	if e := decodeStrict(data, &req); e != nil {
		return e
	}
	if !validCenter(req.Center) {
		return badRequest("center %q is not a 6-digit division code; give the center's code such as 130102", req.Center)
	}
	if len(req.Clerk) == 0 || bytes.Equal(req.Clerk, []byte("null")) {
		return badRequest("the request has no clerk; send the clerk with its staff ID, name and PIN hash")
	}
	var c staff.Clerk
	if err := json.Unmarshal(req.Clerk, &c); err != nil {
		return badRequest("the clerk is not a staff record (%v); send the clerk as tongban platform staff add makes it", err)
	}
	if err := c.Valid(); errors.Is(err, staff.ErrBadID) {
		return badRequest("the staff ID %q is not 1 to 16 letters, digits, - or _; choose another ID", c.ID)
	} else if err != nil {
		return badRequest("clerk %s has no usable PIN hash (its cost must be 1 to %d, its salt 8 to 64 bytes, its hash 16 to 64 bytes); set the PIN with tongban platform staff add",
			c.ID, staff.MaxIterations)
	}
	if n := utf8.RuneCountInString(c.Name); n == 0 || n > maxNameRunes {
		return badRequest("clerk %s has a name of %d characters; give a name of 1 to %d", c.ID, n, maxNameRunes)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, req.Clerk); err != nil {
		return badRequest("the clerk is not valid JSON (%v); send a well-formed JSON object", err)
	}
	version, err := s.store.PutClerk(r.Context(), req.Center, c.ID, compact.Bytes())
	if err != nil {
		return s.storageError(r, err)
	}
	writeJSON(w, r, http.StatusOK, protocol.StaffUpdated{Center: req.Center, ID: c.ID, Version: version})
	return nil
}
