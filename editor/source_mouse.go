package editor

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"folio/editor/buffer"
)

var (
	_ fyne.Draggable     = (*Source)(nil)
	_ fyne.Scrollable    = (*Source)(nil)
	_ fyne.Tappable      = (*Source)(nil)
	_ desktop.Mouseable  = (*Source)(nil)
	_ desktop.Cursorable = (*Source)(nil)
)

// multiClickTime is the longest gap between clicks of a double or triple
// click.
const multiClickTime = 450 * time.Millisecond

type clickInfo struct {
	at  time.Time
	pos fyne.Position
}

// OffsetAt returns the byte offset nearest to a position in the widget.
func (s *Source) OffsetAt(pos fyne.Position) int {
	off, _ := s.offsetAt(pos)
	return off
}

// offsetAt is OffsetAt that also reports a position right of a soft-wrapped
// visual line (see Source.rowEnd).
func (s *Source) offsetAt(pos fyne.Position) (int, bool) {
	m := s.metrics()
	v := int((pos.Y + s.scrollY - padTop) / m.lineH)
	if pos.Y+s.scrollY-padTop < 0 {
		return 0, false
	}
	if v >= s.lay.counts.Total() {
		return s.buf.Len(), false
	}
	line, sub := s.lay.lineAtVisual(v)
	vs, ve := s.lay.visualRange(line, sub)
	col, atEnd := s.lay.colAt(line, vs, ve, pos.X-s.padLeft())
	return s.buf.LineStart(line) + col, atEnd
}

// Cursor implements desktop.Cursorable.
func (s *Source) Cursor() desktop.Cursor { return desktop.TextCursor }

// Tapped implements fyne.Tappable (the work happens in MouseDown; this makes
// taps on touch screens and in tests place the cursor too).
func (s *Source) Tapped(ev *fyne.PointEvent) {
	if s.onBar(ev.Position) {
		// a click on the track pages towards it
		top, h := s.thumbSpan()
		switch {
		case ev.Position.Y < top:
			s.scrollBy(-s.viewSize.Height)
		case ev.Position.Y > top+h:
			s.scrollBy(s.viewSize.Height)
		}
		return
	}
	if !s.pressed {
		s.focus()
		off, atEnd := s.offsetAt(ev.Position)
		s.click(off, atEnd, 1, false)
	}
	s.pressed = false
}

// MouseDown implements desktop.Mouseable: click places the cursor,
// Shift+click extends the selection, a double click selects a word and a
// triple click a line.
func (s *Source) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary || s.onBar(ev.Position) {
		return
	}
	s.focus()
	s.pressed = true
	now := time.Now()
	d := ev.Position.Subtract(s.lastClick.pos)
	if now.Sub(s.lastClick.at) < multiClickTime && d.X*d.X+d.Y*d.Y < 25 {
		s.clicks++
	} else {
		s.clicks = 1
	}
	s.lastClick = clickInfo{now, ev.Position}
	off, atEnd := s.offsetAt(ev.Position)
	s.click(off, atEnd, s.clicks, s.shift || ev.Modifier&fyne.KeyModifierShift != 0)
}

// onBar reports whether pos is on the scroll bar's strip, which the bar
// handles itself.
func (s *Source) onBar(pos fyne.Position) bool {
	return pos.X >= s.viewSize.Width-barSize && s.contentHeight() > s.viewSize.Height
}

// MouseUp implements desktop.Mouseable.
func (s *Source) MouseUp(*desktop.MouseEvent) {}

// click handles the n-th click of a series at off; rowEnd tells a click
// right of a soft-wrapped visual line.
func (s *Source) click(off int, rowEnd bool, n int, extend bool) {
	s.prefX = -1
	switch {
	case extend && n == 1:
		s.wantRowEnd = rowEnd
		s.setSelection(buffer.Selection{Anchor: s.sel.Anchor, Cursor: off}, true)
	case n == 2:
		p := s.buf.OffsetToPos(off)
		ls := s.buf.LineStart(p.Line)
		a, b := buffer.WordAt(displayLine(s.buf.Line(p.Line)), p.Col)
		s.setSelection(buffer.Selection{Anchor: ls + a, Cursor: ls + b}, false)
	case n >= 3:
		p := s.buf.OffsetToPos(off)
		s.setSelection(buffer.Selection{Anchor: s.buf.LineStart(p.Line), Cursor: s.buf.LineStart(p.Line + 1)}, false)
	default:
		s.wantRowEnd = rowEnd
		s.setSelection(buffer.Selection{Anchor: off, Cursor: off}, false)
	}
	s.dragFrom = s.sel
}

func (s *Source) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil && c.Focused() != s {
		c.Focus(s)
	}
}

// Dragged implements fyne.Draggable: dragging extends the selection from
// where the button went down, scrolling at the edges.
func (s *Source) Dragged(ev *fyne.DragEvent) {
	if !s.dragging {
		s.dragging = true
		s.lastClick.at = time.Time{} // a drag is not part of a multi-click
		if !s.pressed {              // no MouseDown (touch, tests): start where the drag began
			s.focus()
			off := s.OffsetAt(ev.Position.Subtract(ev.Dragged))
			s.dragFrom = buffer.Selection{Anchor: off, Cursor: off}
		}
	}
	m := s.metrics()
	switch {
	case ev.Position.Y < 0:
		s.scrollY -= m.lineH
	case ev.Position.Y > s.viewSize.Height:
		s.scrollY += m.lineH
	}
	s.clampScroll()
	off, atEnd := s.offsetAt(ev.Position)
	s.wantRowEnd = atEnd
	s.setSelection(buffer.Selection{Anchor: s.dragFrom.Anchor, Cursor: off}, false)
	s.notifyScroll()
}

// DragEnd implements fyne.Draggable.
func (s *Source) DragEnd() {
	s.dragging = false
	s.pressed = false
}

// Scrolled implements fyne.Scrollable (mouse wheel and touchpad).
func (s *Source) Scrolled(ev *fyne.ScrollEvent) {
	if s.fieldScroll(ev) {
		return
	}
	s.scrollBy(-ev.Scrolled.DY)
}

// scrollBy scrolls by dy pixels.
func (s *Source) scrollBy(dy float32) {
	old := s.scrollY
	s.scrollY += dy
	s.clampScroll()
	if s.scrollY != old {
		s.Refresh()
		s.notifyScroll()
	}
}
