package editor

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/contrast"
	"folio/editor/textwidth"

	"folio/editor/glyphs"
)

var kindColor = [hlKinds]fyne.ThemeColorName{
	hlText: theme.ColorNameForeground, hlHeading: theme.ColorNamePrimary, hlBold: theme.ColorNameForeground,
	hlItalic: theme.ColorNameForeground, hlCode: theme.ColorNameSuccess, hlLink: theme.ColorNameHyperlink,
	hlURL: theme.ColorNamePlaceHolder, hlMarker: theme.ColorNamePrimary, hlMeta: theme.ColorNameWarning,
	hlKey: theme.ColorNamePrimary,
}

// sourceRenderer draws the visible visual lines of a Source. Its text and
// rectangle pools only grow to what one screen needs and are reused on
// every refresh and scroll.
type sourceRenderer struct {
	s       *Source
	bg      *canvas.Rectangle
	cursor  *canvas.Rectangle
	thumb   *sourceBar
	texts   []*canvas.Text
	rects   []*canvas.Rectangle // selection and find matches
	objects []fyne.CanvasObject
	hls     []coloredRange
	colors  [hlKinds]color.Color
	selCol  color.Color
	matchC  color.Color
	fontKey fyne.Resource
	laid    bool // Layout ran once
}

func newSourceRenderer(s *Source) *sourceRenderer {
	r := &sourceRenderer{
		s:      s,
		bg:     canvas.NewRectangle(color.Transparent),
		cursor: canvas.NewRectangle(color.Transparent),
	}
	r.thumb = newSourceBar(s)
	r.applyTheme()
	r.rebuildObjects()
	return r
}

func (r *sourceRenderer) rebuildObjects() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg)
	for _, o := range r.rects {
		r.objects = append(r.objects, o)
	}
	for _, o := range r.texts {
		r.objects = append(r.objects, o)
	}
	r.objects = append(r.objects, r.cursor, r.thumb)
}

func (r *sourceRenderer) applyTheme() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bgCol := th.Color(theme.ColorNameInputBackground, v)
	for k := range hlKinds {
		r.colors[k] = contrast.ReadableOn(th.Color(kindColor[k], v), bgCol)
	}
	r.selCol = th.Color(theme.ColorNameSelection, v)
	r.matchC = th.Color(theme.ColorNameHover, v)
	r.bg.FillColor = bgCol
	r.s.fieldColors(&r.colors, &r.bg.FillColor)
	r.cursor.FillColor = th.Color(theme.ColorNamePrimary, v)
	if f := th.Font(fyne.TextStyle{}); f != r.fontKey {
		if r.fontKey != nil {
			r.s.relayout()
		}
		r.fontKey = f
	}
}

