//go:build openbsd

package cli

import "syscall"

// diskSpace is the free space (for an unprivileged user) and the size of
// the file system that holds path.
func diskSpace(path string) (free, total uint64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, 0, false
	}
	return uint64(st.F_bavail) * uint64(st.F_bsize), uint64(st.F_blocks) * uint64(st.F_bsize), true
}
