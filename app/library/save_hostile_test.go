//go:build unix

package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestSaveKeepsOwnerModeAndLinks: a save keeps the file's owner and group,
// its setuid, setgid and sticky bits, and its other hard-linked names
// (issue 12: the file became root's, the bits were dropped, the link split).
func TestSaveKeepsOwnerModeAndLinks(t *testing.T) {
	tests := []struct {
		name     string
		mode     fs.FileMode
		uid, gid int // -1: the test's own
		link     bool
	}{
		{"setuid", 0o755 | fs.ModeSetuid, -1, -1, false},
		{"setgid and sticky", 0o664 | fs.ModeSetgid | fs.ModeSticky, -1, -1, false},
		{"another owner", 0o666, 1234, 5678, false},
		{"hard link", 0o640, -1, -1, true},
		{"hard link, another owner, setuid", 0o4766 | fs.ModeSetuid, 4321, 8765, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.uid >= 0 && os.Geteuid() != 0 {
				t.Skip("needs root to give a file another owner")
			}
			dir := t.TempDir()
			p := filepath.Join(dir, "a.md")
			if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if tc.uid >= 0 {
				if err := os.Chown(p, tc.uid, tc.gid); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(p, tc.mode); err != nil {
				t.Fatal(err)
			}
			other := filepath.Join(dir, "other-name.md")
			if tc.link {
				if err := os.Link(p, other); err != nil {
					t.Fatal(err)
				}
			}
			before, _ := os.Stat(p)
			if err := Save(p, []byte("new content"), SumOf([]byte("old"))); err != nil {
				t.Fatal(err)
			}
			after, _ := os.Stat(p)
			if got, _ := os.ReadFile(p); string(got) != "new content" {
				t.Errorf("content %q", got)
			}
			if after.Mode() != before.Mode() {
				t.Errorf("mode %v, want %v", after.Mode(), before.Mode())
			}
			bu, bg, _, _ := owner(before)
			au, ag, _, _ := owner(after)
			if au != bu || ag != bg {
				t.Errorf("owner %d:%d, want %d:%d", au, ag, bu, bg)
			}
			if tc.link {
				oi, _ := os.Stat(other)
				if !os.SameFile(oi, after) {
					t.Errorf("the hard link was split from the file")
				}
				if got, _ := os.ReadFile(other); string(got) != "new content" {
					t.Errorf("other name reads %q", got)
				}
			}
			noTemp(t, dir)
		})
	}
}

// TestSaveSerialisesFolioWriters: writers that each read, change and save
// the same file, retrying when Save says it changed, never lose an update
// (issue 12: two `folio set` at once lost 30 of 300 updates, both exit 0).
func TestSaveSerialisesFolioWriters(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, nil, 0o644)
	const writers, each = 4, 40
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				for {
					data, sum, err := Read(p)
					if err != nil {
						t.Error(err)
						return
					}
					next := append(data, fmt.Sprintf("w%d-%d\n", w, i)...)
					err = Save(p, next, sum)
					if err == nil {
						break
					}
					if !errors.Is(err, ErrChangedOnDisk) {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	got, _ := os.ReadFile(p)
	if n := strings.Count(string(got), "\n"); n != writers*each {
		t.Errorf("%d updates kept, want %d", n, writers*each)
	}
	noTemp(t, dir)
}

// TestSaveUndoesASwapOverAChange: a write by another program in the
// instant after Save's last check is found by reading back what the swap
// replaced; the swap is undone and Save refuses.
func TestSaveUndoesASwapOverAChange(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("renameat2 is Linux's")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("loaded"), 0o644)
	sv := saver{afterCheck: func() { os.WriteFile(p, []byte("theirs"), 0o644) }}
	if err := sv.save(p, []byte("mine"), SumOf([]byte("loaded"))); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save = %v, want ErrChangedOnDisk", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "theirs" {
		t.Errorf("file = %q, want the other program's", got)
	}
	noTemp(t, dir)

	// A new file that appears in that instant is not replaced either.
	q := filepath.Join(dir, "new.md")
	sv = saver{afterCheck: func() { os.WriteFile(q, []byte("theirs"), 0o644) }}
	if err := sv.save(q, []byte("mine"), Sum{}); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save of a new file = %v, want ErrChangedOnDisk", err)
	}
	if got, _ := os.ReadFile(q); string(got) != "theirs" {
		t.Errorf("new file = %q, want the other program's", got)
	}
	noTemp(t, dir)
}

