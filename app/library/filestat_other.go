//go:build !unix

package library

import "os"

// inodeOf is 0: this system's stat has no inode the index cache uses.
func inodeOf(os.FileInfo) uint64 { return 0 }
