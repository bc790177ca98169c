package preview

import (
	"fyne.io/fyne/v2"

	"folio/preview/markdown"
)

// heighter is an object whose height depends on the width it is given
// (wrapped text and everything that holds it).
type heighter interface {
	heightFor(width float32) float32
}

// layoutHeighter is a layout that can tell its height for a width.
type layoutHeighter interface {
	heightFor(objs []fyne.CanvasObject, width float32) float32
}

// heightOf is the height o needs at width.
func heightOf(o fyne.CanvasObject, width float32) float32 {
	switch t := o.(type) {
	case heighter:
		return t.heightFor(width)
	case *fyne.Container:
		if l, ok := t.Layout.(layoutHeighter); ok {
			return l.heightFor(t.Objects, width)
		}
	}
	return o.MinSize().Height
}

// stackLayout stacks its objects top to bottom, each at full width.
type stackLayout struct{ gap float32 }

func (l *stackLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	h := float32(0)
	for i, o := range objs {
		if i > 0 {
			h += l.gap
		}
		h += heightOf(o, w)
	}
	return h
}

func (l *stackLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := heightOf(o, s.Width)
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(s.Width, h))
		y += h + l.gap
	}
}

func (l *stackLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.heightFor(objs, 300))
}

// indentLayout places objs[0] (a marker or a bar) in a left gutter of the
// given width and objs[1] (the content) to its right. With bar set, the
// marker is stretched to the content's height.
type indentLayout struct {
	gutter float32
	bar    bool
}

func (l *indentLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	h := heightOf(objs[1], w-l.gutter)
	if !l.bar {
		h = max(h, objs[0].MinSize().Height)
	}
	return h
}

func (l *indentLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	h := heightOf(objs[1], s.Width-l.gutter)
	if l.bar {
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(3, s.Height))
	} else {
		m := objs[0].MinSize()
		objs[0].Move(fyne.NewPos(l.gutter-m.Width-4, 0))
		objs[0].Resize(m)
	}
	objs[1].Move(fyne.NewPos(l.gutter, 0))
	objs[1].Resize(fyne.NewSize(s.Width-l.gutter, h))
}

func (l *indentLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.gutter+objs[1].MinSize().Width, l.heightFor(objs, 300))
}

// panelLayout draws objs[0] (a background) behind objs[1], inset by pad.
type panelLayout struct{ pad float32 }

func (l *panelLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	return heightOf(objs[1], w-2*l.pad) + 2*l.pad
}

func (l *panelLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(s)
	objs[1].Move(fyne.NewPos(l.pad, l.pad))
	objs[1].Resize(fyne.NewSize(s.Width-2*l.pad, s.Height-2*l.pad))
}

func (l *panelLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[1].MinSize()
	return fyne.NewSize(m.Width+2*l.pad, m.Height+2*l.pad)
}

// chipsLayout lays small objects left to right, wrapping to new rows.
type chipsLayout struct{ gap float32 }

func (l *chipsLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	return l.place(objs, w, false)
}

func (l *chipsLayout) place(objs []fyne.CanvasObject, w float32, move bool) float32 {
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > w {
			x, y, rowH = 0, y+rowH+l.gap, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + l.gap
		rowH = max(rowH, m.Height)
	}
	return y + rowH
}

func (l *chipsLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) { l.place(objs, s.Width, true) }

func (l *chipsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, l.place(objs, 300, false))
}

// tableLayout is a grid of row-major cells (panels holding text flows)
// with column widths from the table's plan: each column gets its natural
// width when all fit, columns shrink toward their minimum (cells wrap)
// when not, and the grid is wider than the space (and scrolls) only when
// even the minimums do not fit. Extra space is shared out. A one-unit gap
// shows the background behind as grid lines.
type tableLayout struct {
	plan    *markdown.TablePlan
	gap     float32
	em      float32     // text size: plan widths are in em
	cellPad float32     // a cell's padding, both sides
	top     bool        // draw the grid line above the first row
	spans   map[int]int // cells (object index) spanning rows: how many

	// the last fit
	fitW   float32
	colW   []float32
	rowH   []float32
	width  float32
	height float32
	nobjs  int
	// the cells' longest words per column, as drawn, for wordsN cells at
	// text size wordsEm (tablewidth.go)
	words   []float32
	wordsN  int
	wordsEm float32
}

