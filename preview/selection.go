package preview

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/textwidth"
	"folio/preview/markdown"
)

// Text selection in the preview, as in a browser: press and drag selects
// across blocks in document order, a double click selects a word, a triple
// click a paragraph (a table cell, a code line), shift+click extends;
// Ctrl+C and the context menu copy the selection as plain text.
//
// The selection lives in document coordinates, not in canvas objects
// (only the blocks on screen have objects): a point is a shown item (by
// its block, so it survives re-layout, scrolling and edits elsewhere), one
// of the item's text segments (the text of one paragraph, heading, cell or
// code block, as blockSegments lists them from the block model) and a byte
// offset into that segment's text. Copying takes the text from the block
// model, so a selection running off screen copies whole.

// segment is a piece of an item's selectable text: what one text flow or
// code block shows.
type segment struct {
	text string
	code bool   // a code block: copied verbatim
	sep  string // joins it to the item's segment before it when copied
}

// blockSegments lists a block's selectable text in document order, one
// segment per text flow or code block the builder makes for it (list
// markers, alert titles and images have none), as first shown: a closed
// <details>'s body and a <SimpleTab>'s tabs but the first have none.
func blockSegments(b *Block) []segment { return shownSegments(b, nil) }

// shownSegments is blockSegments for the shown item b with the reader's
// choices boxes: the body of a <details> he opened, the tab he chose.
func shownSegments(b *Block, boxes *containerStates) []segment {
	w := segWalk{item: b, boxes: boxes}
	w.add(b.Fill(), "")
	return w.out
}

// segWalk lists an item's segments. It meets the item's containers in
// the order the builder numbers them (containerKey: a container before
// what it holds), counting those in hidden bodies too.
type segWalk struct {
	out   []segment
	item  *Block
	boxes *containerStates
	n     int // containers met
}

// next numbers the next container.
func (w *segWalk) next() int {
	w.n++
	return w.n - 1
}

// add appends b's segments; sep joins the first to what is before.
func (w *segWalk) add(b *Block, sep string) {
	n := len(w.out)
	switch b.Kind {
	case KindParagraph, KindHeading:
		for _, txt := range flowTexts(b.Inlines) {
			w.out = append(w.out, segment{text: txt, sep: "\n"})
		}
	case KindQuote:
		for _, c := range b.Children {
			if c.Kind != KindNone {
				w.add(c.Fill(), "\n\n")
			}
		}
	case KindList, KindFootnotes:
		for _, it := range b.Items {
			for _, c := range it.Blocks {
				if c.Kind != KindNone {
					w.add(c.Fill(), "\n")
				}
			}
		}
	case KindTable:
		plan := b.Plan()
		if plan == nil {
			plan = markdown.PlanTable(b)
		}
		row := func(cells [][]Inline) {
			for c := 0; c < plan.Cols; c++ {
				var in []Inline
				if c < len(cells) {
					in = cells[c]
				}
				s := segment{text: inlineText(in), sep: "\t"}
				if c == 0 {
					s.sep = "\n"
				}
				w.out = append(w.out, s)
			}
		}
		if b.Header != nil {
			row(b.Header)
		}
		for _, r := range b.Rows {
			row(r)
		}
	case KindCode, KindHTML:
		w.out = append(w.out, segment{text: b.Text, code: true})
	case markdown.KindDetails:
		open := b.Open
		if v, ok := w.boxes.get(w.item, w.next()); ok {
			open = v == 1
		}
		summary := inlineText(b.Inlines)
		if len(b.Inlines) == 0 {
			summary = lang.L("Details")
		}
		w.out = append(w.out, segment{text: summary, sep: "\n"})
		for _, c := range b.Children {
			if c.Kind == KindNone {
				continue
			}
			if open {
				w.add(c.Fill(), "\n\n")
			} else {
				w.count(c.Fill())
			}
		}
	case markdown.KindTabs:
		shown, labels := 0, 0
		for _, it := range b.Items {
			if len(it.Label) > 0 {
				labels++
			}
		}
		if v, ok := w.boxes.get(w.item, w.next()); ok && v >= 0 && v < labels {
			shown = v
		}
		tab := -1
		for _, it := range b.Items {
			hidden := false
			if len(it.Label) > 0 { // a tab, not content outside any
				tab++
				hidden = tab != shown
			}
			for _, c := range it.Blocks {
				switch {
				case c.Kind == KindNone:
				case hidden:
					w.count(c.Fill())
				default:
					w.add(c.Fill(), "\n")
				}
			}
		}
	case markdown.KindDefList:
		for _, it := range b.Items {
			if it.Label != nil {
				w.out = append(w.out, segment{text: inlineText(it.Label), sep: "\n"})
			}
			for _, c := range it.Blocks {
				if c.Kind != KindNone {
					w.add(c.Fill(), "\n")
				}
			}
		}
	}
	if len(w.out) > n {
		w.out[n].sep = sep
	}
}

