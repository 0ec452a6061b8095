package platform_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tongban/assets"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// TestCodeForUnknownCenter: a code is given for a center the platform
// knows (from a device, a code given out, a center's own catalog or the
// default catalog's center) and refused for any other unless new_center
// asks for it; the refusal names the center, the known ones and
// new_center.
func TestCodeForUnknownCenter(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		ctx := context.Background()
		code := func(center string, newCenter bool) error {
			_, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: center, Role: protocol.RoleKiosk, NewCenter: newCenter})
			return err
		}
		refused := func(center string, want ...string) {
			t.Helper()
			err := code(center, false)
			var ae *platform.APIError
			if !errors.As(err, &ae) || ae.Status != http.StatusUnprocessableEntity || ae.Code != protocol.CodeUnknownCenter {
				t.Fatalf("a code for center %s = %v, want 422 %s", center, err, protocol.CodeUnknownCenter)
			}
			for _, w := range append(want, "center "+center+" is not one this platform knows", "new_center", "--new-center") {
				if !strings.Contains(ae.Message, w) {
					t.Fatalf("the refusal %q does not say %q", ae.Message, w)
				}
			}
		}
		// A platform that knows no center takes the first; its code makes
		// that center known, so its second device needs no new_center.
		for range 2 {
			if err := code("999999", false); err != nil {
				t.Fatalf("a code for 999999 on a platform that knew no center: %v", err)
			}
		}
		refused(centerB, "it knows 999999 from")
		if err := code(centerB, true); err != nil {
			t.Fatalf("a code for a new center with new_center: %v", err)
		}

		h.enroll(centerA, protocol.RoleKiosk)
		if err := code(centerA, false); err != nil {
			t.Fatalf("a code for a center with a device: %v", err)
		}

		// The default catalog's center, and a center's own catalog.
		def := bytes.Replace(assets.SampleCatalog(), []byte(`"code": "130102"`), []byte(`"code": "130105"`), 1)
		if _, err := h.admin.ImportCatalog(ctx, def, true); err != nil {
			t.Fatal(err)
		}
		own := bytes.Replace(assets.SampleCatalog(), []byte(`"code": "130102"`), []byte(`"code": "130181"`), 1)
		own = bytes.Replace(own, []byte(`"version": 1`), []byte(`"version": 2`), 1)
		if _, err := h.admin.ImportCatalog(ctx, own, false); err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{"130105", "130181"} {
			if err := code(c, false); err != nil {
				t.Fatalf("a code for center %s, known from a catalog: %v", c, err)
			}
		}
		refused("130106", "it knows 130102, 130104, 130105, 130181 and 999999 from")

		// Many centers: ten are named, and how many more.
		for i := range 12 {
			h.enroll(fmt.Sprintf("1302%02d", i), protocol.RoleKiosk)
		}
		refused("130107", "it knows 130102, 130104, 130105, 130181, 130200, 130201, 130202, 130203, 130204, 130205 and 7 more from")
	})
}

// TestCodeCatalogWarning: a code for a center without a catalog of its own
// comes with a warning naming the center, the default catalog's center
// its devices get meanwhile (whose name and address they would print) and
// the command that publishes one; a center with its own catalog, or whose
// catalog is the default, gets none. The device's catalog call still
// serves the default.
func TestCodeCatalogWarning(t *testing.T) {
	eachBackend(t, platform.Config{}, func(t *testing.T, h *harness) {
		ctx := context.Background()
		code := func(center string) protocol.CodeResponse {
			t.Helper()
			resp, err := h.admin.NewCode(ctx, protocol.CodeRequest{Center: center, Role: protocol.RoleKiosk, NewCenter: true})
			if err != nil {
				t.Fatalf("a code for %s: %v", center, err)
			}
			return resp
		}
		if c := code("130103"); !strings.Contains(c.Warning, "center 130103 has no catalog of its own") ||
			!strings.Contains(c.Warning, "no default catalog") || c.DefaultCatalogCenter != "" {
			t.Errorf("a code with no catalog published at all: warning %q, default center %q; want a warning that there is none", c.Warning, c.DefaultCatalogCenter)
		}
		if _, err := h.admin.ImportCatalog(ctx, assets.SampleCatalog(), true); err != nil { // center 130102's, as the default
			t.Fatal(err)
		}
		c := code("130103")
		for _, w := range []string{"center 130103 has no catalog of its own", "default catalog of center 130102", "name and address", "tongban platform catalog import"} {
			if !strings.Contains(c.Warning, w) {
				t.Errorf("the warning %q does not say %q", c.Warning, w)
			}
		}
		if c.DefaultCatalogCenter != "130102" {
			t.Errorf("default_catalog_center = %q, want 130102", c.DefaultCatalogCenter)
		}
		if c := code("130102"); c.Warning != "" || c.DefaultCatalogCenter != "" {
			t.Errorf("a code for the default catalog's own center warns %q (%q), want nothing", c.Warning, c.DefaultCatalogCenter)
		}
		own := bytes.Replace(assets.SampleCatalog(), []byte(`"code": "130102"`), []byte(`"code": "130103"`), 1)
		own = bytes.Replace(own, []byte(`"version": 1`), []byte(`"version": 2`), 1)
		if _, err := h.admin.ImportCatalog(ctx, own, false); err != nil {
			t.Fatal(err)
		}
		if c := code("130103"); c.Warning != "" {
			t.Errorf("a code for a center with its own catalog warns %q, want nothing", c.Warning)
		}
		// A device of a center without its own catalog still gets the default.
		dev := h.enroll("130104", protocol.RoleKiosk)
		resp, data := h.request("GET", protocol.PathCatalog+"?since=0", dev.Token, nil)
		if resp.StatusCode != http.StatusOK || !bytes.Contains(data, []byte(`"130102"`)) {
			t.Fatalf("GET %s for a center without a catalog: %d, %.80s; want the default catalog", protocol.PathCatalog, resp.StatusCode, data)
		}
	})
}
