//go:build !unix

package library

import (
	"io/fs"
	"os"
)

// lockNB is a no-op where flock does not exist.
func lockNB(*os.File) error { return nil }

// lockArticle does not lock where flock does not exist.
func lockArticle(string) (func(), error) { return func() {}, nil }

// processAlive cannot tell here: a temporary file is stale by age only.
func processAlive(int) bool { return true }

// owner is unknown here.
func owner(fs.FileInfo) (uid, gid int, nlink uint64, ok bool) { return 0, 0, 1, false }