// count numbers the containers in a hidden block, as add would.
func (w *segWalk) count(b *Block) {
	if b.Kind == markdown.KindDetails || b.Kind == markdown.KindTabs {
		w.next()
	}
	for _, c := range b.Children {
		if c.Kind != KindNone {
			w.count(c.Fill())
		}
	}
	for _, it := range b.Items {
		for _, c := range it.Blocks {
			if c.Kind != KindNone {
				w.count(c.Fill())
			}
		}
	}
}

// flowTexts are the texts of the flows a paragraph is shown as: one, or
// the text between its images (as builder.paragraph splits it).
func flowTexts(in []Inline) []string {
	hasImage := false
	for _, r := range in {
		if r.Kind == InlineImage {
			hasImage = true
			break
		}
	}
	if !hasImage {
		return []string{inlineText(in)}
	}
	var out []string
	start := 0
	flush := func(end int) {
		for _, r := range in[start:end] {
			if r.Kind == InlineText && len(r.Text) > 0 && r.Text != " " {
				out = append(out, inlineText(in[start:end]))
				return
			}
		}
	}
	for i, r := range in {
		if r.Kind == InlineImage {
			flush(i)
			start = i + 1
		}
	}
	flush(len(in))
	return out
}

// inlineText is the plain text of inline runs as a text flow holds it:
// a hard break is "\n", images are left out.
func inlineText(in []Inline) string {
	var b strings.Builder
	for _, r := range in {
		switch r.Kind {
		case InlineBreak:
			b.WriteByte('\n')
		case InlineImage:
		default:
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// charClass sorts runes for word selection.
func charClass(r rune) int {
	switch {
	case r == '\n':
		return 0 // a line break stands alone
	case unicode.IsSpace(r):
		return 1
	case textwidth.IsHan(r):
		// a run of one script: Han, hiragana, katakana (with ー) or
		// Hangul, so 漢字かなカナ splits where the script changes
		switch {
		case unicode.Is(unicode.Hiragana, r):
			return 4
		case unicode.Is(unicode.Katakana, r) || r == 'ー' || r == 'ｰ':
			return 5
		case unicode.Is(unicode.Hangul, r):
			return 6
		}
		return 2
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r):
		return 3
	}
	return 0 // punctuation and symbols stand alone
}

// wordAt is the word around off in text: a run of letters and digits, of
// CJK characters of one script (up to punctuation — CJK punctuation
// included — or a change of script: there is no dictionary to find
// Chinese words), or of spaces; a punctuation mark or line break alone.
func wordAt(text string, off int) (int, int) {
	off = min(max(off, 0), len(text))
	if text == "" {
		return 0, 0
	}
	at := off
	if at == len(text) {
		_, n := utf8.DecodeLastRuneInString(text)
		at -= n
	}
	r, n := utf8.DecodeRuneInString(text[at:])
	class := charClass(r)
	start, end := at, at+n
	if class == 0 {
		return start, end
	}
	for start > 0 {
		p, m := utf8.DecodeLastRuneInString(text[:start])
		if charClass(p) != class {
			break
		}
		start -= m
	}
	for end < len(text) {
		q, m := utf8.DecodeRuneInString(text[end:])
		if charClass(q) != class {
			break
		}
		end += m
	}
	return start, end
}

// lineAt is the line around off in text (without its "\n").
func lineAt(text string, off int) (int, int) {
	off = min(max(off, 0), len(text))
	start := strings.LastIndexByte(text[:off], '\n') + 1
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		return start, len(text)
	}
	return start, off + end
}

// selPoint is a place in the document's text (see the comment at the top).
type selPoint struct {
	block *Block
	item  int
	seg   int
	off   int
}

func (a selPoint) less(b selPoint) bool {
	if a.item != b.item {
		return a.item < b.item
	}
	if a.seg != b.seg {
		return a.seg < b.seg
	}
	return a.off < b.off
}

// selection is the preview's selection and the state of the mouse making
// it. UI goroutine only.
type selection struct {
	on            bool // anchor and focus are set (equal: a caret, nothing selected)
	anchor, focus selPoint
	shown         bool // some object may show a selection

	unit           int      // what a drag extends by: 1 character, 2 word, 3 paragraph
	unitLo, unitHi selPoint // the word or paragraph first clicked
	pressed        bool     // the button went down in the preview and is still down
	clicks         int
	lastDown       time.Time
	lastAt         fyne.Position

	dragView  fyne.Position // the pointer in the viewport during a drag
	scrollDY  float32       // autoscroll speed while dragging at an edge
	stopTicks chan struct{} // stops the autoscroll ticker; nil when none runs

	segs    map[*Block][]segment
	targets map[*Block]*itemTargets
	layer   *fyne.Container // unused since code blocks draw their own (kept empty)
	shift   bool            // Shift is held (selection_keys.go)
	boxes   containerStates // <details> opened or closed, tabs chosen by the reader (blockstate.go)
}

// itemTargets maps the selectable objects of a built item to its segments.
type itemTargets struct {
	obj     fyne.CanvasObject
	seg     map[fyne.CanvasObject]int
	hasCode bool
}

// placed is a selectable object of an item and where it is, in the
// scrolled content's coordinates.
type placed struct {
	obj fyne.CanvasObject
	seg int
	pos fyne.Position
}

// maxClickGap and maxClickSlop say which presses make a double or triple
// click.
const (
	maxClickGap  = 500 * time.Millisecond
	maxClickSlop = 4
)

// empty reports whether nothing is selected.
func (s *selection) empty() bool { return !s.on || s.anchor == s.focus }

// ordered is the selection's start and end.
func (s *selection) ordered() (selPoint, selPoint) {
	if s.focus.less(s.anchor) {
		return s.focus, s.anchor
	}
	return s.anchor, s.focus
}

// segments is an item block's segments, cached while it is shown.
func (p *Preview) segments(b *Block) []segment {
	if segs, ok := p.sel.segs[b]; ok {
		return segs
	}
	if p.sel.segs == nil {
		p.sel.segs = map[*Block][]segment{}
	}
	segs := shownSegments(b, &p.sel.boxes)
	p.sel.segs[b] = segs
	return segs
}

// itemSegments is item i's segments: its block's, or the header card's
// (its title, summary and byline).
func (p *Preview) itemSegments(i int) []segment {
	b := p.items[i].block
	if b != nil {
		return p.segments(b)
	}
	if segs, ok := p.sel.segs[nil]; ok {
		return segs
	}
	var segs []segment
	for _, txt := range []string{p.meta.Title, p.meta.Summary, p.meta.byline()} {
		if txt != "" {
			segs = append(segs, segment{text: txt, sep: "\n"})
		}
	}
	if p.sel.segs == nil {
		p.sel.segs = map[*Block][]segment{}
	}
	p.sel.segs[nil] = segs
	return segs
}

// itemObject is item i's built object, or nil.
func (p *Preview) itemObject(i int) fyne.CanvasObject {
	if p.items[i].block == nil {
		return p.headerObj
	}
	return p.items[i].st.obj
}

// remapSelection runs after an update: the selection's points find their
// blocks' new places, or the selection goes when a block did.
func (p *Preview) remapSelection() {
	s := &p.sel
	oldHeader, hadHeader := s.segs[nil]
	for b := range s.segs {
		if b == nil || p.states[b] == nil { // the header's too: the meta may have changed
			delete(s.segs, b)
		}
	}
	for b := range s.targets {
		if p.states[b] == nil {
			delete(s.targets, b)
		}
	}
	s.boxes.remap(p.items, func(b *Block) bool { return p.states[b] != nil })
	if !s.on {
		return
	}
	find := func(pt *selPoint) bool {
		if pt.item < len(p.items) && p.items[pt.item].block == pt.block {
			return true
		}
		for i, it := range p.items {
			if it.block == pt.block {
				pt.item = i
				return true
			}
		}
		return false
	}
	if !find(&s.anchor) || !find(&s.focus) || !find(&s.unitLo) || !find(&s.unitHi) {
		s.on, s.pressed = false, false
		return
	}
	for _, pt := range []selPoint{s.anchor, s.focus, s.unitLo, s.unitHi} {
		if pt.block == nil && (!hadHeader || !slices.Equal(oldHeader, p.itemSegments(pt.item))) {
			s.on, s.pressed = false, false // the header card's text changed
			return
		}
	}
}

// selectableTargets calls fn for each object under o that may show
// selectable text, in document order, with its position (at is o's);
// marker is set for list and footnote markers, which have none.
func selectableTargets(o fyne.CanvasObject, at fyne.Position, fn func(o fyne.CanvasObject, at fyne.Position, marker bool)) {
	if !o.Visible() {
		return
	}
	switch t := o.(type) {
	case *textFlow:
		fn(t, at, t.isMarker())
	case *codeBlock:
		fn(t, at, false)
	case *tableBox:
		off := fyne.Position{}
		if app := fyne.CurrentApp(); app != nil {
			d := app.Driver()
			if g := d.AbsolutePositionForObject(t.grid); !g.IsZero() {
				off = g.Subtract(d.AbsolutePositionForObject(t))
			}
		}
		for _, c := range t.grid.Objects {
			selectableTargets(c, at.Add(off).Add(c.Position()), fn)
		}
	case *fyne.Container:
		for _, c := range t.Objects {
			selectableTargets(c, at.Add(c.Position()), fn)
		}
	}
}

// hostFlows tells the flows of item i's widget where to send presses. Their
// segments (itemTargets) are matched when a selection needs them.
func (p *Preview) hostFlows(i int) {
	obj := p.itemObject(i)
	if obj == nil {
		return
	}
	if c := p.sel.targets[p.items[i].block]; c != nil && c.obj == obj {
		return // matched already: hosted then
	}
	selectableTargets(obj, fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position, _ bool) {
		if t, ok := o.(*textFlow); ok {
			t.host = p
		}
	})
}

