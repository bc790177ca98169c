//go:build !linux

package library

import "os"

// listDirKept lists the folder abs in name order; other systems open
// every file by its path, so the folder is not kept open (fd is -1).
func listDirKept(_ *dirRef, abs string, _ *listScratch) ([]os.DirEntry, int, error) {
	entries, err := os.ReadDir(abs)
	return entries, -1, err
}

// listScratch is not needed here.
type listScratch struct{}

// closeDirFD is never called: listDirKept keeps no folder open.
func closeDirFD(int) {}

// warmScratch is not needed here.
type warmScratch struct{}

// warmDir lists the folder abs and forgets what it read: the listing
// leaves the folder's blocks in the page cache (see dirPrefetch).
func warmDir(abs string, _ *warmScratch) {
	if f, err := os.Open(abs); err == nil {
		f.Readdirnames(-1)
		f.Close()
	}
}
