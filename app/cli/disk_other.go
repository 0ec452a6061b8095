//go:build !(linux || darwin || freebsd || dragonfly || openbsd)

package cli

// diskSpace is not known here (Windows, and systems without
// syscall.Statfs): tongban status leaves the disk out.
func diskSpace(string) (free, total uint64, ok bool) { return 0, 0, false }
