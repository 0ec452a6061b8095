package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/protocol"
)

// Enroll trades a single-use enrollment code for this device's token and
// saves who the device now is: platform address, token, center, short
// code, role and CA in the identity, and the center's receipt keys under
// KeyReceiptKeys. The device keeps its ID (the platform is asked to keep
// it), so its earlier events stay its own, and enrolling again after a
// 401 clears "needs enrollment" without touching any case.
//
// caPEM is the PEM of a private CA for an https platform, or empty.
func Enroll(ctx context.Context, platformURL, code, caPEM string, st Store) (store.Identity, error) {
	return enroll(ctx, platformURL, code, caPEM, st, nil)
}

func enroll(ctx context.Context, platformURL, code, caPEM string, st Store, rt http.RoundTripper) (store.Identity, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return store.Identity{}, errNoCode
	}
	a, err := newAPI(apiConfig{platform: platformURL, caPEM: caPEM, timeout: Options{}.withDefaults().Timeout, transport: rt})
	if err != nil {
		return store.Identity{}, err
	}
	id, err := st.Identity()
	if err != nil {
		return id, err
	}
	name := id.Name
	if name == "" {
		name, _ = os.Hostname()
	}
	var resp protocol.EnrollResponse
	req, err := json.Marshal(protocol.EnrollRequest{Code: code, Name: name, DeviceID: id.DeviceID})
	if err != nil {
		return id, err
	}
	base, _ := checkPlatformURL(platformURL)
	if _, err := a.call(ctx, http.MethodPost, protocol.PathEnroll, nil, req, false, &resp); err != nil {
		if u := (*unreachable)(nil); errors.As(err, &u) {
			u.at = base // no case waits yet: say what to check
		}
		return id, err
	}
	if err := checkEnrollment(resp); err != nil {
		return id, err
	}
	keys, err := json.Marshal(resp.ReceiptKeys)
	if err != nil {
		return id, err
	}
	id.DeviceID = resp.DeviceID // the platform's answer is what its token is bound to
	id.Name = name
	id.Role, id.Center, id.ShortCode = resp.Role, resp.Center, resp.ShortCode
	id.Platform, id.Token, id.CA = base, resp.Token, caPEM
	id.NeedsEnrollment = false
	// The keys first: an identity saved without them would seal receipts
	// no counter can open.
	if err := st.Put(KeyReceiptKeys, keys); err != nil {
		return id, err
	}
	return id, st.SetIdentity(id)
}

// checkEnrollment refuses an answer the device could not work with.
func checkEnrollment(r protocol.EnrollResponse) error {
	switch {
	case r.DeviceID == "" || r.Token == "":
		return protocolErrorf("the enrollment answer has no device ID or token")
	case r.Role != protocol.RoleKiosk && r.Role != protocol.RoleCounter:
		return protocolErrorf("the enrollment answer has role %q", r.Role)
	case !cases.ValidShortCode(r.ShortCode):
		return protocolErrorf("the enrollment answer has short code %q", r.ShortCode)
	case r.Center == "":
		return protocolErrorf("the enrollment answer names no center")
	}
	for _, k := range r.ReceiptKeys {
		if k.ID == "" || len(k.Key) != 32 {
			return protocolErrorf("receipt key %q is not a named 32-byte key", k.ID)
		}
	}
	return nil
}
