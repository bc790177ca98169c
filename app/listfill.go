package app

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"folio/app/library"
)

// listFiller shows a streamed load's rows in the list as they come without
// holding the load up: the load's progress only wakes the filler, which
// extends its last catalog with the new rows (see catalog.extend) on its
// own goroutine and hands it to the UI goroutine, and builds the next one
// only once the UI has taken it, listFillEvery later at the earliest and
// when enough new rows came (listFillGrowth). So at most one catalog waits
// for the UI, the UI goroutine neither lower-cases nor sorts the folder,
// and a large folder's catalog is extended a few dozen times.
type listFiller struct {
	ws   *workspace
	ix   *library.Index
	wake chan struct{} // a progress not yet shown
	stop chan struct{}

	start time.Time // when the load started, for FOLIO_DEBUG
	shown bool      // rows were shown (UI goroutine)

	mu    sync.Mutex // held while a catalog is built
	last  *catalog   // the newest catalog built, to extend; nil once finished
	edits uint64     // ix.Edits() when last was built

	released sync.Once // loadGC.done, once the list shows every row (see release)

	cache     *indexCache // the folder's index cache, or nil
	fromCache bool        // the rows are the cache's: validate them once shown

	// watching, when not nil, tells (once) whether the folder's watcher
	// started: the load ran while it started (see follow), so the rows
	// are validated only once it watches, and also when they were read
	// from the folder (a file changed before it watched sent no event).
	watching <-chan bool
}

// listFillGrowth paces the filler: it shows more rows only when they are
// at least 1/listFillGrowth of those shown, so that the catalogs of a large
// folder are built a few times, not once per progress: each extension
// merges into orders as long as the list, and repaints it. With the rows
// doubling, 150,000 rows are shown in about four steps, whose merges cost
// less than half what a quarter's ten cost.
const listFillGrowth = 1

// cacheRead is the index cache of a folder being read into its Index
// (see readIndexCache), or read.
type cacheRead struct {
	cache *indexCache // nil: no cache
	start time.Time
	done  chan struct{}
	err   error // why the cache was not loaded (after done)

	// The list's catalog of the cache's rows, ordered, built on the
	// reading goroutine once they are in (while the watcher still
	// starts), and the Index's version it is of; nil when the cache was
	// not loaded.
	cat *catalog
	ver uint64
}

// readIndexCache starts reading the folder's index cache into ix, on
// another goroutine: the folder's watcher starts meanwhile (which takes a
// while in a large tree). loadIndex waits for it. Validation, which must
// not begin before the watcher watches, starts only once the list is
// filled.
func (ws *workspace) readIndexCache(ix *library.Index) *cacheRead {
	r := &cacheRead{cache: ws.indexCacheOf(ix), start: time.Now(), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		if r.cache == nil {
			r.err = fs.ErrNotExist
			return
		}
		loadGC.start() // the decoded rows are most of the heap: collect less often meanwhile
		defer loadGC.done()
		if r.err = ix.LoadCache(r.cache.file); r.err != nil {
			return
		}
		r.ver = ix.Version() // before reading: a later change makes it stale, never wrongly current
		r.cat = ws.orderedCatalog((&catalog{}).extend(ix.Summaries()))
	}()
	return r
}

// orderedCatalog orders c as the list shows it (sort and grouping of the
// preferences) and returns it; off the UI goroutine (a sort of 150,000
// rows takes a good part of a second).
func (ws *workspace) orderedCatalog(c *catalog) *catalog {
	prefs := ws.app.Preferences()
	c.order(sortKey(prefs.IntWithFallback(prefListSort, int(byDate))), prefs.Bool(prefListGroup))
	return c
}

// loadIndex fills the folder's Index and shows it in the list, on the
// calling goroutine (not the UI's), then opens first (or the top
// article): from the folder's index cache when it has a valid one (the
// list is filled at once; the rows are validated afterwards, see filled),
// else by reading the folder, the list showing the rows as they come. pre
// is the cache being read already (nil: read it now). It returns the
// folder's index cache (nil: none) for the indexer to keep up to date.
func (ws *workspace) loadIndex(ix *library.Index, first string, pre *cacheRead) *indexCache {
	return ws.loadIndexWhile(ix, first, pre, nil, nil)
}

