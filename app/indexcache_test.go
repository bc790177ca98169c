package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/app/library"
)

func init() {
	// A save after a test ended would write into its removed folders:
	// the tests of the cache turn it on for themselves.
	indexCaching = false
}

// listTitles is the titles the list's catalog shows, by path.
func listTitles(ws *workspace) map[string]string {
	m := map[string]string{}
	if ws.list.cat == nil {
		return m
	}
	for _, s := range ws.list.cat.items {
		m[s.Path] = s.Title
	}
	return m
}

// secondWorkspace opens dir in another window of ws's app (so with the
// same storage), as Folio started again would.
func secondWorkspace(t *testing.T, ws *workspace, dir string) (*workspace, uiQueue) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	ws2 := newWorkspace(ws.app, w, dir)
	q := make(uiQueue, 64)
	ws2.do = q.do
	ws2.prev.SetUIRunner(q.do)
	queues[ws2] = q
	t.Cleanup(func() { delete(queues, ws2) })
	ws2.install()
	t.Cleanup(ws2.hot.stop)
	w.Resize(fyne.NewSize(1200, 800))
	return ws2, q
}

// ageFolder sets every file's modification time under dir an hour back
// (outside the index cache's racy window).
func ageFolder(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Chtimes(filepath.Join(dir, e.Name()), old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSecondOpenFillsFromTheIndexCache: the first open reads the folder
// and saves the index cache; the next open fills the list from the cache
// at once (its rows as they were: the test sees the old title first), then
// validation updates in place what changed meanwhile (a changed title, an
// added and a removed article) and saves the cache again. With caching
// off, the first list shown is already the folder's (the control).
func TestSecondOpenFillsFromTheIndexCache(t *testing.T) {
	for _, caching := range []bool{true, false} {
		t.Run(map[bool]string{true: "cache", false: "no cache"}[caching], func(t *testing.T) {
			indexCaching = caching
			t.Cleanup(func() { indexCaching = false })
			ws, dir := newTestWorkspace(t)
			q := queues[ws]
			c := filepath.Join(dir, "c.md")
			if err := os.WriteFile(c, []byte("---\ntitle: C old\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			ageFolder(t, dir)
			ws.scan("")
			file := library.CacheFile(indexCacheDir(ws.app), dir)
			q.runUntil(t, func() bool {
				if !caching {
					return listTitles(ws)["c.md"] == "C old"
				}
				_, err := os.Stat(file)
				return err == nil
			})

			// While Folio was closed:
			if err := os.WriteFile(c, []byte("---\ntitle: C new\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte("---\ntitle: D\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
				t.Fatal(err)
			}

			ws2, q2 := secondWorkspace(t, ws, dir)
			ws2.scan("")
			q2.runUntil(t, func() bool { return ws2.list.cat != nil && len(ws2.list.cat.items) > 0 })
			first := listTitles(ws2)
			_, hasB := first["b.md"]
			if fromCache := first["c.md"] == "C old" && hasB; fromCache != caching {
				t.Fatalf("first list shown %v (caching %v)", first, caching)
			}
			q2.runUntil(t, func() bool {
				got := listTitles(ws2)
				_, hasB := got["b.md"]
				return got["c.md"] == "C new" && got["d.md"] == "D" && !hasB && len(got) == 3
			})
			if !caching {
				return
			}
			// Saved again with what validation found.
			q2.runUntil(t, func() bool {
				ix := library.NewIndex(dir)
				if ix.LoadCache(file) != nil {
					return false
				}
				s, ok := ix.Get(filepath.Join(dir, "d.md"))
				return ok && s.Title == "D"
			})
		})
	}
}

// TestIndexCacheSavedAfterChanges: a change put into the Index (a save)
// is in the cache once the folder was quiet for a while; not before, and
// never without keep running (the control).
func TestIndexCacheSavedAfterChanges(t *testing.T) {
	for _, keeping := range []bool{true, false} {
		t.Run(map[bool]string{true: "kept", false: "not kept"}[keeping], func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			ix := library.NewIndex(dir)
			if err := ix.Load(context.Background()); err != nil {
				t.Fatal(err)
			}
			c := &indexCache{ix: ix, file: library.CacheFile(t.TempDir(), dir), quiet: 50 * time.Millisecond, maxWait: time.Second}
			stop := make(chan struct{})
			done := make(chan struct{})
			if keeping {
				go func() { c.keep(stop); close(done) }()
			} else {
				close(done)
			}
			defer func() { close(stop); <-done }()
			p := filepath.Join(dir, "b.md")
			ix.Put(p, []byte("---\ntitle: B\n---\n"))
			saved := func() bool {
				back := library.NewIndex(dir)
				if back.LoadCache(c.file) != nil {
					return false
				}
				s, ok := back.Get(p)
				return ok && s.Title == "B"
			}
			wait := 10 * time.Second // a wait, not a speed check
			if !keeping {
				wait = 20 * c.quiet // the control: ten times what a save waits for
			}
			deadline := time.Now().Add(wait)
			for !saved() && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if saved() != keeping {
				t.Errorf("saved %v, keeping %v", saved(), keeping)
			}
		})
	}
}
