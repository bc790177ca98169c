package library

import (
	"slices"
	"testing"
	"unsafe"
)

// TestCloneCopiesEveryElement: clone gives an equal slice in memory of its
// own and without spare capacity, for lengths around the size at which it
// copies on several goroutines and around their shares' boundaries.
func TestCloneCopiesEveryElement(t *testing.T) {
	per := cloneChunk / int(unsafe.Sizeof(Summary{}))
	for _, n := range []int{0, 1, 2*per - 1, 2 * per, 2*per + 1, 3*per + 7, 5 * per} {
		s := make([]Summary, n, n+n/3+1)
		for i := range s {
			s[i] = Summary{Path: string(rune('a'+i%26)) + "/" + string(rune(0x4E00+i%20000)), Words: i}
		}
		c := clone(s)
		if len(c) != n || cap(c) != n {
			t.Fatalf("clone of %d rows: len %d cap %d", n, len(c), cap(c))
		}
		if !slices.EqualFunc(c, s, func(a, b Summary) bool { return a.Path == b.Path && a.Words == b.Words }) {
			t.Fatalf("clone of %d rows differs", n)
		}
		if n > 0 {
			c[n-1].Words = -1
			if s[n-1].Words == -1 {
				t.Fatalf("clone of %d rows shares the memory of its source", n)
			}
		}
	}
}