// loadIndexWhile is loadIndex before the folder's watcher starts:
// watching tells (once) whether it started. The rows, from the cache or
// read, are validated once it watches (see listFiller.filled); nothing is
// validated when it failed. shown, when not nil, is closed once the list
// shows every row (or another folder was opened meanwhile): the watcher,
// whose start costs a core for a second or more in a large tree, starts
// then (see follow), not while the list fills.
func (ws *workspace) loadIndexWhile(ix *library.Index, first string, pre *cacheRead, watching <-chan bool, shown chan<- struct{}) *indexCache {
	if pre == nil {
		pre = ws.readIndexCache(ix)
	}
	fill := ws.startFill(ix) // the list shows the rows read so far
	fill.watching = watching
	<-pre.done
	fill.cache = pre.cache
	var err error
	switch {
	case pre.err == nil:
		fill.fromCache, fill.start = true, pre.start // the load started with the cache's read
		fill.debug("index cache read: %d articles", ix.Len())
	case !errors.Is(pre.err, fs.ErrNotExist):
		fill.debug("index cache not used: %v", pre.err)
	}
	var cat preparedCatalog
	if fill.fromCache {
		ws.waitBuilt() // finishing seeds the list's catalogs
		cat = fill.finishWith(pre.cat, pre.ver)
	} else {
		err = ix.LoadStream(context.Background(), listFillEvery, fill.progress)
		fill.debug("folder read: %d articles", ix.Len())
		if watching != nil {
			// Read before the watcher watched: validated once it does
			// (see filled), and Cached until then.
			ix.ReadUnwatched(fill.start)
		}
		ws.waitBuilt()
		cat = fill.finish()
		fill.debug("list's catalog extended")
	}
	// Ordered here, not on the UI goroutine when the list takes it (a
	// sort of 150,000 rows takes a good part of a second).
	ws.orderedCatalog(cat.cat)
	fill.debug("list's catalog ready")
	ws.do(func() {
		if ix == ws.index {
			fill.debug("list's catalog handed to the UI")
			ws.list.offer(cat)
			ws.scanned(first, err)
			fill.filled(cat.cat)
		}
		if shown != nil {
			close(shown)
		}
		fill.release()
	})
	return fill.cache
}

// startFill starts the list filler of a streamed load of ix; pass its
// progress to LoadStream, call finish when the load is done and release
// once the list shows the rows.
func (ws *workspace) startFill(ix *library.Index) *listFiller {
	loadGC.start()
	f := &listFiller{ws: ws, ix: ix, wake: make(chan struct{}, 1), stop: make(chan struct{}), last: &catalog{}, start: time.Now(), edits: ix.Edits()}
	go f.run()
	return f
}

// progress tells the filler that more rows were read (on the loading
// goroutine; it never waits).
func (f *listFiller) progress() {
	select {
	case f.wake <- struct{}{}:
	default: // already woken: it will take every row read so far
	}
}

func (f *listFiller) run() {
	var last time.Time // when the last catalog was built
	shown := 0         // its rows
	for {
		select {
		case <-f.wake:
		case <-f.stop:
			return
		}
		if wait := listFillEvery - time.Since(last); wait > 0 {
			select {
			case <-time.After(wait):
			case <-f.stop:
				return
			}
		}
		if n := f.ix.Len(); n-shown < shown/listFillGrowth {
			continue // too few new rows for a list this long: the next progress brings more
		}
		last = time.Now()
		p, ok := f.next()
		if !ok {
			return
		}
		shown = len(p.cat.items)
		taken := make(chan struct{})
		f.ws.do(func() {
			defer close(taken)
			if f.ix == f.ws.index {
				f.ws.list.offer(p)
				f.ws.list.apply() // this catalog even if the load went on meanwhile
				if !f.shown {
					f.shown = true
					f.debug("list shows its first %d rows", len(p.cat.items))
				}
			}
		})
		select {
		case <-taken:
		case <-f.stop:
			return
		}
	}
}

