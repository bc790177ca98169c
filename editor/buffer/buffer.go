// Package buffer is the text model behind Folio's Markdown source editor. It
// has no Fyne dependency.
//
// A Buffer stores the text as a slice of lines (without their '\n'), so an
// edit inside one line costs O(length of that line) and an edit that adds or
// removes lines costs one slice splice. A PrefixSums index over the line
// lengths turns byte offsets into line:column positions (and back) in
// O(log lines). Loading a text does not copy it: lines are substrings of the
// loaded string until they are edited.
//
// Offsets are byte offsets into the UTF-8 text; a Pos column is a byte
// offset inside its line. Callers must only pass offsets on rune boundaries.
//
// The package also holds the editor's language rules that need no window:
// CJK-aware soft wrapping with kinsoku rules (Wrap) and word boundaries
// where a run of CJK characters counts as one word (WordAt, NextWord,
// PrevWord).
package buffer

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a line:column position. Line is 0-based, Col is a byte offset
// inside the line.
type Pos struct {
	Line, Col int
}

// Change describes what an edit did to the line structure, so views can
// update per-line caches: lines [StartLine, StartLine+OldLines) were
// replaced by [StartLine, StartLine+NewLines). Start, OldEnd and NewEnd are
// the byte range before and after the edit.
type Change struct {
	StartLine, OldLines, NewLines int
	Start, OldEnd, NewEnd         int
}

// Buffer is an editable text with a line index and an undo history.
// It is not safe for concurrent use.
type Buffer struct {
	lines []string
	ropes []*rope    // nil, or per line: the line as a rope (then lines[i] is unused)
	index PrefixSums // len(line)+1 per line (the +1 is the '\n'; the last line's is virtual)
	hist  history
	size  int
	ver   uint64
}

// New returns a buffer holding text.
func New(text string) *Buffer {
	b := &Buffer{}
	b.SetText(text)
	return b
}

// SetText replaces the whole text and clears the undo history: a reload is
// not an edit the user can undo into.
func (b *Buffer) SetText(text string) {
	n := strings.Count(text, "\n") + 1
	lines := make([]string, 0, n)
	lens := make([]int, 0, n)
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, text)
			lens = append(lens, len(text)+1)
			break
		}
		lines = append(lines, text[:i])
		lens = append(lens, i+1)
		text = text[i+1:]
	}
	b.lines = lines
	b.ropes = nil
	b.index.Reset(lens)
	b.size = b.index.Total() - 1
	b.hist.reset()
	b.ver++
}

// Text returns the whole text.
func (b *Buffer) Text() string {
	if b.ropes == nil {
		return strings.Join(b.lines, "\n")
	}
	var sb strings.Builder
	sb.Grow(b.size)
	for i := range b.lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if r := b.ropes[i]; r != nil {
			for _, c := range r.chunks {
				sb.WriteString(c)
			}
		} else {
			sb.WriteString(b.lines[i])
		}
	}
	return sb.String()
}

// Version increases with every change of the text.
func (b *Buffer) Version() uint64 { return b.ver }

// Len returns the text length in bytes.
func (b *Buffer) Len() int { return b.size }

// LineCount returns the number of lines (at least 1).
func (b *Buffer) LineCount() int { return len(b.lines) }

// Line returns line i without its '\n'. A long line that was edited is
// joined once (O(length)) and cached until its next edit; views that only
// need part of it use LineSlice.
func (b *Buffer) Line(i int) string {
	if b.ropes != nil && b.ropes[i] != nil {
		return b.ropes[i].String()
	}
	return b.lines[i]
}

// LineLen returns the length of line i in bytes without its '\n'.
func (b *Buffer) LineLen(i int) int { return b.index.Get(i) - 1 }

// LineSlice returns bytes [from, to) of line i (clamped), in O(to-from)
// whatever the line's length.
func (b *Buffer) LineSlice(i, from, to int) string {
	n := b.LineLen(i)
	from, to = min(max(from, 0), n), min(max(to, 0), n)
	if from >= to {
		return ""
	}
	if b.ropes != nil && b.ropes[i] != nil {
		return b.ropes[i].slice(from, to)
	}
	return b.lines[i][from:to]
}

// LinePiece returns a piece of line i that holds byte off (or ends at it
// when off is the line's length) and the offset where the piece starts: the
// whole line, or one chunk of a long edited line. It never copies.
func (b *Buffer) LinePiece(i, off int) (string, int) {
	if b.ropes != nil && b.ropes[i] != nil {
		r := b.ropes[i]
		if r.flatOK || len(r.chunks) == 0 {
			return r.String(), 0
		}
		k := r.find(max(off, 0))
		return r.chunks[k], r.start(k)
	}
	return b.lines[i], 0
}

// IndexInLine returns the first offset >= from in line i where pat starts,
// or -1, without joining a long line.
func (b *Buffer) IndexInLine(i, from int, pat string) int {
	if from > b.LineLen(i) {
		return -1
	}
	if b.ropes != nil && b.ropes[i] != nil {
		return b.ropes[i].index(max(from, 0), pat)
	}
	if k := strings.Index(b.lines[i][max(from, 0):], pat); k >= 0 {
		return max(from, 0) + k
	}
	return -1
}

