package app

import (
	"time"

	"folio/app/library"
)

// listFillEvery is how often the list shows the rows read so far while a
// folder is loaded.
const listFillEvery = 250 * time.Millisecond

// scan loads the folder's Index off the UI goroutine, then shows the list
// and opens first (or the first article).
func (ws *workspace) scan(first string) {
	ix := ws.index
	go func() {
		ws.loadIndex(ix, first, nil) // from the index cache, or read (listfill.go)
	}()
}

// scanned shows the freshly loaded index, on the UI goroutine.
func (ws *workspace) scanned(first string, err error) {
	if err != nil {
		ws.status.problem(err.Error())
	}
	ws.list.show()
	ws.form.indexChanged()
	if first == "" {
		for _, r := range ws.list.rows { // the top of the list as shown
			if !r.header {
				first = ws.index.Abs(r.s.Path)
				break
			}
		}
	}
	if first != "" && !ws.art.HasFile() {
		ws.load(first)
	}
}

// follow loads the Index and then starts the folder's watcher, on one
// goroutine that afterwards hands the watcher's batches, in the order they
// come, to an indexer. Each batch reaches the open article at once, and
// the list and form once the Index took it (see indexer). What changed
// before the watcher watched is found by validating the rows (see
// listFiller.filled) and comparing the open article with the file.
//
// The article first opens at once and the watcher starts on that goroutine
// once the list shows every row: watching a large tree takes a core for a
// while, and neither the window nor the list must wait for it.
func (ws *workspace) follow(first string) {
	ws.openFirst(first)
	ws.startFollow(first)
}

// openFirst opens the article first (none: "") unless one is open.
func (ws *workspace) openFirst(first string) {
	if first != "" && !ws.art.HasFile() {
		ws.load(first)
	}
}

// startFollow is follow without opening first: the load and the watcher
// start on their goroutine, which touches the panes only through ws.do
// and once they are built (see waitBuilt). The list opens first, else the
// top article, once filled, unless an article is open by then. Run calls
// it before the panes are built and opens the article itself.
func (ws *workspace) startFollow(first string) {
	ix := ws.index
	go func() {
		// The Index loads (from the cache, or read) first: the watcher,
		// whose start takes a core for a while in a large tree, starts
		// once the list shows every row, and the rows are then validated
		// (a file changed before it watched sent no event; listfill.go).
		pre := ws.readIndexCache(ix)
		watching := make(chan bool, 1)
		shown := make(chan struct{})
		loaded := make(chan *indexCache, 1)
		go func() { loaded <- ws.loadIndexWhile(ix, first, pre, watching, shown) }()
		<-shown
		w, err := library.Watch(ix.Root(), 0)
		if err != nil {
			watching <- false
			ws.do(func() {
				if ix == ws.index {
					ws.status.problem(err.Error())
				}
			})
			return
		}
		ws.do(func() {
			if ix != ws.index { // another folder was opened meanwhile
				w.Close()
				return
			}
			ws.watcher = w
			ws.art.Expect = w.Expect
			if ws.art.HasFile() {
				w.TrackSum(ws.art.Path(), ws.art.Loaded())
				// A change made before the watcher watched sent no
				// event: compare the file with what was loaded once.
				ws.outside([]library.Change{{Path: ws.art.Path()}})
			}
		})
		go func() {
			for err := range w.Errors() {
				ws.do(func() { ws.status.problem(err.Error()) })
			}
		}()
		watching <- true
		cache := <-loaded
		stop := make(chan struct{})
		x := ws.newIndexer(ix, stop)
		if cache != nil {
			go cache.keep(stop) // saved again a while after changes
		}
		for batch := range w.Changes() {
			x.handle(batch)
		}
		close(stop)
	}()
}

// refreshList shows the Index's rows once their catalog is rebuilt off the
// UI goroutine (after a save: no hitch on a large folder).
func (ws *workspace) refreshList() {
	ix := ws.index
	go func() {
		cat := ws.list.prepare(ix)
		ws.do(func() {
			if ix == ws.index {
				ws.list.offer(cat)
				ws.list.show()
			}
		})
	}()
}

// external shows one batch of outside changes, already applied to the
// Index, on the UI goroutine: the open article (outside), then the list
// (indexChanged).
func (ws *workspace) external(batch []library.Change) {
	ws.outside(batch)
	ws.indexChanged()
}

// outside applies one batch of outside changes to the open article, on the
// UI goroutine, at once: it reloads (clean), raises its conflict bar
// (dirty) or is marked deleted. Its title and preview follow without a
// further pause (see parsed).
func (ws *workspace) outside(batch []library.Change) {
	// The form's schema of these changes comes from the indexer (with the
	// list, or once the folder is quiet): the form must not infer it again
	// on its own when the reload is parsed (a core for a third of a second
	// in a 10,000-article folder, for every write).
	ws.form.ver = ws.index.Version()
	// The text of the form field being typed in reaches the article 0.3 s
	// after the last key: it is an unsaved edit already, so it is written
	// first and the change is a conflict, not a reload that the field's
	// text would then be written over (QA H18).
	ws.form.f.Commit()
	ws.hot.outsideBatch(batch, ws.art.Outside)
	ws.panes.barsChanged() // the conflict bar or the "Reloaded" notice, in this frame
}

// indexChanged shows the Index after a batch was applied to it, on the UI
// goroutine: the list and the form's suggestions.
func (ws *workspace) indexChanged() {
	ws.list.show()
	ws.form.indexChanged()
}