// itemTargets matches the objects of item i's widget to its segments, by
// text, in order (an object whose text is no segment's is skipped).
func (p *Preview) itemTargets(i int) *itemTargets {
	it := p.items[i]
	obj := p.itemObject(i)
	if obj == nil {
		return nil
	}
	if c := p.sel.targets[it.block]; c != nil && c.obj == obj {
		return c
	}
	segs := p.itemSegments(i)
	c := &itemTargets{obj: obj, seg: map[fyne.CanvasObject]int{}}
	j := 0
	selectableTargets(obj, fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position, marker bool) {
		var txt string
		code := false
		switch t := o.(type) {
		case *textFlow:
			t.host = p
			if marker {
				return
			}
			txt = t.plainText()
		case *codeBlock:
			txt, code = t.text, true
		}
		for k := j; k < len(segs); k++ {
			if segs[k].text == txt && segs[k].code == code {
				c.seg[o] = k
				c.hasCode = c.hasCode || code
				j = k + 1
				return
			}
		}
	})
	if p.sel.targets == nil {
		p.sel.targets = map[*Block]*itemTargets{}
	}
	p.sel.targets[it.block] = c
	return c
}

// placedTargets is item i's selectable objects with their positions.
func (p *Preview) placedTargets(i int) []placed {
	c := p.itemTargets(i)
	if c == nil {
		return nil
	}
	var out []placed
	selectableTargets(c.obj, c.obj.Position(), func(o fyne.CanvasObject, at fyne.Position, _ bool) {
		if k, ok := c.seg[o]; ok {
			out = append(out, placed{obj: o, seg: k, pos: at})
		}
	})
	return out
}