// Destroy implements fyne.WidgetRenderer.
func (r *sourceRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *sourceRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize implements fyne.WidgetRenderer.
func (r *sourceRenderer) MinSize() fyne.Size {
	if r.s.field != nil {
		return r.s.fieldMinSize()
	}
	m := r.s.metrics()
	return fyne.NewSize(m.lineH*4, m.lineH*3)
}

// Layout implements fyne.WidgetRenderer.
func (r *sourceRenderer) Layout(size fyne.Size) {
	if r.laid && size == r.s.viewSize {
		// Laid out at this size already, and Refresh follows every change.
		// Fyne lays a widget out again, while it draws the frame, when a
		// child's minimum size changed (a line's text got wider): update's
		// refreshes would then draw a second frame for nothing (issue 9).
		return
	}
	r.laid = true
	r.s.resized(size)
	r.update()
}

// Refresh implements fyne.WidgetRenderer.
func (r *sourceRenderer) Refresh() {
	r.applyTheme()
	r.update()
	canvas.Refresh(r.bg)
}

// update positions the pooled objects for the visible visual lines.
func (r *sourceRenderer) update() {
	s := r.s
	size := s.viewSize
	r.bg.Resize(size)
	r.bg.Move(fyne.Position{})
	if size.Height <= 0 {
		return
	}
	m := s.metrics()
	s.clampScroll()
	pad := s.padLeft()
	lh := m.lineH
	line, sub := s.lay.lineAtVisual(s.topVisual())
	y := padTop + float32(s.lay.visualIndex(line, sub))*lh - s.scrollY

	hls := r.highlightRanges(s.Selection())
	nt, nr := 0, 0
	curLine, curSub, curX := s.cursorVisual()
	cursorShown := false
	n := s.buf.LineCount()
	for y < size.Height && line < n {
		lineStart := s.buf.LineStart(line)
		lineLen := s.lay.dispLen(line)
		for ; y < size.Height && s.lay.hasRow(line, sub); sub++ {
			nr = r.drawMark(line, y, lh, nr) // a marked line's tint, under its selection
			vs, ve := s.lay.visualRange(line, sub)
			// selection and matches on this visual line
			for _, hr := range hls {
				sc, ec := hr.r.Start-lineStart, hr.r.End-lineStart
				if ec < vs || sc > ve || (sc == ve && ve < lineLen) || (ec == vs && vs > 0) {
					continue
				}
				a, b := max(sc, vs), min(ec, ve)
				eol := ve == lineLen && ec > lineLen // the newline is selected
				if a == b && !eol {
					continue
				}
				x0 := s.lay.xOf(line, vs, a)
				x1 := x0 + s.lay.measure(line, a, b)
				if eol {
					x1 += m.ascii[s.lay.face(hlText)][' ']
				}
				rc := r.rect(nr)
				nr++
				rc.FillColor = hr.c
				setRect(rc, fyne.NewPos(pad+x0, y), fyne.NewSize(x1-x0, lh))
			}
			// text runs (rows after a line's first hang under its text)
			x := s.lay.rowIndent(line, vs)
			prev := vs
			for _, sp := range s.lay.spansIn(line, vs, ve) {
				a, b := max(sp.start, vs), min(sp.end, ve)
				if a >= b {
					continue
				}
				if a > prev {
					x += s.lay.measure(line, prev, a)
				}
				seg := displayLine(s.buf.LineSlice(line, a, b))
				w := s.lay.measure(line, a, b)
				if seg != "" && s.lay.face(sp.kind) == faceMono && m.hasOffGrid(seg) {
					// box drawing and the like: one column each, centred
					m.gridPieces(seg, func(p string, px, pw, shift float32) {
						t := r.text(nt)
						nt++
						size, dy := m.size, float32(0)
						var src fyne.Resource
						if adv := pw - 2*shift; adv > pw+0.5 {
							if c, _ := utf8.DecodeRuneInString(p); textwidth.IsBoxDrawing(c) {
								// box drawing overlaps its neighbours, so lines join
							} else if latinMonoHas(c) {
								// an arrow, a curly quote, ×: from the Latin
								// monospace face at full size (source_glyph.go)
								src = latinMono()
								ladv, ldy := latinGlyph(p, m.size)
								shift, dy = (pw-ladv)/2, ldy
							} else {
								// ① from the CJK face is a full em: drawn
								// smaller to fit its cells, not over its
								// neighbours
								scale := pw / adv
								size, shift, dy = m.size*scale, 0, lh*(1-scale)/2
							}
						}
						r.setTextFrom(t, p, sp.kind, size, src, fyne.NewPos(pad+x+px+shift, y+dy), fyne.NewSize(pw, lh))
					})
				} else if seg != "" && s.lay.face(sp.kind) == faceItalic {
					// Latin parts from Fyne's italic face, the rest upright
					// (the theme's faces have no italic), on one baseline
					px := float32(0)
					glyphs.ItalicSegments(seg, faceStyle[faceItalic], func(p string, src fyne.Resource) {
						t := r.text(nt)
						nt++
						pw := m.width(p, faceItalic)
						dy := glyphs.Shift(m.size, faceStyle[faceItalic], src)
						r.setTextFrom(t, p, sp.kind, m.size, src, fyne.NewPos(pad+x+px, y+dy), fyne.NewSize(pw, lh))
						px += pw
					})
				} else if seg != "" {
					t := r.text(nt)
					nt++
					r.setText(t, seg, sp.kind, m.size, fyne.NewPos(pad+x, y), fyne.NewSize(w, lh))
				}
				x += w
				prev = b
			}
			if line == curLine && sub == curSub {
				cursorShown = true
				setRect(r.cursor, fyne.NewPos(pad+curX-1, y), fyne.NewSize(2, lh))
			}
			y += lh
		}
		line++
		sub = 0
	}
	for i := nt; i < len(r.texts); i++ {
		if r.texts[i].Visible() {
			r.texts[i].Hide()
		}
	}
	for i := nr; i < len(r.rects); i++ {
		if r.rects[i].Visible() {
			r.rects[i].Hide()
		}
	}
	if cursorShown && s.focused && !s.readOnly {
		r.cursor.Show()
	} else {
		r.cursor.Hide()
	}
	canvas.Refresh(r.cursor)
	s.caretDrawn(r.cursor.Position(), lh, r.cursor.Visible())
	r.layoutBar()
}

type coloredRange struct {
	r Range
	c color.Color
}

func (r *sourceRenderer) highlightRanges(sel Range) []coloredRange {
	out := r.hls[:0]
	if len(r.s.spanMarks) > 0 {
		th, v := r.s.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		var cs [MarkInserted + 1]color.Color
		for _, m := range r.s.spanMarks {
			if m.Kind > MarkInserted {
				continue
			}
			if cs[m.Kind] == nil {
				cs[m.Kind] = spanColor(th, v, m.Kind)
			}
			out = append(out, coloredRange{m.Range, cs[m.Kind]})
		}
	}
	for _, m := range r.s.matches {
		out = append(out, coloredRange{m, r.matchC})
	}
	if sel.Start != sel.End {
		out = append(out, coloredRange{sel, r.selCol})
	}
	r.hls = out
	return out
}

func setRect(rc *canvas.Rectangle, pos fyne.Position, size fyne.Size) {
	if rc.Position() != pos || rc.Size() != size || !rc.Visible() {
		rc.Move(pos)
		rc.Resize(size)
		rc.Show()
	}
	canvas.Refresh(rc)
}

func (r *sourceRenderer) rect(i int) *canvas.Rectangle {
	for i >= len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
		r.rebuildObjects()
	}
	return r.rects[i]
}