// next extends the last catalog with the rows read since; ok is false
// once the load finished.
func (f *listFiller) next() (p preparedCatalog, ok bool) {
	f.mu.Lock() // held while building: finish extends the newest catalog, never the same one twice
	defer f.mu.Unlock()
	if f.last == nil {
		return p, false
	}
	ver := f.ix.Version() // before reading: a later change makes it stale, never wrongly current
	f.last = f.extendLast()
	return preparedCatalog{ix: f.ix, cat: f.last, ver: ver}, true
}

// extendLast returns the catalog of ix's rows, extending the last one
// unless Folio changed a row meanwhile (a save during the load): the rows
// then did not only grow at the end. f.mu must be held.
func (f *listFiller) extendLast() *catalog {
	last := f.last
	if e := f.ix.Edits(); e != f.edits {
		f.edits, last = e, &catalog{}
	}
	return last.extend(f.ix.Summaries())
}

// finish stops the filler and returns the catalog of all of ix's rows,
// extending the last one shown.
func (f *listFiller) finish() preparedCatalog { return f.finishWith(nil, 0) }

// finishWith is finish taking pre, a catalog of all of ix's rows built
// already at ix's version ver, if ix is still at that version (else pre
// is dropped and the catalog built afresh).
func (f *listFiller) finishWith(pre *catalog, ver uint64) preparedCatalog {
	close(f.stop)
	f.mu.Lock()
	defer f.mu.Unlock()
	c := pre
	if pre == nil || f.ix.Version() != ver {
		ver = f.ix.Version()
		c = f.extendLast()
	}
	c.titles = nil // the list's now: no more extensions
	f.last = nil
	f.ws.list.cats.seed(f.ix, c) // the next change updates it
	return preparedCatalog{ix: f.ix, cat: c, ver: ver}
}

// release puts the garbage collector's target back (see loadGC), once
// the list shows every row, not when the load ends: the collection that
// then starts at once (the heap is well over the usual target) would run
// while the last rows are prepared and shown, and slow them (measured on
// 150,000 articles: the last extension took 76-98 ms with it, on a core
// the collection shared). Later calls do nothing.
func (f *listFiller) release() { f.released.Do(loadGC.done) }

// debug logs a step of the fill with the time since the load started,
// when FOLIO_DEBUG is set (for measuring a large folder from outside).
func (f *listFiller) debug(format string, args ...any) {
	if os.Getenv("FOLIO_DEBUG") != "" {
		log.Printf("folio: "+format+" (%d ms after the load started)", append(args, time.Since(f.start).Milliseconds())...)
	}
}

// filled is called on the UI goroutine once the list shows every row: the
// rest of the files the load read the beginning of only is checked (see
// checkRest), or the rows that came from the index cache are validated
// (see validate); then the memory the load went through (file buffers,
// parses, the catalogs shown while filling) is handed back to the system,
// and the index cache is saved, off the UI goroutine. First the list's
// catalog c makes its filter text (see catalog.hays), so that the first
// keystroke in the filter box finds it made.
func (f *listFiller) filled(c *catalog) {
	n := len(c.items)
	from := ""
	if f.fromCache {
		from = " (from the index cache)"
	}
	f.debug("list filled: %d articles%s%v", n, from, resourceUse{})
	stopCPUProfile()
	go func() {
		c.hays()
		read := 0
		if !f.fromCache {
			f.checkRest()
		}
		if f.watching != nil {
			// The rows, read or the cache's, were loaded before the
			// watcher watched: validated once it does (or failed to).
			<-f.watching
		}
		if f.fromCache || f.watching != nil {
			read = f.validate()
		}
		if f.cache != nil && (!f.fromCache || read > 0) {
			f.cache.save(f)
		}
		debug.FreeOSMemory()
		if os.Getenv("FOLIO_DEBUG") != "" {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			f.debug("Go heap after the load: %d MB in use, %d MB from the system", m.HeapInuse>>20, m.Sys>>20)
			writeProfiles()
		}
	}()
}

