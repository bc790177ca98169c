//go:build unix

package library

import (
	"fmt"
	"syscall"
)

// searchRead reads a file for Search into buf's memory when it fits, with
// bare system calls (open, fstat, read, close): no poller registration and
// no non-blocking mode, which os.Open spends most of its time on for
// short files. Files that are not regular or are larger than MaxSize are
// refused.
func searchRead(path string, buf []byte) ([]byte, error) {
	fd, err := openRetry(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer syscall.Close(fd)
	return readFD(fd, buf)
}

// readFD reads the open file fd into buf's memory when it fits, refusing
// what is not a regular file or is larger than MaxSize. Its errors name
// the failed operation ("stat: ...", "read: ..."), as the folder scan
// reports them; ErrNotRegular and ErrTooLarge come bare.
func readFD(fd int, buf []byte) ([]byte, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	return readFDSized(fd, &st, buf, false)
}

// readFDSized is readFD's reading of fd, whose fstat is st. With nowait
// its first read takes only what the page cache holds, and it returns
// errWouldBlock, having read nothing, when the file's first bytes must
// come from the disk (see readFirst).
func readFDSized(fd int, st *syscall.Stat_t, buf []byte, nowait bool) ([]byte, error) {
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, ErrNotRegular
	}
	if st.Size > MaxSize {
		return nil, ErrTooLarge
	}
	data := buf[:0]
	if int64(cap(data)) < st.Size+1 {
		data = make([]byte, 0, st.Size+1)
	}
	for {
		n, err := readFirst(fd, data[len(data):cap(data)], nowait)
		nowait = false
		if err == syscall.EINTR {
			continue
		}
		if err == errWouldBlock {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if st.Size > 0 && int64(len(data)) == st.Size {
			return data, nil
		}
		if len(data) > MaxSize {
			return nil, ErrTooLarge
		}
		if len(data) == cap(data) {
			data = append(data, make([]byte, 4096)...)[:len(data)]
		}
	}
}

// readFDHead reads the first limit bytes of the open regular file fd into
// buf's memory when it fits; whole is true when the file ended sooner.
// nowait is readFDSized's.
func readFDHead(fd int, buf []byte, limit int, nowait bool) (data []byte, whole bool, err error) {
	data = buf[:0]
	if cap(data) < limit {
		data = make([]byte, 0, limit)
	}
	for len(data) < limit {
		n, err := readFirst(fd, data[len(data):limit], nowait)
		nowait = false
		if err == syscall.EINTR {
			continue
		}
		if err == errWouldBlock {
			return nil, true, err
		}
		if err != nil {
			return nil, true, fmt.Errorf("read: %w", err)
		}
		if n == 0 {
			return data, true, nil
		}
		data = data[:len(data)+n]
	}
	return data, false, nil
}

// readRest reads the file at path from offset off to its end into buf's
// memory when it fits (what a head-only read left out), refusing what is
// not a regular file or is larger than MaxSize.
func readRest(path string, off int64, buf []byte) ([]byte, error) {
	fd, err := openRetry(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, ErrNotRegular
	}
	if st.Size > MaxSize {
		return nil, ErrTooLarge
	}
	want := max(st.Size-off, 0)
	data := buf[:0]
	if int64(cap(data)) < want+1 {
		data = make([]byte, 0, want+1)
	}
	for {
		n, err := syscall.Pread(fd, data[len(data):cap(data)], off+int64(len(data)))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if int64(len(data)) == want {
			return data, nil
		}
		if off+int64(len(data)) > MaxSize {
			return nil, ErrTooLarge
		}
		if len(data) == cap(data) {
			data = append(data, make([]byte, 4096)...)[:len(data)]
		}
	}
}

// openRetry opens path read-only, retrying on EINTR. A FIFO is opened
// without blocking and then refused by the caller's fstat.
func openRetry(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
