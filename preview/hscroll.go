package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/preview/markdown"
)

// pageScroll scrolls a wide table or code block sideways without trapping
// the mouse wheel: a vertical wheel over it scrolls the page (outer), a
// horizontal wheel or shift+wheel scrolls it sideways.
type pageScroll struct {
	container.Scroll
	outer func(*fyne.ScrollEvent)
	// the parts of a big code block (codegroup.go) or a wide table
	// (tablegrid.go) scroll together
	group sideGroup
}

// sideGroup is the sideways scroll that the parts of a big block share.
type sideGroup interface {
	scrollBy(dx float32, s *pageScroll)
}

// MinSize implements fyne.Widget: a part of a big code block, which has
// no bar, is as small as a scroller with one.
func (s *pageScroll) MinSize() fyne.Size {
	if s.Direction == container.ScrollNone {
		return fyne.NewSize(32, s.Content.MinSize().Height)
	}
	return s.Scroll.MinSize()
}

func newPageScroll(content fyne.CanvasObject, outer func(*fyne.ScrollEvent)) *pageScroll {
	s := &pageScroll{outer: outer}
	s.Direction = container.ScrollHorizontalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled implements fyne.Scrollable.
func (s *pageScroll) Scrolled(ev *fyne.ScrollEvent) {
	dx := ev.Scrolled.DX
	if dx == 0 && shiftHeld() {
		dx = ev.Scrolled.DY
	}
	if dx != 0 && s.group != nil {
		s.group.scrollBy(dx, s)
		return
	}
	if dx != 0 {
		side := *ev
		side.Scrolled = fyne.Delta{DX: dx}
		s.Scroll.Scrolled(&side)
		return
	}
	if s.outer != nil {
		s.outer(ev)
	}
}

// shiftHeld reports whether a shift key is down (desktop drivers only).
var shiftHeld = realShiftHeld

func realShiftHeld() bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	if d, ok := app.Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// tableBox holds a table's grid, fitted to the width it is given, in a
// sideways scroller that only has something to scroll when the columns
// cannot shrink enough; then the box is taller by the scroll bar, so the
// bar never covers the last row. A wide table (tablegrid.go) is a
// virtualised grid: grid holds only the cells of the columns in view.
type tableBox struct {
	widget.BaseWidget
	tl    *tableLayout
	grid  *fyne.Container // the cells (built ones, for a wide table)
	body  *fyne.Container // grid lines behind the grid
	outer func(*fyne.ScrollEvent)

	wide  *wideGrid   // a wide table's cells and geometry, or nil
	group *tableGroup // the scroll shared with the table's other parts, or nil
	bar   bool        // a wide table's part that shows the bar (the last)
	sig   string      // a wide table's signature (sideOffsets)
	r     *tableBoxRenderer
}

// newWideBox is the box of a wide table (or a part of one).
func newWideBox(b builder, bl *Block, plan *markdown.TablePlan) *tableBox {
	t := &tableBox{outer: b.scrollPage, bar: bl.Cont()&markdown.ContBelow == 0, sig: tableSig(bl, plan.Cols)}
	if bl.Cont() != 0 {
		t.group = groupFor(plan)
		if len(t.group.members) == 0 { // a new group: the table as it was scrolled
			t.group.offset = lastOffset(t.sig)
		}
		if bl.Header != nil {
			t.group.sig = t.sig
		}
	}
	g := newWideGrid(b, bl, plan, t.group)
	lines := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	t.wide, t.grid = g, g.content
	t.body = &fyne.Container{Layout: &panelLayout{}, Objects: []fyne.CanvasObject{lines, g.content}}
	g.grew = b.changed
	if t.group != nil {
		t.group.join(t)
	}
	t.ExtendBaseWidget(t)
	return t
}

// widen lays a wide table's part out again at its group's column widths
// (a part built later has a wider column). It runs while the page builds
// that part: the page measures this one again as it lays it out (the
// heights of its rows change only if a cell now wraps less).
func (t *tableBox) widen(colW []float32) {
	t.wide.widen(colW)
	if t.r != nil {
		t.r.Layout(t.Size())
		canvas.Refresh(t.wide.content)
	}
}

func (t *tableBox) needsScroll(w float32) bool {
	if t.wide != nil {
		return t.wide.width > w+0.5
	}
	t.tl.fit(t.grid.Objects, w)
	return t.tl.width > w+0.5
}

// offset is how far the table is scrolled sideways.
func (t *tableBox) offset() float32 {
	switch {
	case t.group != nil:
		return t.group.offset
	case t.r != nil:
		return t.r.scroll.Offset.X
	}
	return 0
}

func (t *tableBox) heightFor(w float32) float32 {
	if t.wide != nil {
		t.wide.setView(t.offset(), w) // the cells in view, measured
		h := t.wide.height
		if t.bar && t.needsScroll(w) {
			h += theme.ScrollBarSize() + theme.Padding()
		}
		return h
	}
	h := t.tl.heightFor(t.grid.Objects, w)
	if t.needsScroll(w) {
		h += theme.ScrollBarSize() + theme.Padding()
	}
	return h
}

// scrollTo scrolls a wide table's part sideways to x (its group moved).
func (t *tableBox) scrollTo(x float32) {
	if t.r == nil {
		return
	}
	t.r.scroll.ScrollToOffset(fyne.NewPos(x, 0))
	t.viewMoved(x)
}

// viewMoved builds the cells that came into view at x.
func (t *tableBox) viewMoved(x float32) {
	grew := t.wide.setView(x, t.Size().Width)
	if t.r != nil {
		t.r.Layout(t.Size())
	}
	canvas.Refresh(t.wide.content)
	if grew && t.wide.grew != nil {
		t.wide.grew() // the page measures the table again
	}
}

// MinSize is the height at the current width.
func (t *tableBox) MinSize() fyne.Size {
	w := t.Size().Width
	if w <= 0 {
		w = 600
	}
	return fyne.NewSize(0, t.heightFor(w))
}

func (t *tableBox) CreateRenderer() fyne.WidgetRenderer {
	r := &tableBoxRenderer{t: t, scroll: newPageScroll(t.body, t.outer)}
	if t.wide != nil {
		t.r = r
		switch {
		case t.group != nil:
			r.scroll.group = t.group
			r.scroll.Offset.X = t.group.offset
		default:
			r.scroll.Offset.X = lastOffset(t.sig)
		}
		if !t.bar {
			r.scroll.Direction = container.ScrollNone
		}
		r.scroll.OnScrolled = func(at fyne.Position) {
			if t.group != nil {
				t.group.scrollTo(at.X, t)
			} else {
				rememberOffset(t.sig, len(t.wide.colW), at.X)
			}
			t.viewMoved(at.X)
		}
	}
	if s := t.Size(); s.Width > 0 { // a renderer made again (see textFlow's)
		r.Layout(s)
	}
	return r
}

type tableBoxRenderer struct {
	t      *tableBox
	scroll *pageScroll
}

func (r *tableBoxRenderer) Layout(s fyne.Size) {
	t := r.t
	if t.wide != nil {
		t.wide.setView(t.offset(), s.Width)
		t.body.Resize(fyne.NewSize(max(t.wide.width, s.Width), t.wide.height))
		g := t.wide.content
		g.Layout.Layout(g.Objects, g.Size()) // the cells in view may have changed
		r.scroll.Resize(s)
		r.scroll.Base.Refresh() // its bar; not every cell (Scroll.Refresh)
		return
	}
	t.tl.fit(t.grid.Objects, s.Width)
	t.body.Resize(fyne.NewSize(max(t.tl.width, s.Width), t.tl.height))
	r.scroll.Resize(s)
	r.scroll.Refresh()
}
func (r *tableBoxRenderer) MinSize() fyne.Size           { return r.t.MinSize() }
func (r *tableBoxRenderer) Refresh()                     { r.Layout(r.t.Size()); canvas.Refresh(r.t) }
func (r *tableBoxRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.scroll} }
func (r *tableBoxRenderer) Destroy()                     {}

// taskBox is a task list item's check box; tapping it asks for the edit
// that toggles it in the text.
type taskBox struct {
	widget.Icon
	onTap func()
}

func newTaskBox(done bool) *taskBox {
	icon := theme.CheckButtonIcon()
	if done {
		icon = theme.CheckButtonCheckedIcon()
	}
	b := &taskBox{}
	b.Resource = icon
	b.ExtendBaseWidget(b)
	return b
}

// Tapped implements fyne.Tappable.
func (b *taskBox) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Cursor shows a hand when the box can be toggled.
func (b *taskBox) Cursor() desktop.Cursor {
	if b.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
