package library

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// LoadStream is Load showing its rows as they are read: the folder is
// streamed in path order (see StreamSummaries), and every `every` while
// rows come in the rows read so far become the index's (Summaries, Len,
// Get) and progress is called, on the loading goroutine. A list can so
// fill while a large folder is read. On error the rows read so far stay.
//
// Folio's own changes meanwhile (Put, Remove, Rename) are kept: they win
// over the rows the load reads of the same paths.
//
// To show the rows sooner, of a file larger than a few kilobytes it reads
// only the beginning when the front matter is within it (most of an
// article's bytes are its body, which the rows do not show), and leaves
// the check that the rest is text (no NUL byte, UTF-8) to CheckRest, which
// the caller runs once the rows are shown: until then a file whose body is
// binary or not UTF-8 has the row of its front matter instead of Load's
// (an error row).
func (ix *Index) LoadStream(ctx context.Context, every time.Duration, progress func()) error {
	var sorted []Summary
	published := 0 // rows of sorted published (and folded into the schema counts, when they are made)
	ix.mu.Lock()
	// The schema's counts are not made while the rows come (a good part
	// of a large folder's load, which the list does not need): they are
	// folded from the rows when first asked for (see foldCounts), and kept
	// up to date from then on.
	ix.rows, ix.counts, ix.during, ix.unchecked, ix.cache = []Summary{}, nil, map[string]*Summary{}, nil, nil
	ix.changed()
	ix.mu.Unlock()
	publish := func() {
		ix.mu.Lock()
		if ix.counts != nil { // made from the rows published so far
			for _, s := range sorted[published:] {
				if _, edited := ix.during[s.Path]; !edited {
					ix.counts.add(s.Path, s.fm, +1)
				}
			}
		}
		published = len(sorted)
		// Readers keep the slice they got: they never see later appends,
		// which go beyond its length.
		ix.rows = editSorted(sorted[:len(sorted):len(sorted)], ix.during)
		ix.changed()
		ix.mu.Unlock()
	}
	last := time.Now()
	var unchecked []restToCheck
	err := streamHeads(ctx, ix.root, func(r headRow) {
		s := r.Summary
		if r.rest > 0 {
			unchecked = append(unchecked, restToCheck{s.Path, r.rest})
		}
		if s.Modified.IsZero() { // not read: a stat may still tell
			s.setStat(statPath(ix.Abs(s.Path)))
		}
		if len(sorted) == cap(sorted) {
			// Double, not append's quarter for a large slice: a large
			// folder's rows are copied about once instead of four times.
			sorted = slices.Grow(sorted, max(1024, len(sorted)))
			prefault(sorted[len(sorted):cap(sorted)])
		}
		sorted = append(sorted, s)
		if time.Since(last) >= every {
			publish()
			last = time.Now()
			if progress != nil {
				progress()
			}
		}
	})
	sorted = clone(sorted) // without the room appending left
	published = min(published, len(sorted))
	publish()
	ix.mu.Lock()
	ix.during = nil
	ix.unchecked = append(ix.unchecked, slices.Clip(unchecked)...)
	ix.mu.Unlock()
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}
