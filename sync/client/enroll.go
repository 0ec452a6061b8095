package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/protocol"
)

// EnrollTimeout bounds each request of an enrollment: a person waits for
// it, and a platform that accepts the connection but stays silent should
// be told within seconds, not after the syncer's minute.
const EnrollTimeout = 15 * time.Second

// EnrollStore is what enrollment needs of a device store; *store.Store has
// it. SwitchPlatform saves the identity of a device that moved to another
// platform together with a fresh start of its sync (store.SwitchPlatform).
type EnrollStore interface {
	Store
	SwitchPlatform(id store.Identity, settings map[string][]byte) (requeued int, err error)
}

var _ EnrollStore = (*store.Store)(nil)

// Enrollment is what an enrollment did.
type Enrollment struct {
	// Identity is who the device now is, as saved.
	Identity store.Identity
	// CenterName is the center's name as the platform gave it; empty when
	// the platform knows none.
	CenterName string
	// CatalogVersion is the platform's catalog version for the center.
	CatalogVersion int
	// Moved is set when the device was enrolled with another platform (or
	// in another center) before: its change-feed cursor was dropped, and
	// Requeued events it made went back in the outbox for the new platform.
	Moved    bool
	Requeued int
}

// Enroll trades a single-use enrollment code for this device's token and
// saves who the device now is: platform address, token, center, short
// code, role and CA in the identity, the center's receipt keys under
// KeyReceiptKeys and, when the platform gives it, the center's device
// directory under KeyDevices. The device keeps its ID (the platform is
// asked to keep it), so its earlier events stay its own, and enrolling
// again after a 401 clears "needs enrollment" without touching any case.
//
// The request proves that a retry comes from this device (a secret it
// keeps, KeyDeviceSecret), so a reply lost after the platform committed
// costs nothing, and declares the short codes the device numbered its
// cases with before (KeyFormerCodes and its identity's), so the platform
// takes them when they are sent again.
//
// Enrolling with another platform than before (another address, another
// center, or a platform that does not hold the receipt keys the device
// had) also starts the sync afresh, in the transaction that saves the new
// identity: the old change-feed cursor goes, and every event the device
// made goes back in the outbox; the platform keeps each event once.
//
// caPEM is the PEM of a private CA for an https platform, or empty.
func Enroll(ctx context.Context, platformURL, code, caPEM string, st EnrollStore) (store.Identity, error) {
	e, err := EnrollDevice(ctx, platformURL, code, caPEM, st)
	return e.Identity, err
}

// EnrollDevice is Enroll, and says what the enrollment did.
func EnrollDevice(ctx context.Context, platformURL, code, caPEM string, st EnrollStore) (Enrollment, error) {
	return enroll(ctx, platformURL, code, caPEM, st, nil)
}

