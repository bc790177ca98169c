package library

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// blockFiles makes the load workers' reads of the files wanted says of
// (by their index in path order) refuse as if the files were on the disk,
// and returns how many times a worker tried one; the test's end resets it.
func blockFiles(t *testing.T, dir string, wanted func(i int) bool) (blocked map[string]bool, tries func() int) {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && IsMarkdown(p) {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	blocked = map[string]bool{}
	for i, p := range paths {
		if wanted(i) {
			blocked[p] = true
		}
	}
	var mu sync.Mutex
	n := 0
	wouldBlockTest = func(abs string) bool {
		if !blocked[abs] {
			return false
		}
		mu.Lock()
		n++
		mu.Unlock()
		return true
	}
	t.Cleanup(func() { wouldBlockTest = nil })
	return blocked, func() int {
		mu.Lock()
		defer mu.Unlock()
		return n
	}
}

// TestStreamHandsFilesThatWouldWaitToSlowReaders loads a folder whose
// files partly "must come from the disk" (every third, and a run longer
// than the stream's window, so that slow readers hold every token): each
// such file is tried once by a worker, read by a slow reader, and the
// Index is the one a load that waits for every file makes.
func TestStreamHandsFilesThatWouldWaitToSlowReaders(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 2600, 5)
	want := NewIndex(dir)
	if err := want.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	blocked, tries := blockFiles(t, dir, func(i int) bool {
		return i%3 == 0 || 400 <= i && i < 400+streamWindow+200
	})
	if len(blocked) < streamWindow+200 {
		t.Fatalf("only %d files blocked", len(blocked))
	}
	got := NewIndex(dir)
	done := make(chan error, 1)
	go func() { done <- got.LoadStream(context.Background(), 0, nil) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the load did not finish: slow readers stuck")
	}
	if tries() != len(blocked) {
		t.Errorf("workers tried %d blocked reads, want one for each of %d files", tries(), len(blocked))
	}
	a, b := want.Summaries(), got.Summaries()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d rows, want %d", len(b), len(a))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("row %d: %+v\nwant %+v", i, b[i], a[i])
		}
	}
}

// TestStreamSlowReadersStopWhenCancelled cancels a load whose files all
// "must come from the disk": it returns the context's error, and no
// worker or slow reader is left behind.
func TestStreamSlowReadersStopWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 3000, 9)
	blockFiles(t, dir, func(int) bool { return true })
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	rows := 0
	err := stream(ctx, dir, readHeads, newInterner(), func(f *File) string { return f.Path }, func(string) {
		if rows++; rows == 100 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want the cancellation", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after the load, %d before", n, before)
	}
}

// TestSearchHandsFilesThatWouldWaitToSlowReaders searches a folder whose
// files partly "must come from the disk": each such file is tried once by
// a worker and searched by a slow reader, and the hits are those of a
// search that waits for every file.
func TestSearchHandsFilesThatWouldWaitToSlowReaders(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 1500, 3)
	for _, q := range []struct {
		query string
		opts  SearchOptions
	}{
		{"Kubernetes", SearchOptions{CaseSensitive: true, MaxHits: 1 << 30}},
		{"边缘计算", SearchOptions{MaxHits: 1 << 30}},
	} {
		want, err := searchAll(t, dir, q.query, q.opts)
		if err != nil || len(want) == 0 {
			t.Fatalf("%s: %d hits, err %v", q.query, len(want), err)
		}
		blocked, tries := blockFiles(t, dir, func(i int) bool { return i%2 == 0 || i > 1000 })
		got, err := searchAll(t, dir, q.query, q.opts)
		wouldBlockTest = nil
		if err != nil {
			t.Fatal(err)
		}
		if tries() != len(blocked) {
			t.Errorf("%s: workers tried %d blocked reads, want one for each of %d files", q.query, tries(), len(blocked))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %d hits with slow readers, %d waiting:\n%s", q.query, len(got), len(want), brief(got))
		}
	}
}
