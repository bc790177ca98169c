package form

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/buffer"
)

// wrapView draws the text of a long-text field that is not being edited,
// over its entry, wrapped as the editor and the preview wrap: Chinese
// between any two characters, Latin at spaces, and never a line starting
// with closing punctuation ("。" alone) nor ending with opening punctuation
// (buffer.WrapLine's kinsoku rules). Fyne's entry breaks only at spaces, so
// a Chinese sentence with one English word in it broke at that word and
// left "。" alone on a line. While the field has the focus the entry shows
// its own text and the view hides. The view is not tappable: a click goes
// to the entry beneath it.
type wrapView struct {
	widget.BaseWidget
	text     string
	disabled bool
}

func newWrapView() *wrapView {
	v := &wrapView{}
	v.ExtendBaseWidget(v)
	return v
}

// setText shows text (refreshing only on a change).
func (v *wrapView) setText(text string) {
	if v.text != text {
		v.text = text
		v.Refresh()
	}
}

// MinSize is nothing: the entry beneath sizes the field.
func (v *wrapView) MinSize() fyne.Size { return fyne.Size{} }

// CreateRenderer implements fyne.Widget.
func (v *wrapView) CreateRenderer() fyne.WidgetRenderer {
	r := &wrapViewRenderer{v: v, bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	return r
}

// rows wraps text for a width of text, keeping each paragraph's own lines.
func wrapRows(text string, width, size float32, style fyne.TextStyle) []string {
	adv := map[rune]float32{}
	advance := func(_ int, r rune) float32 {
		w, ok := adv[r]
		if !ok {
			w = fyne.MeasureText(string(r), size, style).Width
			adv[r] = w
		}
		return w
	}
	var rows []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		from := 0
		for _, at := range buffer.Wrap(line, width, advance) {
			rows = append(rows, strings.TrimRight(line[from:at], " "))
			from = at
		}
		rows = append(rows, line[from:])
	}
	return rows
}

type wrapViewRenderer struct {
	v     *wrapView
	bg    *canvas.Rectangle
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *wrapViewRenderer) Destroy()                     {}
func (r *wrapViewRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (r *wrapViewRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *wrapViewRenderer) Refresh()                     { r.Layout(r.v.Size()) }

// Layout draws the rows where the entry draws its text: inside its border,
// at its inner padding, one text height apart, as many as fit.
func (r *wrapViewRenderer) Layout(size fyne.Size) {
	th := r.v.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	border := th.Size(theme.SizeNameInputBorder)
	pad := th.Size(theme.SizeNameInnerPadding)
	ts := th.Size(theme.SizeNameText)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.Move(fyne.NewSquareOffsetPos(border))
	r.bg.Resize(size.Subtract(fyne.NewSquareSize(2 * border)))
	fg := th.Color(theme.ColorNameForeground, v)
	if r.v.disabled {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	var rows []string
	if w := size.Width - 2*pad - 2*border; w > 0 {
		rows = wrapRows(r.v.text, w, ts, fyne.TextStyle{})
	}
	lh := fyne.MeasureText("中Mg", ts, fyne.TextStyle{}).Height
	n := 0
	for i, row := range rows {
		y := pad + float32(i)*lh
		if y+lh > size.Height-border+0.5 {
			break
		}
		for n >= len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", fg))
		}
		t := r.texts[n]
		n++
		t.Text, t.Color, t.TextSize = row, fg, ts
		t.Move(fyne.NewPos(pad, y))
		t.Resize(fyne.NewSize(size.Width-2*pad, lh))
		t.Refresh()
	}
	r.objs = append(r.objs[:0], r.bg)
	for _, t := range r.texts[:n] {
		r.objs = append(r.objs, t)
	}
	canvas.Refresh(r.bg)
}
