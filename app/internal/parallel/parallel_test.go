package parallel

import (
	"slices"
	"sync"
	"testing"
)

// TestRangesCoverEveryIndexOnce checks that the parts cover [0, n) once
// each, that there are as many as workers and least allow, and none
// shorter than least but for the last.
func TestRangesCoverEveryIndexOnce(t *testing.T) {
	cases := []struct {
		n, least, workers int
		parts             int // how many parts do is called for
	}{
		{0, 10, 4, 0},
		{1, 10, 4, 1},
		{19, 10, 4, 1}, // two parts would be shorter than least
		{20, 10, 4, 2}, // exactly two
		{20, 10, 1, 1}, // one worker
		{20, 10, 0, 1}, // no worker given: the caller's
		{41, 10, 4, 4}, // a shorter last part
		{1000, 10, 3, 3},
		{1000, 0, 2, 2}, // least 0: as 1
		{7, 1, 16, 7},
	}
	for _, c := range cases {
		var mu sync.Mutex
		seen := make([]int, c.n)
		var lens []int
		Ranges(c.n, c.least, c.workers, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			lens = append(lens, hi-lo)
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		if len(lens) != c.parts {
			t.Errorf("Ranges(%d, %d, %d): %d parts %v, want %d", c.n, c.least, c.workers, len(lens), lens, c.parts)
		}
		if i := slices.IndexFunc(seen, func(k int) bool { return k != 1 }); i >= 0 {
			t.Errorf("Ranges(%d, %d, %d): index %d done %d times", c.n, c.least, c.workers, i, seen[i])
		}
		if len(lens) > 1 {
			slices.Sort(lens)
			if lens[1] < max(c.least, 1) {
				t.Errorf("Ranges(%d, %d, %d): parts %v, two shorter than %d", c.n, c.least, c.workers, lens, c.least)
			}
		}
	}
}

// TestRangesRunsOneRangeOnTheCaller: a range too short to split is done
// before Ranges returns on the calling goroutine (no goroutine started:
// what do writes needs no synchronisation).
func TestRangesRunsOneRangeOnTheCaller(t *testing.T) {
	done := 0
	Ranges(5, 10, 8, func(lo, hi int) { done += hi - lo }) // a data race under -race if not the caller's
	if done != 5 {
		t.Fatalf("done %d of 5", done)
	}
}