// TestStaleTempFilesAreCleaned: temporary files left by killed saves are
// removed by the next save or scan of their folder; a live writer's are not
// (issue 12: 115 temporary files, 850 MB, after kill -9s).
func TestStaleTempFilesAreCleaned(t *testing.T) {
	for _, via := range []string{"save", "scan"} {
		t.Run(via, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "a.md")
			os.WriteFile(p, []byte("---\ntitle: a\n---\n"), 0o644)
			me := strconv.Itoa(os.Getpid())
			dead := deadPID(t)
			old := time.Now().Add(-2 * time.Minute)
			files := map[string]struct {
				age    time.Time
				locked bool
				stays  bool
			}{
				saveTempPrefix + dead + "-fresh": {time.Now(), false, false}, // its writer is gone
				saveTempPrefix + me + "-old":     {old, false, false},        // a minute old and unlocked
				saveTempPrefix + me + "-fresh":   {time.Now(), false, true},  // may be a live writer's
				saveTempPrefix + me + "-locked":  {old, true, true},          // a writer holds it
				saveTempPrefix + "odd-name":      {time.Now(), false, true},
				".folio-backup-a.md":             {old, false, true}, // maybe the only whole copy
				".editor-swap-a.md":              {old, false, true},
			}
			for name, f := range files {
				fp := filepath.Join(dir, name)
				os.WriteFile(fp, []byte("x"), 0o644)
				os.Chtimes(fp, f.age, f.age)
				if f.locked {
					h, _ := os.Open(fp)
					defer h.Close()
					if err := syscall.Flock(int(h.Fd()), syscall.LOCK_EX); err != nil {
						t.Fatal(err)
					}
				}
			}
			if via == "save" {
				if err := Save(p, []byte("new"), SumOf([]byte("---\ntitle: a\n---\n"))); err != nil {
					t.Fatal(err)
				}
			} else {
				sums, err := Scan(t.Context(), dir)
				if err != nil || len(sums) != 1 {
					t.Fatalf("scan: %v, %d articles (temporary files are not articles)", err, len(sums))
				}
			}
			for name, f := range files {
				_, err := os.Lstat(filepath.Join(dir, name))
				if stays := err == nil; stays != f.stays {
					t.Errorf("%s: stays=%v, want %v", name, stays, f.stays)
				}
			}
		})
	}
}

// deadPID returns the ID of a process that has exited.
func deadPID(t *testing.T) string {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skipf("cannot start a process: %v", err)
	}
	p.Wait()
	return strconv.Itoa(p.Pid)
}

// TestSaveRefusesNotText: Save never overwrites a file that is binary or
// not UTF-8 text, whatever the caller hands it (issue 12: the app's and the
// command line's one rule; a PNG and a UTF-16 article were overwritten).
func TestSaveRefusesNotText(t *testing.T) {
	for name, content := range map[string]string{
		"png.md":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"utf16.md":  "\xff\xfe-\x00-\x00-\x00\n\x00",
		"latin1.md": "---\ntitle: caf\xe9\n---\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, name)
			os.WriteFile(p, []byte(content), 0o644)
			err := Save(p, []byte("---\ntitle: x\n---\n"), SumOf([]byte(content)))
			if !errors.Is(err, ErrNotText) {
				t.Errorf("Save = %v, want ErrNotText", err)
			}
			if got, _ := os.ReadFile(p); string(got) != content {
				t.Errorf("the file was written")
			}
			noTemp(t, dir)
		})
	}
}
