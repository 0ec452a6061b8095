package storetest

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func testEnrollNewDevices(t *testing.T, s platform.Storage) {
	k1 := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "t1")
	k2 := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "t2")
	c1 := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "t3")
	other := enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "t4")
	for _, tc := range []struct {
		got  platform.Enrolled
		code string
	}{{k1, "K01"}, {k2, "K02"}, {c1, "C01"}, {other, "K01"}} {
		if tc.got.Device.ShortCode != tc.code {
			t.Errorf("device %s (%s in %s) got short code %q, want %q", tc.got.Device.Name, tc.got.Device.Role,
				tc.got.Device.Center, tc.got.Device.ShortCode, tc.code)
		}
	}
	// The center's first enrollment made its key; later ones get the same.
	if len(k1.Keys) != 1 || k1.Keys[0].ID != "Kt1" || len(k1.Keys[0].Key) != 32 {
		t.Fatalf("first enrollment's keys = %+v, want the one candidate Kt1 of 32 bytes", k1.Keys)
	}
	if len(c1.Keys) != 1 || c1.Keys[0].ID != "Kt1" || !bytes.Equal(c1.Keys[0].Key, k1.Keys[0].Key) || !c1.Keys[0].Created.Equal(t0) {
		t.Fatalf("third enrollment's keys = %+v, want the center's first key Kt1 again", c1.Keys)
	}
	if len(other.Keys) != 1 || other.Keys[0].ID != "Kt4" {
		t.Fatalf("another center's keys = %+v, want its own key Kt4", other.Keys)
	}
	got, err := s.DeviceByToken(ctx, platform.HashSecret("t2"))
	if err != nil {
		t.Fatalf("DeviceByToken(t2): %v", err)
	}
	want := k2.Device
	if got.ID != want.ID || got.ShortCode != "K02" || got.Center != centerA || got.Role != protocol.RoleKiosk ||
		got.Name != "device t2" || got.Revoked || !got.Enrolled.Equal(t0.Add(time.Minute)) {
		t.Fatalf("DeviceByToken(t2) = %+v, want %+v", got, want)
	}
	_, err = s.DeviceByToken(ctx, platform.HashSecret("nobody"))
	wantErr(t, "DeviceByToken(unknown)", err, platform.ErrNotFound)
}

func testEnrollCodeRules(t *testing.T, s platform.Storage) {
	code := addCode(t, s, "once", centerA, protocol.RoleKiosk)
	e := platform.Enrollment{CodeHash: code, DeviceID: cases.NewID(), TokenHash: platform.HashSecret("a"),
		At: t0.Add(time.Hour), Key: key("A")}
	if _, err := s.Enroll(ctx, e); err != nil {
		t.Fatalf("first use of a code: %v", err)
	}
	e.DeviceID, e.TokenHash = cases.NewID(), platform.HashSecret("b")
	_, err := s.Enroll(ctx, e)
	wantErr(t, "second use of a code", err, platform.ErrCodeUsed)

	_, err = s.Enroll(ctx, platform.Enrollment{CodeHash: platform.HashSecret("never"), DeviceID: cases.NewID(),
		TokenHash: platform.HashSecret("c"), At: t0, Key: key("C")})
	wantErr(t, "unknown code", err, platform.ErrCodeUnknown)

	late := addCode(t, s, "late", centerA, protocol.RoleKiosk)
	_, err = s.Enroll(ctx, platform.Enrollment{CodeHash: late, DeviceID: cases.NewID(),
		TokenHash: platform.HashSecret("d"), At: t0.Add(24 * time.Hour), Key: key("D")})
	wantErr(t, "code at its expiry", err, platform.ErrCodeExpired)
	// A refused enrollment leaves nothing behind.
	if _, err := s.DeviceByToken(ctx, platform.HashSecret("d")); err == nil {
		t.Fatal("an expired code's token works")
	}
	list, err := s.Devices(ctx, "")
	if err != nil || len(list) != 1 {
		t.Fatalf("Devices after one good and three refused enrollments = %d devices (%v), want 1", len(list), err)
	}
}

