package form

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/contrast"
)

// fieldEntry is the entry every text-like field uses: Enter commits a
// one-line field, leaving the field commits it, Escape hands the focus
// back, Tab always moves on (also in a multi-line entry), and a row can
// take some runes (the list's "," adds a chip).
type fieldEntry struct {
	widget.Entry
	onCommit func()
	onEscape func()
	onRune   func(r rune) bool // true: the rune was taken
	onUndo   func(redo bool)   // Ctrl+Z / redo
	onFocus  func(on bool)     // after the focus came or went
	hasFocus bool
}

// TypedShortcut hands undo and redo to the row (onUndo): the entry's own
// history only covers typing not yet written to the text.
func (e *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		if e.onUndo != nil && !e.Disabled() {
			_, redo := s.(*fyne.ShortcutRedo)
			e.onUndo(redo)
			return
		}
	case *desktop.CustomShortcut: // Ctrl+Shift+Z redoes too
		if c := s.(*desktop.CustomShortcut); c.KeyName == fyne.KeyZ &&
			c.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift && e.onUndo != nil && !e.Disabled() {
			e.onUndo(true)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

func newFieldEntry(multi bool) *fieldEntry {
	e := &fieldEntry{}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false so Tab moves to the next field.
func (e *fieldEntry) AcceptsTab() bool { return false }

// FocusGained notes the focus.
func (e *fieldEntry) FocusGained() {
	e.hasFocus = true
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(true)
	}
}

// FocusLost commits the field.
func (e *fieldEntry) FocusLost() {
	e.hasFocus = false
	e.Entry.FocusLost()
	if e.onCommit != nil {
		e.onCommit()
	}
	if e.onFocus != nil {
		e.onFocus(false)
	}
}

// TypedKey commits on Enter in a one-line field and hands Escape on.
func (e *fieldEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && !e.Disabled() {
			if e.onCommit != nil {
				e.onCommit()
			}
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedRune lets the row take a rune first.
func (e *fieldEntry) TypedRune(r rune) {
	if e.onRune != nil && !e.Disabled() && e.onRune(r) {
		return
	}
	e.Entry.TypedRune(r)
}

// tapIcon is a small icon that acts on a tap. It takes no focus, so Tab
// goes from field to field without stopping on it.
type tapIcon struct {
	widget.BaseWidget
	res      fyne.Resource
	onTap    func()
	disabled bool
}

func newTapIcon(res fyne.Resource, onTap func()) *tapIcon {
	t := &tapIcon{res: res, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer draws the icon.
func (t *tapIcon) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(widget.NewIcon(t.res))
}

// MinSize is the inline icon size.
func (t *tapIcon) MinSize() fyne.Size {
	s := t.Theme().Size(theme.SizeNameInlineIcon)
	return fyne.NewSize(s, s)
}

// Tapped runs the action.
func (t *tapIcon) Tapped(*fyne.PointEvent) {
	if !t.disabled && t.onTap != nil {
		t.onTap()
	}
}

// pill is a rounded label: a chip with a remove icon, a suggestion, a
// missing key to add, a small action, or the caption before suggestions.
// It takes no focus.
type pill struct {
	widget.BaseWidget
	text     string
	onTap    func()
	onRemove func()
	// muted is a suggestion or a key the article lacks: outlined, not
	// filled, with dimmed text, so it does not read as a value.
	muted bool
	// prefix is drawn before the text ("+ " on a suggestion); text stays
	// the value the pill stands for.
	prefix string
	// caption is a plain dimmed label with no box ("Suggestions:").
	caption  bool
	disabled bool
	// maxW, when set, caps the pill's width (the field's width): a longer
	// text is cut with "…" so a long chip never widens the form.
	maxW *float32
}

func newPill(text string, onTap, onRemove func(), muted bool) *pill {
	p := &pill{text: text, onTap: onTap, onRemove: onRemove, muted: muted}
	p.ExtendBaseWidget(p)
	return p
}

// newSuggestion returns a pill that offers v: outlined and dimmed, with a
// "+", so it is not mistaken for a value already set.
func newSuggestion(v string, onTap func()) *pill {
	p := newPill(v, onTap, nil, true)
	p.prefix = "+ "
	return p
}

// newCaption returns a caption in a pill's size, without a box.
func newCaption(text string) *pill {
	p := &pill{text: text, caption: true}
	p.ExtendBaseWidget(p)
	return p
}

// suggestionPills returns the pills that offer vals, after the caption
// "Suggestions:", or nothing when there is no value to offer. maxW caps
// a pill's width (see pill.maxW).
func suggestionPills(vals []string, add func(string), maxW *float32, disabled bool) []fyne.CanvasObject {
	if len(vals) == 0 {
		return nil
	}
	objs := make([]fyne.CanvasObject, 0, len(vals)+1)
	c := newCaption(lang.L("Suggestions:"))
	c.disabled = disabled
	objs = append(objs, c)
	for _, v := range vals {
		v := v
		p := newSuggestion(v, func() { add(v) })
		p.maxW = maxW
		p.disabled = disabled
		objs = append(objs, p)
	}
	return objs
}

// label is the text the pill draws.
func (p *pill) label() string { return p.prefix + p.text }

// Tapped runs the pill's action.
func (p *pill) Tapped(*fyne.PointEvent) {
	if !p.disabled && p.onTap != nil {
		p.onTap()
	}
}

// setDisabled greys the pill out and stops its actions.
func (p *pill) setDisabled(on bool) {
	if p.disabled != on {
		p.disabled = on
		p.Refresh()
	}
}

// CreateRenderer builds the background, label and remove icon.
func (p *pill) CreateRenderer() fyne.WidgetRenderer {
	r := &pillRenderer{p: p, bg: canvas.NewRectangle(color.Transparent), txt: canvas.NewText(p.label(), color.Black)}
	objs := []fyne.CanvasObject{r.txt}
	if p.onRemove != nil {
		ri := &removeIcon{tapIcon: &tapIcon{res: theme.CancelIcon(), onTap: func() {
			if !p.disabled {
				p.onRemove()
			}
		}}}
		// The removeIcon, not its tapIcon, is the widget in the tree: its
		// renderer must be the one Resize lays out, else the icon is
		// sized only when the frame is drawn and a second frame follows.
		ri.ExtendBaseWidget(ri)
		objs = append(objs, ri)
	}
	r.inner = container.New(&pillLayout{p: p}, objs...)
	r.stack = container.NewStack(r.bg, r.inner)
	r.Refresh()
	return r
}

// pillRenderer draws a pill in the theme's current colours.
type pillRenderer struct {
	p     *pill
	bg    *canvas.Rectangle
	txt   *canvas.Text
	inner *fyne.Container
	stack *fyne.Container
}

func (r *pillRenderer) Layout(s fyne.Size)           { r.stack.Resize(s) }
func (r *pillRenderer) MinSize() fyne.Size           { return r.stack.MinSize() }
func (r *pillRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.stack} }
func (r *pillRenderer) Destroy()                     {}

// Refresh takes the theme's colours again (a theme change, disabling).
func (r *pillRenderer) Refresh() {
	p := r.p
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius) * 2
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor, r.bg.StrokeWidth = color.Transparent, 0
	r.txt.Color = th.Color(theme.ColorNameForeground, v)
	// Dimmed text: the placeholder colour, darkened on the light
	// background as far as text needs to stay readable (WCAG AA).
	dim := contrast.ReadableOn(th.Color(theme.ColorNamePlaceHolder, v), th.Color(theme.ColorNameBackground, v))
	switch {
	case p.caption:
		r.bg.FillColor = color.Transparent
		r.txt.Color = dim
	case p.muted:
		// An outline in the placeholder colour: the input border colour
		// hardly shows on the light background, and a suggestion drawn
		// without one looked like a chip.
		r.bg.FillColor = color.Transparent
		r.bg.StrokeColor = th.Color(theme.ColorNamePlaceHolder, v)
		r.bg.StrokeWidth = 1
		r.txt.Color = dim
	}
	if p.disabled {
		r.txt.Color = th.Color(theme.ColorNameDisabled, v)
	}
	r.txt.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	r.inner.Layout.(*pillLayout).pad = th.Size(theme.SizeNameInnerPadding) / 2
	r.bg.Refresh()
	r.txt.Refresh()
	r.inner.Refresh()
}

// removeIcon is a chip's smaller remove icon.
type removeIcon struct{ *tapIcon }

// MinSize is a little smaller than the text.
func (r *removeIcon) MinSize() fyne.Size {
	s := r.Theme().Size(theme.SizeNameCaptionText) + 2
	return fyne.NewSize(s, s)
}

// pillLayout places the label and an optional icon on one padded line.
// The label (objs[0], a canvas.Text) shows the pill's whole text when it
// fits and is cut with "…" when the pill is narrower.
type pillLayout struct {
	p   *pill
	pad float32
}

// sizes returns the whole text's size and the width of the rest (padding
// and the icon).
func (l *pillLayout) sizes(objs []fyne.CanvasObject) (text fyne.Size, rest, h float32) {
	rest = 2 * l.pad * 2
	for i, o := range objs {
		m := o.MinSize()
		if i == 0 {
			if t, ok := o.(*canvas.Text); ok {
				m = fyne.MeasureText(l.p.label(), t.TextSize, t.TextStyle)
			}
			text = m
		} else {
			rest += l.pad + m.Width
		}
		h = max(h, m.Height)
	}
	return text, rest, h
}

func (l *pillLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	text, rest, h := l.sizes(objs)
	w := text.Width + rest
	if l.p.maxW != nil && *l.p.maxW > 0 {
		w = min(w, max(*l.p.maxW, rest+text.Height)) // room for at least "…"
	}
	return fyne.NewSize(w, h+l.pad*2)
}

func (l *pillLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	_, rest, _ := l.sizes(objs)
	if t, ok := objs[0].(*canvas.Text); ok {
		if s := ellipsize(l.p.label(), size.Width-rest, t.TextSize, t.TextStyle); s != t.Text {
			t.Text = s
			t.Refresh()
		}
	}
	x := l.pad * 2
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		x += m.Width + l.pad
	}
}

// ellipsize returns text, or its longest prefix ending in "…", that is
// no wider than w.
func ellipsize(text string, w, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= w {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(runes[:lo]) + "…"
}

// flowLayout wraps its objects onto lines no wider than *width (the form's
// width, which a layout is not told when its minimum size is asked).
type flowLayout struct {
	width *float32
	gap   float32
}

func (l *flowLayout) lines(objs []fyne.CanvasObject, width float32) (h float32, pos []fyne.Position) {
	x, y, lineH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			pos = append(pos, fyne.Position{})
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y = 0, y+lineH+l.gap
			lineH = 0
		}
		pos = append(pos, fyne.NewPos(x, y))
		x += m.Width + l.gap
		lineH = max(lineH, m.Height)
	}
	return y + lineH, pos
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	h, _ := l.lines(objs, max(*l.width, w))
	return fyne.NewSize(w, h)
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	_, pos := l.lines(objs, size.Width)
	for i, o := range objs {
		o.Resize(o.MinSize())
		o.Move(pos[i])
	}
}

// sideLayout puts a field (objs[0]) and its actions (objs[1]: the date's
// picker and "now", the reading time's update) on one line when the
// field's text fits beside them, and the actions below the field,
// right-aligned, when the form is narrower (*width, as in flowLayout).
type sideLayout struct {
	entry *fieldEntry
	width *float32
	gap   float32
}

// wraps reports whether the actions go below the field at width w.
func (l *sideLayout) wraps(objs []fyne.CanvasObject, w float32) bool {
	th := l.entry.Theme()
	text := l.entry.Text
	if text == "" {
		text = l.entry.PlaceHolder
	}
	need := fyne.MeasureText(text, th.Size(theme.SizeNameText), l.entry.TextStyle).Width +
		6*th.Size(theme.SizeNameInnerPadding)
	need = max(need, objs[0].MinSize().Width)
	return need+l.gap+objs[1].MinSize().Width > w
}

func (l *sideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.wraps(objs, *l.width) {
		return fyne.NewSize(max(a.Width, b.Width), a.Height+l.gap+b.Height)
	}
	return fyne.NewSize(a.Width+l.gap+b.Width, max(a.Height, b.Height))
}

func (l *sideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.wraps(objs, size.Width) {
		objs[0].Resize(fyne.NewSize(size.Width, a.Height))
		objs[0].Move(fyne.Position{})
		objs[1].Resize(b)
		objs[1].Move(fyne.NewPos(size.Width-b.Width, a.Height+l.gap))
		return
	}
	h := max(a.Height, b.Height)
	objs[0].Resize(fyne.NewSize(size.Width-b.Width-l.gap, h))
	objs[0].Move(fyne.Position{})
	objs[1].Resize(fyne.NewSize(b.Width, h))
	objs[1].Move(fyne.NewPos(size.Width-b.Width, 0))
}

// wheelPass lies over a one-line entry and hands the mouse wheel to the
// form's scroller: the entry's own (horizontal) scroller would swallow it.
// It takes nothing else, so taps, the caret and the cursor reach the entry.
type wheelPass struct {
	widget.BaseWidget
	to fyne.Scrollable
}

// Scrolled scrolls the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) { w.to.Scrolled(ev) }

// CreateRenderer draws nothing.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize is zero: the entry decides the size.
func (w *wheelPass) MinSize() fyne.Size { return fyne.Size{} }

// wheel stacks a wheelPass over a one-line entry.
func (f *Form) wheel(e *fieldEntry) fyne.CanvasObject {
	p := &wheelPass{to: f.scroll}
	p.ExtendBaseWidget(p)
	return container.NewStack(e, p)
}
