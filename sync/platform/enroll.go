package platform

import (
	"errors"
	"math"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// smallBody bounds the bodies of enrollment and admin calls.
const smallBody = 64 << 10

// maxNameRunes bounds a device's name.
const maxNameRunes = 100

func (s *Server) enroll(w http.ResponseWriter, r *http.Request) *apiError {
	data, e := readBody(w, r, smallBody)
	if e != nil {
		return e
	}
	var req protocol.EnrollRequest
	if e := decodeStrict(data, &req); e != nil {
		return e
	}
	code := normalizeCode(strings.TrimSpace(req.Code))
	if code == "" {
		return badRequest("the enrollment request has no code; type the code the platform administrator gave you")
	}
	name := strings.TrimSpace(req.Name)
	if utf8.RuneCountInString(name) > maxNameRunes || !utf8.ValidString(name) {
		return badRequest("the device name is longer than %d characters; choose a shorter name", maxNameRunes)
	}
	if req.CasesCenter != "" && !validCenter(req.CasesCenter) {
		return badRequest("cases_center %q is not a 6-digit division code; send the center of the cases the device holds, or none", req.CasesCenter)
	}
	former, e := checkFormerCodes(req.FormerCodes)
	if e != nil {
		return e
	}
	proofHash := ""
	if req.RedemptionProof != "" {
		if !lowerHex(req.RedemptionProof, 64) {
			return badRequest("the redemption proof is not 64 lower-case hex digits (HMAC-SHA256 of the code under the device's secret); send it so, or none")
		}
		proofHash = HashSecret(req.RedemptionProof)
	}
	id := req.DeviceID
	if id == "" {
		id = cases.NewID()
	} else if !validUUID(id) {
		return badRequest("the device ID %q is not a UUID in lower-case canonical form; leave it empty to get a new one", id)
	}
	token := newToken()
	now := s.cfg.Now()
	got, err := s.store.Enroll(r.Context(), Enrollment{
		CodeHash: HashSecret(code), DeviceID: id, Name: name, CasesCenter: req.CasesCenter,
		FormerCodes: former, ProofHash: proofHash,
		TokenHash: HashSecret(token), At: now, Key: newReceiptKey(now),
	})
	switch {
	case errors.Is(err, ErrCodeUnknown), errors.Is(err, ErrCodeUsed), errors.Is(err, ErrCodeExpired):
		return fail(http.StatusForbidden, protocol.CodeBadCode, "%s", firstSentence(err))
	case errors.Is(err, ErrOtherCenter):
		return fail(http.StatusConflict, protocol.CodeOtherCenter, "%s", err.Error())
	case errors.Is(err, ErrOtherRole):
		return fail(http.StatusConflict, protocol.CodeOtherRole, "%s", err.Error())
	case errors.Is(err, ErrCasesCenter):
		return fail(http.StatusConflict, protocol.CodeCasesCenter, "%s", err.Error())
	case errors.Is(err, ErrDeviceActive):
		return fail(http.StatusConflict, protocol.CodeDeviceActive, "%s", err.Error())
	case errors.Is(err, ErrShortCodesExhausted):
		return fail(http.StatusConflict, protocol.CodeShortCodesExhausted, "%s", err.Error())
	case err != nil:
		return s.storageError(r, err)
	}
	s.seen.wrote(id, now)
	s.metrics.enrolled()
	resp := protocol.EnrollResponse{
		DeviceID: got.Device.ID, Token: token, Role: got.Device.Role,
		Center: got.Device.Center, ShortCode: got.Device.ShortCode, ReceiptKeys: got.Keys,
	}
	cat, err := s.store.Catalog(r.Context(), got.Device.Center, math.MaxInt32) // no data, just the version
	switch {
	case err == nil:
		resp.CatalogVersion = cat.Version
		if cat.Center == got.Device.Center {
			resp.CenterName = cat.CenterName
		}
	case !errors.Is(err, ErrNotFound):
		// The device is enrolled; a missing name and version only delay
		// its first catalog pull, so do not fail the enrollment.
		s.cfg.Logger.Warn("platform: catalog lookup at enrollment", "err", err)
	}
	writeJSON(w, r, http.StatusOK, resp)
	return nil
}

// firstSentence drops the detail a storage may have appended after the
// sentinel's sentence.
func firstSentence(err error) string {
	for _, sentinel := range []error{ErrCodeUnknown, ErrCodeUsed, ErrCodeExpired} {
		if errors.Is(err, sentinel) {
			return sentinel.Error()
		}
	}
	return err.Error()
}

// checkFormerCodes checks the short codes a device says it numbered cases
// with before, and returns them each once.
func checkFormerCodes(codes []string) ([]string, *apiError) {
	if len(codes) > protocol.MaxFormerCodes {
		return nil, badRequest("the request names %d former short codes, more than the %d a device may declare; send those it numbered the cases it still holds with", len(codes), protocol.MaxFormerCodes)
	}
	var out []string
	for _, c := range codes {
		if !cases.ValidShortCode(c) {
			return nil, badRequest("the former short code %s is not 2 to 4 capital letters or digits; send the short codes as the device's case numbers carry them", short(c))
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// lowerHex reports whether s is n lower-case hex digits.
func lowerHex(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789abcdef") == ""
}

// validUUID accepts the canonical lower-case form only, so one ID cannot
// come in two spellings and escape the uniqueness check.
func validUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := range len(s) {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// validCenter reports whether s is a 6-digit division code.
func validCenter(s string) bool {
	return len(s) == 6 && strings.Trim(s, "0123456789") == ""
}

func (s *Server) newCode(w http.ResponseWriter, r *http.Request) *apiError {
	data, e := readBody(w, r, smallBody)
	if e != nil {
		return e
	}
	var req protocol.CodeRequest
	if e := decodeStrict(data, &req); e != nil {
		return e
	}
	if !validCenter(req.Center) {
		return badRequest("center %q is not a 6-digit division code; give the center's code such as 130102", req.Center)
	}
	if req.Role != protocol.RoleKiosk && req.Role != protocol.RoleCounter {
		return badRequest("role %q is not kiosk or counter; choose one of them", req.Role)
	}
	ttl := req.TTL
	switch {
	case ttl < 0:
		return badRequest("the code's lifetime is negative; give a positive duration or none for 24 hours")
	case ttl == 0:
		ttl = s.cfg.CodeTTL
	case ttl > s.cfg.MaxCodeTTL:
		return badRequest("the code's lifetime %v is longer than the %v this platform allows; ask for a shorter one", ttl, s.cfg.MaxCodeTTL)
	}
	if !req.NewCenter {
		if e := s.checkCenter(r, req.Center); e != nil {
			return e
		}
	}
	code := newCode()
	now := s.cfg.Now()
	c := Code{Hash: HashSecret(code), Center: req.Center, Role: req.Role, Created: now, Expires: now.Add(ttl)}
	if err := s.store.AddCode(r.Context(), c); err != nil {
		return s.storageError(r, err)
	}
	resp := protocol.CodeResponse{Code: code, Center: c.Center, Role: c.Role, Expires: c.Expires.UTC()}
	warning, def, err := s.catalogWarning(r.Context(), c.Center)
	if err != nil {
		// The code is made; a missing warning only leaves the
		// administrator to notice the catalog, so do not fail the call.
		s.cfg.Logger.Warn("platform: catalog lookup for a new code", "err", err)
	}
	resp.Warning, resp.DefaultCatalogCenter = warning, def
	writeJSON(w, r, http.StatusOK, resp)
	return nil
}

func (s *Server) devices(w http.ResponseWriter, r *http.Request) *apiError {
	center := r.URL.Query().Get("center")
	if center != "" && !validCenter(center) {
		return badRequest("center %q is not a 6-digit division code; give the center's code such as 130102, or none for all", center)
	}
	list, err := s.store.Devices(r.Context(), center)
	if err != nil {
		return s.storageError(r, err)
	}
	for i := range list {
		if t := s.seen.last(list[i].ID); t.After(list[i].LastSeen) {
			list[i].LastSeen = t
		}
	}
	if list == nil {
		list = []protocol.Device{}
	}
	writeJSON(w, r, http.StatusOK, list)
	return nil
}

func (s *Server) revoke(w http.ResponseWriter, r *http.Request) *apiError {
	id := r.PathValue("id")
	dev, err := s.store.Revoke(r.Context(), id)
	switch {
	case errors.Is(err, ErrNotFound):
		return fail(http.StatusNotFound, protocol.CodeNotFound,
			"no device has the ID %q; list the devices to find its ID", id)
	case err != nil:
		return s.storageError(r, err)
	}
	writeJSON(w, r, http.StatusOK, dev)
	return nil
}
