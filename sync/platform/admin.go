package platform

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"tongban/app/staff"
	"tongban/sync/protocol"
)

// Admin calls a platform's admin API; the commands `tongban platform code`,
// `devices`, `catalog import` and `staff` use it.
type Admin struct {
	// URL is the platform's base URL, e.g. https://platform.example:8443.
	URL string
	// Token is the platform's admin token.
	Token string
	// HTTP is the client to use; nil means one with a 60 s timeout.
	HTTP *http.Client
}

// APIError is a platform's refusal: the HTTP status and its one-sentence
// error body.
type APIError struct {
	Status  int
	Code    string // one of the protocol's Code constants
	Message string
}

// Error returns the platform's sentence.
func (e *APIError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("the platform answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return e.Message
}

// NewCode asks for a single-use enrollment code.
func (a *Admin) NewCode(ctx context.Context, req protocol.CodeRequest) (protocol.CodeResponse, error) {
	var resp protocol.CodeResponse
	body, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	err = a.call(ctx, http.MethodPost, protocol.PathAdminCodes, body, &resp)
	return resp, err
}

// Devices lists the devices of a center, or of every center for "".
func (a *Admin) Devices(ctx context.Context, center string) ([]protocol.Device, error) {
	path := protocol.PathAdminDevices
	if center != "" {
		path += "?center=" + url.QueryEscape(center)
	}
	var list []protocol.Device
	err := a.call(ctx, http.MethodGet, path, nil, &list)
	return list, err
}

// Revoke revokes a device: its token stops working at once and it needs a
// new enrollment code to sync again. Its events stay.
func (a *Admin) Revoke(ctx context.Context, deviceID string) (protocol.Device, error) {
	var dev protocol.Device
	path := strings.Replace(PathAdminRevoke, "{id}", url.PathEscape(deviceID), 1)
	err := a.call(ctx, http.MethodPost, path, nil, &dev)
	return dev, err
}

// ImportCatalog publishes a catalog (its JSON as in a catalog file) for
// the catalog's own center or, with asDefault, for every center that has
// none of its own. Its version must be above the one served now.
func (a *Admin) ImportCatalog(ctx context.Context, data []byte, asDefault bool) (protocol.CatalogPublished, error) {
	var resp protocol.CatalogPublished
	path := protocol.PathAdminCatalog
	if asDefault {
		path += "?default=true"
	}
	err := a.call(ctx, http.MethodPost, path, data, &resp)
	return resp, err
}

// PutClerk adds a clerk to a center, or replaces the one with its staff
// ID, and returns the center's new staff version. The clerk carries its
// PIN's hash (staff.New), never the PIN. Send it with Disabled set to stop
// it signing in.
func (a *Admin) PutClerk(ctx context.Context, center string, c staff.Clerk) (protocol.StaffUpdated, error) {
	var resp protocol.StaffUpdated
	clerk, err := json.Marshal(c)
	if err != nil {
		return resp, err
	}
	body, err := json.Marshal(protocol.StaffUpdate{Center: center, Clerk: clerk})
	if err != nil {
		return resp, err
	}
	err = a.call(ctx, http.MethodPost, protocol.PathAdminStaff, body, &resp)
	return resp, err
}

// Staff returns a center's clerks and staff version, as its devices get
// them. An entry that does not decode is an error: the platform checked
// every clerk it stored.
func (a *Admin) Staff(ctx context.Context, center string) (version int, clerks []staff.Clerk, err error) {
	var resp protocol.StaffResponse
	if err := a.call(ctx, http.MethodGet, protocol.PathAdminStaff+"?center="+url.QueryEscape(center), nil, &resp); err != nil {
		return 0, nil, err
	}
	for _, raw := range resp.Clerks {
		var c staff.Clerk
		if err := json.Unmarshal(raw, &c); err != nil {
			return 0, nil, fmt.Errorf("the platform's clerk record %.60s is damaged (%w); add the clerk again", raw, err)
		}
		clerks = append(clerks, c)
	}
	return resp.Version, clerks, nil
}

func (a *Admin) call(ctx context.Context, method, path string, body []byte, out any) error {
	base := strings.TrimRight(a.URL, "/")
	if base == "" {
		return fmt.Errorf("no platform URL is given; pass the platform's address, such as http://127.0.0.1:8080")
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return fmt.Errorf("the platform URL %q is not usable: %w", a.URL, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+a.Token)
	hc := a.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("the platform at %s cannot be reached (%w); check the URL and that it is running", base, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, protocol.MaxBody))
	if err != nil {
		return fmt.Errorf("the platform's answer was cut off (%w); try again", err)
	}
	if resp.StatusCode != http.StatusOK {
		var body protocol.Error
		json.Unmarshal(data, &body)
		return &APIError{Status: resp.StatusCode, Code: body.Code, Message: body.Message}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("the platform's answer is not what this program expects (%w); check that %s is a tongban platform", err, base)
	}
	return nil
}
