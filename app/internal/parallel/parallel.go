// Package parallel splits a range of work among goroutines, for the few
// large batches Folio does at once while the user waits (a large folder's
// rows copied, folded or given collation keys).
package parallel

import "sync"

// Ranges calls do for consecutive parts [lo, hi) that together cover
// [0, n), each on its own goroutine, and returns once all are done. There
// are at most workers parts and each is at least least long; when that
// leaves one part (n < 2*least, or workers <= 1), do(0, n) runs on the
// caller's goroutine. Each part's do may keep scratch memory of its own.
func Ranges(n, least, workers int, do func(lo, hi int)) {
	parts := min(workers, n/max(least, 1))
	if parts <= 1 {
		if n > 0 {
			do(0, n)
		}
		return
	}
	var wg sync.WaitGroup
	per := (n + parts - 1) / parts
	for lo := 0; lo < n; lo += per {
		wg.Go(func() { do(lo, min(lo+per, n)) })
	}
	wg.Wait()
}
