package app

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"folio/app/library"
)

// TestOrderByDateBucketsMatchTheSort checks that the bucketed order by
// date (catalog.byDate) is the order the comparator's sort gives: newest
// first, undated last, same dates in path order; and that mostly distinct
// dates fall back to the sort.
func TestOrderByDateBucketsMatchTheSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	for _, tc := range []struct {
		n, dates int
		bucketed bool
	}{
		{2, 1, true}, {50, 3, true}, {3000, 40, true}, {3000, 700, true}, {3000, 3000, false}, {10, 10, true},
	} {
		items := make([]library.Summary, tc.n)
		for i := range items {
			d := ""
			if r := rng.IntN(tc.dates + 1); r > 0 {
				d = fmt.Sprintf("20%02d-%02d-%02d", r%30, r%12+1, r%28+1)
				if tc.dates == tc.n {
					d = fmt.Sprintf("2020-01-01T%06d", rng.IntN(1e6))
				}
			}
			items[i] = library.Summary{Path: fmt.Sprintf("a/%06d.md", i), Date: d}
		}
		c := newCatalog(items)
		if got := c.byDate(byDate, false) != nil; got != tc.bucketed {
			t.Errorf("%d items, %d dates: bucketed %v, want %v", tc.n, tc.dates, got, tc.bucketed)
		}
		want := make([]int, tc.n)
		for i := range want {
			want[i] = i
		}
		slices.SortFunc(want, c.compare(byDate, false))
		if got := c.order(byDate, false); !slices.Equal(got, want) {
			t.Fatalf("%d items, %d dates: order %v…, want %v…", tc.n, tc.dates, got[:min(8, len(got))], want[:min(8, len(want))])
		}
	}
	c := newCatalog([]library.Summary{{Path: "a.md", Date: "2020"}, {Path: "b.md"}})
	for _, k := range []sortKey{byTitle, byModified, byPath} {
		if c.byDate(k, false) != nil || c.byDate(byDate, true) != nil {
			t.Fatal("buckets used for another order than by date, ungrouped")
		}
	}
}
