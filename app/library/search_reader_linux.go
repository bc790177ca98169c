package library

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"time"
)

// searchReader reads the files of a search on one worker. On Linux it
// keeps the folder of the last file open and opens the next file of the
// same folder relative to it (openat), sparing the kernel the lookup of
// the whole path for every file, as grep's folder walk does.
type searchReader struct {
	dir   string
	dirfd int // -1 when no folder is open
	// borrowed is set when dirfd is the folder walk's (see borrow): the
	// reader does not close it.
	borrowed bool
	name     []byte // openatName's memory, file after file
	// nowait makes read, readStat and readHead return errWouldBlock,
	// having read nothing, for a file whose first bytes are not in the
	// page cache (see readFirst): a folder's load or a search hands such
	// a file to a reader that may wait for the disk, and goes on with
	// the next.
	nowait bool
}

// borrow makes the reader open the files of the folder dir (ending in a
// separator, as filepath.Split gives it) relative to fd, which the caller
// keeps open until unborrow.
func (r *searchReader) borrow(dir string, fd int) {
	r.close()
	r.dir, r.dirfd, r.borrowed = dir, fd, true
}

// unborrow forgets the folder borrow gave.
func (r *searchReader) unborrow() {
	if r.borrowed {
		r.dir, r.dirfd, r.borrowed = "", -1, false
	}
}

func newSearchReader() *searchReader { return &searchReader{dirfd: -1} }

// read reads the file at path into buf's memory when it fits.
func (r *searchReader) read(path string, buf []byte) ([]byte, error) {
	data, _, err := r.readStat(path, buf)
	return data, err
}

// readStat is read also returning the file's stat (zero when it could not
// be opened); its errors are readFD's.
func (r *searchReader) readStat(path string, buf []byte) ([]byte, fileStat, error) {
	fd, ok, err := r.open(path)
	if !ok {
		return readFileStat(path, buf)
	}
	if err != nil {
		return nil, fileStat{}, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, fileStat{}, fmt.Errorf("stat: %w", err)
	}
	data, err := readFDSized(fd, &st, buf, r.nowait)
	return data, statOfSys(&st), err
}

// readHead is readStat reading at most the first limit bytes of a larger
// file; whole reports whether data is the whole file (as it was read: a
// file shrinking meanwhile is read whole, one growing is not).
func (r *searchReader) readHead(path string, buf []byte, limit int) (data []byte, mod fileStat, whole bool, err error) {
	fd, ok, err := r.open(path)
	if !ok {
		data, mod, err = readFileStat(path, buf)
		return data, mod, true, err
	}
	if err != nil {
		return nil, fileStat{}, true, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, fileStat{}, true, fmt.Errorf("stat: %w", err)
	}
	mod = statOfSys(&st)
	if st.Size <= int64(limit) || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > MaxSize {
		data, err = readFDSized(fd, &st, buf, r.nowait)
		return data, mod, true, err
	}
	data, whole, err = readFDHead(fd, buf, limit, r.nowait)
	return data, mod, whole, err
}

// open opens the file at path relative to the folder kept open, opening
// that folder first when it is another one. ok is false when the folder
// could not be opened (the caller then opens path itself); err is the
// file's open error.
func (r *searchReader) open(path string) (fd int, ok bool, err error) {
	dir, name := filepath.Split(path)
	if dir != r.dir || r.dirfd < 0 {
		r.close()
		dfd, err := openDir(dir)
		if err != nil {
			return -1, false, nil
		}
		r.dir, r.dirfd = dir, dfd
	}
	for {
		flags := syscall.O_RDONLY | syscall.O_CLOEXEC | syscall.O_NONBLOCK
		noatime := !atimeNeeded.Load()
		if noatime {
			flags |= syscall.O_NOATIME
		}
		fd, err = openatName(r.dirfd, name, flags, &r.name)
		if err == syscall.EPERM && noatime {
			// O_NOATIME is only for the file's owner (or a privileged
			// process): without it from now on.
			atimeNeeded.Store(true)
			continue
		}
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return -1, true, fmt.Errorf("open: %w", err)
	}
	return fd, true, nil
}

// atimeNeeded is set once an open with O_NOATIME was refused (a file of
// another owner): reading a file then updates its access time, as reading
// it does for other programs. Until then the reads leave it, sparing the
// file system a write for what only looks at the front matter.
var atimeNeeded atomic.Bool

// close closes the open folder.
func (r *searchReader) close() {
	if r.dirfd >= 0 && !r.borrowed {
		syscall.Close(r.dirfd)
	}
	r.dir, r.dirfd, r.borrowed = "", -1, false
}

// openDir opens a folder for openat.
func openDir(dir string) (int, error) {
	for {
		fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// statOfSys is the fileStat of a raw fstat.
func statOfSys(st *syscall.Stat_t) fileStat {
	return fileStat{mod: time.Unix(st.Mtim.Unix()), size: st.Size, ino: st.Ino}
}
