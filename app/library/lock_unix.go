//go:build unix

package library

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// lockNB takes an exclusive flock on f without waiting.
func lockNB(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// errLocked is returned when another Folio save holds an article's lock
// for longer than lockWait.
var errLocked = errors.New("another Folio save of this file is still running")

// lockWait bounds how long Save waits for another Folio writer.
const lockWait = 10 * time.Second

// lockArticle serialises Folio's writers of one article: it takes an
// exclusive flock on the file at path and checks that the locked file is
// still the one at path (a save replaces it by a rename, so a writer that
// waited on the old file tries again on the new one). It returns the
// function that releases the lock; a missing file is not locked (the save
// creating it cannot replace anything).
func lockArticle(path string) (unlock func(), err error) {
	deadline := time.Now().Add(lockWait)
	for {
		f, err := openRead(path)
		if errors.Is(err, fs.ErrNotExist) {
			return func() {}, nil
		}
		if err != nil {
			return nil, err
		}
		for {
			err = lockNB(f)
			if err == nil || !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(deadline) {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		if err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, errLocked
			}
			return func() {}, nil // a file system without flock: go on unlocked
		}
		held, herr := f.Stat()
		now, nerr := os.Stat(path)
		if herr == nil && nerr == nil && os.SameFile(held, now) {
			return func() { f.Close() }, nil
		}
		f.Close()
		if nerr != nil && errors.Is(nerr, fs.ErrNotExist) {
			return func() {}, nil
		}
		if time.Now().After(deadline) {
			return nil, errLocked
		}
	}
}

// processAlive reports whether a process with this ID exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// owner returns a file's owner, group and link count.
func owner(info fs.FileInfo) (uid, gid int, nlink uint64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0, false
	}
	return int(st.Uid), int(st.Gid), uint64(st.Nlink), true
}