// validate brings the rows the index cache gave up to date with the
// folder (library.Index.Validate: a stat of every article, a read of those
// changed), off the UI goroutine, and shows the rows it changed in the
// list and the form's schema, as the indexer shows a batch: a cached row
// that was wrong only updates in place. It returns how many files were
// read again.
func (f *listFiller) validate() int {
	changed, read, err := f.ix.Validate(context.Background())
	f.debug("validated: %d files read again, %d rows changed", read, len(changed))
	ws, ix := f.ws, f.ix
	if err != nil {
		ws.do(func() {
			if ix == ws.index {
				ws.status.problem(err.Error())
			}
		})
	}
	if len(changed) > 0 {
		f.show()
	}
	return read
}

// show shows the Index's rows and schema after a correction of the load.
func (f *listFiller) show() {
	ws, ix := f.ws, f.ix
	r := indexed{cat: ws.prepare(ix), schema: ix.Schema()}
	ws.do(func() {
		if ix == ws.index {
			ws.showIndexed(r)
		}
	})
}

// checkRest reads the rest of the files the load read only the front
// matter of (library.Index.CheckRest), off the UI goroutine, and shows
// the rows it corrected (a body found binary or not UTF-8 makes an error
// row) in the list and the form's schema, as the indexer shows a batch.
func (f *listFiller) checkRest() {
	unchecked := f.ix.Unchecked()
	changed := f.ix.CheckRest(context.Background())
	f.debug("rest of %d files checked: %d rows corrected", unchecked, len(changed))
	if len(changed) > 0 {
		f.show()
	}
}

// loadGCPercent is the garbage collector's target while a folder loads
// (GOGC; Go's default is 100): a load makes garbage at a furious rate
// (each file's parse) while the index it keeps grows, and the load of
// 150,000 articles then hardly needs a collection at all (measured: 0.2 s
// less CPU than with 200, about 0.1 s sooner filled on two cores). The
// heap may so grow further before a collection, up to loadMemoryLimit;
// filled hands the load's garbage back to the system once the list is
// full.
var loadGCPercent = 800

// loadMemoryLimit is the soft memory limit (GOMEMLIMIT) while a folder
// loads, when the user set none: with loadGCPercent's rare collections,
// the collector runs anyway before the process's memory reaches it.
const loadMemoryLimit = 768 << 20

// loadGC raises the collector's target while at least one load runs (two
// folders may load at once when the user switches quickly).
var loadGC gcRaise

// gcRaise sets the garbage collector's target to loadGCPercent while it is
// started more often than done, and back to what it was after.
type gcRaise struct {
	mu      sync.Mutex
	running int
	before  int
	limit   int64 // the memory limit before, when start set one (else 0)
}

func (g *gcRaise) start() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running == 0 {
		pct := loadGCPercent
		if v, err := strconv.Atoi(os.Getenv("FOLIO_LOADGC")); err == nil && os.Getenv("FOLIO_DEBUG") != "" {
			pct = v // measuring
		}
		g.before = debug.SetGCPercent(pct)
		if g.before < 0 || g.before > pct { // GOGC=off or higher: keep the user's
			debug.SetGCPercent(g.before)
		}
		g.limit = 0
		if l := debug.SetMemoryLimit(-1); l == math.MaxInt64 { // none set: ours
			debug.SetMemoryLimit(loadMemoryLimit)
			g.limit = l
		}
	}
	g.running++
}

func (g *gcRaise) done() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.running--
	if g.running == 0 {
		debug.SetGCPercent(g.before)
		if g.limit != 0 {
			debug.SetMemoryLimit(g.limit)
		}
	}
}