func testReenroll(t *testing.T, s platform.Storage) {
	id := cases.NewID()
	first := enroll(t, s, centerA, protocol.RoleKiosk, id, "old")
	enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "someone")
	// While the device is in use, a new code naming its ID is refused:
	// the ID is no secret. The code stays unused, for a new device.
	taken := addCode(t, s, "takeover", centerA, protocol.RoleKiosk)
	_, err := s.Enroll(ctx, platform.Enrollment{CodeHash: taken, DeviceID: id, TokenHash: platform.HashSecret("thief"),
		At: t0.Add(time.Minute), Key: key("X")})
	wantErr(t, "a new code for a device in use", err, platform.ErrDeviceActive)
	if d, err := s.DeviceByToken(ctx, platform.HashSecret("old")); err != nil || d.ID != id {
		t.Fatalf("after the refused takeover the device's token → %+v, %v; want device %s", d, err, id)
	}
	if d, err := s.Enroll(ctx, platform.Enrollment{CodeHash: taken, DeviceID: cases.NewID(), TokenHash: platform.HashSecret("newcomer"),
		At: t0.Add(time.Minute), Key: key("X")}); err != nil || d.Device.ShortCode == first.Device.ShortCode {
		t.Fatalf("the refused code, given to a new device: %+v, %v; want a short code of its own", d.Device, err)
	}
	if _, err := s.Revoke(ctx, id); err != nil {
		t.Fatal(err)
	}
	again := enroll(t, s, centerA, protocol.RoleKiosk, id, "new")
	if again.Device.ID != id || again.Device.ShortCode != first.Device.ShortCode || again.Device.Revoked {
		t.Fatalf("re-enrolled device = %+v, want ID %s, short code %s, not revoked", again.Device, id, first.Device.ShortCode)
	}
	if _, err := s.DeviceByToken(ctx, platform.HashSecret("old")); err == nil {
		t.Fatal("the old token still works after re-enrollment")
	}
	if d, err := s.DeviceByToken(ctx, platform.HashSecret("new")); err != nil || d.ID != id {
		t.Fatalf("new token → %+v, %v; want device %s", d, err, id)
	}
	// Nor can a code of another role: the device's past work would read
	// as the other role's. The code stays unused, for a new device.
	roleCode := addCode(t, s, "other role", centerA, protocol.RoleCounter)
	_, err = s.Enroll(ctx, platform.Enrollment{CodeHash: roleCode, DeviceID: id, TokenHash: platform.HashSecret("x"),
		At: t0.Add(time.Minute), Key: key("X")})
	wantErr(t, "re-enrollment in another role", err, platform.ErrOtherRole)
	if d, err := s.Enroll(ctx, platform.Enrollment{CodeHash: roleCode, DeviceID: cases.NewID(), TokenHash: platform.HashSecret("counter"),
		At: t0.Add(time.Minute), Key: key("X")}); err != nil || d.Device.ShortCode != "C01" {
		t.Fatalf("the code refused to a device of another role, given to a new device: %+v, %v; want C01", d.Device, err)
	}
	// Another center's code cannot take the device over.
	code := addCode(t, s, "elsewhere", centerB, protocol.RoleKiosk)
	_, err = s.Enroll(ctx, platform.Enrollment{CodeHash: code, DeviceID: id, TokenHash: platform.HashSecret("x"),
		At: t0.Add(time.Minute), Key: key("X")})
	wantErr(t, "re-enrollment in another center", err, platform.ErrOtherCenter)
	if _, err := s.DeviceByToken(ctx, platform.HashSecret("new")); err != nil {
		t.Fatalf("a refused re-enrollment broke the device's token: %v", err)
	}
	list, _ := s.Devices(ctx, "")
	if len(list) != 4 { // the first, someone, the newcomer and the counter
		t.Fatalf("Devices = %d, want 4 (re-enrollment keeps one record per ID)", len(list))
	}
}