// startOf is the first selectable point at or after item i.
func (p *Preview) startOf(i int) (selPoint, bool) {
	for ; i < len(p.items); i++ {
		if len(p.itemSegments(i)) > 0 {
			return selPoint{block: p.items[i].block, item: i}, true
		}
	}
	return selPoint{}, false
}

// endOf is the last selectable point at or before item i.
func (p *Preview) endOf(i int) (selPoint, bool) {
	for i = min(i, len(p.items)-1); i >= 0; i-- {
		if segs := p.itemSegments(i); len(segs) > 0 {
			return selPoint{block: p.items[i].block, item: i, seg: len(segs) - 1, off: len(segs[len(segs)-1].text)}, true
		}
	}
	return selPoint{}, false
}

// pointAt is the selection point nearest q, a position in the scrolled
// content.
func (p *Preview) pointAt(q fyne.Position) (selPoint, bool) {
	n := len(p.items)
	if n == 0 {
		return selPoint{}, false
	}
	p.ensureOffsets()
	i := sort.Search(n, func(i int) bool { return p.offsets[i+1] > q.Y })
	if i >= n {
		if pt, ok := p.endOf(n - 1); ok {
			return pt, true
		}
		return p.startOf(0)
	}
	var targets []placed
	if p.visible[i] {
		targets = p.placedTargets(i)
	}
	if len(targets) == 0 {
		// nothing to select here (an image, a rule, the header) or a block
		// not on screen: the end of what is above or the start of what is
		// below, by which half of the item q is in
		upper := q.Y < (p.offsets[i]+p.offsets[i+1])/2
		if len(p.itemSegments(i)) > 0 {
			if upper {
				return p.startOf(i)
			}
			return p.endOf(i)
		}
		if upper {
			if pt, ok := p.endOf(i - 1); ok {
				return pt, true
			}
			return p.startOf(i)
		}
		if pt, ok := p.startOf(i + 1); ok {
			return pt, true
		}
		return p.endOf(i)
	}
	// the nearest object: by height first, then sideways
	best, bestD := 0, float32(math.MaxFloat32)
	for k, t := range targets {
		sz := t.obj.Size()
		dy := max(t.pos.Y-q.Y, q.Y-(t.pos.Y+sz.Height), 0)
		dx := max(t.pos.X-q.X, q.X-(t.pos.X+sz.Width), 0)
		if d := dy*10000 + dx; d < bestD {
			best, bestD = k, d
		}
	}
	t := targets[best]
	local := q.Subtract(t.pos)
	off := 0
	switch o := t.obj.(type) {
	case *textFlow:
		off = o.offsetAt(local)
	case *codeBlock:
		off = codeOffsetAt(o, local)
	}
	b := p.items[i].block
	return selPoint{block: b, item: i, seg: t.seg, off: off}, true
}

