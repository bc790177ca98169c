package preview

import (
	"image/color"

	"folio/editor/textwidth"

	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flowRun is one styled run of a textFlow.
type flowRun struct {
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName // "" is the text size
	scale float32            // size multiplier, 0 means 1
	color fyne.ThemeColorName
	link  string
	code  bool // inline code: drawn on a fill
	mark  bool // <mark>: drawn on a highlight
	chip  bool // a shortcode: a labelled chip
	sub   bool // <sub>: lowered
	br    bool // a hard line break
}

// flowPiece is a part of one run placed on one line.
type flowPiece struct {
	run        int
	text       string // runs[run].text[start:end]
	start, end int
	x, w       float32
}

type flowLine struct {
	pieces    []flowPiece
	y, h      float32
	base      float32 // baseline offset from y
	width     float32
	hardBreak bool
	// from and to are the line's text as offsets into plainText; brAt is
	// the offset of the "\n" that ended a hard-broken line.
	from, to, brAt int
}

// textFlow is a paragraph of styled runs that wraps like published prose:
// between words, and between any two CJK characters (no space is ever
// added), with Chinese closing punctuation kept off the start of a line.
// Links keep their formatting and are tappable.
type textFlow struct {
	widget.BaseWidget
	runs   []flowRun
	align  fyne.TextAlign
	noWrap bool
	onLink func(string)
	onTap  func()        // a tap off any link (a <details> summary toggles)
	mc     *measureCache // may be nil

	laidWidth float32
	lines     []flowLine
	height    float32
	natural   float32 // width of the longest line without wrapping
	hovering  bool

	// the selection shown in this flow, as offsets into plainText (empty
	// when selFrom == selTo); host gets the mouse presses that start one.
	selFrom, selTo int
	host           flowHost
	r              *flowRenderer // the live renderer, to repaint the selection alone

	// prev is the layout before the current one: containers ask for a
	// MinSize at a nominal width between real layouts, and swapping back
	// saves laying the text out again.
	prev flowLayout
}

// flowLayout is one laid-out state of a textFlow.
type flowLayout struct {
	width           float32
	lines           []flowLine
	height, natural float32
}

func newTextFlow(runs []flowRun, onLink func(string)) *textFlow {
	t := &textFlow{runs: runs, onLink: onLink, laidWidth: -1}
	t.ExtendBaseWidget(t)
	return t
}

// flowPool keeps the text flows of dropped block widgets for blocks built
// later (UI goroutine only): a flow made again costs its allocation and a
// renderer, and Fyne keeps a dropped widget's renderer cached for a
// minute. A flow comes out of it as newTextFlow makes one: only its
// memory is reused.
type flowPool struct{ free []*textFlow }

// maxPooled caps the flows kept for reuse.
const maxPooled = 2048

// get is a flow of runs, reused or new.
func (fp *flowPool) get(runs []flowRun, onLink func(string)) *textFlow {
	if fp == nil || len(fp.free) == 0 {
		return newTextFlow(runs, onLink)
	}
	t := fp.free[len(fp.free)-1]
	fp.free[len(fp.free)-1] = nil
	fp.free = fp.free[:len(fp.free)-1]
	t.runs, t.onLink = runs, onLink
	return t
}

// put takes back the flows in a dropped widget tree (through the
// containers the builder made; other widgets are left to the collector).
// The tree must not be shown again.
func (fp *flowPool) put(o fyne.CanvasObject) {
	switch t := o.(type) {
	case *textFlow:
		if len(fp.free) >= maxPooled {
			return
		}
		t.clear()
		fp.free = append(fp.free, t)
	case *fyne.Container:
		for _, c := range t.Objects {
			fp.put(c)
		}
	}
}

// clear makes a dropped flow as newTextFlow makes one, keeping its
// renderer and the widget's identity.
func (t *textFlow) clear() {
	t.runs, t.onLink, t.onTap, t.mc, t.host = nil, nil, nil, nil, nil
	t.align, t.noWrap, t.hovering = fyne.TextAlignLeading, false, false
	t.laidWidth, t.lines, t.height, t.natural = -1, nil, 0, 0
	t.selFrom, t.selTo = 0, 0
	t.prev = flowLayout{}
	t.Hidden = false
	if r := t.r; r != nil {
		r.objs, r.hl, r.all, r.for_ = nil, nil, nil, -1
		// its next Resize must lay it out even at the size it had:
		// BaseWidget.Resize skips the renderer when the size is the same
		t.BaseWidget.Resize(fyne.NewSize(-1, -1))
	}
}

func (t *textFlow) runSize(r *flowRun) float32 {
	name := r.size
	if name == "" {
		name = theme.SizeNameText
	}
	s := theme.SizeForWidget(name, t)
	if r.scale != 0 {
		s *= r.scale
	}
	return s
}

// atom is an unbreakable piece of a run; a line may wrap before it when
// breakBefore is set.
type atom struct {
	run         int
	off         int // byte offset of text in the run's text
	text        string
	breakBefore bool
	space       bool // all whitespace
}

// atoms splits the runs into unbreakable pieces. The slice is scratch space
// shared through the measure cache (UI goroutine only): it is valid until
// the next call.
func (t *textFlow) atoms() []atom {
	n := 0
	for i := range t.runs {
		n += len(t.runs[i].text)/3 + 1 // about one atom per CJK character
	}
	var out []atom
	if t.mc != nil && cap(t.mc.atoms) >= n {
		out = t.mc.atoms[:0]
	} else {
		out = make([]atom, 0, n)
	}
	defer func() {
		if t.mc != nil && cap(out) > cap(t.mc.atoms) {
			t.mc.atoms = out[:0]
		}
	}()
	// one pass: an atom ends where a line may break inside its run, so
	// every atom but a run's first may break before it; a run's first
	// atom may by the runes on either side of the run boundary
	prev := rune(-1)
	for i := range t.runs {
		r := &t.runs[i]
		if r.br {
			out = append(out, atom{run: i, breakBefore: true})
			prev = -1
			continue
		}
		if r.text == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(r.text)
		brk := prev >= 0 && canBreakBetween(prev, first)
		start, allSpace := 0, true
		for j, ch := range r.text {
			if j > start && canBreakBetween(prev, ch) {
				out = append(out, atom{run: i, off: start, text: r.text[start:j], space: allSpace, breakBefore: brk})
				start, allSpace, brk = j, true, true
			}
			if allSpace && !unicode.IsSpace(ch) {
				allSpace = false
			}
			prev = ch
		}
		out = append(out, atom{run: i, off: start, text: r.text[start:], space: allSpace, breakBefore: brk})
	}
	return out
}

// measure measures s in run's face; sizes holds each run's text size for
// this layout pass (theme lookups per atom are costly).
func (t *textFlow) measure(run int, s string, sizes []float32) fyne.Size {
	if t.runs[run].code { // box drawing, quotes on one column (codeglyph.go)
		return inlineCodeSize(t.mc, s, sizes[run], t.runs[run].style)
	}
	return t.mc.measure(s, sizes[run], t.runs[run].style)
}

// runSizes returns the text size of each run.
func (t *textFlow) runSizes() []float32 {
	sizes := make([]float32, len(t.runs))
	for i := range t.runs {
		sizes[i] = t.runSize(&t.runs[i])
	}
	return sizes
}

// measureCache remembers text widths: a Chinese paragraph measures the
// same few hundred characters over and over. It belongs to one Preview,
// runs on the UI goroutine, and is dropped with the widgets when the theme
// changes.
type measureCache struct {
	m           map[measureKey]fyne.Size
	han         map[hanKey]fyne.Size  // the advance every ideograph shares
	lineMetrics map[hanKey][2]float32 // height and baseline of a face
	atoms       []atom                // scratch for textFlow.atoms
	widths      []float32             // scratch for textFlow.layout
}

type hanKey struct {
	size  float32
	style fyne.TextStyle
}

type measureKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

const maxMeasured = 50_000

func newMeasureCache() *measureCache {
	return &measureCache{m: map[measureKey]fyne.Size{}, han: map[hanKey]fyne.Size{}, lineMetrics: map[hanKey][2]float32{}}
}

func (c *measureCache) measure(s string, size float32, style fyne.TextStyle) fyne.Size {
	if c == nil {
		if hasItalicPart(s, style) {
			return measureItalic(fyne.CurrentApp().Driver(), s, size, style)
		}
		return fyne.MeasureText(s, size, style)
	}
	if r, n := utf8.DecodeRuneInString(s); n == len(s) && n > 1 && fullWidth(r) {
		// CJK fonts give every ideograph the same advance: measure one and
		// reuse it, instead of shaping each of a text's thousand characters.
		hk := hanKey{size, style}
		if v, ok := c.han[hk]; ok {
			return v
		}
		v := fyne.MeasureText("中", size, style)
		c.han[hk] = v
		return v
	}
	k := measureKey{s, size, style}
	if v, ok := c.m[k]; ok {
		return v
	}
	if len(c.m) >= maxMeasured {
		clear(c.m)
	}
	var v fyne.Size
	if hasItalicPart(s, style) { // italic.go: Latin parts from the italic face
		v = measureItalic(fyne.CurrentApp().Driver(), s, size, style)
	} else {
		v = fyne.MeasureText(s, size, style)
	}
	c.m[k] = v
	return v
}

// fullWidth reports whether r is drawn one em wide by a CJK font: a wide
// CJK character (textwidth's rule): ideographs, kana, Hangul, CJK
// punctuation (、。「」…) and full-width forms (，：（）…).
func fullWidth(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF { // unified ideographs, all wide: most of a Chinese text
		return true
	}
	return textwidth.IsCJK(r) && textwidth.IsWide(r)
}

// metrics returns the line height and baseline of a face.
func (c *measureCache) metrics(drv fyne.Driver, size float32, style fyne.TextStyle) (height, baseline float32) {
	if c == nil {
		s, b := drv.RenderedTextSize("M", size, style, nil)
		return s.Height, b
	}
	k := hanKey{size, style}
	if m, ok := c.lineMetrics[k]; ok {
		return m[0], m[1]
	}
	s, b := drv.RenderedTextSize("M", size, style, nil)
	c.lineMetrics[k] = [2]float32{s.Height, b}
	return s.Height, b
}

// layout breaks the runs into lines for width.
func (t *textFlow) layout(width float32) {
	if t.lines != nil && (width == t.laidWidth || t.noWrap && t.align == fyne.TextAlignLeading) {
		return // an unwrapped, leading-aligned flow is the same at any width
	}
	was := flowLayout{t.laidWidth, t.lines, t.height, t.natural}
	if t.prev.lines != nil && t.prev.width == width {
		t.laidWidth, t.lines, t.height, t.natural = width, t.prev.lines, t.prev.height, t.prev.natural
		t.prev = was
		return
	}
	t.prev = was
	t.laidWidth = width
	atoms := t.atoms()
	sizes := t.runSizes()
	starts := t.runStarts()
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, t) / 2
	var lines []flowLine
	cur := flowLine{}
	x := float32(0)
	natural, lineNatural := float32(0), float32(0)
	flush := func(hard bool) {
		cur.width = x
		cur.hardBreak = hard
		lines = append(lines, cur)
		cur = flowLine{}
		x = 0
	}
	place := func(a atom, w float32) {
		end := a.off + len(a.text)
		if n := len(cur.pieces); n > 0 && cur.pieces[n-1].run == a.run && cur.pieces[n-1].end == a.off {
			// extend the piece: a substring of the run, no copying
			p := &cur.pieces[n-1]
			p.end = end
			p.text = t.runs[a.run].text[p.start:end]
			p.w += w
		} else {
			if r := &t.runs[a.run]; r.code || r.chip {
				x += pad / 2
			}
			if n := len(cur.pieces); n > 0 && cur.pieces[n-1].run != a.run {
				if r := &t.runs[cur.pieces[n-1].run]; r.code || r.chip {
					// the fill's right half-pad: what follows a code
					// span or chip starts after it, not under it (the
					// space in "`collections.D` function" was covered)
					x += pad / 2
				}
			}
			cur.pieces = append(cur.pieces, flowPiece{run: a.run, text: a.text, start: a.off, end: end, x: x, w: w})
		}
		x += w
	}
	var widthBuf []float32 // one chain's atom widths, reused
	if t.mc != nil {
		widthBuf = t.mc.widths
		defer func() { t.mc.widths = widthBuf }()
	}
	// every full-width character of a run has the same advance (see
	// measureCache.measure): remember it per run, saving a map lookup a
	// character
	var hanW []float32
	measureAtom := func(run int, s string) float32 {
		if t.mc != nil && len(s) == 3 {
			if r, _ := utf8.DecodeRuneInString(s); fullWidth(r) {
				if hanW == nil {
					hanW = make([]float32, len(t.runs))
				}
				if hanW[run] == 0 {
					hanW[run] = t.measure(run, s, sizes).Width
				}
				return hanW[run]
			}
		}
		return t.measure(run, s, sizes).Width
	}
	for k := 0; k < len(atoms); {
		if t.runs[atoms[k].run].br {
			lineNatural = 0
			cur.brAt = starts[atoms[k].run]
			flush(true)
			k++
			continue
		}
		// a chain of atoms with no break opportunity between them
		end := k + 1
		for end < len(atoms) && !atoms[end].breakBefore && !t.runs[atoms[end].run].br {
			end++
		}
		if cap(widthBuf) < end-k {
			widthBuf = make([]float32, end-k, max(end-k, 256))
		}
		widths := widthBuf[:end-k]
		total := float32(0)
		for m := k; m < end; m++ {
			widths[m-k] = measureAtom(atoms[m].run, atoms[m].text)
			if r := &t.runs[atoms[m].run]; (r.code || r.chip) && (m == k || atoms[m-1].run != atoms[m].run) {
				total += pad
			}
			total += widths[m-k]
		}
		lineNatural += total
		natural = max(natural, lineNatural)
		if !t.noWrap && x > 0 && x+total > width {
			if atoms[k].space { // a space at the wrap point is dropped
				k = end
				continue
			}
			flush(false)
		}
		for m := k; m < end; m++ {
			a := atoms[m]
			if x == 0 && a.space && len(lines) > 0 && !lines[len(lines)-1].hardBreak && !t.noWrap {
				continue
			}
			w := widths[m-k]
			if !t.noWrap && x > 0 && x+w > width && width > 0 {
				flush(false)
			}
			if !t.noWrap && w > width && width > 0 && utf8.RuneCountInString(a.text) > 1 {
				// a word wider than the line: break it between characters
				for j := range a.text {
					// the rune's own length: a byte that is not UTF-8 is one
					// byte long, though it reads as U+FFFD
					_, size := utf8.DecodeRuneInString(a.text[j:])
					s := a.text[j : j+size]
					cw := t.measure(a.run, s, sizes).Width
					if x > 0 && x+cw > width {
						flush(false)
					}
					place(atom{run: a.run, off: a.off + j, text: s}, cw)
				}
				continue
			}
			place(a, w)
		}
		k = end
	}
	if len(cur.pieces) > 0 || len(lines) == 0 {
		flush(false)
	}
	// text offsets
	next := 0
	for i := range lines {
		l := &lines[i]
		if n := len(l.pieces); n > 0 {
			first, last := l.pieces[0], l.pieces[n-1]
			l.from, l.to = starts[first.run]+first.start, starts[last.run]+last.end
		} else {
			l.from, l.to = next, next
		}
		next = l.to
		if l.hardBreak {
			next = l.brAt + 1
		}
	}
	// vertical metrics
	y := float32(0)
	spacing := theme.SizeForWidget(theme.SizeNameLineSpacing, t)
	drv := fyne.CurrentApp().Driver()
	for i := range lines {
		l := &lines[i]
		asc, desc := float32(0), float32(0)
		if len(l.pieces) == 0 {
			h, b := t.mc.metrics(drv, theme.SizeForWidget(theme.SizeNameText, t), fyne.TextStyle{})
			asc, desc = b, h-b
		}
		for _, p := range l.pieces {
			h, b := t.mc.metrics(drv, sizes[p.run], t.runs[p.run].style)
			asc, desc = max(asc, b), max(desc, h-b)
		}
		l.y, l.base, l.h = y, asc, asc+desc
		y += l.h
		if i < len(lines)-1 {
			y += spacing
		}
		if t.align != fyne.TextAlignLeading && width > l.width {
			shift := width - l.width
			if t.align == fyne.TextAlignCenter {
				shift /= 2
			}
			for j := range l.pieces {
				l.pieces[j].x += shift
			}
		}
	}
	t.lines, t.height, t.natural = lines, y, natural
}