func (r *sourceRenderer) text(i int) *canvas.Text {
	for i >= len(r.texts) {
		t := canvas.NewText("", color.Black)
		t.Hide()
		r.texts = append(r.texts, t)
		r.rebuildObjects()
	}
	return r.texts[i]
}

// setText updates a pooled text object, refreshing it only if it changed.
func (r *sourceRenderer) setText(t *canvas.Text, text string, k hlKind, size float32, pos fyne.Position, sz fyne.Size) {
	r.setTextFrom(t, text, k, size, nil, pos, sz)
}

// setTextFrom is setText drawing from the font src (nil: the theme's).
func (r *sourceRenderer) setTextFrom(t *canvas.Text, text string, k hlKind, size float32, src fyne.Resource, pos fyne.Position, sz fyne.Size) {
	style := faceStyle[r.s.lay.face(k)]
	c := r.colors[k]
	if t.Text == text && t.TextStyle == style && t.TextSize == size && t.FontSource == src && t.Color == c && t.Position() == pos && t.Visible() {
		return
	}
	t.Text, t.TextStyle, t.TextSize, t.FontSource, t.Color = text, style, size, src, c
	t.Move(pos)
	t.Resize(sz)
	t.Show()
	canvas.Refresh(t)
}

// thumbSpan returns the scroll bar thumb's top and height.
func (s *Source) thumbSpan() (float32, float32) {
	total, h := s.contentHeight(), s.viewSize.Height
	if total <= h {
		return 0, h
	}
	th := max(h*h/total, 24)
	return (h - th) * s.scrollY / (total - h), th
}

func (r *sourceRenderer) layoutBar() {
	s := r.s
	if s.contentHeight() <= s.viewSize.Height+1 {
		r.thumb.Hide()
		return
	}
	y, th := s.thumbSpan()
	r.thumb.Move(fyne.NewPos(s.viewSize.Width-barSize, y))
	r.thumb.Resize(fyne.NewSize(barSize, th))
	r.thumb.Show()
	canvas.Refresh(r.thumb.rect)
}

// sourceBar is the scroll bar thumb; dragging it scrolls proportionally.
type sourceBar struct {
	widget.BaseWidget
	s    *Source
	rect *canvas.Rectangle
}

func newSourceBar(s *Source) *sourceBar {
	b := &sourceBar{s: s, rect: canvas.NewRectangle(color.Transparent)}
	b.rect.CornerRadius = barSize / 2
	b.ExtendBaseWidget(b)
	return b
}

func (b *sourceBar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b}
	r.Refresh()
	return r
}

// Dragged implements fyne.Draggable.
func (b *sourceBar) Dragged(ev *fyne.DragEvent) {
	s := b.s
	total, h := s.contentHeight(), s.viewSize.Height
	track := h - b.Size().Height
	if track <= 0 {
		return
	}
	s.scrollBy(ev.Dragged.DY * (total - h) / track)
}

// DragEnd implements fyne.Draggable.
func (b *sourceBar) DragEnd() {}

type barRenderer struct{ b *sourceBar }

func (r *barRenderer) Destroy() {}
func (r *barRenderer) Layout(size fyne.Size) {
	r.b.rect.Resize(size)
}
func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(barSize, barSize) }
func (r *barRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.rect}
}
func (r *barRenderer) Refresh() {
	th := r.b.Theme()
	r.b.rect.FillColor = th.Color(theme.ColorNameScrollBar, fyne.CurrentApp().Settings().ThemeVariant())
	canvas.Refresh(r.b.rect)
}
