package buffer

// PrefixSums is a Fenwick (binary indexed) tree over a sequence of
// non-negative integers. It gives O(log n) point updates, prefix sums and
// "which index holds position p" searches, which is what both the line index
// (line lengths) and the editor widget's scroll model (visual lines per
// logical line) need.
//
// The zero value is an empty sequence.
type PrefixSums struct {
	vals []int // the values themselves
	tree []int // 1-based Fenwick tree, len(tree) == len(vals)+1
	mask int   // highest power of two <= len(vals)
}

// NewPrefixSums returns sums over a copy of vals.
func NewPrefixSums(vals []int) *PrefixSums {
	p := &PrefixSums{}
	p.Reset(vals)
	return p
}

// Reset replaces the whole sequence with a copy of vals in O(n).
func (p *PrefixSums) Reset(vals []int) {
	p.vals = append(p.vals[:0], vals...)
	p.rebuild()
}

func (p *PrefixSums) rebuild() {
	n := len(p.vals)
	if cap(p.tree) >= n+1 {
		p.tree = p.tree[:n+1]
	} else {
		p.tree = make([]int, n+1, n+1+n/8)
	}
	p.tree[0] = 0
	copy(p.tree[1:], p.vals)
	for i := 1; i <= n; i++ {
		if j := i + (i & -i); j <= n {
			p.tree[j] += p.tree[i]
		}
	}
	p.mask = 1
	for p.mask*2 <= n {
		p.mask *= 2
	}
}

// Len is the number of values.
func (p *PrefixSums) Len() int { return len(p.vals) }

// Get returns value i.
func (p *PrefixSums) Get(i int) int { return p.vals[i] }

// Set changes value i to v in O(log n).
func (p *PrefixSums) Set(i, v int) {
	d := v - p.vals[i]
	if d == 0 {
		return
	}
	p.vals[i] = v
	for j := i + 1; j < len(p.tree); j += j & -j {
		p.tree[j] += d
	}
}

// Sum returns the sum of values [0, i).
func (p *PrefixSums) Sum(i int) int {
	s := 0
	for ; i > 0; i -= i & -i {
		s += p.tree[i]
	}
	return s
}

// Total returns the sum of all values.
func (p *PrefixSums) Total() int { return p.Sum(len(p.vals)) }

// Find returns the index i such that Sum(i) <= pos < Sum(i+1), that is the
// value that covers position pos. Positions at or past Total map to the last
// index (or 0 when empty). Zero-valued entries are skipped.
func (p *PrefixSums) Find(pos int) int {
	n := len(p.vals)
	if n == 0 || pos < 0 {
		return 0
	}
	i := 0
	for step := p.mask; step > 0; step >>= 1 {
		if j := i + step; j <= n && p.tree[j] <= pos {
			i = j
			pos -= p.tree[j]
		}
	}
	if i >= n {
		return n - 1
	}
	return i
}

// Splice replaces values [at, at+remove) with ins, rebuilding in O(n).
func (p *PrefixSums) Splice(at, remove int, ins []int) {
	if remove == len(ins) {
		for k, v := range ins {
			p.Set(at+k, v)
		}
		return
	}
	tail := len(p.vals) - (at + remove)
	newLen := len(p.vals) - remove + len(ins)
	if cap(p.vals) >= newLen {
		old := p.vals
		p.vals = p.vals[:newLen]
		copy(p.vals[at+len(ins):], old[at+remove:at+remove+tail])
	} else {
		nv := make([]int, newLen, newLen+newLen/8+16)
		copy(nv, p.vals[:at])
		copy(nv[at+len(ins):], p.vals[at+remove:])
		p.vals = nv
	}
	copy(p.vals[at:], ins)
	p.rebuild()
}
