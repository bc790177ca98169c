package editor

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"folio/editor/buffer"
	"folio/editor/textwidth"

	"folio/editor/glyphs"
)

// font faces the editor draws with; every hlKind maps to one.
const (
	faceRegular = iota
	faceBold
	faceItalic
	faceMono
	faceCount
)

var kindFace = [hlKinds]int{
	hlText: faceRegular, hlHeading: faceBold, hlBold: faceBold, hlItalic: faceItalic,
	hlCode: faceMono, hlLink: faceRegular, hlURL: faceRegular, hlMarker: faceBold,
	hlMeta: faceBold, hlKey: faceRegular,
}

var faceStyle = [faceCount]fyne.TextStyle{
	faceRegular: {}, faceBold: {Bold: true}, faceItalic: {Italic: true}, faceMono: {Monospace: true},
}

// metrics memoises rune advances for one text size, measured once per rune
// and face with fyne.MeasureText. Han ideographs share one advance per face
// (measured on 中; TestHanAdvanceIsUniform checks the assumption).
type metrics struct {
	size  float32
	lineH float32
	ascii [faceCount][128]float32
	han   [faceCount]float32
	other [faceCount]map[rune]float32
	// cell is the monospace face's column width (its 'M'); a monospace
	// character takes textwidth.Columns cells whatever its font advance
	cell float32
	// offGrid holds the font advance of the monospace characters whose
	// advance is not their columns' width (box drawing ─│└ and other
	// East-Asian-ambiguous symbols, a full em in the CJK monospace font):
	// they are drawn one by one, centred on their cells.
	offGrid map[rune]float32
	// shaped memoises width: pieces of text measured whole
	shaped map[shapedKey]float32
}

func newMetrics(size float32) *metrics {
	m := &metrics{size: size}
	for f := range faceCount {
		st := faceStyle[f]
		for r := rune(32); r < 127; r++ {
			m.ascii[f][r] = measureFace(string(r), size, st, glyphs.ItalicFace(st))
		}
		m.ascii[f]['\t'] = 4 * m.ascii[f][' ']
		m.han[f] = fyne.MeasureText("中", size, st).Width
		m.other[f] = make(map[rune]float32)
		if f == faceMono {
			m.cell = m.ascii[f]['M']
		}
		if h := fyne.MeasureText("Mg中", size, st).Height; h > m.lineH {
			m.lineH = h
		}
	}
	return m
}

// maxShaped caps the memoised widths of shaped pieces.
const maxShaped = 20000

type shapedKey struct {
	s    string
	face int
}

// width is the shaped width of s in a face (kerning included), as a
// canvas.Text of s is drawn. Short pieces are memoised. Monospace text
// with characters off the grid is the sum of its pieces (see gridPieces).
func (m *metrics) width(s string, face int) float32 {
	if len(s) == 1 {
		return m.advance(rune(s[0]), face)
	}
	if len(s) > 1024 {
		return m.measureText(s, face)
	}
	k := shapedKey{s, face}
	if w, ok := m.shaped[k]; ok {
		return w
	}
	if m.shaped == nil || len(m.shaped) >= maxShaped {
		m.shaped = make(map[shapedKey]float32)
	}
	w := m.measureText(s, face)
	m.shaped[shapedKey{strings.Clone(s), face}] = w
	return w
}

// measureText measures s as drawn: one shaped text, or in monospace with
// characters off the grid the sum of its pieces (see gridPieces).
func (m *metrics) measureText(s string, face int) float32 {
	if face == faceMono && m.hasOffGrid(s) {
		var w float32
		m.gridPieces(s, func(_ string, _, pw, _ float32) { w += pw })
		return w
	}
	if face == faceItalic {
		return italicWidth(s, m.size)
	}
	return fyne.MeasureText(s, m.size, faceStyle[face]).Width
}

// italicWidth is the width of s in the italic face as drawn: its Latin
// parts from Fyne's italic face, the rest upright in the theme's
// (glyphs.ItalicSegments; the theme's fonts have no italic).
func italicWidth(s string, size float32) float32 {
	var w float32
	glyphs.ItalicSegments(s, faceStyle[faceItalic], func(seg string, src fyne.Resource) {
		w += measureFace(seg, size, faceStyle[faceItalic], src)
	})
	return w
}

