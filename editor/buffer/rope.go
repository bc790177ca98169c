package buffer

import (
	"sort"
	"strings"
)

// A long line is kept as a rope of chunks so that typing into it copies one
// chunk, not the whole line: a 900 KB paragraph on one line would otherwise
// be copied (and a new 900 KB string allocated and collected) on every
// keystroke. Views read a long line through LineSlice and IndexInLine, which
// touch only the bytes they need; Line still returns the whole line (joined
// once and cached until the next edit).

// RopeMin is the length from which an edited line is stored as a rope.
// Tests lower it to exercise ropes with short text.
var RopeMin = 64 << 10

// ChunkSize is the length chunks are cut to, and a chunk longer than
// twice that after an edit is cut again. Tests lower it to have chunk
// boundaries in short text.
var ChunkSize = 2 << 10

// rope is one long line as chunks; ends[k] is the end offset of chunk k.
type rope struct {
	chunks []string
	ends   []int
	flat   string // the joined line, valid while flatOK
	flatOK bool
}

// newRope cuts s into chunks without copying it.
func newRope(s string) *rope {
	r := &rope{flat: s, flatOK: true}
	r.chunks = cut(s, nil)
	r.reindex()
	return r
}

// cut appends s cut into chunks of about chunkSize to out.
func cut(s string, out []string) []string {
	for len(s) > 2*ChunkSize {
		out = append(out, s[:ChunkSize])
		s = s[ChunkSize:]
	}
	if len(s) > 0 {
		out = append(out, s)
	}
	return out
}

func (r *rope) reindex() {
	r.ends = r.ends[:0]
	n := 0
	for _, c := range r.chunks {
		n += len(c)
		r.ends = append(r.ends, n)
	}
}

func (r *rope) len() int {
	if len(r.ends) == 0 {
		return 0
	}
	return r.ends[len(r.ends)-1]
}

// find returns the chunk holding byte off (the last chunk for off == len).
func (r *rope) find(off int) int {
	k := sort.SearchInts(r.ends, off+1)
	return min(k, len(r.chunks)-1)
}

func (r *rope) start(k int) int {
	if k == 0 {
		return 0
	}
	return r.ends[k-1]
}

// String joins the chunks (cached until the next edit).
func (r *rope) String() string {
	if !r.flatOK {
		r.flat = strings.Join(r.chunks, "")
		r.flatOK = true
	}
	return r.flat
}

// slice returns bytes [a, b): a substring when they lie in one chunk.
func (r *rope) slice(a, b int) string {
	if a >= b {
		return ""
	}
	if r.flatOK {
		return r.flat[a:b]
	}
	k := r.find(a)
	cs := r.start(k)
	if b <= r.ends[k] {
		return r.chunks[k][a-cs : b-cs]
	}
	var sb strings.Builder
	sb.Grow(b - a)
	for ; a < b; k++ {
		cs = r.start(k)
		e := min(b, r.ends[k])
		sb.WriteString(r.chunks[k][a-cs : e-cs])
		a = e
	}
	return sb.String()
}

// replace swaps bytes [a, b) for text, copying only the chunks it touches.
func (r *rope) replace(a, b int, text string) {
	n := r.len()
	if len(r.chunks) == 0 {
		r.chunks = cut(text, r.chunks)
		r.reindex()
		r.flatOK = false
		return
	}
	k0 := r.find(a)
	k1 := k0
	if b > a {
		k1 = r.find(b - 1)
	}
	if a == n && b == n {
		k0, k1 = len(r.chunks)-1, len(r.chunks)-1
	}
	s0 := r.start(k0)
	head := r.chunks[k0][:a-s0]
	tail := r.chunks[k1][b-r.start(k1):]
	joined := head + text + tail
	var ins []string
	if len(joined) > 2*ChunkSize {
		ins = cut(joined, nil)
	} else if joined != "" {
		ins = []string{joined}
	}
	r.chunks = append(r.chunks[:k0], append(ins, r.chunks[k1+1:]...)...)
	r.reindex()
	r.flatOK, r.flat = false, ""
}

// index returns the first offset >= from where pat starts, or -1.
func (r *rope) index(from int, pat string) int {
	n := r.len()
	if from > n {
		return -1
	}
	if r.flatOK {
		if i := strings.Index(r.flat[from:], pat); i >= 0 {
			return from + i
		}
		return -1
	}
	if pat == "" {
		return from
	}
	k := r.find(from)
	for ; k < len(r.chunks); k++ {
		cs := r.start(k)
		lo := max(from, cs)
		if i := strings.Index(r.chunks[k][lo-cs:], pat); i >= 0 {
			return lo + i
		}
		// a match across the boundary with the next chunks
		if len(pat) > 1 && r.ends[k] < n {
			blo := max(lo, r.ends[k]-len(pat)+1)
			if i := strings.Index(r.slice(blo, min(n, r.ends[k]+len(pat)-1)), pat); i >= 0 {
				return blo + i
			}
		}
	}
	return -1
}