// LineStart returns the byte offset where line i starts.
func (b *Buffer) LineStart(i int) int {
	if i >= len(b.lines) {
		return b.size
	}
	return b.index.Sum(i)
}

// OffsetToPos converts a byte offset to a line:column position. Offsets are
// clamped to [0, Len()].
func (b *Buffer) OffsetToPos(off int) Pos {
	if off <= 0 {
		return Pos{}
	}
	if off >= b.size {
		last := len(b.lines) - 1
		return Pos{last, b.LineLen(last)}
	}
	l := b.index.Find(off)
	return Pos{l, off - b.index.Sum(l)}
}

// PosToOffset converts a position to a byte offset, clamping the line and
// column to the text.
func (b *Buffer) PosToOffset(p Pos) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(b.lines) {
		return b.size
	}
	c := min(max(p.Col, 0), b.LineLen(p.Line))
	return b.index.Sum(p.Line) + c
}

// Slice returns the text between two byte offsets.
func (b *Buffer) Slice(start, end int) string {
	start, end = b.clampRange(start, end)
	if start == end {
		return ""
	}
	sp, ep := b.OffsetToPos(start), b.OffsetToPos(end)
	if sp.Line == ep.Line {
		return b.LineSlice(sp.Line, sp.Col, ep.Col)
	}
	var sb strings.Builder
	sb.Grow(end - start)
	sb.WriteString(b.LineSlice(sp.Line, sp.Col, b.LineLen(sp.Line)))
	for l := sp.Line + 1; l < ep.Line; l++ {
		sb.WriteByte('\n')
		sb.WriteString(b.Line(l))
	}
	sb.WriteByte('\n')
	sb.WriteString(b.LineSlice(ep.Line, 0, ep.Col))
	return sb.String()
}

func (b *Buffer) clampRange(start, end int) (int, int) {
	if start > end {
		start, end = end, start
	}
	return min(max(start, 0), b.size), min(max(end, 0), b.size)
}

// RuneOffset converts a byte offset to a rune (code point) offset. It costs
// O(offset).
func (b *Buffer) RuneOffset(off int) int {
	p := b.OffsetToPos(off)
	n := p.Line // one rune per '\n' before the line
	for l := 0; l < p.Line; l++ {
		n += utf8.RuneCountInString(b.Line(l))
	}
	return n + utf8.RuneCountInString(b.LineSlice(p.Line, 0, p.Col))
}

// ByteOffset converts a rune offset to a byte offset, clamped to the text.
// It costs O(offset).
func (b *Buffer) ByteOffset(runes int) int {
	off := 0
	for l := range b.lines {
		line := b.Line(l)
		n := utf8.RuneCountInString(line)
		if runes <= n {
			for i := range line {
				if runes == 0 {
					return off + i
				}
				runes--
			}
			return off + len(line)
		}
		runes -= n + 1
		off += len(line) + 1
		if l == len(b.lines)-1 {
			break
		}
	}
	return b.size
}

// replace swaps [start, end) for text without touching the history.
func (b *Buffer) replace(start, end int, text string) Change {
	start, end = b.clampRange(start, end)
	sp, ep := b.OffsetToPos(start), b.OffsetToPos(end)
	ch := Change{StartLine: sp.Line, OldLines: ep.Line - sp.Line + 1, Start: start, OldEnd: end, NewEnd: start + len(text)}
	b.ver++
	b.size += len(text) - (end - start)
	if sp.Line == ep.Line && strings.IndexByte(text, '\n') < 0 {
		if newLen := b.LineLen(sp.Line) + len(text) - (end - start); newLen >= RopeMin {
			// a long line: edit its chunks, not a copy of it
			if b.ropes == nil {
				b.ropes = make([]*rope, len(b.lines))
			}
			r := b.ropes[sp.Line]
			if r == nil {
				r = newRope(b.lines[sp.Line])
				b.ropes[sp.Line] = r
				b.lines[sp.Line] = ""
			}
			r.replace(sp.Col, ep.Col, text)
			b.index.Set(sp.Line, newLen+1)
			ch.NewLines = 1
			return ch
		}
	}
	head := b.LineSlice(sp.Line, 0, sp.Col)
	tail := b.LineSlice(ep.Line, ep.Col, b.LineLen(ep.Line))
	if strings.IndexByte(text, '\n') < 0 {
		line := head + text + tail
		ch.NewLines = 1
		if ch.OldLines == 1 {
			b.lines[sp.Line] = line
			if b.ropes != nil {
				b.ropes[sp.Line] = nil
			}
			b.index.Set(sp.Line, len(line)+1)
			return ch
		}
		b.spliceLines(sp.Line, ch.OldLines, []string{line})
		return ch
	}
	parts := strings.Split(text, "\n")
	parts[0] = head + parts[0]
	parts[len(parts)-1] += tail
	ch.NewLines = len(parts)
	b.spliceLines(sp.Line, ch.OldLines, parts)
	return ch
}

func (b *Buffer) spliceLines(at, remove int, ins []string) {
	lens := make([]int, len(ins))
	for i, s := range ins {
		lens[i] = len(s) + 1
	}
	b.index.Splice(at, remove, lens)
	b.lines = slices.Replace(b.lines, at, at+remove, ins...)
	if b.ropes != nil {
		b.ropes = slices.Replace(b.ropes, at, at+remove, make([]*rope, len(ins))...)
	}
}
