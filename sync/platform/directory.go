package platform

import (
	"net/http"

	"tongban/sync/protocol"
)

// centerDevices answers GET /v1/devices: the devices of the caller's
// center, revoked ones marked, with nothing another device should not
// see (no name, token hash or time). Any enrolled device may ask: a short
// code is printed on every receipt anyway.
func (s *Server) centerDevices(w http.ResponseWriter, r *http.Request) *apiError {
	dev, e := s.device(r)
	if e != nil {
		return e
	}
	s.touch(r, dev)
	list, err := s.store.Devices(r.Context(), dev.Center)
	if err != nil {
		return s.storageError(r, err)
	}
	resp := protocol.DevicesResponse{Devices: make([]protocol.CenterDevice, 0, len(list))}
	for _, d := range list {
		if d.Center != dev.Center { // the storage's filter, checked: another center's devices are not this one's business
			continue
		}
		resp.Devices = append(resp.Devices, protocol.CenterDevice{ID: d.ID, Role: d.Role, ShortCode: d.ShortCode, Revoked: d.Revoked})
	}
	writeJSON(w, r, http.StatusOK, resp)
	return nil
}
