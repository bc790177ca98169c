package preview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// The widgets of <details> (closed until its summary is clicked, as on
// GitHub), docs-cn's <SimpleTab> (tabs.go),
// definition lists and labelled code blocks (Hugo's code shortcodes).

// disclosure is the ▸/▾ before a summary: a tappable icon.
type disclosure struct{ taskBox }

// detailsLayout shows objs[0] (the summary row) and, when open, objs[1]
// (the body) below it.
type detailsLayout struct {
	open bool
	gap  float32
}

func (l *detailsLayout) heightFor(objs []fyne.CanvasObject, w float32) float32 {
	h := heightOf(objs[0], w)
	if l.open {
		h += l.gap + heightOf(objs[1], w)
	}
	return h
}

func (l *detailsLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	h := heightOf(objs[0], s.Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(s.Width, h))
	if l.open {
		objs[1].Move(fyne.NewPos(0, h+l.gap))
		objs[1].Resize(fyne.NewSize(s.Width, heightOf(objs[1], s.Width)))
	}
}

func (l *detailsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, l.heightFor(objs, 300))
}

// details builds a <details>: a summary row with a ▸ that opens (▾) and
// closes the body when it or the summary is clicked.
func (b builder) details(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	marker := &disclosure{}
	marker.ExtendBaseWidget(marker)
	base := b.baseRun()
	base.style.Bold = true
	in := bl.Inlines
	if len(in) == 0 {
		in = []Inline{{Text: lang.L("Details")}}
	}
	// known by its place (numbered before what it holds), not its
	// summary: typing in the summary keeps it as the reader left it
	// (blockstate.go)
	key, item, boxes := b.containerKey(), b.item, b.boxes
	summary := b.newFlow(b.runs(in, base), b.onLink)
	head := &fyne.Container{Layout: &indentLayout{gutter: pad * 5}, Objects: []fyne.CanvasObject{marker, summary}}
	body := &fyne.Container{Layout: &indentLayout{gutter: pad * 5}, Objects: []fyne.CanvasObject{
		canvas.NewRectangle(color.Transparent), b.stack(bl.Children, pad*2)}}
	l := &detailsLayout{gap: pad * 2}
	box := &fyne.Container{Layout: l, Objects: []fyne.CanvasObject{head, body}}
	set := func(open bool) {
		l.open = open
		marker.Resource = theme.MenuExpandIcon()
		if open {
			marker.Resource = theme.MenuDropDownIcon()
			body.Show()
		} else {
			body.Hide()
		}
	}
	open := bl.Open
	if v, ok := boxes.get(item, key); ok {
		open = v == 1
	}
	set(open)
	changed := b.changed
	toggle := func() {
		set(!l.open)
		v := 0
		if l.open {
			v = 1
		}
		boxes.set(item, key, v)
		marker.Refresh()
		box.Refresh()
		if changed != nil {
			changed()
		}
	}
	marker.onTap, summary.onTap = toggle, toggle
	return box
}

// chipLabel is a label shown as a chip on a line of its own.
func (b builder) chipLabel(in []Inline) fyne.CanvasObject {
	runs := b.runs(in, b.baseRun())
	for i := range runs {
		runs[i].chip = true
		runs[i].style.Bold = true
		runs[i].scale = b.textScale() * 0.85
		runs[i].color = theme.ColorNamePrimary
	}
	f := b.newFlow(runs, nil)
	f.noWrap = true
	return f
}

// defList builds a definition list: each term in bold, its definitions
// indented below it.
func (b builder) defList(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	objs := make([]fyne.CanvasObject, 0, len(bl.Items))
	for _, it := range bl.Items {
		if it.Label != nil {
			base := b.baseRun()
			base.style.Bold = true
			objs = append(objs, b.newFlow(b.runs(it.Label, base), b.onLink))
			continue
		}
		objs = append(objs, &fyne.Container{Layout: &indentLayout{gutter: pad * 7}, Objects: []fyne.CanvasObject{
			canvas.NewRectangle(color.Transparent), b.stack(it.Blocks, pad)}})
	}
	return &fyne.Container{Layout: &stackLayout{gap: pad}, Objects: objs}
}

// labelled puts a code block's label chip (a Hugo shortcode's call) above
// it.
func (b builder) labelled(label string, code fyne.CanvasObject) fyne.CanvasObject {
	if label == "" {
		return code
	}
	return &fyne.Container{Layout: &stackLayout{gap: theme.Padding()}, Objects: []fyne.CanvasObject{
		b.chipLabel([]Inline{{Text: label}}), code}}
}