// codeInset is where a code block's first line starts in it.
func codeInset(c *codeBlock) fyne.Position {
	pad := theme.Padding() * 2
	top := pad
	if c.cont&markdown.ContAbove != 0 {
		top = 0
	}
	return fyne.NewPos(pad+c.gutterWidth(), top)
}

// codeScrollX is how far a wide code block is scrolled sideways. The
// code block tells it if it has a scrollX method (its renderer owns the
// scroller); without one it is taken as not scrolled.
func codeScrollX(c *codeBlock) float32 {
	if s, ok := any(c).(interface{ scrollX() float32 }); ok {
		return s.scrollX()
	}
	return 0
}

// codeColumn is the monospace column at which byte off of line starts
// (tabs go to the next tab stop, wide characters take two columns).
func codeColumn(line string, off int) int {
	col := 0
	for j, r := range line {
		if j >= off {
			break
		}
		if r == '\t' {
			col += tabWidth - col%tabWidth
			continue
		}
		col += textwidth.Columns(r)
	}
	return col
}

// codeOffsetAt is the offset in a code block's text nearest local.
func codeOffsetAt(c *codeBlock, local fyne.Position) int {
	_, cell := codeCell()
	in := codeInset(c)
	x, y := local.X-in.X+codeScrollX(c), local.Y-in.Y
	if y < 0 {
		return 0
	}
	row := int(y / cell.Height)
	start := 0
	for ; row > 0; row-- {
		i := strings.IndexByte(c.text[start:], '\n')
		if i < 0 {
			return len(c.text)
		}
		start += i + 1
	}
	end := strings.IndexByte(c.text[start:], '\n')
	if end < 0 {
		end = len(c.text)
	} else {
		end += start
	}
	line := c.text[start:end]
	col := x / cell.Width
	for j, r := range line {
		w := 0
		c0 := codeColumn(line, j)
		if r == '\t' {
			w = tabWidth - c0%tabWidth
		} else {
			w = textwidth.Columns(r)
		}
		if col < float32(c0)+float32(w)/2 {
			return start + j
		}
	}
	return end
}

// codeBoxes are the rectangles showing [from, to) of a code block's text
// selected, in the block's coordinates, clipped to its text area.
func codeBoxes(c *codeBlock, from, to int) []selBox {
	_, cell := codeCell()
	in := codeInset(c)
	left, right := in.X, c.Size().Width-in.X
	in.X -= codeScrollX(c)
	var out []selBox
	start := 0
	for row := 0; start <= len(c.text); row++ {
		end := strings.IndexByte(c.text[start:], '\n')
		if end < 0 {
			end = len(c.text)
		} else {
			end += start
		}
		if from <= end && to > start || from == start && to > start {
			line := c.text[start:end]
			c0 := codeColumn(line, max(from, start)-start)
			c1 := codeColumn(line, min(to, end)-start)
			x0 := in.X + float32(c0)*cell.Width
			x1 := in.X + float32(c1)*cell.Width
			if to > end && end < len(c.text) {
				x1 += cell.Width / 2 // the line break
			}
			x0, x1 = min(max(x0, left), right), min(max(x1, left), right)
			if x1 > x0 {
				out = append(out, selBox{fyne.NewPos(x0, in.Y+float32(row)*cell.Height), fyne.NewSize(x1-x0, cell.Height)})
			}
		}
		if end >= len(c.text) || start > to {
			break
		}
		start = end + 1
	}
	return out
}

// segRange is the part of segment j of item i that is selected.
func (p *Preview) segRange(i, j int, text string) (int, int) {
	s := &p.sel
	if s.empty() {
		return 0, 0
	}
	lo, hi := s.ordered()
	at := selPoint{item: i, seg: j}
	end := selPoint{item: i, seg: j, off: len(text)}
	if end.less(lo) || hi.less(at) {
		return 0, 0
	}
	a, b := 0, len(text)
	if i == lo.item && j == lo.seg {
		a = min(lo.off, b)
	}
	if i == hi.item && j == hi.seg {
		b = min(hi.off, b)
	}
	return min(a, b), b
}