func enroll(ctx context.Context, platformURL, code, caPEM string, st EnrollStore, rt http.RoundTripper) (Enrollment, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return Enrollment{}, errNoCode
	}
	a, err := newAPI(apiConfig{platform: platformURL, caPEM: caPEM, timeout: EnrollTimeout, transport: rt})
	if err != nil {
		return Enrollment{}, err
	}
	old, err := st.Identity()
	if err != nil {
		return Enrollment{}, err
	}
	oldKeys := savedKeys(st)
	name := old.Name
	if name == "" {
		name, _ = os.Hostname()
	}
	secret, err := deviceSecret(st) // saved before the request: a retry proves the same
	if err != nil {
		return Enrollment{Identity: old}, err
	}
	casesCenter := demoCasesCenter(st, old)
	former := formerCodes(st, old, casesCenter != "")
	var resp protocol.EnrollResponse
	req, err := json.Marshal(protocol.EnrollRequest{Code: code, Name: name, DeviceID: old.DeviceID, CasesCenter: casesCenter,
		FormerCodes: former, RedemptionProof: redemptionProof(secret, code)})
	if err != nil {
		return Enrollment{Identity: old}, err
	}
	base, _ := checkPlatformURL(platformURL)
	if _, err := a.call(ctx, http.MethodPost, protocol.PathEnroll, nil, req, false, &resp); err != nil {
		return Enrollment{Identity: old}, atPlatform(err, base)
	}
	if err := checkEnrollment(resp); err != nil {
		return Enrollment{Identity: old}, atPlatform(err, base)
	}
	if err := strandedBy(st, old, resp); err != nil {
		return Enrollment{Identity: old}, err
	}
	keys, err := json.Marshal(resp.ReceiptKeys)
	if err != nil {
		return Enrollment{Identity: old}, err
	}
	// The center's devices, so timelines name them from the start; nil
	// when the platform does not give them (the first sync asks again).
	devices := enrollDirectory(ctx, apiConfig{platform: base, token: resp.Token, caPEM: caPEM, timeout: EnrollTimeout, transport: rt})
	id := old
	id.DeviceID = resp.DeviceID // the platform's answer is what its token is bound to
	id.Name = name
	id.Role, id.Center, id.ShortCode = resp.Role, resp.Center, resp.ShortCode
	id.Platform, id.Token, id.CA = base, resp.Token, caPEM
	id.NeedsEnrollment = false
	e := Enrollment{Identity: id, CenterName: resp.CenterName, CatalogVersion: resp.CatalogVersion}
	if e.Moved = moved(old, oldKeys, base, resp); e.Moved {
		// The old platform's last sync and error say nothing of the new one.
		// Nor do the old center's devices name the new one's (nil deletes).
		e.Requeued, err = st.SwitchPlatform(id, map[string][]byte{KeyReceiptKeys: keys, KeyStatus: []byte("{}"), KeyDevices: devices,
			KeyFormerCodes: savedFormerCodes(former, id.ShortCode)})
		if err != nil {
			return Enrollment{Identity: old}, err
		}
		return e, nil
	}
	// The keys first: an identity saved without them would seal receipts
	// no counter can open.
	if err := st.Put(KeyReceiptKeys, keys); err != nil {
		return Enrollment{Identity: old}, err
	}
	if devices != nil {
		if err := st.Put(KeyDevices, devices); err != nil {
			return Enrollment{Identity: old}, err
		}
	}
	if err := st.Put(KeyFormerCodes, savedFormerCodes(former, id.ShortCode)); err != nil {
		return Enrollment{Identity: old}, err
	}
	if err := st.SetIdentity(id); err != nil {
		return Enrollment{Identity: old}, err
	}
	return e, clearLastError(st)
}

// demoCasesCenter is the center of the events a device not enrolled yet
// (a demo) holds to send, which enrolling keeps (tongban enroll
// --keep-cases): the platform refuses a code of another center before it
// is used, as they could never be sent there. "" when there are none.
func demoCasesCenter(st Store, old store.Identity) string {
	if old.Enrolled() || old.NeedsEnrollment {
		return "" // a device enrolled before: strandedBy speaks for its events
	}
	entries, err := st.OutboxAfter(0, 1)
	if err != nil || len(entries) == 0 {
		return ""
	}
	var head struct {
		Center string `json:"center"`
	}
	json.Unmarshal(entries[0].Event, &head)
	return head.Center
}

// clearLastError forgets the last sync error once the device is enrolled
// again: it was the reason to enroll (a revoked token), and shown beside
// the new enrollment it would say the opposite of what holds.
func clearLastError(st EnrollStore) error {
	raw, err := st.Get(KeyStatus)
	if err != nil || raw == nil {
		return err
	}
	var saved savedStatus
	if json.Unmarshal(raw, &saved) != nil || saved.LastError == "" {
		return nil
	}
	saved.LastError = ""
	if raw, err = json.Marshal(saved); err != nil {
		return err
	}
	return st.Put(KeyStatus, raw)
}

