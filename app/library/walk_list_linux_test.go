package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadDirentsMatchesReadDir lists folders with readDirents, as the
// walk does, and with os.ReadDir: the same names, in the same order, with
// the same types, whether the file system gives the types or they are
// looked up, for a folder larger than one getdents buffer.
func TestReadDirentsMatchesReadDir(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"b.md", "a.md", "中文.md", "Z.md", ".hidden.md", "a b.md", "a0.md"} {
		mk(n)
	}
	for _, d := range []string{"a", "sub", "空"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	if err := os.Mkdir(big, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 1500 { // about 1500 × 48 bytes a record: two buffers
		name := fmt.Sprintf("%04d-%s.md", i, strings.Repeat("长", 8))
		if err := os.WriteFile(filepath.Join(big, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var sc listScratch // one walk's, folder after folder
	var first []os.DirEntry
	for _, unknown := range []bool{false, true} {
		for _, d := range []string{dir, big, filepath.Join(dir, "sub")} {
			t.Run(fmt.Sprintf("%s unknown=%v", filepath.Base(d), unknown), func(t *testing.T) {
				direntUnknown = unknown
				defer func() { direntUnknown = false }()
				got, fd, err := listDirKept(nil, d, &sc)
				if err != nil {
					t.Fatal(err)
				}
				defer closeDirFD(fd)
				want, err := os.ReadDir(d)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("%d entries, os.ReadDir has %d", len(got), len(want))
				}
				if first == nil {
					first = got
				}
				for i := range want {
					if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || got[i].IsDir() != want[i].IsDir() {
						t.Fatalf("entry %d = %v, os.ReadDir has %v", i, got[i], want[i])
					}
				}
				if len(got) > 0 {
					gi, err := got[0].Info()
					if err != nil {
						t.Fatal(err)
					}
					wi, _ := want[0].Info()
					if gi.Name() != wi.Name() || gi.Mode() != wi.Mode() || gi.Size() != wi.Size() {
						t.Errorf("Info = %v %v %d, os.ReadDir's %v %v %d", gi.Name(), gi.Mode(), gi.Size(), wi.Name(), wi.Mode(), wi.Size())
					}
				}
				// The folder is open for its files' readers, opened
				// relative to it as the walk's children are.
				parent := &dirRef{fd: fd}
				if sub, sfd, err := listDirKept(parent, filepath.Join(d, "x"), &sc); err == nil || sfd >= 0 || sub != nil {
					t.Errorf("a missing child folder listed: %v, fd %d, err %v", sub, sfd, err)
				}
			})
		}
	}
	// The first listing is intact after the others reused the memory.
	want, _ := os.ReadDir(dir)
	for i := range want {
		if first[i].Name() != want[i].Name() || first[i].Type() != want[i].Type() {
			t.Fatalf("after more listings, entry %d = %v, want %v", i, first[i], want[i])
		}
	}
}

// TestOpenatName opens names relative to a folder without syscall's
// allocation, and refuses a name with a NUL byte as syscall.Openat does.
func TestOpenatName(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "文章.md"), []byte("正文"), 0o644); err != nil {
		t.Fatal(err)
	}
	dfd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(dfd)
	var nb []byte
	for range 2 { // the second time, in the first call's memory
		fd, err := openatName(dfd, "文章.md", syscall.O_RDONLY, &nb)
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 16)
		n, _ := syscall.Read(fd, b)
		syscall.Close(fd)
		if string(b[:n]) != "正文" {
			t.Fatalf("read %q", b[:n])
		}
	}
	if _, err := openatName(dfd, "missing.md", syscall.O_RDONLY, &nb); err != syscall.ENOENT {
		t.Errorf("missing file: %v, want ENOENT", err)
	}
	if _, err := openatName(dfd, "a\x00b", syscall.O_RDONLY, &nb); err != syscall.EINVAL {
		t.Errorf("NUL in a name: %v, want EINVAL", err)
	}
}
