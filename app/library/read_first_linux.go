package library

import (
	"errors"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// readFirst is a read of fd into p at the file's offset. With nowait it
// takes only what the page cache holds (preadv2 with RWF_NOWAIT): when the
// first bytes must come from the disk it returns errWouldBlock, having
// read nothing and asked the kernel to read them ahead, instead of
// waiting. A kernel or file system that does not know RWF_NOWAIT gets
// plain reads from then on.
func readFirst(fd int, p []byte, nowait bool) (int, error) {
	if !nowait || len(p) == 0 || noNowait.Load() {
		return syscall.Read(fd, p)
	}
	iov := [1][]byte{p}
	n, err := unix.Preadv2(fd, iov[:], -1, unix.RWF_NOWAIT) // -1: at the file's offset, moving it
	switch {
	case err == unix.EAGAIN:
		// Start reading it meanwhile: the reader it is handed to may
		// then find it in the page cache, or wait less.
		unix.Fadvise(fd, 0, int64(len(p)), unix.FADV_WILLNEED)
		return 0, errWouldBlock
	case errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL):
		noNowait.Store(true)
		return syscall.Read(fd, p)
	}
	return n, err
}

// noNowait is set once preadv2 refused RWF_NOWAIT (Linux before 4.14, or a
// file system without it).
var noNowait atomic.Bool
