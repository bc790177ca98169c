package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// resident reports whether any page of the file at p is in the page cache.
func resident(t *testing.T, p string) bool {
	t.Helper()
	fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		t.Fatal(err)
	}
	mem, err := unix.Mmap(fd, 0, int(st.Size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(mem)
	vec := make([]byte, (len(mem)+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, e := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&mem[0])), uintptr(len(mem)), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		t.Fatal(e)
	}
	for _, v := range vec {
		if v&1 != 0 {
			return true
		}
	}
	return false
}

// droppedFile writes an article into a folder on a disk and returns a
// function dropping it from the page cache, as a memory manager drops
// pages not used for a while, which reports whether it was dropped. The
// test's temporary folder comes first, the package's folder (the
// repository's disk) when that one is tmpfs, whose pages cannot be
// dropped.
func droppedFile(t *testing.T, text string) (string, func() bool) {
	t.Helper()
	var dirs []string
	dirs = append(dirs, t.TempDir())
	if d, err := os.MkdirTemp(".", "evict-"); err == nil {
		t.Cleanup(func() { os.RemoveAll(d) })
		dirs = append(dirs, d)
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, "冷.md")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString(text); err != nil {
			t.Fatal(err)
		}
		if err := f.Sync(); err != nil { // dirty pages cannot be dropped
			t.Fatal(err)
		}
		f.Close()
		drop := func() bool {
			fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED)
			unix.Close(fd)
			return !resident(t, p)
		}
		if drop() {
			return p, drop
		}
	}
	t.Skipf("no folder here whose page cache can be dropped (tried %v): the refusal cannot be shown", dirs)
	return "", nil
}

// TestReadFirstRefusesToWait reads an empty pipe, whose read must wait
// for a writer as a dropped file's must wait for the disk: with nowait
// it refuses at once (errWouldBlock); once the pipe holds bytes it reads
// them.
func TestReadFirstRefusesToWait(t *testing.T) {
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fds[0])
	defer unix.Close(fds[1])
	t.Cleanup(func() { noNowait.Store(false) })
	type read struct {
		n   int
		err error
	}
	done := make(chan read, 1)
	buf := make([]byte, 64)
	go func() {
		n, err := readFirst(fds[0], buf, true)
		done <- read{n, err}
	}()
	select {
	case r := <-done:
		if r.err != errWouldBlock {
			t.Fatalf("nowait read of an empty pipe: %d bytes, err %v; want errWouldBlock", r.n, r.err)
		}
	case <-time.After(2 * time.Second):
		unix.Write(fds[1], []byte("x")) // let the read end
		t.Fatal("a nowait read of an empty pipe waited")
	}
	if _, err := unix.Write(fds[1], []byte("正文")); err != nil {
		t.Fatal(err)
	}
	if n, err := readFirst(fds[0], buf, true); err != nil || string(buf[:n]) != "正文" {
		t.Fatalf("nowait read of a pipe holding bytes: %q, err %v", buf[:n], err)
	}
}

// TestReadHeadOfADroppedFile reads an article dropped from the page cache
// with a load worker's reader, 20 times: each read either refuses
// (errWouldBlock) and has the file read ahead, which brings it into the
// page cache, or, when the disk finished that read-ahead before the read
// looked again (a disk the host caches), gives the file's bytes. A reader
// that may wait reads it, and a cached file is read without waiting.
func TestReadHeadOfADroppedFile(t *testing.T) {
	text := "---\ntitle: 冷启动\ndate: 2024-03-01\n---\n" + strings.Repeat("从磁盘读取的正文。", 3000)
	p, drop := droppedFile(t, text)
	rd := newSearchReader()
	defer rd.close()
	refused := 0
	for i := 0; i < 20; i++ {
		if i > 0 && !drop() {
			t.Fatal("the file could be dropped once, not again")
		}
		rd.nowait = true
		data, _, _, err := rd.readHead(p, nil, headSize)
		if err == errWouldBlock {
			refused++
			deadline := time.Now().Add(10 * time.Second)
			for !resident(t, p) {
				if time.Now().After(deadline) {
					t.Fatal("the refused file was not read ahead into the page cache")
				}
				time.Sleep(5 * time.Millisecond)
			}
			continue
		}
		if err != nil || string(data) != text[:headSize] {
			t.Fatalf("nowait read of a dropped file: %d bytes, err %v", len(data), err)
		}
	}
	t.Logf("%d of 20 reads refused", refused)
	drop()
	rd.nowait = false
	data, st, whole, err := rd.readHead(p, nil, headSize)
	if err != nil || whole || len(data) != headSize || string(data) != text[:headSize] || st.size != int64(len(text)) {
		t.Fatalf("waiting read: %d bytes (whole %v, size %d), err %v", len(data), whole, st.size, err)
	}
	rd.nowait = true
	if data, _, _, err := rd.readHead(p, nil, headSize); err != nil || string(data) != text[:headSize] {
		t.Fatalf("nowait read of a cached file: %d bytes, err %v", len(data), err)
	}
}
