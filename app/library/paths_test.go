package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestIsSystemPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/proc", true},
		{"/proc/self/environ", true},
		{"/sys/kernel/notes", true},
		{"/dev/zero", true},
		{"/devices/a.md", false},
		{"/process.md", false},
		{"/home/u/site/dev/a.md", false},
		{"/home/u/a.md", false},
	} {
		if got := IsSystemPath(tc.path); got != tc.want {
			t.Errorf("IsSystemPath(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		path, root string
		want       bool
	}{
		{"/site", "/site", true},
		{"/site/a.md", "/site", true},
		{"/site/posts/a.md", "/site", true},
		{"/site2/a.md", "/site", false},
		{"/a.md", "/site", false},
		{"/site/..a.md", "/site", true},
		{"/etc/passwd", "/site", false},
	} {
		if got := Within(tc.path, tc.root); got != tc.want {
			t.Errorf("Within(%q, %q) = %v, want %v", tc.path, tc.root, got, tc.want)
		}
	}
}

// TestLinksIntoSystemFilesAreNotRead: a link to /proc/self/environ (or
// /dev/zero) is neither read by Read, nor by the folder scan, nor by the
// Index's refresh of one file, nor searched; a link into /proc as a folder
// is not walked.
func TestLinksIntoSystemFilesAreNotRead(t *testing.T) {
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc")
	}
	t.Setenv("FOLIO_LEAK_PROBE", "leak-probe-value")
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"good.md": "---\ntitle: good\n---\nbody\n"})
	for name, target := range map[string]string{"environ.md": "/proc/self/environ", "zero.md": "/dev/zero", "proc": "/proc/self"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"environ.md", "zero.md"} {
		if _, _, err := Read(filepath.Join(dir, name)); !errors.Is(err, ErrSystemFile) {
			t.Errorf("Read(%s): %v, want ErrSystemFile", name, err)
		}
		if s, ok := summarizeFile(filepath.Join(dir, name), name); !ok || !errors.Is(s.Err, ErrSystemFile) {
			t.Errorf("summarizeFile(%s): %v, want ErrSystemFile", name, s.Err)
		}
	}
	// A walk into /proc/self would reach / through /proc/self/root: fail
	// instead of scanning the machine.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sums, err := Scan(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sums {
		got = append(got, s.Path)
		if s.Path != "good.md" && !errors.Is(s.Err, ErrSystemFile) {
			t.Errorf("%s: error %v, want ErrSystemFile", s.Path, s.Err)
		}
	}
	if want := []string{"environ.md", "good.md", "zero.md"}; !slices.Equal(got, want) {
		t.Errorf("scanned %q, want %q", got, want)
	}
	hits := make(chan Hit, 16)
	go func() {
		if err := Search(ctx, dir, "leak-probe-value", SearchOptions{}, hits); err != nil {
			t.Errorf("Search: %v", err)
		}
	}()
	for h := range hits {
		t.Errorf("search found the environment: %+v", h)
	}
}
