package preview

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Shift+Left/Right (a character), Shift+Up/Down (a line of the wrapped
// text, into the block above or below at the same x), Shift+Home/End (to
// the start or end of the line) move the selection's moving end, as in a
// browser's text.

// selectionKeys are the keys that extend the selection with Shift.
var selectionKeys = map[fyne.KeyName]bool{
	fyne.KeyLeft: true, fyne.KeyRight: true, fyne.KeyUp: true, fyne.KeyDown: true, fyne.KeyHome: true, fyne.KeyEnd: true,
}

// KeyDown implements desktop.Keyable: it tracks Shift.
func (v *vcontent) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.p.sel.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (v *vcontent) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.p.sel.shift = false
	}
}

// extendByKey moves the selection's focus by key; false when there is
// no selection (nor caret) to extend or key is not one of selectionKeys.
func (p *Preview) extendByKey(key fyne.KeyName) bool {
	s := &p.sel
	if !s.on || !selectionKeys[key] || s.focus.item >= len(p.items) {
		return false
	}
	pt, ok := p.keyPoint(s.focus, key)
	if !ok {
		return true
	}
	s.unit = 1
	s.focus = pt
	p.paintSelection()
	return true
}

// keyPoint is pt moved by one of selectionKeys.
func (p *Preview) keyPoint(pt selPoint, key fyne.KeyName) (selPoint, bool) {
	segs := p.itemSegments(pt.item)
	if pt.seg >= len(segs) {
		return pt, false
	}
	text := segs[pt.seg].text
	pt.off = min(pt.off, len(text))
	switch key {
	case fyne.KeyLeft:
		if pt.off > 0 {
			_, n := utf8.DecodeLastRuneInString(text[:pt.off])
			pt.off -= n
			return pt, true
		}
		return p.prevSegment(pt)
	case fyne.KeyRight:
		if pt.off < len(text) {
			_, n := utf8.DecodeRuneInString(text[pt.off:])
			pt.off += n
			return pt, true
		}
		return p.nextSegment(pt)
	}
	from, to, up, down := p.lineAround(pt, text)
	switch key {
	case fyne.KeyHome:
		pt.off = from
	case fyne.KeyEnd:
		pt.off = to
	case fyne.KeyUp:
		if up < 0 { // the last line of the block above, at the same x
			q, ok := p.prevSegment(selPoint{block: pt.block, item: pt.item, seg: pt.seg})
			if x, shown := p.pointX(pt, text); ok && shown {
				q = p.atX(q, x, true)
			}
			return q, ok
		}
		pt.off = up
	case fyne.KeyDown:
		if down < 0 { // the first line of the block below, at the same x
			q, ok := p.nextSegment(selPoint{block: pt.block, item: pt.item, seg: pt.seg, off: len(text)})
			if x, shown := p.pointX(pt, text); ok && shown {
				q = p.atX(q, x, false)
			}
			return q, ok
		}
		pt.off = down
	}
	return pt, true
}

// segmentFlow is the shown text flow of item i's segment k (whose text
// is text) and its position in the content; ok is false when the item
// is not built or the segment is not a flow.
func (p *Preview) segmentFlow(i, k int, text string) (f *textFlow, at fyne.Position, ok bool) {
	for _, pl := range p.placedTargets(i) {
		if pl.seg == k {
			f, ok = pl.obj.(*textFlow)
			if ok && f.plainText() == text {
				return f, pl.pos, true
			}
			return nil, fyne.Position{}, false
		}
	}
	return nil, fyne.Position{}, false
}

// pointX is pt's x in the content, when its segment is a shown flow.
func (p *Preview) pointX(pt selPoint, text string) (float32, bool) {
	f, at, ok := p.segmentFlow(pt.item, pt.seg, text)
	if !ok {
		return 0, false
	}
	f.laid()
	if len(f.lines) == 0 {
		return 0, false
	}
	l := &f.lines[len(f.lines)-1]
	for i := range f.lines {
		if pt.off <= f.lines[i].to {
			l = &f.lines[i]
			break
		}
	}
	return at.X + f.xAt(l, pt.off, f.runStarts()), true
}

// atX is pt moved to the offset nearest the content's x on the last (or
// first) line of its segment, when that is a shown flow.
func (p *Preview) atX(pt selPoint, x float32, last bool) selPoint {
	segs := p.itemSegments(pt.item)
	if pt.seg >= len(segs) {
		return pt
	}
	f, at, ok := p.segmentFlow(pt.item, pt.seg, segs[pt.seg].text)
	if !ok {
		return pt
	}
	f.laid()
	if len(f.lines) == 0 {
		return pt
	}
	l := &f.lines[0]
	if last {
		l = &f.lines[len(f.lines)-1]
	}
	pt.off = f.offsetAt(fyne.NewPos(x-at.X, l.y+l.h/2))
	return pt
}

// prevSegment is the end of the segment before pt's.
func (p *Preview) prevSegment(pt selPoint) (selPoint, bool) {
	if pt.seg > 0 {
		segs := p.itemSegments(pt.item)
		return selPoint{block: pt.block, item: pt.item, seg: pt.seg - 1, off: len(segs[pt.seg-1].text)}, true
	}
	if pt.item == 0 {
		return pt, false
	}
	return p.endOf(pt.item - 1)
}

// nextSegment is the start of the segment after pt's.
func (p *Preview) nextSegment(pt selPoint) (selPoint, bool) {
	if pt.seg+1 < len(p.itemSegments(pt.item)) {
		return selPoint{block: pt.block, item: pt.item, seg: pt.seg + 1}, true
	}
	return p.startOf(pt.item + 1)
}

// lineAround is the shown line holding pt: its start and end, and the
// offsets at the same x on the lines above and below (-1: none in this
// segment). A wrapped flow's lines are its laid-out lines; a code
// block's, its text's; a segment not on screen is one line a paragraph.
func (p *Preview) lineAround(pt selPoint, text string) (from, to, up, down int) {
	var obj fyne.CanvasObject
	if c := p.itemTargets(pt.item); c != nil {
		for o, k := range c.seg {
			if k == pt.seg {
				obj = o
			}
		}
	}
	if f, ok := obj.(*textFlow); ok && f.plainText() == text {
		f.laid()
		k := len(f.lines) - 1
		for i := range f.lines {
			if pt.off <= f.lines[i].to {
				k = i
				break
			}
		}
		if k < 0 {
			return 0, len(text), -1, -1
		}
		l := &f.lines[k]
		x := f.xAt(l, pt.off, f.runStarts())
		up, down = -1, -1
		if k > 0 {
			a := &f.lines[k-1]
			up = f.offsetAt(fyne.NewPos(x, a.y+a.h/2))
		}
		if k+1 < len(f.lines) {
			b := &f.lines[k+1]
			down = f.offsetAt(fyne.NewPos(x, b.y+b.h/2))
		}
		return l.from, l.to, up, down
	}
	from, to = lineAt(text, pt.off)
	up, down = -1, -1
	col := pt.off - from
	if from > 0 {
		ps, pe := lineAt(text, from-1)
		up = ps + min(col, pe-ps)
		for up > ps && !utf8.RuneStart(text[up]) {
			up--
		}
	}
	if to < len(text) {
		ns, ne := lineAt(text, to+1)
		down = ns + min(col, ne-ns)
		for down > ns && down < len(text) && !utf8.RuneStart(text[down]) {
			down--
		}
	}
	if strings.IndexByte(text, '\n') < 0 && obj == nil {
		return 0, len(text), -1, -1
	}
	return from, to, up, down
}
