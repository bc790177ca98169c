package form

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor"
	"folio/editor/document"
)

// Lines a long-text field shows: it grows with its text between them and
// scrolls beyond.
const (
	longMinLines = 2
	longMaxLines = 8
)

// longRow is a long text (summary, description…) typed in Folio's own
// text widget, editor.Source, as a plain-text field: it wraps Chinese as
// the editor and the preview do (between any two characters, Latin words
// whole, no line starting with "，" or "。": buffer.WrapLine's kinsoku
// rules), and it shows the same lines while it is typed in and after.
// Fyne's entry wraps only at spaces and cannot be taught otherwise.
//
// Like the entries, it writes its text when it loses the focus, on
// Form.Commit and a short pause after typing (Form.typed); Enter starts a new line, Tab moves on, Escape hands the
// focus back, Ctrl+Z undoes the typing not yet written and else the
// article's last step.
type longRow struct {
	*rowBase
	src   *editor.Source
	field *longField
	shown string // the text last shown from the document
	minH  float32
}

func (f *Form) newLongRow(key string) *longRow {
	r := &longRow{rowBase: f.newBase(key, kLong)}
	r.src = editor.NewSource()
	r.field = newLongField(r.src)
	r.src.SetField(&editor.FieldOptions{
		MinLines: longMinLines,
		MaxLines: longMaxLines,
		Width:    func() float32 { return f.width - r.field.inset().Width },
		OnFocus: func(on bool) {
			if !on {
				r.commit()
			}
			r.field.Refresh()
		},
		OnUndo:   func(redo bool) { f.undo(r, redo) },
		OnScroll: func(ev *fyne.ScrollEvent) { f.scroll.Scrolled(ev) },
	})
	r.src.OnOtherKey = func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			f.escape()
		}
	}
	r.src.OnChanged = func() {
		r.grown()
		f.typed(r) // written after a pause, as an entry's typing is
	}
	r.layoutRow(r.field)
	return r
}

func (r *longRow) focused() bool               { return r.src.HasFocus() }
func (r *longRow) focusTarget() fyne.Focusable { return r.src }

// text is the field's text.
func (r *longRow) text() string { return r.src.Text() }

func (r *longRow) setEnabled(on bool) {
	if r.src.ReadOnly() == on {
		r.src.SetReadOnly(!on)
		r.field.Refresh()
	}
	r.remove.disabled = !on
}

func (r *longRow) show(v document.Value) {
	text := v.Plain()
	r.shown = text
	if r.src.Text() != text {
		r.src.SetText(text)
		r.grown()
	}
}

// commit writes the field's text when it differs from what was shown.
func (r *longRow) commit() {
	text := r.src.Text()
	if text == r.shown || r.f.syncing {
		return
	}
	if r.f.set(r, document.S(text)) {
		r.shown = text
	}
}

// setText puts text in the field and writes it.
func (r *longRow) setText(text string) {
	r.src.SetText(text)
	r.grown()
	r.commit()
}

// grown lays the form out again when the field's height changed (a line
// more or less of text).
func (r *longRow) grown() {
	if h := r.field.MinSize().Height; h != r.minH {
		r.minH = h
		r.f.relayout()
	}
}

// longField draws a Source in the box of Fyne's entry: the input
// background, rounded, inside a border in the primary colour while the
// field has the focus, the input border colour else, and the disabled
// colour while it is read-only; the text sits at the entry's padding.
type longField struct {
	widget.BaseWidget
	src *editor.Source
}

func newLongField(src *editor.Source) *longField {
	l := &longField{src: src}
	l.ExtendBaseWidget(l)
	return l
}

// sourcePadTop is the padding the Source keeps above its first line and
// below its last.
const sourcePadTop = 4

// inset is the room around the Source: the border, and above and below
// the padding that puts the lines where an entry's are (the Source pads
// its lines by sourcePadTop itself, and its text by the inner padding on
// the left).
func (l *longField) inset() fyne.Size {
	th := l.Theme()
	b := th.Size(theme.SizeNameInputBorder)
	pad := max(th.Size(theme.SizeNameInnerPadding)-sourcePadTop, 0)
	return fyne.NewSize(2*b, 2*(b+pad))
}

// Tapped puts the focus in the field (a click on its border or padding).
func (l *longField) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.src); c != nil {
		c.Focus(l.src)
	}
}

// CreateRenderer implements fyne.Widget.
func (l *longField) CreateRenderer() fyne.WidgetRenderer {
	r := &longFieldRenderer{l: l, box: canvas.NewRectangle(color.Transparent), border: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type longFieldRenderer struct {
	l           *longField
	box, border *canvas.Rectangle
}

func (r *longFieldRenderer) Destroy() {}

func (r *longFieldRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.box, r.border, r.l.src}
}

func (r *longFieldRenderer) MinSize() fyne.Size {
	return r.l.src.MinSize().Add(r.l.inset())
}

// Layout places the box and border as the entry does, and the Source
// inside them.
func (r *longFieldRenderer) Layout(size fyne.Size) {
	b := r.l.Theme().Size(theme.SizeNameInputBorder)
	r.border.Resize(fyne.NewSize(size.Width-b-.5, size.Height-b-.5))
	r.border.StrokeWidth = b
	r.border.Move(fyne.NewSquareOffsetPos(b / 2))
	r.box.Resize(size.Subtract(fyne.NewSquareSize(b * 2)))
	r.box.Move(fyne.NewSquareOffsetPos(b))
	in := r.l.inset()
	r.l.src.Move(fyne.NewPos(in.Width/2, in.Height/2))
	r.l.src.Resize(size.Subtract(in))
}

// Refresh takes the theme's colours and the focus again.
func (r *longFieldRenderer) Refresh() {
	th := r.l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.border.CornerRadius = r.box.CornerRadius
	switch {
	case r.l.src.ReadOnly():
		r.border.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case r.l.src.HasFocus():
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	default:
		r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}
	r.box.Refresh()
	r.border.Refresh()
	r.l.src.Refresh()
}