// measureFace is the width of s at size in style, drawn from the font src
// (nil: the theme's).
func measureFace(s string, size float32, style fyne.TextStyle, src fyne.Resource) float32 {
	if src == nil {
		return fyne.MeasureText(s, size, style).Width
	}
	sz, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, size, style, src)
	return sz.Width
}

func (m *metrics) advance(r rune, face int) float32 {
	if r < 128 {
		return m.ascii[face][r]
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return m.han[face]
	}
	if w, ok := m.other[face][r]; ok {
		return w
	}
	var w float32
	if face == faceItalic {
		w = italicWidth(string(r), m.size)
	} else {
		w = fyne.MeasureText(string(r), m.size, faceStyle[face]).Width
	}
	if face == faceMono {
		if grid := float32(textwidth.Columns(r)) * m.cell; grid > 0 && (w < grid-0.5 || w > grid+0.5) {
			if m.offGrid == nil {
				m.offGrid = make(map[rune]float32)
			}
			m.offGrid[r] = w
			w = grid
		}
	}
	m.other[face][r] = w
	return w
}

// hasOffGrid reports whether monospace text s holds a character drawn off
// its font's advance (measuring each non-ASCII character once).
func (m *metrics) hasOffGrid(s string) bool {
	for _, r := range s {
		if r < 128 || r >= 0x4E00 && r <= 0x9FFF {
			continue
		}
		m.advance(r, faceMono)
		if _, ok := m.offGrid[r]; ok {
			return true
		}
	}
	return false
}

// gridPieces splits monospace text into what is drawn as one canvas.Text:
// runs of characters on the grid, shaped whole, and each off-grid
// character alone. fn gets a piece, its x from the start of s, its width
// on the grid and the shift to draw its glyph with so that the glyph is
// centred on its cells.
func (m *metrics) gridPieces(s string, fn func(piece string, x, w, shift float32)) {
	var x float32
	start := 0
	flush := func(end int) {
		if end > start {
			w := m.width(s[start:end], faceMono)
			fn(s[start:end], x, w, 0)
			x += w
		}
	}
	for i, r := range s {
		if r < 128 {
			continue
		}
		adv, off := m.offGrid[r]
		if !off {
			continue
		}
		flush(i)
		// the rune's own length in s: a byte that is not UTF-8 decodes as
		// U+FFFD but is one byte long (RuneLen would say three)
		_, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		w := m.advance(r, faceMono)
		fn(s[i:end], x, w, (w-adv)/2)
		x += w
		start = end
	}
	flush(len(s))
}

// lazyMin is the display length from which a line is wrapped lazily: only
// as far as the view, the cursor or a caller asks. Shorter lines are always
// wrapped whole. Tests lower it to drive the lazy path with short text.
var lazyMin = 16 << 10

// wrapWindow is how many bytes of a long line are wrapped at first; the
// window doubles (up to maxWrapWindow) while wrapping goes on.
var (
	wrapWindow    = 2 << 10
	maxWrapWindow = 64 << 10
)

// lineLayout caches the highlighting and the soft wrap of one logical line
// for the current width.
//
// The spans always cover the whole line; for a long line the highlighter
// leaves checkpoints so that after an edit it resumes at a safe point before
// the edit and stops as soon as it meets the old checkpoints again.
//
// The breaks br are exact from the line start; done tells they reach its
// end. An edit keeps the breaks decided before it and wrapping resumes from
// there when a row past them is asked for. A keystroke shifts the breaks
// after it (every row of a long CJK line moves by one character), so they
// are not redone at once: old keeps the breaks of the text as it was when
// last wrapped whole, whose bytes from hi on are the current ones shifted
// by delta, and wrapping stops redoing rows when a new break meets a
// shifted old one with the same faces after it.
type lineLayout struct {
	lexOK  bool
	st     lexState // the state the spans were lexed with
	inline int      // where the inline part starts; -1: none
	nhead  int      // spans before it
	spans  []span
	cps    []checkpoint
	shared bool // spans is also oldSpans: copy before changing it

	wrapOK bool
	done   bool
	br     buffer.Breaks

	// hangEnd is the end of the line's indent and list or quote markers;
	// rows after the first are drawn hang further right, the width of
	// [0, hangEnd) (a hanging indent, decided when wrapping starts)
	hangEnd int
	hang    float32

	oldOK     bool
	old       buffer.Breaks
	oldSpans  []span
	hi, delta int
	syncFrom  int // faces agree with the old ones from here on; -1: not computed
}

