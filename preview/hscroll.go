package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pageScroll scrolls a wide table or code block sideways without trapping
// the mouse wheel: a vertical wheel over it scrolls the page (outer), a
// horizontal wheel or shift+wheel scrolls it sideways.
type pageScroll struct {
	container.Scroll
	outer func(*fyne.ScrollEvent)
	group *codeGroup // the parts of a big code block scroll together (codegroup.go)
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
// bar never covers the last row.
type tableBox struct {
	widget.BaseWidget
	tl    *tableLayout
	grid  *fyne.Container // the cells
	body  *fyne.Container // grid lines behind the grid
	outer func(*fyne.ScrollEvent)
}

func (t *tableBox) needsScroll(w float32) bool {
	t.tl.fit(t.grid.Objects, w)
	return t.tl.width > w+0.5
}

func (t *tableBox) heightFor(w float32) float32 {
	h := t.tl.heightFor(t.grid.Objects, w)
	if t.needsScroll(w) {
		h += theme.ScrollBarSize() + theme.Padding()
	}
	return h
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
