//go:build !unix

package library

import "os"

// openRead opens a file for reading (see the Unix version).
func openRead(name string) (*os.File, error) { return os.Open(name) }
