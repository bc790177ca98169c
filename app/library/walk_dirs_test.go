//go:build linux

package library

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// openFDs counts this process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(es)
}

// TestStreamClosesKeptFolders: the folders the walk keeps open for their
// files' readers (more than maxOpenDirs of them, a page bundle each) are
// all closed when the stream ends, finished or cancelled, and every file
// is read as when opened by its path.
func TestStreamClosesKeptFolders(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	n := maxOpenDirs + 50
	for i := range n {
		files[fmt.Sprintf("b%04d/index.md", i)] = fmt.Sprintf("---\ntitle: T%d\n---\nbody\n", i)
	}
	writeTree(t, dir, files)
	before := openFDs(t)
	for _, keep := range []bool{true, false} {
		streamKeepsDirs = keep
		got := 0
		err := Stream(context.Background(), dir, func(f *File) string {
			if f.Err != nil {
				return "error: " + f.Err.Error()
			}
			return f.Doc.Fields()[0].Value.Text
		}, func(title string) {
			if want := fmt.Sprintf("T%d", got); title != want {
				t.Errorf("keep=%v: file %d titled %q, want %q", keep, got, title, want)
			}
			got++
		})
		if err != nil || got != n {
			t.Fatalf("keep=%v: %d files, %v; want %d", keep, got, err, n)
		}
		if after := openFDs(t); after != before {
			t.Errorf("keep=%v: %d descriptors open after the stream, %d before", keep, after, before)
		}
	}
	streamKeepsDirs = true

	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	Stream(ctx, dir, func(f *File) int { return 0 }, func(int) {
		if seen++; seen == 10 {
			cancel()
		}
	})
	if after := openFDs(t); after != before {
		t.Errorf("cancelled: %d descriptors open after the stream, %d before", after, before)
	}
}
