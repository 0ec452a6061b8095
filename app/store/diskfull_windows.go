package store

import "syscall"

// Windows says a disk is full with ERROR_HANDLE_DISK_FULL (39) or
// ERROR_DISK_FULL (112), which Go does not match to ENOSPC.
func init() { diskFullErrnos = append(diskFullErrnos, syscall.Errno(39), syscall.Errno(112)) }
