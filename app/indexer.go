package app

import (
	"sync"
	"sync/atomic"
	"time"

	"folio/app/library"
	"folio/editor/document"
)

// indexed is what the UI needs after batches were applied to the Index,
// prepared off the UI goroutine: the list's catalog and the form's schema.
type indexed struct {
	cat    preparedCatalog
	schema *document.Schema
}

// indexer applies the watcher's batches to a folder's Index on its own
// goroutine, so that the open article's reload never waits for the Index
// of a large folder: batches that come while it is busy are applied
// together, with one catalog and one schema for all of them.
//
// The batch just handed over may wait for its own indexing for up to
// ws.indexWait (see handle): in a small folder the article, the list and
// the form are then shown in one turn of the UI goroutine, one frame (with
// a software renderer a frame of the whole window costs tens of
// milliseconds).
type indexer struct {
	ws *workspace
	ix *library.Index

	mu      sync.Mutex
	pending [][]library.Change
	waiter  *batchWaiter // the batch handed over last, while it waits
	wake    chan struct{}
}

// batchWaiter is the handover of one batch's indexing to the goroutine
// that waits for it: state goes from waiting to either given up (the
// waiter showed the article alone; the indexer shows the list itself) or
// handed (the result is on ch).
type batchWaiter struct {
	state atomic.Int32
	ch    chan indexed
}

const (
	waiting int32 = iota
	givenUp
	handed
)

// newIndexer starts an indexer for ix; it ends when stop is closed.
func (ws *workspace) newIndexer(ix *library.Index, stop <-chan struct{}) *indexer {
	x := &indexer{ws: ws, ix: ix, wake: make(chan struct{}, 1)}
	go x.run(stop)
	return x
}

// handle shows one batch from the watcher, on the watcher's goroutine: the
// open article at once, or within ws.indexWait together with the Index.
func (x *indexer) handle(batch []library.Change) {
	w := &batchWaiter{ch: make(chan indexed, 1)}
	x.mu.Lock()
	x.pending = append(x.pending, batch)
	x.waiter = w
	x.mu.Unlock()
	select {
	case x.wake <- struct{}{}:
	default:
	}
	ws, ix := x.ws, x.ix
	timer := time.NewTimer(ws.indexWait)
	defer timer.Stop()
	select {
	case r := <-w.ch:
		ws.do(func() {
			if ix == ws.index { // not a batch of a folder left meanwhile
				ws.outside(batch)
				ws.showIndexed(r)
			}
		})
		return
	case <-timer.C:
	}
	if !w.state.CompareAndSwap(waiting, givenUp) { // handed over just now
		r := <-w.ch
		ws.do(func() {
			if ix == ws.index {
				ws.outside(batch)
				ws.showIndexed(r)
			}
		})
		return
	}
	ws.do(func() {
		if ix == ws.index {
			ws.outside(batch)
		}
	})
}

// Pacing of the indexer in a large folder, where a round (the catalog of
// every article, the form's schema) costs a core for a good fraction of a
// second: rounds must not take the machine from the UI.
const (
	// schemaIdle is how long the folder must be quiet before an expensive
	// schema is inferred again (the form's suggestions may lag; the open
	// article and the list do not).
	schemaIdle = 500 * time.Millisecond
	// maxRest caps the rest after an expensive round (twice as long as the
	// round took: at most a third of a core for indexing, and its garbage,
	// while changes keep coming).
	maxRest = time.Second
)

// run applies what is pending, round after round. A cheap round (a small
// folder) includes the form's schema; after an expensive one the indexer
// rests twice as long as the round took, and infers the schema once the
// folder is quiet.
func (x *indexer) run(stop <-chan struct{}) {
	var schemaDue <-chan time.Time
	idle := time.NewTimer(time.Hour)
	idle.Stop()
	defer idle.Stop()
	for {
		select {
		case <-stop:
			return
		case <-schemaDue:
			schemaDue = nil
			s := x.ix.Schema()
			ws, ix := x.ws, x.ix
			ws.do(func() { ws.form.showSchema(ix, s) })
			continue
		case <-x.wake:
		}
		x.mu.Lock()
		batches, w := x.pending, x.waiter
		x.pending, x.waiter = nil, nil
		x.mu.Unlock()
		if len(batches) == 0 {
			continue
		}
		start := time.Now()
		for _, b := range batches {
			x.ix.Apply(b)
		}
		r := indexed{cat: x.ws.prepare(x.ix)}
		took := time.Since(start)
		cheap := took < x.ws.indexWait
		if cheap {
			r.schema = x.ix.Schema()
			schemaDue = nil
		} else {
			idle.Reset(schemaIdle)
			schemaDue = idle.C
		}
		if w != nil && w.state.CompareAndSwap(waiting, handed) {
			w.ch <- r // the waiter shows it with the article
		} else {
			ws, ix := x.ws, x.ix
			ws.do(func() {
				if ix == ws.index {
					ws.showIndexed(r)
				}
			})
		}
		if !cheap {
			select { // batches meanwhile wait, to be applied together
			case <-stop:
				return
			case <-time.After(min(2*took, maxRest)):
			}
		}
	}
}

// showIndexed shows the Index after batches, on the UI goroutine: the list
// (apply, not show: with the next round under way the Index may already be
// newer than r.cat, and show would rebuild the catalog here) and the
// form's schema when the round inferred it.
func (ws *workspace) showIndexed(r indexed) {
	ws.list.offer(r.cat)
	ws.list.apply()
	if r.schema != nil {
		ws.form.showSchema(ws.index, r.schema)
	}
}
