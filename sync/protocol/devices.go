package protocol

// PathDevices is GET /v1/devices (device token): the devices of the
// caller's center, so a device names the others in its timelines by the
// short codes case numbers and status bars carry (K01, C02) rather than
// by a fragment of their IDs.
const PathDevices = "/v1/devices"

// CenterDevice is a device as the other devices of its center see it:
// which events are its and what people call it. Nothing secret: no name,
// token or time.
type CenterDevice struct {
	ID        string `json:"id"`
	Role      string `json:"role"`
	ShortCode string `json:"short_code"`
	Revoked   bool   `json:"revoked"`
}

// DevicesResponse answers GET /v1/devices: every device the center has
// enrolled, ordered by short code. Revoked devices are listed and marked,
// since their events stay in the feed.
type DevicesResponse struct {
	Devices []CenterDevice `json:"devices"`
}
