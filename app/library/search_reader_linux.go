package library

import (
	"fmt"
	"path/filepath"
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
}

func newSearchReader() *searchReader { return &searchReader{dirfd: -1} }

// read reads the file at path into buf's memory when it fits.
func (r *searchReader) read(path string, buf []byte) ([]byte, error) {
	data, _, err := r.readStat(path, buf)
	return data, err
}

// readStat is read also returning the file's modification time (zero when
// it could not be opened); its errors are readFD's.
func (r *searchReader) readStat(path string, buf []byte) ([]byte, time.Time, error) {
	dir, name := filepath.Split(path)
	if dir != r.dir || r.dirfd < 0 {
		r.close()
		fd, err := openDir(dir)
		if err != nil {
			return readFileStat(path, buf)
		}
		r.dir, r.dirfd = dir, fd
	}
	var fd int
	var err error
	for {
		fd, err = syscall.Openat(r.dirfd, name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("open: %w", err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, time.Time{}, fmt.Errorf("stat: %w", err)
	}
	mod := time.Unix(st.Mtim.Unix())
	data, err := readFDSized(fd, &st, buf)
	return data, mod, err
}

// close closes the open folder.
func (r *searchReader) close() {
	if r.dirfd >= 0 {
		syscall.Close(r.dirfd)
	}
	r.dir, r.dirfd = "", -1
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