// paintSelection shows the selection on the objects on screen: text flows
// draw it behind their glyphs; code blocks get it drawn over them by the
// layer on top of the content.
func (p *Preview) paintSelection() {
	s := &p.sel
	if p.content == nil {
		return
	}
	for i := range p.visible {
		if i < len(p.items) {
			p.hostFlows(i)
		}
	}
	if len(s.targets) > maxBuilt+len(p.visible) {
		// let the widgets the preview dropped go
		for b, c := range s.targets {
			if st := p.states[b]; st == nil || st.obj != c.obj {
				delete(s.targets, b)
			}
		}
	}
	if len(s.segs) > 2*maxBuilt+len(p.visible) {
		for b := range s.segs {
			if s.targets[b] == nil {
				delete(s.segs, b) // computed again if it is shown again
			}
		}
	}
	if !s.shown && s.empty() {
		return
	}
	if s.empty() {
		for _, c := range s.targets {
			for o := range c.seg {
				switch t := o.(type) {
				case *textFlow:
					t.setSelection(0, 0)
				case *codeBlock:
					t.setSelection(nil)
				}
			}
		}
	}
	var rects []fyne.CanvasObject
	for i := range p.visible {
		if i >= len(p.items) {
			continue
		}
		c := p.itemTargets(i)
		if c == nil {
			continue
		}
		segs := p.itemSegments(i)
		for o, k := range c.seg {
			if f, ok := o.(*textFlow); ok {
				f.setSelection(p.segRange(i, k, segs[k].text))
			}
		}
		if !c.hasCode || s.empty() {
			continue
		}
		for o, k := range c.seg {
			// drawn by the block, behind its text
			if cb, ok := o.(*codeBlock); ok {
				if a, b := p.segRange(i, k, cb.text); a < b {
					cb.setSelection(codeBoxes(cb, a, b))
				} else {
					cb.setSelection(nil)
				}
			}
		}
	}
	s.shown = !s.empty()
	if s.layer == nil {
		if len(rects) == 0 {
			return
		}
		s.layer = &fyne.Container{}
	}
	s.layer.Objects = rects
	objs := p.content.objs
	n := len(objs)
	switch {
	case len(rects) > 0 && (n == 0 || objs[n-1] != s.layer):
		p.content.objs = append(objs, s.layer)
	case len(rects) == 0 && n > 0 && objs[n-1] == s.layer:
		p.content.objs = objs[:n-1]
	}
	s.layer.Resize(p.content.Size())
	canvas.Refresh(p.content)
}

// unitAround is the unit (1 character, 2 word, 3 paragraph or code line)
// around pt.
func (p *Preview) unitAround(pt selPoint, unit int) (selPoint, selPoint) {
	if unit <= 1 || pt.item >= len(p.items) {
		return pt, pt
	}
	segs := p.itemSegments(pt.item)
	if pt.seg >= len(segs) {
		return pt, pt
	}
	sg := segs[pt.seg]
	lo, hi := pt, pt
	switch {
	case unit == 2:
		lo.off, hi.off = wordAt(sg.text, pt.off)
	case sg.code:
		lo.off, hi.off = lineAt(sg.text, pt.off)
	default:
		lo.off, hi.off = 0, len(sg.text)
	}
	return lo, hi
}

// docPos is an absolute position in the scrolled content's coordinates.
func (p *Preview) docPos(abs fyne.Position) fyne.Position {
	return abs.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(p.content))
}

// focusContent gives the preview the keyboard focus (for Ctrl+C).
func (p *Preview) focusContent() {
	if p.content == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.content); c != nil && c.Focused() != p.content {
		c.Focus(p.content)
	}
}

// press starts a selection at a press of the primary button at q (in the
// scrolled content): one click puts the caret, two select a word, three
// a paragraph; with shift the selection is extended to q.
func (p *Preview) press(q, abs fyne.Position, mod fyne.KeyModifier) {
	s := &p.sel
	now := time.Now()
	if s.clicks > 0 && now.Sub(s.lastDown) < maxClickGap &&
		math.Abs(float64(abs.X-s.lastAt.X)) <= maxClickSlop && math.Abs(float64(abs.Y-s.lastAt.Y)) <= maxClickSlop {
		s.clicks = s.clicks%3 + 1
	} else {
		s.clicks = 1
	}
	s.lastDown, s.lastAt = now, abs
	pt, ok := p.pointAt(q)
	if !ok {
		return
	}
	s.pressed = true
	if mod&fyne.KeyModifierShift != 0 && s.on {
		s.unit = 1
		s.focus = pt
		s.unitLo, s.unitHi = s.anchor, s.anchor
	} else {
		s.unit = s.clicks
		s.unitLo, s.unitHi = p.unitAround(pt, s.unit)
		s.anchor, s.focus = s.unitLo, s.unitHi
		s.on = true
	}
	p.paintSelection()
}

// extend moves the selection's moving end to pt, by the unit of the
// press that started it.
func (p *Preview) extend(pt selPoint) {
	s := &p.sel
	if !s.on {
		return
	}
	if s.unit <= 1 {
		s.focus = pt
	} else {
		lo, hi := p.unitAround(pt, s.unit)
		if pt.less(s.unitLo) {
			s.anchor, s.focus = s.unitHi, lo
		} else {
			s.anchor, s.focus = s.unitLo, hi
		}
	}
	p.paintSelection()
}

