package preview

import (
	"fyne.io/fyne/v2"
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

// tableLayout is a grid: columns as wide as their widest cell (no wrapping),
// stretched to fill when narrower than the space; a one-unit gap shows the
// background behind as grid lines. Objects are row-major cells.
type tableLayout struct {
	cols int
	gap  float32
}

func (l *tableLayout) measure(objs []fyne.CanvasObject) ([]float32, []float32) {
	rows := (len(objs) + l.cols - 1) / l.cols
	cw, rh := make([]float32, l.cols), make([]float32, rows)
	for i, o := range objs {
		m := o.MinSize()
		cw[i%l.cols] = max(cw[i%l.cols], m.Width)
		rh[i/l.cols] = max(rh[i/l.cols], m.Height)
	}
	return cw, rh
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cw, rh := l.measure(objs)
	w, h := l.gap, l.gap
	for _, c := range cw {
		w += c + l.gap
	}
	for _, r := range rh {
		h += r + l.gap
	}
	return fyne.NewSize(w, h)
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	cw, rh := l.measure(objs)
	min := l.MinSize(objs)
	if extra := s.Width - min.Width; extra > 0 {
		for i := range cw {
			cw[i] += extra / float32(l.cols)
		}
	}
	y := l.gap
	for r, h := range rh {
		x := l.gap
		for c := 0; c < l.cols; c++ {
			i := r*l.cols + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(cw[c], h))
			x += cw[c] + l.gap
		}
		y += h + l.gap
	}
}