// layout is the widget's view of the buffer: per-line wraps (computed only
// for lines that are shown or walked by the cursor), per-line visual line
// counts (exact once wrapped, estimated before) in a prefix-sum tree for the
// scroll model, and the highlighter's block state at each line start
// (recomputed lazily from the first edited line).
type layout struct {
	buf      *buffer.Buffer
	m        *metrics
	width    float32
	lines    []*lineLayout // nil: never wrapped at this width
	counts   buffer.PrefixSums
	states   []lexState // state at the start of each line, valid below statesOK
	statesOK int
	estBuf   []int
	head     []span // scratch
	cpTail   []checkpoint
	spTail   []span
	wrapped  int // bytes handed to the wrapper so far (tests read it)
	// mono draws every kind in the monospace face (Source.SetMonospace)
	mono bool
	// plain draws every kind as text (a form's field, Source.SetField)
	plain bool
}

// face is the font face text of kind k is drawn in.
func (l *layout) face(k hlKind) int {
	if l.mono {
		return faceMono
	}
	if l.plain {
		return faceRegular
	}
	return kindFace[k]
}

func (l *layout) reset(width float32, m *metrics) {
	l.width, l.m = width, m
	n := l.buf.LineCount()
	if cap(l.lines) >= n {
		l.lines = l.lines[:n]
		clear(l.lines)
	} else {
		l.lines = make([]*lineLayout, n)
	}
	est := l.estBuf[:0]
	for i := range n {
		est = append(est, l.estimateLine(i))
	}
	l.counts.Reset(est)
	l.estBuf = est[:0]
	if cap(l.states) >= n {
		l.states = l.states[:n]
	} else {
		l.states = make([]lexState, n)
	}
	l.statesOK = 0
}

// estimateLine guesses the visual line count of line i without wrapping
// it (from a sample of a long line).
func (l *layout) estimateLine(i int) int {
	n := l.buf.LineLen(i)
	if n <= 64<<10 {
		return l.estimate(l.buf.LineSlice(i, 0, n))
	}
	sample := l.buf.LineSlice(i, 0, 64<<10)
	return max(int(float64(l.estimate(sample))*float64(n)/float64(len(sample))), 1)
}

// estimate guesses the visual line count of a line without wrapping it.
func (l *layout) estimate(s string) int {
	if l.width <= 0 || len(s) == 0 {
		return 1
	}
	var ascii, wide int
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			ascii++
		} else if s[i] >= 0xC0 {
			wide++
		}
	}
	f := l.face(hlText)
	w := float32(ascii)*l.m.ascii[f]['n'] + float32(wide)*l.m.han[f]
	n := int(w/l.width) + 1
	return n
}

// applyAll updates the caches for the changes of one step. When a step
// has several changes (Replace All, indenting lines, their undo), each
// change's byte offsets were taken before the others were made, so a
// line's cached wrap is dropped rather than patched.
func (l *layout) applyAll(chs []buffer.Change) {
	for _, ch := range chs {
		l.apply(ch, len(chs) == 1)
	}
}

// apply updates the caches for a buffer change. With exact false the
// change's offsets may not match the buffer any more (see applyAll).
func (l *layout) apply(ch buffer.Change, exact bool) {
	at := ch.StartLine
	if ch.OldLines == 1 && ch.NewLines == 1 {
		ll := l.lines[at]
		if ll != nil && ll.lexOK && exact {
			ls := l.buf.LineStart(at)
			l.edited(at, ll, ch.Start-ls, ch.OldEnd-ch.Start, ch.NewEnd-ch.Start)
			if ll.wrapOK {
				l.setCount(at, ll)
			}
		} else {
			l.lines[at] = nil
		}
		l.counts.Set(at, max(l.counts.Get(at), 1))
		if l.statesOK > at+1 {
			l.statesOK = at + 1
		}
		return
	}
	ins := make([]*lineLayout, ch.NewLines)
	est := l.estBuf[:0]
	for i := range ch.NewLines {
		est = append(est, l.estimateLine(at+i))
	}
	l.lines = slices.Replace(l.lines, at, at+ch.OldLines, ins...)
	l.counts.Splice(at, ch.OldLines, est)
	l.estBuf = est[:0]
	// The state at the start of line at depends only on the lines above
	// it, so it stays; the new lines after it are recomputed lazily.
	newStates := make([]lexState, ch.NewLines)
	newStates[0] = l.states[at]
	l.states = slices.Replace(l.states, at, at+ch.OldLines, newStates...)
	if l.statesOK > at+1 {
		l.statesOK = at + 1
	}
}