// atPlatform words an enrollment's failure for the person who typed the
// address: what to check at base, rather than what a syncing device does.
func atPlatform(err error, base string) error {
	var u *unreachable
	var t *untrusted
	var n *notPlatform
	var pe *PlatformError
	switch {
	case errors.As(err, &u):
		u.at = base // no case waits yet: say what to check
	case errors.As(err, &t):
		t.at = base
	case errors.As(err, &n):
		n.at = base
	case errors.As(err, &pe):
		pe.At = base
	case errors.Is(err, ErrProtocol): // JSON, but not an enrollment answer
		var d *detailed
		detail := "its answer is not an enrollment"
		if errors.As(err, &d) {
			detail = d.detail
		}
		return &notPlatform{at: base, detail: detail, cause: err}
	}
	return err
}

// savedKeys returns the receipt keys the device holds from its last
// enrollment; none when they cannot be read.
func savedKeys(st Store) []protocol.ReceiptKey {
	var keys []protocol.ReceiptKey
	if raw, err := st.Get(KeyReceiptKeys); err == nil && raw != nil {
		json.Unmarshal(raw, &keys) // unreadable keys: nothing to compare
	}
	return keys
}

// moved reports whether an enrollment takes a device that synced with one
// platform to another: the center differs, or none of the center's receipt
// keys the platform sent is one the device had (a platform keeps a
// center's keys, and adds a newer one when it rotates them, so the same
// platform always sends a key the device knows). The keys, not the
// address, tell: another instance behind the load balancer, or the same
// platform by its IP address, is no move; a platform reinstalled at the
// same address is. Only without keys to compare does the address decide.
// A device enrolling for the first time has synced with nothing.
func moved(old store.Identity, oldKeys []protocol.ReceiptKey, base string, resp protocol.EnrollResponse) bool {
	if old.Platform == "" {
		return false
	}
	if old.Center != resp.Center {
		return true
	}
	if len(oldKeys) == 0 {
		return !samePlatformURL(old.Platform, base)
	}
	for _, k := range resp.ReceiptKeys {
		for _, o := range oldKeys {
			if k.ID == o.ID && bytes.Equal(k.Key, o.Key) {
				return false
			}
		}
	}
	return true
}

// samePlatformURL reports whether two checked platform URLs name the same
// address: scheme and host in any letter case, a default port written or
// not, the path with or without a final slash.
func samePlatformURL(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil {
		return a == b
	}
	norm := func(u *url.URL) string {
		scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname())
		if p := u.Port(); p != "" && !(scheme == "http" && p == "80") && !(scheme == "https" && p == "443") {
			host += ":" + p
		}
		return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
	}
	return norm(ua) == norm(ub)
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

// strandedBy refuses an enrollment that would strand events still in the
// outbox: an enrolled device moving to another center could never send
// the old center's events (a platform takes only its own center's), nor a
// device changing role the kinds only its old role makes. The new
// identity is not saved; the device sends them first (tongban sync
// --once), then enrolls with a new code.
func strandedBy(st Store, old store.Identity, resp protocol.EnrollResponse) error {
	if !old.Enrolled() && !old.NeedsEnrollment {
		return nil // a demo device: enroll itself asks about its cases
	}
	stranded := 0
	for after := uint64(0); ; {
		entries, err := st.OutboxAfter(after, 500)
		if err != nil || len(entries) == 0 {
			break
		}
		for _, e := range entries {
			var head struct {
				Center string     `json:"center"`
				Kind   cases.Kind `json:"kind"`
			}
			if json.Unmarshal(e.Event, &head) == nil && (head.Center != resp.Center || !cases.RoleMakes(resp.Role, head.Kind)) {
				stranded++
			}
			after = e.Seq
		}
	}
	if stranded == 0 {
		return nil
	}
	return fmt.Errorf("本设备还有 %[1]d 条记录未发送到平台，注册为中心 %[2]s 的 %[3]s 设备后将再也发不出去；请先在原平台用 tongban sync --once 发出，再用新的注册码注册。 "+
		"This device holds %[1]d events not yet on its platform that it could never send once enrolled as a %[3]s of center %[2]s; send them first with tongban sync --once, then enroll with a new code",
		stranded, resp.Center, resp.Role)
}
