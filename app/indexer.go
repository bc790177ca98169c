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

// run applies what is pending, round after round.
func (x *indexer) run(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-x.wake:
		}
		x.mu.Lock()
		batches, w := x.pending, x.waiter
		x.pending, x.waiter = nil, nil
		x.mu.Unlock()
		if len(batches) == 0 {
			continue
		}
		for _, b := range batches {
			x.ix.Apply(b)
		}
		r := indexed{cat: x.ws.prepare(x.ix), schema: x.ix.Schema()}
		if w != nil && w.state.CompareAndSwap(waiting, handed) {
			w.ch <- r // the waiter shows it with the article
			continue
		}
		ws, ix := x.ws, x.ix
		ws.do(func() {
			if ix == ws.index {
				ws.showIndexed(r)
			}
		})
	}
}

// showIndexed shows the Index after batches, on the UI goroutine.
func (ws *workspace) showIndexed(r indexed) {
	ws.list.offer(r.cat)
	ws.list.show()
	ws.form.showSchema(ws.index, r.schema)
}
