package cases

import "time"

// KeyDirectory is the device setting (a store's Get/Put, as JSON of a
// Directory) where the sync client keeps the center's device directory
// and timelines read it.
const KeyDirectory = "sync/devices"

// Directory is the center's devices as the platform last listed them to
// this device (GET /v1/devices): what names the devices of events for
// people, as the status bars do (K01, C02).
type Directory struct {
	// Fetched is when the platform gave the list; zero: never.
	Fetched time.Time        `json:"fetched,omitzero"`
	Devices []DirectoryEntry `json:"devices"`
}

// DirectoryEntry is one device of the center.
type DirectoryEntry struct {
	ID        string `json:"id"`
	Role      string `json:"role"`
	ShortCode string `json:"short_code"`
	Revoked   bool   `json:"revoked,omitempty"`
}

// Name names a device ID for people: its short code from the directory;
// else the one in learned (device ID → short code: the device's own, and
// those case numbers carry, see NumberedBy); else the end of its ID
// (ShortDevice), which support can still look up.
func (d Directory) Name(id string, learned map[string]string) string {
	for _, e := range d.Devices {
		if e.ID == id && ValidShortCode(e.ShortCode) {
			return e.ShortCode
		}
	}
	if code := learned[id]; code != "" {
		return code
	}
	return ShortDevice(id)
}

// NumberedBy returns the device that took a case and the short code its
// number carries; ok is false when the number carries none.
func NumberedBy(c *Case) (device, code string, ok bool) {
	if c == nil || c.Device == "" {
		return "", "", false
	}
	n, err := NormalizeNumber(c.Number)
	if err != nil {
		return "", "", false
	}
	_, code, _, err = ParseNumber(n)
	return c.Device, code, err == nil
}