// state returns the highlighter state at the start of line i.
func (l *layout) state(i int) lexState {
	for l.statesOK <= i {
		j := l.statesOK
		st := lexStart
		if j > 0 {
			t := bufSrc(l.buf, j-1)
			st = nextStateSrc(&t, l.states[j-1])
		}
		l.states[j] = st
		l.statesOK++
	}
	return l.states[i]
}

// get returns the layout of line i with its spans up to date. A line
// whose start state changed (a fence opened above it) is lexed again and
// loses its wrap, as its faces changed.
func (l *layout) get(i int) *lineLayout {
	st := l.state(i)
	ll := l.lines[i]
	if ll == nil {
		ll = &lineLayout{}
		l.lines[i] = ll
	}
	if !ll.lexOK || ll.st != st {
		l.lexFull(i, ll, st)
		ll.wrapOK, ll.oldOK, ll.old, ll.oldSpans = false, false, buffer.Breaks{}, nil
	}
	return ll
}

func gridTarget(after int) int { return (after/lexStep + 1) * lexStep }

// lexFull highlights line i from its start.
func (l *layout) lexFull(i int, ll *lineLayout, st lexState) {
	t := bufSrc(l.buf, i)
	if ll.shared {
		ll.spans, ll.shared = nil, false
	}
	ll.spans, _, ll.inline = lexHead(&t, st, ll.spans[:0])
	ll.nhead = len(ll.spans)
	ll.cps = ll.cps[:0]
	if ll.inline >= 0 {
		lx := inlineLex{t: &t, out: ll.spans, cps: ll.cps}
		var target func(int) int
		if t.n >= lazyMin {
			target = gridTarget
		}
		lx.run(ll.inline, target, nil)
		ll.spans, ll.cps = lx.out, lx.cps
	}
	ll.lexOK, ll.st = true, st
}

// edited updates line i's layout for an edit of its bytes [s, s+oldLen)
// into newLen bytes.
func (l *layout) edited(i int, ll *lineLayout, s, oldLen, newLen int) {
	d := newLen - oldLen
	moved := false
	if ll.wrapOK {
		switch {
		case ll.done:
			moved = true
			ll.old, ll.oldSpans, ll.oldOK = ll.br, ll.spans, true
			ll.hi, ll.delta = s+newLen, d
			ll.shared = true
			ll.br = buffer.Breaks{}
		case ll.oldOK:
			ll.hi = max(ll.hi, s+oldLen) + d
			ll.delta += d
		}
		ll.done = false
		ll.syncFrom = -1
	}
	from := l.relex(i, ll, s, oldLen, newLen)
	if !ll.wrapOK {
		return
	}
	if he, h := l.hangOf(i, ll); he != ll.hangEnd || h != ll.hang {
		// the indent or a marker changed: every row may move
		ll.wrapOK, ll.oldOK, ll.old, ll.oldSpans = false, false, buffer.Breaks{}, nil
		return
	}
	// keep the breaks decided before the first byte whose text or face
	// may have changed
	keepTo := min(from, s)
	src := ll.br
	if moved {
		src = ll.old
	}
	keep := sort.SearchInts(src.Decided, keepTo)
	if moved {
		ll.br.At = append(make([]int, 0, keep+64), src.At[:keep]...)
		ll.br.Decided = append(make([]int, 0, keep+64), src.Decided[:keep]...)
	} else {
		ll.br.At, ll.br.Decided = ll.br.At[:keep], ll.br.Decided[:keep]
	}
}

