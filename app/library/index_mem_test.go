package library

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// indexBytesPerArticle loads an Index of dir (as the app does, streamed)
// and returns the heap it holds afterwards, per article, measured after a
// collection.
func indexBytesPerArticle(t testing.TB, dir string) (float64, *Index) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ix := NewIndex(dir)
	if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	ix.Schema() // the form asks for it as soon as an article is open
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(ix.Len())
	runtime.KeepAlive(ix)
	return held, ix
}

// TestIndexBytesPerArticle measures the memory a loaded Index (rows,
// modification times, inferred schema) holds per generated, seed-shaped
// article, and fails on a regression. FOLIO_INDEX_ARTICLES sets the
// folder's size (3,000 by default).
func TestIndexBytesPerArticle(t *testing.T) {
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_INDEX_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := t.TempDir()
	genFolder(t, dir, n, 3)
	held, ix := indexBytesPerArticle(t, dir)
	if ix.Len() != n {
		t.Fatalf("indexed %d articles, want %d", ix.Len(), n)
	}
	t.Logf("index holds %.0f bytes per article (%d articles)", held, n)
	// About 850 bytes today (1,940 when every row kept its front matter's
	// fields): the bound catches a row growing fat again.
	const limit = 1400
	if held > limit {
		t.Errorf("the index holds %.0f bytes per article, want at most %d", held, limit)
	}
}
