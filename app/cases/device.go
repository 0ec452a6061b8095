package cases

// ShortDevice shortens a device ID (a UUID) to its last eight characters:
// enough to tell a center's devices apart in a timeline, and short enough
// for a clerk to read out to support.
func ShortDevice(id string) string {
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}
