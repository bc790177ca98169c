package preview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// docs-cn's <SimpleTab> is shown as the published site shows it: a row of
// tab labels, the chosen one coloured and underlined, over that tab's
// content alone; a click on a label shows its tab. The first tab is shown
// until the reader chooses another; the choice is kept while the block is
// rebuilt (blockstate.go). Content outside any tab is always shown. (The
// HTML export keeps every tab, each under its label.)

// tabsLayout shows objs[0] (the row of labels), objs[1] (the line under
// it) and below them the visible bodies, stacked.
type tabsLayout struct{ gap float32 }

func (l *tabsLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	h := heightOf(objs[0], w) + 1
	for _, o := range objs[2:] {
		if o.Visible() {
			h += l.gap + heightOf(o, w)
		}
	}
	return h
}

func (l *tabsLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	rowH := heightOf(objs[0], s.Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(s.Width, rowH))
	objs[1].Move(fyne.NewPos(0, rowH))
	objs[1].Resize(fyne.NewSize(s.Width, 1))
	y := rowH + 1
	for _, o := range objs[2:] {
		if !o.Visible() {
			continue
		}
		y += l.gap
		h := heightOf(o, s.Width)
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(s.Width, h))
		y += h
	}
}

func (l *tabsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, l.heightFor(objs, 300))
}

// tabLabelLayout places a tab's label, objs[0], inside padding, and its
// underline, objs[1], along the bottom.
type tabLabelLayout struct{ padX, padY, bar float32 }

func (l *tabLabelLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	m := objs[0].MinSize()
	objs[0].Move(fyne.NewPos(l.padX, l.padY))
	objs[0].Resize(m)
	objs[1].Move(fyne.NewPos(0, s.Height-l.bar))
	objs[1].Resize(fyne.NewSize(s.Width, l.bar))
}

func (l *tabLabelLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(m.Width+2*l.padX, m.Height+2*l.padY+l.bar)
}

// simpleTab is a built <SimpleTab>: its labels, their underlines and the
// tabs' bodies, and which tab is shown.
type simpleTab struct {
	box    *fyne.Container
	labels []*textFlow
	bars   []*canvas.Rectangle
	bodies []fyne.CanvasObject
	shown  int
}

// show shows tab k: its label coloured and underlined, its body alone.
func (t *simpleTab) show(k int) {
	t.shown = k
	for i, f := range t.labels {
		c := theme.ColorNamePlaceHolder
		if i == k {
			c = theme.ColorNamePrimary
			t.bars[i].Show()
			t.bodies[i].Show()
		} else {
			t.bars[i].Hide()
			t.bodies[i].Hide()
		}
		for j := range f.runs {
			f.runs[j].color = c
		}
		f.Refresh()
	}
}

// tabs builds docs-cn's <SimpleTab>.
func (b builder) tabs(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	t := &simpleTab{}
	// numbered before what it holds (blockstate.go)
	key, item, boxes, changed := b.containerKey(), b.item, b.boxes, b.changed
	var row []fyne.CanvasObject
	objs := []fyne.CanvasObject{nil, nil}
	for _, it := range bl.Items {
		body := b.stack(it.Blocks, pad*2)
		objs = append(objs, body)
		if len(it.Label) == 0 {
			continue // content outside any tab
		}
		base := b.baseRun()
		base.style.Bold = true
		f := b.newFlow(b.runs(it.Label, base), nil)
		f.noWrap = true
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		row = append(row, &fyne.Container{Layout: &tabLabelLayout{padX: pad * 3, padY: pad * 1.5, bar: 2}, Objects: []fyne.CanvasObject{f, bar}})
		t.labels, t.bars, t.bodies = append(t.labels, f), append(t.bars, bar), append(t.bodies, body)
	}
	objs[0] = &fyne.Container{Layout: &chipsLayout{}, Objects: row}
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	if len(row) == 0 {
		line.FillColor = color.Transparent
	}
	objs[1] = line
	if len(t.labels) == 0 { // a transparent group (an included page): no row of labels, no gap for it
		t.box = &fyne.Container{Layout: &tabsLayout{}, Objects: objs}
		return t.box
	}
	t.box = &fyne.Container{Layout: &tabsLayout{gap: pad * 3}, Objects: objs}
	shown := 0
	if v, ok := boxes.get(item, key); ok && v >= 0 && v < len(t.labels) {
		shown = v
	}
	t.show(shown)
	for i, f := range t.labels {
		f.onTap = func() {
			if i == t.shown {
				return
			}
			t.show(i)
			boxes.set(item, key, i)
			t.box.Refresh()
			if changed != nil {
				changed()
			}
		}
	}
	return t.box
}