// relex updates the spans of line i after an edit of [s, s+oldLen) into
// newLen bytes and returns the offset from which they may differ.
func (l *layout) relex(i int, ll *lineLayout, s, oldLen, newLen int) int {
	t := bufSrc(l.buf, i)
	hs, _, inline := lexHead(&t, ll.st, l.head[:0])
	l.head = hs
	if ll.inline < 0 || inline != ll.inline || s < inline || !slices.Equal(hs, ll.spans[:ll.nhead]) {
		// the line's kind or its markers changed, or it has no inline
		// part (a heading, a code line): highlight it whole, and when the
		// old spans are few, keep what came before the edit if its faces
		// stayed (a keystroke in a long code line or heading)
		old := l.spTail[:0]
		if len(ll.spans) <= 64 {
			old = append(old, ll.spans...)
			l.spTail = old
		}
		l.lexFull(i, ll, ll.st)
		if len(old) == 0 {
			return 0
		}
		return firstFaceChange(ll.spans, old, 0, s)
	}
	d := newLen - oldLen
	harmless := oldLen == 0 && !strings.ContainsAny(l.buf.LineSlice(i, s, s+newLen), "`*_")
	cps := ll.cps
	k := sort.Search(len(cps), func(k int) bool {
		c := cps[k]
		return c.pos > s || c.horizon > s || (c.failed && !harmless)
	}) - 1
	resume := checkpoint{pos: inline, nspans: ll.nhead}
	if k >= 0 {
		resume = cps[k]
	}
	// the old checkpoints after the edit, shifted, and the old spans after
	// the resume point: the highlighter stops when it meets one of them
	tail := l.cpTail[:0]
	for _, c := range cps[k+1:] {
		if c.pos >= s+oldLen+1 {
			c.pos += d
			c.horizon += d
			tail = append(tail, c)
		}
	}
	l.cpTail = tail
	// the span holding the resume point may go on past it
	tailBase := max(resume.nspans-1, 0)
	spTail := append(l.spTail[:0], ll.spans[tailBase:]...)
	l.spTail = spTail
	if ll.shared {
		ll.spans = append(make([]span, 0, len(ll.spans)+8), ll.spans[:resume.nspans]...)
		ll.shared = false
	} else {
		ll.spans = ll.spans[:resume.nspans]
	}
	if n := len(ll.spans); n > 0 {
		ll.spans[n-1].end = resume.pos
	}
	lx := inlineLex{t: &t, out: ll.spans, cps: cps[:k+1], horizon: resume.horizon, failed: resume.failed}
	j := 0
	editEnd := s + newLen
	target := func(after int) int {
		for j < len(tail) && tail[j].pos <= after {
			j++
		}
		g := gridTarget(after)
		if j < len(tail) && (after >= editEnd || tail[j].pos < g) {
			return tail[j].pos
		}
		return g
	}
	sync := func(cp checkpoint) bool {
		for j < len(tail) && tail[j].pos < cp.pos {
			j++
		}
		if j >= len(tail) || tail[j].pos != cp.pos || cp.pos < editEnd+1 {
			return false
		}
		o := tail[j]
		// the old spans from o on (o.pos is shifted already)
		first := max(o.nspans-1, 0)
		for first < len(spTail)+tailBase && spTail[first-tailBase].end+d <= o.pos {
			first++
		}
		rest := spTail[first-tailBase:]
		before := len(lx.out)
		for x, sp := range rest {
			sp.start += d
			sp.end += d
			if x == 0 {
				lx.out = addSpan(lx.out, max(sp.start, o.pos), sp.end, sp.kind)
				continue
			}
			lx.out = append(lx.out, sp)
		}
		merged := before + len(rest) - len(lx.out)
		for _, c := range tail[j+1:] {
			c.nspans += before - first - merged
			c.horizon = max(c.horizon, cp.horizon)
			c.failed = c.failed || cp.failed
			lx.cps = append(lx.cps, c)
		}
		return true
	}
	lx.run(resume.pos, target, sync)
	ll.spans, ll.cps = lx.out, lx.cps
	return firstFaceChange(ll.spans[tailBase:], spTail, resume.pos, s)
}

// firstFaceChange returns the first offset in [from, to) where the faces
// of spans a and b differ, or to.
func firstFaceChange(a, b []span, from, to int) int {
	ra, rb := faceRuns(a, from, to, 0), faceRuns(b, from, to, 0)
	at := from
	for k := 0; k < len(ra) && k < len(rb); k++ {
		if ra[k] != rb[k] {
			if ra[k].start != rb[k].start || ra[k].face != rb[k].face {
				return max(at, min(ra[k].start, rb[k].start))
			}
			return min(ra[k].end, rb[k].end)
		}
		at = ra[k].end
	}
	if len(ra) != len(rb) {
		return at
	}
	return to
}