// heightFor is the height of the flow laid out at width.
func (t *textFlow) heightFor(width float32) float32 {
	t.layout(width)
	return t.height
}

// MinSize is the natural width when not wrapping, else the height at the
// current width.
func (t *textFlow) MinSize() fyne.Size {
	if t.noWrap {
		t.layout(0)
		return fyne.NewSize(t.natural, t.height)
	}
	w := t.Size().Width
	if w <= 0 {
		w = 200
	}
	t.layout(w)
	return fyne.NewSize(0, t.height)
}

// Refresh drops the laid-out lines (the theme may have changed).
func (t *textFlow) Refresh() {
	t.laidWidth = -1
	t.lines = nil
	t.BaseWidget.Refresh()
}

// linkAt is the link under pos, or "".
func (t *textFlow) linkAt(pos fyne.Position) string {
	for _, l := range t.lines {
		if pos.Y < l.y || pos.Y > l.y+l.h {
			continue
		}
		for _, p := range l.pieces {
			if pos.X >= p.x && pos.X <= p.x+p.w {
				return t.runs[p.run].link
			}
		}
	}
	return ""
}

// Tapped follows the link under the pointer; elsewhere it calls onTap.
func (t *textFlow) Tapped(ev *fyne.PointEvent) {
	if l := t.linkAt(ev.Position); l != "" && t.onLink != nil {
		t.onLink(l)
	} else if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows a hand over links, a text cursor over selectable text.
func (t *textFlow) Cursor() desktop.Cursor {
	switch {
	case t.hovering || t.onTap != nil:
		return desktop.PointerCursor
	case t.host != nil && !t.isMarker():
		return desktop.TextCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (t *textFlow) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved tracks whether the pointer is over a link.
func (t *textFlow) MouseMoved(ev *desktop.MouseEvent) { t.hovering = t.linkAt(ev.Position) != "" }

// MouseOut implements desktop.Hoverable.
func (t *textFlow) MouseOut() { t.hovering = false }

// plainText is the flow's text, for tests and accessibility.
func (t *textFlow) plainText() string {
	var b strings.Builder
	for _, r := range t.runs {
		if r.br {
			b.WriteByte('\n')
		}
		b.WriteString(r.text)
	}
	return b.String()
}

func (t *textFlow) CreateRenderer() fyne.WidgetRenderer {
	r := &flowRenderer{t: t}
	t.r = r
	// Fyne makes a new renderer for a widget whose renderer it dropped
	// (not drawn for a minute) and lays it out only when its size
	// changes: build the texts for the size the flow has (QA F46).
	if w := t.Size().Width; w > 0 {
		r.build(w)
	}
	return r
}

type flowRenderer struct {
	t    *textFlow
	objs []fyne.CanvasObject // the text
	fill []fyne.CanvasObject // code, chip and mark fills, drawn behind hl
	hl   []fyne.CanvasObject // the selection, drawn behind objs
	all  []fyne.CanvasObject
	for_ float32
}

func (r *flowRenderer) build(width float32) {
	t := r.t
	t.layout(width)
	r.for_ = width
	r.objs = r.objs[:0]
	r.fill = r.fill[:0]
	drv := fyne.CurrentApp().Driver()
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, t) / 2
	for _, l := range t.lines {
		for _, p := range l.pieces {
			run := &t.runs[p.run]
			size := t.runSize(run)
			col := run.color
			if col == "" {
				col = theme.ColorNameForeground
			}
			if run.link != "" {
				col = theme.ColorNameHyperlink
			}
			c := theme.ColorForWidget(col, t)
			_, base := t.mc.metrics(drv, size, run.style)
			y := l.y + l.base - base
			if run.sub { // subscript: lower to the line's bottom
				y = l.y + l.h - drvHeight(drv, size, run.style)
			} else if run.scale != 0 && run.scale < 0.8 { // superscript: raise to the line's top
				y = l.y
			}
			if run.code || run.chip || run.mark {
				fill := theme.ColorForWidget(theme.ColorNameInputBackground, t)
				switch {
				case run.mark:
					fill = markColour
				case run.chip:
					fill = theme.ColorForWidget(theme.ColorNameSelection, t)
				}
				bg := canvas.NewRectangle(fill)
				bg.CornerRadius = 3
				if run.chip {
					bg.CornerRadius = l.h / 2
				}
				grow := pad
				if run.mark {
					grow = 0
				}
				bg.Move(fyne.NewPos(p.x-grow/2, l.y))
				bg.Resize(fyne.NewSize(p.w+grow, l.h))
				r.fill = append(r.fill, bg) // under the selection (a <kbd> chip is shown selected)
			}
			if run.link != "" { // below the descenders (linkline.go)
				r.objs = append(r.objs, linkUnderline(c, p.x, l.y+l.h, p.w, size))
			}
			if run.code && hasOneColumn(t.mc, p.text, size, run.style) { // codeglyph.go
				r.objs = inlineCodeTexts(r.objs, t.mc, p.text, c, size, run.style, p.x, y, l.h)
				continue
			}
			if hasItalicPart(p.text, run.style) { // italic.go
				r.objs = italicTexts(r.objs, drv, p.text, c, size, run.style, p.x, y, l.h)
				continue
			}
			txt := canvas.NewText(p.text, c)
			txt.TextSize = size
			txt.TextStyle = run.style
			txt.Move(fyne.NewPos(p.x, y))
			txt.Resize(fyne.NewSize(p.w, l.h))
			r.objs = append(r.objs, txt)
		}
	}
	r.buildSelection()
}

// buildSelection makes the selection's rectangles (one per line) and
// puts them behind the text.
func (r *flowRenderer) buildSelection() {
	t := r.t
	r.hl = r.hl[:0]
	if t.selFrom < t.selTo && t.lines != nil {
		fill := theme.ColorForWidget(theme.ColorNameSelection, t)
		for _, box := range t.selectionBoxes(t.selFrom, t.selTo) {
			rect := canvas.NewRectangle(fill)
			rect.Move(box.pos)
			rect.Resize(box.size)
			r.hl = append(r.hl, rect)
		}
	}
	r.all = append(append(append(r.all[:0], r.fill...), r.hl...), r.objs...)
}

// markColour is the highlight behind <mark> text (readable in light and
// dark themes with the theme's text colour on top at this alpha).
var markColour = color.NRGBA{R: 0xff, G: 0xd3, B: 0x3d, A: 0x66}

func drvHeight(drv fyne.Driver, size float32, style fyne.TextStyle) float32 {
	s, _ := drv.RenderedTextSize("M", size, style, nil)
	return s.Height
}

func (r *flowRenderer) Layout(s fyne.Size) {
	if s.Width < 0 { // a pooled flow (flowPool.put): nothing to show
		return
	}
	if s.Width != r.for_ || r.objs == nil || r.t.lines == nil {
		r.build(s.Width)
	}
}
func (r *flowRenderer) MinSize() fyne.Size { return r.t.MinSize() }
func (r *flowRenderer) Refresh() {
	r.build(r.t.Size().Width)
	canvas.Refresh(r.t)
}
func (r *flowRenderer) Objects() []fyne.CanvasObject { return r.all }
func (r *flowRenderer) Destroy()                     {}

// flowHost is what a text flow tells about presses on it: the preview's
// selection (a flow is Mouseable, so presses that start a selection land
// on it, not on the page behind).
type flowHost interface {
	flowMouseDown(ev *desktop.MouseEvent)
	flowMouseUp(ev *desktop.MouseEvent)
	flowSecondaryTap(ev *fyne.PointEvent)
}

// MouseDown implements desktop.Mouseable: a press may start a selection.
func (t *textFlow) MouseDown(ev *desktop.MouseEvent) {
	if t.host != nil {
		t.host.flowMouseDown(ev)
	}
}

// MouseUp implements desktop.Mouseable.
func (t *textFlow) MouseUp(ev *desktop.MouseEvent) {
	if t.host != nil {
		t.host.flowMouseUp(ev)
	}
}

// TappedSecondary implements fyne.SecondaryTappable: the context menu.
func (t *textFlow) TappedSecondary(ev *fyne.PointEvent) {
	if t.host != nil {
		t.host.flowSecondaryTap(ev)
	}
}

// isMarker reports whether the flow is a list or footnote marker or a
// chip's label (no link, never wrapped): it has no selectable text.
func (t *textFlow) isMarker() bool { return t.noWrap && t.onLink == nil }

// runStarts is the offset in plainText where each run starts (a hard
// break's "\n" is at its run's start).
func (t *textFlow) runStarts() []int {
	starts := make([]int, len(t.runs))
	n := 0
	for i := range t.runs {
		starts[i] = n
		if t.runs[i].br {
			n++
		}
		n += len(t.runs[i].text)
	}
	return starts
}

// laid makes sure the lines are those drawn: laid out at the width the
// renderer drew (containers ask for sizes at other widths meanwhile).
func (t *textFlow) laid() {
	w := t.Size().Width
	if t.r != nil && t.r.objs != nil {
		w = t.r.for_
	}
	t.layout(w)
}

// pieceWidth is the width of the first n bytes of a piece.
func (t *textFlow) pieceWidth(p flowPiece, n int) float32 {
	if n <= 0 {
		return 0
	}
	if n >= len(p.text) {
		return p.w
	}
	run := &t.runs[p.run]
	if run.code {
		return inlineCodeSize(t.mc, p.text[:n], t.runSize(run), run.style).Width
	}
	return t.mc.measure(p.text[:n], t.runSize(run), run.style).Width
}

// offsetAt is the offset in plainText of the character boundary nearest
// pos: on the line at pos's height (the first or last line above or below
// the text), nearest pos's x.
func (t *textFlow) offsetAt(pos fyne.Position) int {
	t.laid()
	if len(t.lines) == 0 {
		return 0
	}
	spacing := theme.SizeForWidget(theme.SizeNameLineSpacing, t)
	l := &t.lines[len(t.lines)-1]
	for i := range t.lines {
		if pos.Y < t.lines[i].y+t.lines[i].h+spacing/2 {
			l = &t.lines[i]
			break
		}
	}
	if len(l.pieces) == 0 || pos.X <= l.pieces[0].x {
		return l.from
	}
	starts := t.runStarts()
	for _, p := range l.pieces {
		if pos.X > p.x+p.w {
			continue
		}
		start := starts[p.run] + p.start
		if pos.X <= p.x {
			return start
		}
		// the boundaries' x grow with the offset: find the nearest
		bounds := make([]int, 0, len(p.text)+1)
		for j := range p.text {
			bounds = append(bounds, j)
		}
		bounds = append(bounds, len(p.text))
		x := pos.X - p.x
		k := sort.Search(len(bounds), func(k int) bool { return t.pieceWidth(p, bounds[k]) >= x })
		if k > 0 && k < len(bounds) && x-t.pieceWidth(p, bounds[k-1]) < t.pieceWidth(p, bounds[k])-x {
			k--
		}
		return start + bounds[min(k, len(bounds)-1)]
	}
	return l.to
}

// xAt is the x of offset off on line l (clamped to the line's text).
func (t *textFlow) xAt(l *flowLine, off int, starts []int) float32 {
	x := float32(0)
	for _, p := range l.pieces {
		start, end := starts[p.run]+p.start, starts[p.run]+p.end
		if off <= start {
			return p.x
		}
		if off <= end {
			return p.x + t.pieceWidth(p, off-start)
		}
		x = p.x + p.w
	}
	return x
}

// selectionBoxes are the rectangles that show [from, to) of plainText
// selected: one per line, as tall as the line and the spacing below it, a
// little wider at a line end the selection goes past (the line break is
// selected too).
func (t *textFlow) selectionBoxes(from, to int) []selBox {
	starts := t.runStarts()
	nl := theme.SizeForWidget(theme.SizeNameText, t) * 0.35
	var out []selBox
	for i := range t.lines {
		l := &t.lines[i]
		if from > l.to || to < l.from {
			continue
		}
		a, b := max(from, l.from), min(to, l.to)
		x0, x1 := t.xAt(l, a, starts), t.xAt(l, b, starts)
		if to > l.to && i < len(t.lines)-1 {
			x1 += nl
		}
		if x1 <= x0 {
			continue
		}
		h := l.h
		if i < len(t.lines)-1 {
			h = t.lines[i+1].y - l.y
		}
		out = append(out, selBox{fyne.NewPos(x0, l.y), fyne.NewSize(x1-x0, h)})
	}
	return out
}

// selBox is a rectangle of a selection.
type selBox struct {
	pos  fyne.Position
	size fyne.Size
}

// setSelection shows [from, to) of plainText selected (nothing when from
// >= to), repainting only the selection.
func (t *textFlow) setSelection(from, to int) {
	if from >= to {
		from, to = 0, 0
	}
	if from == t.selFrom && to == t.selTo {
		return
	}
	t.selFrom, t.selTo = from, to
	if t.r != nil && t.r.objs != nil {
		t.laid()
		t.r.buildSelection()
		canvas.Refresh(t)
	}
}