func testRevokeAndDevices(t *testing.T, s platform.Storage) {
	a := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "a")
	b := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "b")
	c := enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "c")
	dev, err := s.Revoke(ctx, b.Device.ID)
	if err != nil || !dev.Revoked || dev.ID != b.Device.ID {
		t.Fatalf("Revoke = %+v, %v", dev, err)
	}
	got, err := s.DeviceByToken(ctx, platform.HashSecret("b"))
	if err != nil || !got.Revoked {
		t.Fatalf("revoked device by token = %+v, %v; want it, marked revoked", got, err)
	}
	_, err = s.Revoke(ctx, cases.NewID())
	wantErr(t, "Revoke(unknown)", err, platform.ErrNotFound)

	all, err := s.Devices(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, d := range all {
		order = append(order, d.Center+"/"+d.ShortCode)
	}
	if fmt.Sprint(order) != "[130102/C01 130102/K01 130104/K01]" {
		t.Fatalf("Devices order = %v, want by center then short code", order)
	}
	onlyA, err := s.Devices(ctx, centerA)
	if err != nil || len(onlyA) != 2 || onlyA[0].ID != a.Device.ID || !onlyA[1].Revoked {
		t.Fatalf("Devices(%s) = %+v, %v", centerA, onlyA, err)
	}
	onlyB, _ := s.Devices(ctx, centerB)
	if len(onlyB) != 1 || onlyB[0].ID != c.Device.ID {
		t.Fatalf("Devices(%s) = %+v", centerB, onlyB)
	}
}

func testTouch(t *testing.T, s platform.Storage) {
	d := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "t")
	later := t0.Add(time.Hour)
	if err := s.Touch(ctx, d.Device.ID, later); err != nil {
		t.Fatal(err)
	}
	if err := s.Touch(ctx, d.Device.ID, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, _ := s.DeviceByToken(ctx, platform.HashSecret("t"))
	if !got.LastSeen.Equal(later) {
		t.Fatalf("last seen = %v, want %v (an older sighting must not move it back)", got.LastSeen, later)
	}
	if err := s.Touch(ctx, cases.NewID(), later); err != nil {
		t.Fatalf("Touch(unknown device) = %v, want no error", err)
	}
	// A push records the sighting too.
	pushAt := t0.Add(3 * time.Hour)
	if _, err := s.Push(ctx, centerA, d.Device.ID, pushAt, []platform.Incoming{event(t, centerA, d.Device.ID, "x")}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.DeviceByToken(ctx, platform.HashSecret("t"))
	if !got.LastSeen.Equal(pushAt) {
		t.Fatalf("last seen after a push = %v, want %v", got.LastSeen, pushAt)
	}
}

// testConcurrentEnroll races enrollments: one code enrolls one device, and
// short codes never repeat in a center.
func testConcurrentEnroll(t *testing.T, s platform.Storage) {
	shared := addCode(t, s, "shared", centerA, protocol.RoleKiosk)
	const n = 8
	codes := make([]string, n)
	for i := range codes {
		codes[i] = addCode(t, s, fmt.Sprint("own", i), centerA, protocol.RoleKiosk)
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, errs[i] = s.Enroll(ctx, platform.Enrollment{CodeHash: shared, DeviceID: cases.NewID(),
				TokenHash: platform.HashSecret(fmt.Sprint("shared", i)), At: t0.Add(time.Minute), Key: key(fmt.Sprint("S", i))})
		})
		wg.Go(func() {
			_, err := s.Enroll(ctx, platform.Enrollment{CodeHash: codes[i], DeviceID: cases.NewID(),
				TokenHash: platform.HashSecret(fmt.Sprint("own", i)), At: t0.Add(time.Minute), Key: key(fmt.Sprint("O", i))})
			if err != nil {
				t.Errorf("enrollment %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, platform.ErrCodeUsed):
			t.Errorf("racing on one code: %v, want success or ErrCodeUsed", err)
		}
	}
	if ok != 1 {
		t.Fatalf("%d enrollments succeeded with one single-use code, want 1", ok)
	}
	list, _ := s.Devices(ctx, centerA)
	seen := map[string]bool{}
	keyIDs := map[string]bool{}
	for _, d := range list {
		if seen[d.ShortCode] {
			t.Fatalf("short code %s given twice in one center", d.ShortCode)
		}
		seen[d.ShortCode] = true
	}
	if len(list) != n+1 {
		t.Fatalf("%d devices, want %d", len(list), n+1)
	}
	// Every racer got the same single center key.
	for i := range n {
		got := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), fmt.Sprint("late", i))
		for _, k := range got.Keys {
			keyIDs[k.ID] = true
		}
	}
	if len(keyIDs) != 1 {
		t.Fatalf("the center has %d receipt keys after racing first enrollments, want 1", len(keyIDs))
	}
}

