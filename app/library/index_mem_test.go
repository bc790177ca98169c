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
// collection, and the heap pages in use per article: what the index holds
// plus the free room of the pages it shares with freed objects (its
// fragmentation, which the system cannot take back).
func indexBytesPerArticle(t testing.TB, dir string) (held, pages float64, ix *Index) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ix = NewIndex(dir)
	if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	ix.Schema() // the form asks for it as soon as an article is open
	runtime.GC()
	runtime.ReadMemStats(&after)
	held = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(ix.Len())
	pages = float64(int64(after.HeapInuse)-int64(before.HeapInuse)) / float64(ix.Len())
	runtime.KeepAlive(ix)
	return held, pages, ix
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
	held, pages, ix := indexBytesPerArticle(t, dir)
	if ix.Len() != n {
		t.Fatalf("indexed %d articles, want %d", ix.Len(), n)
	}
	t.Logf("index holds %.0f bytes per article in %.0f bytes of heap pages (%d articles)", held, pages, n)
	// About 730 bytes today (1,940 when every row kept its front matter's
	// fields, 850 while rows kept their own copy of their tags): the bound
	// catches a row growing fat again.
	const limit = 850
	if held > limit {
		t.Errorf("the index holds %.0f bytes per article, want at most %d", held, limit)
	}
	// The rows' strings and lists are packed in blocks (see arena), not
	// scattered among the pages of the parses' garbage: the pages in use
	// are little more than what the index holds (a third more, scattered).
	if pages > 1.15*held+64 {
		t.Errorf("the index holds %.0f bytes per article in %.0f bytes of heap pages: fragmented", held, pages)
	}
}
