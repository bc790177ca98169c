package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/app/library"
)

// TestListFillsAsTheFolderIsRead loads a folder with a progress after
// every row, as a slow large folder would, and checks that the list shows
// growing prefixes of it, that no more than one catalog waits for the UI
// goroutine at a time, and that the list ends with every article in the
// order a fresh catalog gives.
func TestListFillsAsTheFolderIsRead(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	for i := range 1500 {
		p := filepath.Join(dir, fmt.Sprintf("d%d", i%7), fmt.Sprintf("%04d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		text := fmt.Sprintf("---\ntitle: 文章 %d\ndate: 2024-%02d-%02d\ntags: [t%d]\n---\n正文\n", i%900, 1+i%12, 1+i%28, i%5)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := library.NewIndex(dir)
	ws.index = ix
	ws.list.setIndex(ix)
	fill := ws.startFill(ix)
	defer fill.release()
	done := make(chan preparedCatalog)
	shown := make(chan struct{}) // closed once the list showed rows
	rows := 0
	progress := func() {
		fill.progress()
		if rows++; rows == 100 {
			<-shown // the load goes on only once the list showed the first rows
		}
	}
	go func() {
		if err := ix.LoadStream(context.Background(), 0, progress); err != nil {
			t.Error(err)
		}
		done <- fill.finish()
	}()
	var sizes []int
	deadline := time.After(20 * time.Second)
	var final preparedCatalog
wait:
	for {
		select {
		case f := <-q:
			if n := len(q); n > 0 {
				t.Fatalf("%d more UI functions queued behind one: the filler does not wait for the UI", n)
			}
			f()
			if ws.list.cat != nil {
				if sizes = append(sizes, len(ws.list.cat.items)); len(sizes) == 1 {
					close(shown)
				}
			}
		case final = <-done:
			break wait
		case <-deadline:
			t.Fatal("the load did not finish")
		}
	}
	ws.list.offer(final)
	ws.list.apply()
	if !slices.IsSorted(sizes) || len(sizes) == 0 || sizes[0] > 100 {
		t.Fatalf("the list showed %d catalogs of sizes %v…: want growing prefixes", len(sizes), sizes[:min(len(sizes), 8)])
	}
	got := ws.list.articles()
	fresh := newCatalog(ix.Summaries())
	want := fresh.rows(ws.list.q, fresh.filter(ws.list.q, nil, nil))
	if len(got) != 1502 || len(want) != len(ws.list.rows) {
		t.Fatalf("the full list has %d articles, want 1502", len(got))
	}
	for i, r := range want {
		if r.header != ws.list.rows[i].header || (!r.header && r.s.Path != ws.list.rows[i].s.Path) {
			t.Fatalf("row %d differs from a fresh catalog's", i)
		}
	}
}

// TestLoadGCRaisesTheTargetWhileLoadsRun checks that the collector's
// target is raised while one or two loads run and put back after the
// last, and that a higher target (or GOGC=off) of the user's is kept.
func TestLoadGCRaisesTheTargetWhileLoadsRun(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	var g gcRaise
	current := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	g.start()
	g.start()
	if p := current(); p != loadGCPercent {
		t.Fatalf("while loading GOGC = %d, want %d", p, loadGCPercent)
	}
	g.done()
	if p := current(); p != loadGCPercent {
		t.Fatalf("with a load still running GOGC = %d, want %d", p, loadGCPercent)
	}
	if l := debug.SetMemoryLimit(-1); l != loadMemoryLimit {
		t.Fatalf("while loading GOMEMLIMIT = %d, want %d", l, loadMemoryLimit)
	}
	g.done()
	if p := current(); p != 100 {
		t.Fatalf("after the loads GOGC = %d, want 100", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Fatalf("after the loads GOMEMLIMIT = %d, want none", l)
	}
	debug.SetMemoryLimit(1 << 30) // the user's limit is kept
	g.start()
	if l := debug.SetMemoryLimit(-1); l != 1<<30 {
		t.Errorf("the user's GOMEMLIMIT became %d while loading", l)
	}
	g.done()
	if l := debug.SetMemoryLimit(math.MaxInt64); l != 1<<30 {
		t.Errorf("the user's GOMEMLIMIT became %d after loading", l)
	}
	for _, user := range []int{-1, 1000} {
		debug.SetGCPercent(user)
		g.start()
		if p := current(); p != user {
			t.Errorf("the user's GOGC %d became %d while loading", user, p)
		}
		g.done()
		if p := current(); p != user {
			t.Errorf("the user's GOGC %d became %d after loading", user, p)
		}
	}
}

// TestListRowCorrectedOnceTheRestIsChecked loads a folder with an article
// larger than the head a load reads first, whose front matter is fine but
// whose body is binary: once the list is full, the rest of the file is
// checked and its row in the list becomes an error row, in place.
func TestListRowCorrectedOnceTheRestIsChecked(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	body := strings.Repeat("正文 body line\n", 600) // 10 KB
	for name, text := range map[string]string{
		"big-fine.md": "---\ntitle: fine\n---\n" + body,
		"big-nul.md":  "---\ntitle: fine head\n---\n" + body + "\x00\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := library.NewIndex(dir)
	ws.index = ix
	ws.list.setIndex(ix)
	ws.scan("")
	row := func(p string) (library.Summary, bool) {
		if ws.list.cat == nil {
			return library.Summary{}, false
		}
		for _, s := range ws.list.cat.items {
			if s.Path == p {
				return s, true
			}
		}
		return library.Summary{}, false
	}
	deadline := time.After(20 * time.Second)
	for {
		s, ok := row("big-nul.md")
		if ok && errors.Is(s.Err, library.ErrBinary) && s.Title == "" {
			break
		}
		select {
		case f := <-q:
			f()
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			t.Fatalf("the row of the binary article is %+v (shown %v): not corrected", s, ok)
		}
	}
	if s, ok := row("big-fine.md"); !ok || s.Err != nil || s.Title != "fine" {
		t.Fatalf("the fine article's row is %+v (%v)", s, ok)
	}
	if n := ix.Unchecked(); n != 0 {
		t.Fatalf("%d files left to check", n)
	}
}

// TestFinishTakesTheCachesCatalogOnlyIfCurrent checks that a load from
// the index cache hands the list the catalog built while the watcher
// started when the Index did not change since, and builds it afresh
// (with the change) when it did: a stale catalog is never shown.
func TestFinishTakesTheCachesCatalogOnlyIfCurrent(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	for i := range 30 {
		p := filepath.Join(dir, fmt.Sprintf("%02d.md", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("---\ntitle: T%d\ndate: 2024-01-%02d\n---\n", i, 1+i%9)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := library.NewIndex(dir)
	if err := ix.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	ws.index = ix
	ws.list.setIndex(ix)

	ver := ix.Version()
	pre := ws.orderedCatalog((&catalog{}).extend(ix.Summaries()))
	fill := ws.startFill(ix)
	defer fill.release()
	if got := fill.finishWith(pre, ver); got.cat != pre || got.ver != ver {
		t.Fatal("the current catalog of the cache's rows was not taken")
	}

	pre = ws.orderedCatalog((&catalog{}).extend(ix.Summaries()))
	added := filepath.Join(dir, "99.md")
	ix.Put(added, []byte("---\ntitle: Added\ndate: 2025-01-01\n---\n"))
	fill = ws.startFill(ix)
	defer fill.release()
	got := fill.finishWith(pre, ver)
	if got.cat == pre || got.ver != ix.Version() || len(got.cat.items) != len(pre.items)+1 {
		t.Fatalf("a stale catalog was taken: %d items, version %d (index %d)", len(got.cat.items), got.ver, ix.Version())
	}
	if o := ws.orderedCatalog(got.cat).order(byDate, false); got.cat.items[o[0]].Title != "Added" {
		t.Fatal("the fresh catalog does not show the change first")
	}
}

// TestLoadGCStaysRaisedUntilTheListShowsTheRows checks that a streamed
// load puts the collector's target back only once the list shows every
// row (in the UI function that hands it the last catalog), not when the
// files are read: the collection that would start at once would slow the
// last rows' preparing and showing.
func TestLoadGCStaysRaisedUntilTheListShowsTheRows(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gcPercent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	ws, _ := newTestWorkspace(t)
	q := queues[ws]
	dir := t.TempDir()
	for i := range 300 {
		text := fmt.Sprintf("---\ntitle: 文章 %d\ndate: 2024-01-%02d\n---\n正文\n", i, 1+i%28)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := library.NewIndex(dir)
	ws.index = ix
	ws.list.setIndex(ix)
	done := make(chan struct{})
	go func() {
		defer close(done)
		ws.loadIndex(ix, "", nil)
	}()
	select { // the UI functions wait meanwhile
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the load did not finish")
	}
	// The files are read and the last catalog is queued for the UI.
	if ix.Len() != 300 {
		t.Fatalf("%d rows read, want 300", ix.Len())
	}
	if p := gcPercent(); p != loadGCPercent {
		t.Fatalf("before the list shows the rows GOGC = %d, want the load's %d", p, loadGCPercent)
	}
	q.runUntil(t, func() bool { return gcPercent() == 100 })
	if ws.list.cat == nil || len(ws.list.cat.items) != 300 {
		t.Fatal("GOGC was put back before the list showed every row")
	}
}