// spans returns the highlight spans of line i (valid until its next edit).
func (l *layout) spans(i int) []span {
	return l.get(i).spans
}

// spansIn returns the spans of line i that overlap [a, b).
func (l *layout) spansIn(i, a, b int) []span {
	sp := l.get(i).spans
	k := sort.Search(len(sp), func(k int) bool { return sp[k].end > a })
	e := k
	for e < len(sp) && sp[e].start < b {
		e++
	}
	return sp[k:e]
}

// dispLen is the length of line i as drawn (without a CRLF's '\r').
func (l *layout) dispLen(i int) int {
	n := l.buf.LineLen(i)
	if n > 0 && l.buf.LineSlice(i, n-1, n) == "\r" {
		return n - 1
	}
	return n
}

// need wraps line i until its exact breaks number at least rows and one
// of them is past column col (col < 0: no column asked), or they reach
// the end of the line; a line shorter than lazyMin is wrapped whole.
func (l *layout) need(i, rows, col int) *lineLayout {
	ll := l.get(i)
	if !ll.wrapOK {
		ll.br.At, ll.br.Decided = ll.br.At[:0], ll.br.Decided[:0]
		ll.wrapOK, ll.done, ll.oldOK, ll.old, ll.oldSpans = true, false, false, buffer.Breaks{}, nil
		ll.hangEnd, ll.hang = l.hangOf(i, ll)
	}
	if ll.done {
		return ll
	}
	n := l.dispLen(i)
	if l.width <= 0 || n == 0 {
		ll.done, ll.oldOK, ll.old, ll.oldSpans = true, false, buffer.Breaks{}, nil
		l.setCount(i, ll)
		return ll
	}
	if n < lazyMin {
		rows, col = math.MaxInt, math.MaxInt
	}
	satisfied := func() bool {
		k := len(ll.br.At)
		return k >= rows && (col < 0 || (k > 0 && ll.br.At[k-1] > col))
	}
	if satisfied() {
		return ll
	}
	sp := ll.spans
	si := 0
	var base int
	// the prefix rows hang under takes no room on the first row, which
	// is as wide as the others plus the hang
	hangEnd := ll.hangEnd
	adv := func(off int, r rune) float32 {
		off += base
		if off < hangEnd {
			return 0
		}
		if si >= len(sp) || off < sp[si].start {
			si = sort.Search(len(sp), func(k int) bool { return sp[k].end > off })
		}
		for si < len(sp)-1 && off >= sp[si].end {
			si++
		}
		face := l.face(hlText)
		if si < len(sp) {
			face = l.face(sp[si].kind)
		}
		return l.m.advance(r, face)
	}
	win := wrapWindow
	for {
		from := 0
		if k := len(ll.br.At); k > 0 {
			from = ll.br.At[k-1]
		}
		w := l.buf.LineSlice(i, from, min(n, from+win+utf8.UTFMax))
		if from+len(w) < n || len(w) > win {
			// end the window on a rune start, short of the line's end
			cut := min(win, len(w)-1)
			for cut > 0 && !utf8.RuneStart(w[cut]) {
				cut--
			}
			w = w[:cut]
		}
		base = from
		l.wrapped += len(w)
		got, stopped := false, false
		buffer.WrapFrom(w, 0, l.width-ll.hang, adv, func(bp, at int) bool {
			bp, at = bp+from, at+from
			got = true
			if ll.oldOK && bp >= ll.hi && l.resync(ll, bp, at) {
				stopped = true
				return false
			}
			ll.br.At = append(ll.br.At, bp)
			ll.br.Decided = append(ll.br.Decided, at)
			if satisfied() {
				stopped = true
				return false
			}
			return true
		})
		if stopped {
			break
		}
		if from+len(w) >= n {
			ll.done, ll.oldOK, ll.old, ll.oldSpans = true, false, buffer.Breaks{}, nil
			break
		}
		if !got || win < maxWrapWindow {
			win *= 2
		}
	}
	l.setCount(i, ll)
	return ll
}

