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

// droppedFile writes an article into a folder on a disk and drops it from
// the page cache, as a memory manager does with pages not used for a
// while; the test's temporary folder comes first, the package's folder
// (the repository's disk) when that one is tmpfs, whose pages cannot be
// dropped.
func droppedFile(t *testing.T, text string) string {
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
		unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
		f.Close()
		if !resident(t, p) {
			return p
		}
	}
	t.Skipf("no folder here whose page cache can be dropped (tried %v): the refusal cannot be shown", dirs)
	return ""
}

// TestReadHeadRefusesToWaitForTheDisk reads an article dropped from the
// page cache with a load worker's reader: it refuses (errWouldBlock),
// having asked the kernel to read the file ahead, which brings it into
// the page cache; a reader that may wait reads it, and a cached file is
// read without waiting.
func TestReadHeadRefusesToWaitForTheDisk(t *testing.T) {
	text := "---\ntitle: 冷启动\ndate: 2024-03-01\n---\n" + strings.Repeat("从磁盘读取的正文。", 3000)
	p := droppedFile(t, text)
	rd := newSearchReader()
	defer rd.close()
	rd.nowait = true
	if data, _, _, err := rd.readHead(p, nil, headSize); err != errWouldBlock {
		t.Fatalf("nowait read of a dropped file: %d bytes, err %v; want errWouldBlock", len(data), err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !resident(t, p) {
		if time.Now().After(deadline) {
			t.Fatal("the refused file was not read ahead into the page cache")
		}
		time.Sleep(5 * time.Millisecond)
	}
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