// drag extends the selection to q, a position in the scrolled content,
// and scrolls when the pointer is at or past the top or bottom edge.
func (p *Preview) drag(q fyne.Position, delta fyne.Delta) {
	s := &p.sel
	if !s.pressed {
		// the press landed on something that does not start a selection
		start := q.Subtract(delta)
		s.clicks = 0
		p.press(start, start, 0)
		if !s.pressed {
			return
		}
	}
	if pt, ok := p.pointAt(q); ok {
		p.extend(pt)
	}
	if p.scroll == nil {
		return
	}
	s.dragView = fyne.NewPos(q.X, q.Y-p.scroll.Offset.Y)
	h := p.scroll.Size().Height
	edge := theme.TextSize() * 1.5
	s.scrollDY = 0
	switch {
	case s.dragView.Y < edge:
		s.scrollDY = -min(edge-s.dragView.Y, 4*edge) / 2
	case s.dragView.Y > h-edge:
		s.scrollDY = min(s.dragView.Y-(h-edge), 4*edge) / 2
	}
	if s.scrollDY != 0 && s.stopTicks == nil {
		stop := make(chan struct{})
		s.stopTicks = stop
		go func() {
			tick := time.NewTicker(40 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					p.do(p.autoScroll)
				}
			}
		}()
	}
}

// autoScroll scrolls one step while a drag holds the pointer at an edge.
func (p *Preview) autoScroll() {
	s := &p.sel
	if !s.pressed || s.scrollDY == 0 || p.scroll == nil {
		return
	}
	maxY := max(p.content.Size().Height-p.scroll.Size().Height, 0)
	y := min(max(p.scroll.Offset.Y+s.scrollDY, 0), maxY)
	if y == p.scroll.Offset.Y {
		return
	}
	p.scroll.ScrollToOffset(fyne.NewPos(0, y))
	p.refreshVisible()
	if pt, ok := p.pointAt(s.dragView.AddXY(0, p.scroll.Offset.Y)); ok {
		p.extend(pt)
	}
}

// release ends a press or a drag.
func (p *Preview) release() {
	s := &p.sel
	s.pressed = false
	s.scrollDY = 0
	if s.stopTicks != nil {
		close(s.stopTicks)
		s.stopTicks = nil
	}
}

// SelectAll selects the whole article's text, the header card's included.
// Call it on the UI goroutine.
func (p *Preview) SelectAll() {
	lo, ok1 := p.startOf(0)
	hi, ok2 := p.endOf(len(p.items) - 1)
	if !ok1 || !ok2 {
		return
	}
	s := &p.sel
	s.on, s.unit = true, 1
	s.anchor, s.focus, s.unitLo, s.unitHi = lo, hi, lo, lo
	p.paintSelection()
}

// ClearSelection selects nothing. Call it on the UI goroutine.
func (p *Preview) ClearSelection() {
	p.sel.on = false
	p.paintSelection()
}

// SelectedText is the selected text as plain text: blocks separated by a
// blank line, list items, table rows and the lines of code by a line
// break, table cells by a tab; code verbatim. It is taken from the
// article, not from what is on screen. Call it on the UI goroutine.
func (p *Preview) SelectedText() string {
	s := &p.sel
	if s.empty() {
		return ""
	}
	lo, hi := s.ordered()
	var b strings.Builder
	wrote := false
	for i := lo.item; i <= hi.item && i < len(p.items); i++ {
		bl := p.items[i].block
		segs, ok := p.sel.segs[bl]
		if !ok {
			if bl == nil {
				segs = p.itemSegments(i)
			} else {
				segs = shownSegments(bl, &p.sel.boxes) // not cached: off screen
			}
		}
		for j, sg := range segs {
			if i == lo.item && j < lo.seg {
				continue
			}
			if i == hi.item && j > hi.seg {
				break
			}
			a, z := p.segRange(i, j, sg.text)
			if a == z && !wrote {
				continue // a start at a block's end: nothing of it, no line break
			}
			if wrote {
				sep := sg.sep
				if j == 0 {
					sep = p.itemSeparator(i)
				}
				b.WriteString(sep)
			}
			b.WriteString(sg.text[a:z])
			wrote = true
		}
	}
	return b.String()
}

// itemSeparator joins item i's text to the text before it: a line break
// between the parts of a big code block, table or list, the space cut at
// (or nothing) between a big paragraph's, else a blank line.
func (p *Preview) itemSeparator(i int) string {
	if i > 0 {
		if prev := p.items[i-1].block; prev != nil && prev.Cont()&markdown.ContBelow != 0 && prev.Kind != KindQuote {
			if prev.Kind == KindParagraph { // one paragraph: the space at the cut, if any
				if prev.Cont()&markdown.ContSpace != 0 {
					return " "
				}
				return ""
			}
			return "\n"
		}
	}
	return "\n\n"
}

