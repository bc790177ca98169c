//go:build unix

package library

import (
	"os"
	"syscall"
)

// openRead opens a file for reading without blocking: a FIFO or device
// with a Markdown name must not hang the caller until a writer appears
// (readers check the opened file is regular before reading it).
func openRead(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