// testRedeemAgain: the device a code enrolled may redeem it again while it
// lasts (its reply was lost after the commit) with the same redemption
// proof, and gets the same identity under the new token; the device's ID
// with another proof or none (anyone can read device IDs), any other
// device, the device after a revocation, and the device after the code's
// expiry are refused.
func testRedeemAgain(t *testing.T, s platform.Storage) {
	code := addCode(t, s, "lost-reply", centerA, protocol.RoleKiosk)
	id := cases.NewID()
	proof := platform.HashSecret("the device's proof")
	use := func(device, token, proofHash string, at time.Time) (platform.Enrolled, error) {
		return s.Enroll(ctx, platform.Enrollment{CodeHash: code, DeviceID: device, Name: "kiosk", ProofHash: proofHash,
			TokenHash: platform.HashSecret(token), At: at, Key: key(token)})
	}
	first, err := use(id, "first", proof, t0.Add(time.Minute))
	if err != nil {
		t.Fatalf("first use of a code: %v", err)
	}
	for _, forged := range []string{"", platform.HashSecret("a guess")} {
		_, err = use(id, "forged", forged, t0.Add(90*time.Second))
		wantErr(t, fmt.Sprintf("the device's ID with the proof hash %q", forged), err, platform.ErrCodeUsed)
	}
	if _, err := s.DeviceByToken(ctx, platform.HashSecret("forged")); err == nil {
		t.Fatal("a forged redeem got a working token")
	}
	again, err := use(id, "again", proof, t0.Add(2*time.Minute))
	if err != nil {
		t.Fatalf("the same device redeeming its code again: %v, want its identity under a new token", err)
	}
	if again.Device.ID != id || again.Device.ShortCode != first.Device.ShortCode || again.Device.Center != centerA ||
		len(again.Keys) != 1 || again.Keys[0].ID != first.Keys[0].ID {
		t.Fatalf("redeemed again = %+v, want device %s, short code %s and key %s as the first time",
			again, id, first.Device.ShortCode, first.Keys[0].ID)
	}
	if _, err := s.DeviceByToken(ctx, platform.HashSecret("first")); err == nil {
		t.Fatal("the token of the lost reply still works after the device redeemed its code again")
	}
	if d, err := s.DeviceByToken(ctx, platform.HashSecret("again")); err != nil || d.ID != id {
		t.Fatalf("the new token → %+v, %v; want device %s", d, err, id)
	}
	_, err = use(cases.NewID(), "other", proof, t0.Add(3*time.Minute))
	wantErr(t, "another device with a used code", err, platform.ErrCodeUsed)
	_, err = use(id, "late", proof, t0.Add(24*time.Hour))
	wantErr(t, "the same device after the code expired", err, platform.ErrCodeExpired)
	if _, err := s.Revoke(ctx, id); err != nil {
		t.Fatal(err)
	}
	_, err = use(id, "revoked", proof, t0.Add(4*time.Minute))
	wantErr(t, "a revoked device with the code that enrolled it", err, platform.ErrCodeUsed)
	if d, err := s.DeviceByToken(ctx, platform.HashSecret("again")); err != nil || !d.Revoked {
		t.Fatalf("after a refused redeem the device = %+v, %v; want it still revoked", d, err)
	}
	if list, _ := s.Devices(ctx, ""); len(list) != 1 {
		t.Fatalf("Devices = %d, want 1: redeeming again keeps one record", len(list))
	}

	// A code used without a proof (an older device) is used once.
	bare := addCode(t, s, "no proof", centerA, protocol.RoleCounter)
	other := cases.NewID()
	e := platform.Enrollment{CodeHash: bare, DeviceID: other, TokenHash: platform.HashSecret("bare"), At: t0.Add(time.Minute), Key: key("B")}
	if _, err := s.Enroll(ctx, e); err != nil {
		t.Fatalf("first use without a proof: %v", err)
	}
	e.TokenHash = platform.HashSecret("bare again")
	_, err = s.Enroll(ctx, e)
	wantErr(t, "redeeming a code first used without a proof", err, platform.ErrCodeUsed)
}

