package platform_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"tongban/app/cases"
	"tongban/assets"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func TestEnrollment(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		ctx := context.Background()
		if _, err := h.admin.ImportCatalog(ctx, assets.SampleCatalog(), false); err != nil {
			t.Fatal(err)
		}
		code, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk, TTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if !code.Expires.Equal(h.clock.Now().Add(time.Hour)) || len(code.Code) != 14 {
			t.Fatalf("code %+v, want XXXX-XXXX-XXXX expiring in an hour", code)
		}
		local := cases.NewID() // a device names itself before it enrolls
		// Codes are typed by people: case and dashes do not matter.
		typed := bytes.ToLower(bytes.ReplaceAll([]byte(code.Code), []byte("-"), []byte(" ")))
		var kiosk protocol.EnrollResponse
		h.mustJSON("POST", protocol.PathEnroll, "", protocol.EnrollRequest{Code: string(typed), Name: "大厅 1", DeviceID: local}, &kiosk)
		if kiosk.DeviceID != local || kiosk.ShortCode != "K01" || kiosk.Role != protocol.RoleKiosk || kiosk.Center != centerA ||
			kiosk.CenterName != "石家庄市长安区政务服务中心" || kiosk.CatalogVersion != 1 || len(kiosk.Token) < 40 {
			t.Fatalf("enrollment = %+v", kiosk)
		}
		if len(kiosk.ReceiptKeys) != 1 || len(kiosk.ReceiptKeys[0].Key) != 32 || kiosk.ReceiptKeys[0].ID == "" {
			t.Fatalf("receipt keys = %+v, want one 32-byte key with an ID", kiosk.ReceiptKeys)
		}

		// Single use.
		resp, data := h.request("POST", protocol.PathEnroll, "", []byte(`{"code":"`+code.Code+`"}`))
		if e := errorBody(t, data); resp.StatusCode != http.StatusForbidden || e.Code != protocol.CodeBadCode || !bytes.Contains(data, []byte("already been used")) {
			t.Fatalf("second use of a code: %d %s", resp.StatusCode, data)
		}

		// Expiry.
		late, _ := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: protocol.RoleCounter, TTL: time.Minute})
		h.clock.Add(time.Minute)
		resp, data = h.request("POST", protocol.PathEnroll, "", []byte(`{"code":"`+late.Code+`"}`))
		if resp.StatusCode != http.StatusForbidden || !bytes.Contains(data, []byte("expired")) {
			t.Fatalf("expired code: %d %s", resp.StatusCode, data)
		}

		// The counter of the center gets C01 and the same key.
		counter := h.enroll(centerA, protocol.RoleCounter)
		if counter.ShortCode != "C01" || !bytes.Equal(counter.ReceiptKeys[0].Key, kiosk.ReceiptKeys[0].Key) {
			t.Fatalf("counter enrollment = %+v, want C01 and the center's key", counter)
		}
		// Another center gets its own key and no name (no catalog of its own).
		other := h.enroll(centerB, protocol.RoleKiosk)
		if other.ShortCode != "K01" || bytes.Equal(other.ReceiptKeys[0].Key, kiosk.ReceiptKeys[0].Key) || other.CenterName != "" {
			t.Fatalf("other center's enrollment = %+v", other)
		}

		// Revocation works at once; re-enrollment keeps ID and short code.
		ev := newEvent(centerA, kiosk.DeviceID, 1)
		h.push(kiosk.Token, []cases.Event{ev})
		if _, err := h.admin.Revoke(ctx, kiosk.DeviceID); err != nil {
			t.Fatal(err)
		}
		resp, data = h.request("POST", protocol.PathEvents, kiosk.Token, pushBody(newEvent(centerA, kiosk.DeviceID, 2)))
		if e := errorBody(t, data); resp.StatusCode != http.StatusUnauthorized || e.Code != protocol.CodeRevoked {
			t.Fatalf("push after revocation: %d %s", resp.StatusCode, data)
		}
		fresh, _ := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk})
		var again protocol.EnrollResponse
		h.mustJSON("POST", protocol.PathEnroll, "", protocol.EnrollRequest{Code: fresh.Code, DeviceID: local}, &again)
		if again.DeviceID != local || again.ShortCode != "K01" || again.Token == kiosk.Token {
			t.Fatalf("re-enrollment = %+v, want the same ID and K01 with a new token", again)
		}
		if got := h.push(again.Token, []cases.Event{ev}); got.Results[0].Status != protocol.Duplicate {
			t.Fatalf("the device's earlier event after re-enrollment: %+v, want duplicate", got.Results[0])
		}

		list, err := h.admin.Devices(ctx, centerA)
		if err != nil || len(list) != 2 || list[0].ShortCode != "C01" || list[1].ID != local || list[1].Revoked || list[1].Name != "大厅 1" {
			t.Fatalf("Devices(%s) = %+v, %v", centerA, list, err)
		}
		all, _ := h.admin.Devices(ctx, "")
		if len(all) != 3 {
			t.Fatalf("Devices() = %d devices, want 3", len(all))
		}

		// The admin client reports refusals as *APIError with the sentence.
		_, err = h.admin.Revoke(ctx, "nope")
		var apiErr *platform.APIError
		if !errors.As(err, &apiErr) || apiErr.Status != 404 || apiErr.Code != protocol.CodeNotFound {
			t.Fatalf("Revoke(nope) = %v, want a 404 APIError", err)
		}
		wrong := &platform.Admin{URL: h.srv.URL, Token: "guess"}
		if _, err := wrong.Devices(ctx, ""); !errors.As(err, &apiErr) || apiErr.Status != 401 {
			t.Fatalf("admin with a wrong token: %v, want 401", err)
		}
	})
}