// copySelection puts the selected text on the clipboard.
func (p *Preview) copySelection(cb fyne.Clipboard) {
	txt := p.SelectedText()
	if txt == "" {
		return
	}
	if cb == nil {
		cb = fyne.CurrentApp().Clipboard()
	}
	cb.SetContent(txt)
}

// contextMenu is the preview's right-click menu: Copy (when something is
// selected) and Select All.
func (p *Preview) contextMenu() *fyne.Menu {
	cp := fyne.NewMenuItem(lang.L("Copy"), func() { p.copySelection(nil) })
	cp.Disabled = p.sel.empty()
	all := fyne.NewMenuItem(lang.L("Select All"), p.SelectAll)
	return fyne.NewMenu("", cp, all)
}

// showMenu pops up the preview's context menu at abs.
func (p *Preview) showMenu(abs fyne.Position) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		widget.ShowPopUpMenuAtPosition(p.contextMenu(), c, abs)
	}
}

// scrollBy scrolls the preview by dy.
func (p *Preview) scrollBy(dy float32) {
	if p.scroll == nil {
		return
	}
	maxY := max(p.content.Size().Height-p.scroll.Size().Height, 0)
	p.scroll.ScrollToOffset(fyne.NewPos(0, min(max(p.scroll.Offset.Y+dy, 0), maxY)))
	p.refreshVisible()
}

// flowMouseDown implements flowHost.
func (p *Preview) flowMouseDown(ev *desktop.MouseEvent) {
	p.focusContent()
	if ev.Button == desktop.MouseButtonPrimary && p.content != nil {
		p.press(p.docPos(ev.AbsolutePosition), ev.AbsolutePosition, ev.Modifier)
	}
}

// flowMouseUp implements flowHost.
func (p *Preview) flowMouseUp(*desktop.MouseEvent) { p.release() }

// flowSecondaryTap implements flowHost.
func (p *Preview) flowSecondaryTap(ev *fyne.PointEvent) { p.showMenu(ev.AbsolutePosition) }

// The scrolled content takes the presses, drags and keys that select.

// MouseDown implements desktop.Mouseable.
func (v *vcontent) MouseDown(ev *desktop.MouseEvent) {
	v.p.focusContent()
	if ev.Button == desktop.MouseButtonPrimary {
		v.p.press(ev.Position, ev.AbsolutePosition, ev.Modifier)
	}
}

// MouseUp implements desktop.Mouseable.
func (v *vcontent) MouseUp(*desktop.MouseEvent) { v.p.release() }

// Dragged implements fyne.Draggable: the selection follows the pointer.
func (v *vcontent) Dragged(ev *fyne.DragEvent) { v.p.drag(ev.Position, ev.Dragged) }

// DragEnd implements fyne.Draggable.
func (v *vcontent) DragEnd() { v.p.release() }

// TappedSecondary implements fyne.SecondaryTappable: the context menu.
func (v *vcontent) TappedSecondary(ev *fyne.PointEvent) { v.p.showMenu(ev.AbsolutePosition) }

// FocusGained implements fyne.Focusable.
func (v *vcontent) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (v *vcontent) FocusLost() {}

// TypedRune implements fyne.Focusable.
func (v *vcontent) TypedRune(rune) {}

// TypedKey implements fyne.Focusable: Escape selects nothing, the arrow,
// page and Home/End keys scroll (with Shift, arrows and Home/End extend
// the selection); other keys go to the window's handler.
func (v *vcontent) TypedKey(ev *fyne.KeyEvent) {
	p := v.p
	if p.sel.shift && p.extendByKey(ev.Name) {
		return
	}
	line := theme.TextSize() * 3
	page := max(p.scroll.Size().Height-line, line)
	switch ev.Name {
	case fyne.KeyEscape:
		p.ClearSelection()
	case fyne.KeyUp:
		p.scrollBy(-line)
	case fyne.KeyDown:
		p.scrollBy(line)
	case fyne.KeyPageUp:
		p.scrollBy(-page)
	case fyne.KeyPageDown, fyne.KeySpace:
		p.scrollBy(page)
	case fyne.KeyHome:
		p.scrollBy(-p.scroll.Offset.Y)
	case fyne.KeyEnd:
		p.scrollBy(p.content.Size().Height)
	default:
		if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
	}
}

// TypedShortcut implements fyne.Shortcutable: copy and select all; other
// shortcuts go to the window's.
func (v *vcontent) TypedShortcut(sc fyne.Shortcut) {
	switch s := sc.(type) {
	case *fyne.ShortcutCopy:
		v.p.copySelection(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		v.p.SelectAll()
	case *desktop.CustomShortcut:
		if s.Modifier == fyne.KeyModifierShift && v.p.extendByKey(s.KeyName) {
			return
		}
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
		}
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
		}
	}
}
