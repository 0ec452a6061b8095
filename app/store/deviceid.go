package store

// DeviceID returns this device's ID: the Device of every event it makes,
// which screens name by the short code (Identity().ShortCode).
func (s *Store) DeviceID() (string, error) {
	id, err := s.Identity()
	return id.DeviceID, err
}
