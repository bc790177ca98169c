package library

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Cached reports whether the index's rows came from the index cache and
// Validate has not finished with them yet (nor failed: its rows stay the
// cache's).
func (ix *Index) Cached() bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.cache != nil || ix.validating != nil
}

// ReadUnwatched tells the index that its rows were read from since on
// while the folder was not watched yet (the load ran while the watcher
// started): a file changed meanwhile sent no event. Validate then checks
// them as it checks a cache's rows written at since: a file whose stat
// differs from its row's, or modified shortly before since (racy), is
// read again. It does nothing while the rows are a cache's still to
// validate (Validate checks them anyway).
func (ix *Index) ReadUnwatched(since time.Time) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.cache == nil {
		ix.cache = &cacheState{written: since}
	}
}

// Validate brings an index filled by LoadCache up to date with the
// folder: it lists the folder and stats every article (size, modification
// time to the nanosecond, inode), and reads again only the files that are
// new, changed, gone, marked stale in the cache (an error row, a body not
// checked yet) or modified shortly before the cache was written (racy:
// see racyWindow); their rows are edited in place, as Apply does. A file
// that Folio or the watcher put into the index while Validate ran keeps
// that row, and a file read again whose row is what it was is no change.
// It returns the relative paths whose rows changed, sorted, and
// how many files it read; it does nothing when the rows are not the
// cache's.
func (ix *Index) Validate(ctx context.Context) (changed []string, read int, err error) {
	ix.mu.Lock()
	cs, rows := ix.cache, ix.rows
	ix.cache = nil
	if cs != nil {
		ix.validating = map[string]bool{}
	}
	ix.mu.Unlock()
	if cs == nil {
		return nil, 0, nil
	}
	done := false
	defer func() {
		if !done { // failed: the rows are still the cache's
			ix.mu.Lock()
			ix.validating, ix.cache = nil, cs
			ix.mu.Unlock()
		}
	}()
	realRoot, err := filepath.EvalSymlinks(ix.root)
	if err != nil {
		return nil, 0, fmt.Errorf("validate %s: %w", ix.root, err)
	}
	type reread struct {
		rel, abs string
		err      error // the walk's (a folder that cannot be listed, a dangling link)
		row      Summary
		exists   bool
	}
	var todo []reread
	racyFrom := cs.written.Add(-racyWindow)
	i := 0
	w := walker{ctx: ctx, stack: []string{realRoot}}
	w.emit = func(rel, abs string, err error) {
		for ; i < len(rows) && rows[i].Path < rel; i++ {
			todo = append(todo, reread{rel: rows[i].Path, abs: ix.Abs(rows[i].Path)}) // gone
		}
		if i < len(rows) && rows[i].Path == rel {
			r := &rows[i]
			i++
			if err == nil && !cs.stale[rel] && r.Modified.Before(racyFrom) && r.stat() == statPath(abs) {
				return // unchanged
			}
		}
		todo = append(todo, reread{rel: rel, abs: abs, err: err})
	}
	if err := w.walk(ix.root, ""); err != nil {
		return nil, 0, fmt.Errorf("validate %s: %w", ix.root, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("validate %s: %w", ix.root, err)
	}
	for ; i < len(rows); i++ {
		todo = append(todo, reread{rel: rows[i].Path, abs: ix.Abs(rows[i].Path)})
	}

	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(todo))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(todo) {
					return
				}
				t := &todo[k]
				if t.err != nil {
					t.row, t.exists = Summarize(&File{Path: t.rel, Abs: t.abs, Err: t.err}), true
				} else {
					t.row, t.exists = summarizeFile(t.abs, t.rel)
				}
				if t.exists && t.row.Modified.IsZero() {
					t.row.setStat(statPath(t.abs))
				}
			}
		}()
	}
	wg.Wait()
	if ix.afterValidateRead != nil {
		ix.afterValidateRead()
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	won := ix.validating
	ix.validating, done = nil, true
	edits := make(map[string]*Summary, len(todo))
	for k := range todo {
		t := &todo[k]
		switch {
		case won[t.rel]:
		case t.exists:
			if i, ok := findRow(ix.rows, t.rel); ok && reflect.DeepEqual(ix.rows[i], t.row) {
				continue // read again (racy), found as it was: nothing to show
			}
			edits[t.rel] = &t.row
		default:
			edits[t.rel] = nil
		}
	}
	return ix.edit(edits), len(todo), nil
}
