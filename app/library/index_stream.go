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
	var sorted, fresh []Summary
	ix.mu.Lock()
	ix.rows, ix.sorted = rows, []Summary{}
	ix.changed()
	ix.mu.Unlock()
	publish := func() {
		ix.mu.Lock()
		for _, s := range fresh {
			rows[s.Path] = s
		}
		// Readers keep the slice they got: they never see later appends,
		// which go beyond its length.
		ix.sorted = sorted[:len(sorted):len(sorted)]
		ix.changed()
		ix.mu.Unlock()
		fresh = fresh[:0]
	}
	last := time.Now()
	err := StreamSummaries(ctx, ix.root, func(s Summary) {
		sorted = append(sorted, s)
		fresh = append(fresh, s)
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
