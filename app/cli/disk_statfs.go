//go:build linux || darwin || freebsd || dragonfly

package cli

import "syscall"

// diskSpace is the free space (for an unprivileged user) and the size of
// the file system that holds path.
func diskSpace(path string) (free, total uint64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, 0, false
	}
	// The field types differ between systems (Bsize is int64 on Linux,
	// uint32 on macOS): convert each.
	return uint64(st.Bavail) * uint64(st.Bsize), uint64(st.Blocks) * uint64(st.Bsize), true
}
