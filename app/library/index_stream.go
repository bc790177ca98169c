package library

import (
	"context"
	"fmt"
	"time"
)

// LoadStream is Load showing its rows as they are read: the folder is
// streamed in path order (see StreamSummaries), and every `every` while
// rows come in the rows read so far become the index's (Summaries, Len,
// Get) and progress is called, on the loading goroutine. A list can so
// fill while a large folder is read. On error the rows read so far stay.
func (ix *Index) LoadStream(ctx context.Context, every time.Duration, progress func()) error {
	rows := map[string]Summary{}
	mod := map[string]time.Time{}
	var sorted, fresh []Summary
	var freshMod []time.Time
	ix.mu.Lock()
	ix.rows, ix.mod, ix.sorted, ix.counts = rows, mod, []Summary{}, newSchemaCounts()
	ix.changed()
	ix.mu.Unlock()
	publish := func() {
		ix.mu.Lock()
		for i, s := range fresh {
			ix.set(s, freshMod[i])
		}
		// Readers keep the slice they got: they never see later appends,
		// which go beyond its length.
		ix.sorted = sorted[:len(sorted):len(sorted)]
		ix.changed()
		ix.mu.Unlock()
		fresh, freshMod = fresh[:0], freshMod[:0]
	}
	last := time.Now()
	err := StreamSummaries(ctx, ix.root, func(s Summary) {
		sorted = append(sorted, s)
		fresh = append(fresh, s)
		freshMod = append(freshMod, modTime(ix.Abs(s.Path)))
		if time.Since(last) >= every {
			publish()
			last = time.Now()
			if progress != nil {
				progress()
			}
		}
	})
	publish()
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}
