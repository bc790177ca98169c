//go:build unix && !linux

package library

import "syscall"

// readFirst is a read of fd into p: other systems have no read that
// refuses to wait for the disk, so nowait is ignored.
func readFirst(fd int, p []byte, nowait bool) (int, error) { return syscall.Read(fd, p) }