// fit computes column widths and row heights for the space w.
func (l *tableLayout) fit(objs []fyne.CanvasObject, w float32) {
	if w == l.fitW && l.colW != nil && l.nobjs == len(objs) {
		return
	}
	l.fitW, l.nobjs = w, len(objs)
	cols := l.plan.Cols
	avail := w - l.gap*float32(cols+1)
	nat := make([]float32, cols)
	mins := make([]float32, cols)
	sumNat, sumMin := float32(0), float32(0)
	for c := 0; c < cols; c++ {
		nat[c] = l.plan.Natural[c]*l.em + l.cellPad + 2
		mins[c] = min(max(l.plan.Minimum[c]*l.em, 2*l.em)+l.cellPad, nat[c])
		sumNat += nat[c]
		sumMin += mins[c]
	}
	if sumNat > avail { // columns must shrink: measure their words
		sumNat, sumMin = l.measuredMins(objs, nat, mins, avail)
	}
	colW := make([]float32, cols)
	switch {
	case sumNat <= avail:
		extra := (avail - sumNat) / float32(cols)
		for c := range colW {
			colW[c] = nat[c] + extra
		}
	case sumMin <= avail:
		k := (avail - sumMin) / (sumNat - sumMin)
		for c := range colW {
			colW[c] = mins[c] + (nat[c]-mins[c])*k
		}
	default:
		copy(colW, mins)
	}
	rows := (len(objs) + cols - 1) / cols
	rowH := make([]float32, rows)
	for i, o := range objs {
		if l.spans[i] > 1 {
			continue // below: the rows it spans make room for it
		}
		rowH[i/cols] = max(rowH[i/cols], heightOf(o, colW[i%cols]))
	}
	for i, n := range l.spans {
		if i >= len(objs) {
			continue
		}
		r := i / cols
		last := min(r+n, rows) - 1
		have := l.gap * float32(last-r)
		for k := r; k <= last; k++ {
			have += rowH[k]
		}
		if h := heightOf(objs[i], colW[i%cols]); h > have {
			rowH[last] += h - have
		}
	}
	l.colW, l.rowH = colW, rowH
	l.width = l.gap
	for _, c := range colW {
		l.width += c + l.gap
	}
	l.height = 0
	if l.top {
		l.height = l.gap
	}
	for _, r := range rowH {
		l.height += r + l.gap
	}
	if len(rowH) > 0 {
		// the last row's cells end on a whole unit (Layout snaps them):
		// a whole grid line under it, not what the fraction leaves (QA G6)
		l.height = snap(l.height-l.gap) + l.gap
	}
}

func (l *tableLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	l.fit(objs, w)
	return l.height
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if l.colW == nil {
		l.fit(objs, 600)
	}
	return fyne.NewSize(l.width, l.height)
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	if l.colW == nil {
		l.fit(objs, s.Width)
	}
	cols := l.plan.Cols
	y := float32(0)
	if l.top {
		y = l.gap
	}
	// cells sit on whole units (tablegrid.go): at fractional positions
	// the one-unit grid line under every other row was covered
	for r, h := range l.rowH {
		x := l.gap
		top, bottom := snap(y), snap(y+h)
		for c := 0; c < cols; c++ {
			i := r*cols + c
			if i >= len(objs) {
				break
			}
			left, right := snap(x), snap(x+l.colW[c])
			b := bottom
			if n := l.spans[i]; n > 1 { // down to the bottom of its last row
				end := y + h
				for k := r + 1; k < min(r+n, len(l.rowH)); k++ {
					end += l.gap + l.rowH[k]
				}
				b = snap(end)
			}
			objs[i].Move(fyne.NewPos(left, top))
			objs[i].Resize(fyne.NewSize(right-left, b-top))
			x += l.colW[c] + l.gap
		}
		y += h + l.gap
	}
}
