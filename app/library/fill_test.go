package library

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"
)

// sequentialScan is the reference the parallel, streamed fill must equal:
// the same walk, then each file read with os (open, stat, read) and
// summarized one after the other, as the Index keeps rows.
func sequentialScan(t *testing.T, root string) []Summary {
	t.Helper()
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	var rows []Summary
	w := walker{ctx: context.Background(), stack: []string{real}}
	in := newInterner()
	w.emit = func(rel, abs string, err error) {
		f := File{Path: rel, Abs: abs, Err: err}
		if err == nil {
			data, mod, err := readFileStat(abs, nil)
			f.Modified = mod
			if err != nil {
				if pe, ok := errors.AsType[*os.PathError](err); ok {
					err = errors.New(pe.Op + ": " + pe.Err.Error())
				}
				f.Err = err
			} else {
				parse(&f, data)
			}
		}
		s := summarize(&f, in, withSchema)
		if s.Modified.IsZero() {
			s.Modified = modTime(abs)
		}
		rows = append(rows, s)
	}
	if err := w.walk(root, ""); err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameRows compares two row lists field by field; errors are compared by
// their text and by the sentinels the list tells apart.
func sameRows(t *testing.T, got, want []Summary) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if (g.Err == nil) != (w.Err == nil) || (g.Err != nil && g.Err.Error() != w.Err.Error()) {
			t.Fatalf("row %d (%s): error %v, want %v", i, w.Path, g.Err, w.Err)
		}
		for _, sentinel := range []error{ErrBinary, ErrTooLarge, ErrNotRegular, os.ErrPermission} {
			if errors.Is(g.Err, sentinel) != errors.Is(w.Err, sentinel) {
				t.Fatalf("row %d (%s): error %v, want %v (%v)", i, w.Path, g.Err, w.Err, sentinel)
			}
		}
		g.Err, w.Err = nil, nil
		if !g.Modified.Equal(w.Modified) {
			t.Fatalf("row %d (%s): modified %v, want %v", i, w.Path, g.Modified, w.Modified)
		}
		g.Modified, w.Modified = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("row %d differs:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// TestStreamedFillEqualsSequentialScan checks that the Index's parallel,
// streamed load (bare-system-call reads on a pool of workers, rows
// delivered in path order) gives exactly the rows, in the same order, of
// a sequential scan with os reads, for a generated folder with broken,
// binary, non-UTF-8, too large, unreadable and irregular files among the
// articles; and that Scan's counted rows are the same rows with counts.
func TestStreamedFillEqualsSequentialScan(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 2500, 11)
	writeTree(t, dir, articleFixtures)
	writeTree(t, dir, map[string]string{
		"odd/latin1.md":     "---\ntitle: caf\xe9\n---\n",
		"odd/body-nul.md":   "---\ntitle: fine head\n---\nbody \x00 binary\n",
		"odd/body-latin.md": "---\ntitle: fine head\n---\nbody caf\xe9\n",
		"odd/utf16.md":      "\xff\xfe-\x00-\x00-\x00",
		"odd/a.markdown":    "# other extension\n",
		"odd/no-read.md":    "---\ntitle: secret\n---\n",
	})
	if err := os.WriteFile(filepath.Join(dir, "odd/huge.md"), bytes.Repeat([]byte("x"), MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "odd/no-read.md"), 0); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(dir, "odd/fifo.md")); err != nil && runtime.GOOS != "windows" {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.md", filepath.Join(dir, "odd/dangling.md")); err != nil && runtime.GOOS != "windows" {
		t.Fatal(err)
	}
	want := sequentialScan(t, dir)
	if len(want) < 2500 {
		t.Fatalf("the reference scan found %d rows", len(want))
	}
	for _, workers := range []int{1, 2, 4, 8} {
		old := runtime.GOMAXPROCS(workers)
		ix := NewIndex(dir)
		err := ix.LoadStream(context.Background(), 0, nil)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		sameRows(t, ix.Summaries(), want)
	}
	loaded := NewIndex(dir)
	if err := loaded.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameRows(t, loaded.Summaries(), want)

	// Scan counts: its rows are the Index's with the body's counts, which
	// are CountText's.
	counted, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var plain []Summary
	nonzero := 0
	for _, s := range counted {
		if !s.Counted {
			t.Fatalf("%s: Scan's row is not counted", s.Path)
		}
		if s.Words > 0 {
			nonzero++
		}
		s.Words, s.ReadingMinutes, s.Counted = 0, 0, false
		if s.Modified.IsZero() { // not read: Scan does not stat it, the Index does
			s.Modified = modTime(filepath.Join(dir, filepath.FromSlash(s.Path)))
		}
		plain = append(plain, s)
	}
	if nonzero < 2000 {
		t.Fatalf("only %d rows have words", nonzero)
	}
	sameRows(t, plain, want)
}