func TestCatalog(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		ctx := context.Background()
		dev := h.enroll(centerA, protocol.RoleKiosk)
		resp, _ := h.request("GET", protocol.PathCatalog+"?since=0", dev.Token, nil)
		if resp.StatusCode != http.StatusNotModified {
			t.Fatalf("catalog with none published: %d, want 304", resp.StatusCode)
		}
		pub, err := h.admin.ImportCatalog(ctx, assets.SampleCatalog(), true)
		if err != nil || !pub.Default || pub.Version != 1 || pub.Items == 0 {
			t.Fatalf("ImportCatalog(default) = %+v, %v", pub, err)
		}
		resp, data := h.request("GET", protocol.PathCatalog, dev.Token, nil, "Accept-Encoding", "gzip")
		if resp.StatusCode != http.StatusOK || !bytes.Equal(data, assets.SampleCatalog()) ||
			resp.Header.Get(platform.HeaderCatalogVersion) != "1" || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("catalog: %d, %d bytes, headers %v", resp.StatusCode, len(data), resp.Header)
		}
		if resp, _ := h.request("GET", protocol.PathCatalog+"?since=1", dev.Token, nil); resp.StatusCode != http.StatusNotModified {
			t.Fatalf("catalog since the current version: %d, want 304", resp.StatusCode)
		}
		// The center's own catalog must beat the default it has now.
		_, err = h.admin.ImportCatalog(ctx, assets.SampleCatalog(), false)
		var apiErr *platform.APIError
		if !errors.As(err, &apiErr) || apiErr.Status != http.StatusConflict || apiErr.Code != protocol.CodeStaleCatalog {
			t.Fatalf("importing version 1 over version 1: %v, want 409 %s", err, protocol.CodeStaleCatalog)
		}
		v2 := bytes.Replace(assets.SampleCatalog(), []byte(`"version": 1`), []byte(`"version": 2`), 1)
		if bytes.Equal(v2, assets.SampleCatalog()) {
			t.Fatal("the sample catalog's version field was not found")
		}
		if _, err := h.admin.ImportCatalog(ctx, v2, false); err != nil {
			t.Fatal(err)
		}
		resp, data = h.request("GET", protocol.PathCatalog+"?since=1", dev.Token, nil)
		if resp.StatusCode != http.StatusOK || !bytes.Equal(data, v2) {
			t.Fatalf("catalog after a new version: %d", resp.StatusCode)
		}
	})
}

func TestCodeTTL(t *testing.T) {
	h := boltHarness(t, platform.Config{MaxCodeTTL: 48 * time.Hour})
	ctx := context.Background()
	c, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk})
	if err != nil || !c.Expires.Equal(h.clock.Now().Add(24*time.Hour)) {
		t.Fatalf("default code = %+v, %v; want 24 h", c, err)
	}
	if _, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk, TTL: 72 * time.Hour}); err == nil {
		t.Fatal("a code longer than MaxCodeTTL was made")
	}
}

// TestEnrollLostReply: a device whose enrollment reply was lost (killed
// after the platform committed) sends the same code with its own ID and
// redemption proof again and gets its identity under a fresh token, the
// lost one no longer working. Anyone else is refused "already used": a
// new device, and one that sends the device's ID (public in its center)
// with another proof or none.
func TestEnrollLostReply(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		code, err := h.admin.NewCode(context.Background(), protocol.CodeRequest{Center: centerA, Role: protocol.RoleKiosk, NewCenter: true})
		if err != nil {
			t.Fatal(err)
		}
		local := cases.NewID()
		proof := strings.Repeat("5e", 32)
		req := protocol.EnrollRequest{Code: code.Code, Name: "大厅 1", DeviceID: local, RedemptionProof: proof}
		var lost, again protocol.EnrollResponse
		h.mustJSON("POST", protocol.PathEnroll, "", req, &lost)
		h.clock.Add(time.Minute)
		for _, forged := range []protocol.EnrollRequest{
			{Code: code.Code, DeviceID: local},
			{Code: code.Code, DeviceID: local, RedemptionProof: strings.Repeat("00", 32)},
			{Code: code.Code, DeviceID: cases.NewID(), RedemptionProof: proof},
			{Code: code.Code},
		} {
			body, _ := json.Marshal(forged)
			resp, data := h.request("POST", protocol.PathEnroll, "", body)
			if e := errorBody(t, data); resp.StatusCode != http.StatusForbidden || e.Code != protocol.CodeBadCode || !bytes.Contains(data, []byte("already been used")) {
				t.Fatalf("the used code with %s: %d %s, want 403 already used", body, resp.StatusCode, data)
			}
		}
		if resp, data := h.request("GET", protocol.PathEvents, lost.Token, nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("the first token after refused redeems: %d %s, want 200", resp.StatusCode, data)
		}
		h.mustJSON("POST", protocol.PathEnroll, "", req, &again)
		if again.DeviceID != local || again.ShortCode != lost.ShortCode || again.Center != lost.Center || again.Role != lost.Role ||
			len(again.ReceiptKeys) != 1 || again.ReceiptKeys[0].ID != lost.ReceiptKeys[0].ID || again.Token == lost.Token {
			t.Fatalf("redeeming the code again = %+v\nwant the identity of %+v under a new token", again, lost)
		}
		if resp, data := h.request("GET", protocol.PathEvents, lost.Token, nil); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("the lost reply's token after redeeming again: %d %s, want 401", resp.StatusCode, data)
		}
		if resp, data := h.request("GET", protocol.PathEvents, again.Token, nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("the new token: %d %s, want 200", resp.StatusCode, data)
		}
		if list, _ := h.admin.Devices(context.Background(), centerA); len(list) != 1 {
			t.Fatalf("the platform lists %d devices, want the one", len(list))
		}
	})
}
