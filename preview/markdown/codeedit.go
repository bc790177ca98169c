package markdown

import (
	"bytes"
	"hash/maphash"
	"sort"

	"github.com/yuin/goldmark/ast"
)

// An edit inside a big fenced code block (typing in a 1 MB block of code)
// is applied to the block without parsing: its text is the source
// verbatim, so the new text is cut from the new source, and only the parts
// holding the changed lines are made anew; the other parts (and so their
// widgets) are kept.

// verbatimCode is a fenced code block's content as a byte range from top
// (its top-level block's start), when the content is the source as
// written: every line whole, in order, ending with a newline. It returns
// 0, 0 otherwise.
func verbatimCode(n ast.Node, src []byte, top int) (from, to int) {
	if _, ok := n.(*ast.FencedCodeBlock); !ok {
		return 0, 0
	}
	lines := n.Lines()
	if lines.Len() == 0 {
		return 0, 0
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Padding != 0 || seg.Start > 0 && src[seg.Start-1] != '\n' {
			return 0, 0
		}
		if i > 0 && lines.At(i-1).Stop != seg.Start {
			return 0, 0
		}
	}
	from, to = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if to <= from || to > len(src) || src[to-1] != '\n' {
		return 0, 0
	}
	return from - top, to - top
}

// codeEdit applies a change of the bytes old[p:oldEnd] into
// src[p:newEnd] that lies inside the content of one split code block. It
// reports false (changing nothing) when the change needs a parse.
func (d *Document) codeEdit(src []byte, p, oldEnd, newEnd int) bool {
	old := d.src
	i := sort.Search(len(d.blocks), func(i int) bool { return d.blocks[i].End > p })
	if i == len(d.blocks) {
		return false
	}
	tb := d.blocks[i]
	b := tb.Block
	if b.Kind != KindCode || !b.filled.Load() || len(b.parts) == 0 || b.codeTo == 0 {
		return false
	}
	from, to := tb.Start+b.codeFrom, tb.Start+b.codeTo
	if p < from || oldEnd > to-1 {
		return false // touches a fence, or the last newline before the closing one
	}
	delta := len(src) - len(old)
	// the changed lines, whole, as they are now: they must not hold what
	// could close the block (or anything else goldmark reads differently)
	ls := bytes.LastIndexByte(src[:p], '\n') + 1
	le := newEnd + bytes.IndexByte(src[newEnd:], '\n')
	oldLe := oldEnd + bytes.IndexByte(old[oldEnd:], '\n')
	if le < newEnd || oldLe < oldEnd {
		return false
	}
	changed := src[ls:le]
	if fenceLike(changed) || bytes.IndexByte(changed, '\r') >= 0 || bytes.IndexByte(changed, 0) >= 0 || sanitizeLinesChange(changed) ||
		len(siteOf(d.md).vars()) > 0 && bytes.Contains(changed, []byte("{{{")) { // a site variable is shown as its value (sitevars.go)
		return false
	}

	// the parts holding the changed lines: [k0, k1]
	offs := make([]int, len(b.parts)+1)
	offs[0] = from
	for k, part := range b.parts {
		offs[k+1] = offs[k] + len(part.Text) + 1
	}
	if offs[len(b.parts)] != to {
		return false // the parts do not tile the content (a trailing empty line)
	}
	k0 := sort.Search(len(b.parts), func(k int) bool { return offs[k+1] > ls })
	k1 := sort.Search(len(b.parts), func(k int) bool { return offs[k+1] > oldLe })
	if k0 >= len(b.parts) || k1 >= len(b.parts) {
		return false
	}
	fresh := cutCode(b.Lang, string(src[offs[k0]:offs[k1+1]+delta]))
	if len(fresh) == 0 {
		return false
	}
	if k0 == 0 {
		fresh[0].Label = b.Label // the file name over the code
	}
	if k0 > 0 {
		b.parts[k0-1].recheck.Store(true) // its last token may reach into the change
	}
	parts := make([]*Block, 0, len(b.parts)-(k1-k0+1)+len(fresh))
	parts = append(parts, b.parts[:k0]...)
	parts = append(parts, fresh...)
	parts = append(parts, b.parts[k1+1:]...)
	for k := k0; k < k0+len(fresh); k++ {
		p := parts[k]
		p.cont = 0
		if k > 0 {
			p.cont |= ContAbove
		}
		if k < len(parts)-1 {
			p.cont |= ContBelow
		}
	}

	lineDelta := bytes.Count(src[p:newEnd], []byte{'\n'}) - bytes.Count(old[p:oldEnd], []byte{'\n'})
	nb := &Block{
		Kind: KindCode, Lang: b.Lang, Label: b.Label,
		Text:  string(src[from : to-1+delta]),
		lines: b.lines + lineDelta,
		parts: parts, split: true,
		codeFrom: b.codeFrom, codeTo: b.codeTo + delta,
	}
	nb.filled.Store(true)
	ntb := &TopBlock{Start: tb.Start, End: tb.End + delta, Line: tb.Line, Block: nb}
	ntb.Hash = maphash.Bytes(d.seed, src[ntb.Start:ntb.End])

	d.replaceBlocks(src, i, i, []*TopBlock{ntb}, delta, lineDelta)
	return true
}

// fenceLike reports whether a line of text could be a code fence (``` or
// ~~~ after any indentation).
func fenceLike(text []byte) bool {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimLeft(line, " \t")
		if bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			return true
		}
	}
	return false
}

// sanitizeLinesChange reports whether Sanitize would change these lines
// (then goldmark sees other text than the source).
func sanitizeLinesChange(lines []byte) bool {
	if len(lines) == 0 {
		return false
	}
	return &Sanitize(lines)[0] != &lines[0]
}
