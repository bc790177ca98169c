package library

import (
	"bytes"
	"testing"
)

// TestPrefaultWritesOnlyZerosInside: prefault leaves the slice's elements
// zero and writes nothing outside it, whatever its alignment and length.
func TestPrefaultWritesOnlyZerosInside(t *testing.T) {
	type row struct {
		s  string
		p  *int
		xs []string
		n  int64
	}
	full := make([]byte, 5<<20)
	for _, c := range []struct{ lo, hi int }{{0, 0}, {1, 2}, {3, 4099}, {4095, 4097}, {100, 5<<20 - 7}, {0, 5 << 20}} {
		for i := range full {
			full[i] = 0xA5
		}
		clear(full[c.lo:c.hi])
		prefault(full[c.lo:c.hi])
		for i, b := range full {
			inside := c.lo <= i && i < c.hi
			if (inside && b != 0) || (!inside && b != 0xA5) {
				t.Fatalf("[%d:%d]: byte %d is %#x after prefault", c.lo, c.hi, i, b)
			}
		}
	}
	rows := make([]row, 3, 50000)
	rows[0].s, rows[2].n = "kept", 7
	tail := rows[len(rows):cap(rows)]
	prefault(tail)
	if rows[0].s != "kept" || rows[2].n != 7 {
		t.Fatalf("prefault changed the rows before the tail: %+v", rows[:3])
	}
	for i, r := range tail {
		if r.s != "" || r.p != nil || r.xs != nil || r.n != 0 {
			t.Fatalf("tail row %d is %+v after prefault", i, r)
		}
	}
	prefault([]row(nil))
	prefault(make([]struct{}, 10))
	if !bytes.Equal(full, make([]byte, len(full))) { // the last case cleared it all
		t.Fatal("prefault of the whole buffer left non-zero bytes")
	}
}