// testFormerCodes: a device keeps the short codes it declared it numbered
// cases with before, each once, oldest first, without its current one,
// and a later enrollment adds to them.
func testFormerCodes(t *testing.T, s platform.Storage) {
	id := cases.NewID()
	code := addCode(t, s, "moved", centerA, protocol.RoleKiosk)
	got, err := s.Enroll(ctx, platform.Enrollment{CodeHash: code, DeviceID: id, FormerCodes: []string{"X7KQ", "K01", "X7KQ"},
		TokenHash: platform.HashSecret("moved"), At: t0.Add(time.Minute), Key: key("M")})
	if err != nil {
		t.Fatal(err)
	}
	// K01 is also the code it gets here: it numbers with it on any date.
	if want := []string{"X7KQ"}; got.Device.ShortCode != "K01" || !slices.Equal(got.Device.FormerCodes, want) {
		t.Fatalf("enrolled %s with former codes %q, want K01 and %q", got.Device.ShortCode, got.Device.FormerCodes, want)
	}
	plain := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "plain")
	if plain.Device.FormerCodes != nil {
		t.Fatalf("a device that declared none has former codes %q", plain.Device.FormerCodes)
	}
	if _, err := s.Revoke(ctx, id); err != nil {
		t.Fatal(err)
	}
	again := addCode(t, s, "moved again", centerA, protocol.RoleKiosk)
	if _, err := s.Enroll(ctx, platform.Enrollment{CodeHash: again, DeviceID: id, FormerCodes: []string{"C07", "X7KQ"},
		TokenHash: platform.HashSecret("moved again"), At: t0.Add(2 * time.Minute), Key: key("M2")}); err != nil {
		t.Fatal(err)
	}
	want := []string{"X7KQ", "C07"}
	if d, err := s.DeviceByToken(ctx, platform.HashSecret("moved again")); err != nil || !slices.Equal(d.FormerCodes, want) {
		t.Fatalf("DeviceByToken after re-enrollment = %+v, %v; want former codes %q", d, err, want)
	}
	list, err := s.Devices(ctx, centerA)
	if err != nil || len(list) != 2 || list[0].ID != id || !slices.Equal(list[0].FormerCodes, want) || list[1].FormerCodes != nil {
		t.Fatalf("Devices = %+v, %v; want %s with former codes %q first", list, err, id, want)
	}
}

// testUnavailable: an error of a closed storage says it does not answer;
// a refusal of an answering one does not.
func testUnavailable(t *testing.T, s platform.Storage) {
	code := addCode(t, s, "once", centerA, protocol.RoleKiosk)
	e := platform.Enrollment{CodeHash: code, DeviceID: cases.NewID(), TokenHash: platform.HashSecret("a"), At: t0.Add(time.Minute), Key: key("A")}
	if _, err := s.Enroll(ctx, e); err != nil {
		t.Fatal(err)
	}
	e.DeviceID = cases.NewID()
	_, used := s.Enroll(ctx, e)
	_, unknown := s.DeviceByToken(ctx, platform.HashSecret("nobody"))
	for _, err := range []error{nil, used, unknown} {
		if s.Unavailable(err) {
			t.Errorf("Unavailable(%v) = true for an answering storage", err)
		}
	}
	s.Close()
	_, err := s.DeviceByToken(ctx, platform.HashSecret("a"))
	if err == nil || !s.Unavailable(err) {
		t.Fatalf("DeviceByToken of a closed storage: %v, Unavailable = false; want an error that says the storage does not answer", err)
	}
}
