//go:build unix

package library

import (
	"os"
	"syscall"
)

// inodeOf is the file's inode number, or 0 when unknown.
func inodeOf(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino) //nolint:unconvert // int on some systems
	}
	return 0
}