// resync reports whether the new break bp (decided at at) meets an old
// break with the same text and faces after it, and then completes the
// breaks from the old ones.
func (l *layout) resync(ll *lineLayout, bp, at int) bool {
	old := ll.old
	j := sort.SearchInts(old.At, bp-ll.delta)
	if j >= len(old.At) || old.At[j] != bp-ll.delta {
		return false
	}
	if ll.syncFrom < 0 {
		ll.syncFrom = faceSyncFrom(ll.spans, ll.oldSpans, ll.delta)
	}
	if bp < ll.syncFrom {
		return false
	}
	ll.br.At = append(ll.br.At, bp)
	ll.br.Decided = append(ll.br.Decided, at)
	for k := j + 1; k < len(old.At); k++ {
		ll.br.At = append(ll.br.At, old.At[k]+ll.delta)
		ll.br.Decided = append(ll.br.Decided, old.Decided[k]+ll.delta)
	}
	ll.done, ll.oldOK, ll.old, ll.oldSpans = true, false, buffer.Breaks{}, nil
	return true
}

// faceSyncFrom returns the offset from which the faces of sp equal those
// of old shifted by delta, comparing from the end of the line.
func faceSyncFrom(sp, old []span, delta int) int {
	a := faceRuns(sp, 0, math.MaxInt, 0)
	b := faceRuns(old, 0, math.MaxInt, delta)
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 0
		}
		return math.MaxInt
	}
	p := math.MaxInt
	for ia, ib := len(a)-1, len(b)-1; ia >= 0 && ib >= 0; ia, ib = ia-1, ib-1 {
		x, y := a[ia], b[ib]
		if x.end != y.end || x.face != y.face {
			break
		}
		p = max(x.start, y.start)
		if x.start != y.start {
			break
		}
	}
	return p
}

// setCount stores the visual line count of line i: exact when its wrap is
// done, else the exact rows plus the old rows after them (or an estimate).
func (l *layout) setCount(i int, ll *lineLayout) {
	k := len(ll.br.At)
	c := k + 1
	if !ll.done {
		last := 0
		if k > 0 {
			last = ll.br.At[k-1]
		}
		switch {
		case ll.oldOK:
			c += len(ll.old.At) - sort.SearchInts(ll.old.At, last-ll.delta+1)
		case k > 0:
			c += int(float64(l.dispLen(i)-last) * float64(k) / float64(last))
		default:
			c = max(c, l.estimateLine(i))
		}
	}
	l.counts.Set(i, max(c, 1))
}

// wrap returns all breaks of line i, wrapping it to its end.
func (l *layout) wrap(i int) []int {
	return l.need(i, math.MaxInt, -1).br.At
}

// rowCount returns the exact number of visual lines of line i.
func (l *layout) rowCount(i int) int {
	return len(l.wrap(i)) + 1
}

// hasRow reports whether line i has a visual line sub.
func (l *layout) hasRow(i, sub int) bool {
	return sub >= 0 && sub <= len(l.need(i, sub, -1).br.At)
}

type faceRun struct{ start, end, face int }

// faceRuns returns the font faces of sp over [a, b), merged and shifted.
func faceRuns(sp []span, a, b, shift int) []faceRun {
	var out []faceRun
	for _, s := range sp {
		lo, hi := max(s.start, a), min(s.end, b)
		if lo >= hi {
			continue
		}
		f := kindFace[s.kind]
		if n := len(out); n > 0 && out[n-1].face == f && out[n-1].end == lo+shift {
			out[n-1].end = hi + shift
			continue
		}
		out = append(out, faceRun{lo + shift, hi + shift, f})
	}
	return out
}

// displayLine drops a trailing '\r' of CRLF text, which is kept in the
// buffer but never drawn.
func displayLine(s string) string {
	if n := len(s); n > 0 && s[n-1] == '\r' {
		return s[:n-1]
	}
	return s
}

// visualRange returns the byte range [start, end) of visual line sub of
// logical line i.
func (l *layout) visualRange(i, sub int) (int, int) {
	br := l.need(i, sub+1, -1).br.At
	end := l.dispLen(i)
	start := 0
	if sub > 0 && sub-1 < len(br) {
		start = br[sub-1]
	}
	if sub < len(br) {
		end = br[sub]
	}
	return start, end
}

// subOf returns which visual line of logical line i holds column col.
func (l *layout) subOf(i, col int) int {
	br := l.need(i, 0, col).br.At
	return sort.SearchInts(br, col+1)
}

