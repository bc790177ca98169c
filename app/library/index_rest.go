package library

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"folio/editor/document"
)

// restToCheck is a file LoadStream read only the beginning of: its row's
// Path (the very string of the row, which tells the row apart from a later
// one of the same path) and where the unread bytes start.
type restToCheck struct {
	path string
	off  int64
}

// Unchecked is the number of files whose rest CheckRest has still to read.
func (ix *Index) Unchecked() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.unchecked)
}

// CheckRest reads what LoadStream left unread of the files it read the
// beginning of (on all processors but one, left to the UI, which shows
// the rows meanwhile), and corrects the row of each file
// whose rest is not text (a NUL byte, not UTF-8): its row becomes the one
// Load gives it (an error row). A row changed since the load (an outside
// change applied, a save) is left as it is. It returns the relative paths
// whose rows changed, sorted; when ctx is done it stops, and the files not
// read yet stay to check.
func (ix *Index) CheckRest(ctx context.Context) []string {
	ix.mu.Lock()
	todo := ix.unchecked
	ix.unchecked = nil
	ix.mu.Unlock()
	if len(todo) == 0 {
		return nil
	}
	type fixed struct {
		at     int // in todo
		row    Summary
		exists bool
	}
	var (
		mu    sync.Mutex
		fixes []fixed
		next  atomic.Int64 // the next entry of todo to check
		wg    sync.WaitGroup
	)
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(todo) {
					return
				}
				e := todo[i]
				abs := ix.Abs(e.path)
				data, err := readRest(abs, e.off, buf)
				if err == nil {
					if document.CheckText(data) == nil {
						buf = data[:0]
						continue
					}
					buf = data[:0]
				}
				s, exists := summarizeFile(abs, e.path)
				s.setStat(statPath(abs))
				mu.Lock()
				fixes = append(fixes, fixed{i, s, exists})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n := int(next.Load()); n < len(todo) { // stopped: the rest stays to check
		ix.unchecked = append(ix.unchecked, todo[n:]...)
	}
	edits := map[string]*Summary{}
	for _, f := range fixes {
		e := todo[f.at]
		i, found := findRow(ix.rows, e.path)
		if !found || unsafe.StringData(ix.rows[i].Path) != unsafe.StringData(e.path) {
			continue // not the load's row any more
		}
		if f.exists {
			edits[e.path] = &f.row
		} else {
			edits[e.path] = nil
		}
	}
	return ix.edit(edits)
}