// xOf returns the x offset of col within its visual line starting at vs.
func (l *layout) xOf(i, vs, col int) float32 {
	return l.rowIndent(i, vs) + l.measure(i, vs, col)
}

// rowIndent returns how far right the visual line of line i starting at
// byte vs is drawn: the hanging indent on every row but the first.
func (l *layout) rowIndent(i, vs int) float32 {
	if vs <= 0 {
		return 0
	}
	return l.need(i, 0, -1).hang
}

// maxHang bounds the bytes a hanging indent is looked for in.
const maxHang = 512

// hangOf returns the end of the prefix of line i that its wrapped rows
// hang under and its width: the indent and, on a Markdown line, the list
// and quote markers and the spaces after them, so that a long list item
// (or a code line in one) goes on under its text, as Typora and VS Code
// show it. The hang is at most half the width; a form's field has none.
func (l *layout) hangOf(i int, ll *lineLayout) (int, float32) {
	if l.plain || l.width <= 0 {
		return 0, 0
	}
	t := bufSrc(l.buf, i)
	p := min(max(ll.inline, 0), maxHang)
	for p < t.n && p < maxHang && (t.at(p) == ' ' || t.at(p) == '\t') {
		p++
	}
	if p == 0 {
		return 0, 0
	}
	limit := l.width / 2
	var w float32
	sp := ll.spans
	si, end := 0, 0
	pre := t.str(0, p)
	for off := 0; off < len(pre); {
		r, size := utf8.DecodeRuneInString(pre[off:])
		for si < len(sp)-1 && off >= sp[si].end {
			si++
		}
		face := l.face(hlText)
		if si < len(sp) {
			face = l.face(sp[si].kind)
		}
		a := l.m.advance(r, face)
		if w+a > limit {
			break
		}
		w += a
		off += size
		end = off
	}
	return end, w
}

// measure returns the width of bytes [from, to) of line i drawn with its
// faces: each piece of one face is measured as the renderer draws it, one
// shaped string, so pieces drawn side by side meet without a gap (summing
// single rune advances overstates text the font kerns, such as a long URL,
// and left a gap before the next piece: ")也需要").
func (l *layout) measure(i, from, to int) float32 {
	to = min(to, l.buf.LineLen(i))
	if from >= to {
		return 0
	}
	var x float32
	at := from
	for _, s := range l.spansIn(i, from, to) {
		lo, hi := max(s.start, at), min(s.end, to)
		if lo > at { // a gap between spans: regular text
			x += l.m.width(l.buf.LineSlice(i, at, lo), l.face(hlText))
		}
		x += l.m.width(l.buf.LineSlice(i, lo, hi), l.face(s.kind))
		at = hi
	}
	if at < to {
		x += l.m.width(l.buf.LineSlice(i, at, to), l.face(hlText))
	}
	return x
}

// colAt returns the column in visual line [vs, ve) of line i nearest to x.
// rowEnd reports a column at the end of a soft-wrapped visual line, which
// is also the start of the next one.
func (l *layout) colAt(i, vs, ve int, x float32) (col int, rowEnd bool) {
	x -= l.rowIndent(i, vs)
	sp := l.spansIn(i, vs, ve)
	var acc float32
	si := 0
	for off, r := range l.buf.LineSlice(i, vs, ve) {
		off += vs
		for si < len(sp)-1 && off >= sp[si].end {
			si++
		}
		face := l.face(hlText)
		if si < len(sp) {
			face = l.face(sp[si].kind)
		}
		w := l.m.advance(r, face)
		if x < acc+w/2 {
			return off, false
		}
		acc += w
	}
	return ve, ve < l.dispLen(i) && ve > vs
}

// visualIndex returns the global visual line index of (line, sub).
func (l *layout) visualIndex(i, sub int) int {
	return l.counts.Sum(i) + sub
}

// lineAtVisual returns the logical line and sub-line at global visual line
// v, wrapping that line exactly as far as that row first.
func (l *layout) lineAtVisual(v int) (int, int) {
	v = max(v, 0)
	i := l.counts.Find(v)
	l.need(i, v-l.counts.Sum(i)+1, -1)
	sub := v - l.counts.Sum(i)
	return i, min(max(sub, 0), l.counts.Get(i)-1)
}
