package editor

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"folio/editor/buffer"
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
	// shaped memoises width: pieces of text measured whole
	shaped map[shapedKey]float32
}

func newMetrics(size float32) *metrics {
	m := &metrics{size: size}
	for f := range faceCount {
		st := faceStyle[f]
		for r := rune(32); r < 127; r++ {
			m.ascii[f][r] = fyne.MeasureText(string(r), size, st).Width
		}
		m.ascii[f]['\t'] = 4 * m.ascii[f][' ']
		m.han[f] = fyne.MeasureText("中", size, st).Width
		m.other[f] = make(map[rune]float32)
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
// canvas.Text of s is drawn. Short pieces are memoised.
func (m *metrics) width(s string, face int) float32 {
	if len(s) == 1 {
		return m.advance(rune(s[0]), face)
	}
	if len(s) > 1024 {
		return fyne.MeasureText(s, m.size, faceStyle[face]).Width
	}
	k := shapedKey{s, face}
	if w, ok := m.shaped[k]; ok {
		return w
	}
	if m.shaped == nil || len(m.shaped) >= maxShaped {
		m.shaped = make(map[shapedKey]float32)
	}
	w := fyne.MeasureText(s, m.size, faceStyle[face]).Width
	m.shaped[shapedKey{strings.Clone(s), face}] = w
	return w
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
	w := fyne.MeasureText(string(r), m.size, faceStyle[face]).Width
	m.other[face][r] = w
	return w
}

// lineLayout caches the soft wrap of one logical line for the current
// width. After a one-line edit the old breaks and spans are kept with the
// edit's extent (pending) so wrap can use buffer.Rewrap.
type lineLayout struct {
	br      buffer.Breaks
	spans   []span // the spans the breaks were measured with
	ok      bool
	pending bool
	editAt  int // line-local byte offset of the pending edit
	oldLen  int
	newLen  int
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
	scratch  []span
	estBuf   []int
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
		est = append(est, l.estimate(l.buf.Line(i)))
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
	w := float32(ascii)*l.m.ascii[faceRegular]['n'] + float32(wide)*l.m.han[faceRegular]
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
		if ll != nil && ll.ok && exact {
			ls := l.buf.LineStart(at)
			ll.ok, ll.pending = false, true
			ll.editAt, ll.oldLen, ll.newLen = ch.Start-ls, ch.OldEnd-ch.Start, ch.NewEnd-ch.Start
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
		est = append(est, l.estimate(l.buf.Line(at+i)))
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

// state returns the highlighter state at the start of line i. A line
// whose state changes (a fence opened above it) loses its cached wrap, as
// its faces changed.
func (l *layout) state(i int) lexState {
	for l.statesOK <= i {
		j := l.statesOK
		st := lexStart
		if j > 0 {
			st = nextState(l.buf.Line(j-1), l.states[j-1])
		}
		if l.states[j] != st {
			l.states[j] = st
			if ll := l.lines[j]; ll != nil {
				ll.ok = false
				ll.pending = false
			}
		}
		l.statesOK++
	}
	return l.states[i]
}

// spans returns the highlight spans of line i: the ones cached with its
// wrap, or freshly lexed into the layout's scratch slice (valid until the
// next call).
func (l *layout) spans(i int) []span {
	st := l.state(i) // may invalidate the cached wrap
	if ll := l.lines[i]; ll != nil && ll.ok {
		return ll.spans
	}
	l.scratch, _ = lexLine(l.buf.Line(i), st, l.scratch)
	return l.scratch
}

// wrap returns the cached breaks of line i, computing them if needed and
// making its visual line count exact.
func (l *layout) wrap(i int) []int {
	ll := l.lines[i]
	if ll == nil {
		ll = &lineLayout{}
		l.lines[i] = ll
	}
	if ll.ok {
		return ll.br.At
	}
	line := displayLine(l.buf.Line(i))
	sp := l.spans(i)
	var br buffer.Breaks
	if l.width > 0 && len(line) > 0 {
		si := 0
		adv := func(off int, r rune) float32 {
			if si >= len(sp) || off < sp[si].start {
				si = 0
			}
			for si < len(sp)-1 && off >= sp[si].end {
				si++
			}
			face := faceRegular
			if si < len(sp) {
				face = kindFace[sp[si].kind]
			}
			return l.m.advance(r, face)
		}
		oldLen := len(line) - ll.newLen + ll.oldLen
		if ll.pending && ll.editAt+ll.newLen <= len(line) &&
			slices.Equal(faceRuns(ll.spans, 0, ll.editAt, 0), faceRuns(sp, 0, ll.editAt, 0)) &&
			slices.Equal(faceRuns(ll.spans, ll.editAt+ll.oldLen, oldLen, ll.newLen-ll.oldLen), faceRuns(sp, ll.editAt+ll.newLen, len(line), 0)) {
			br = buffer.Rewrap(line, l.width, adv, ll.br, ll.editAt, ll.oldLen, ll.newLen)
		} else {
			br = buffer.WrapLine(line, l.width, adv)
		}
	}
	*ll = lineLayout{br: br, spans: append(ll.spans[:0], sp...), ok: true}
	l.counts.Set(i, len(br.At)+1)
	return br.At
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
	br := l.wrap(i)
	end := len(displayLine(l.buf.Line(i)))
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
	br := l.wrap(i)
	sub := 0
	for sub < len(br) && col >= br[sub] {
		sub++
	}
	return sub
}

// xOf returns the x offset of col within its visual line starting at vs.
func (l *layout) xOf(i, vs, col int) float32 {
	return l.measure(l.buf.Line(i), l.spans(i), vs, col)
}

// measure returns the width of line[from:to] drawn with the faces of sp:
// each piece of one face is measured as the renderer draws it, one shaped
// string, so pieces drawn side by side meet without a gap (summing single
// rune advances overstates text the font kerns, such as a long URL, and
// left a gap before the next piece: ")也需要").
func (l *layout) measure(line string, sp []span, from, to int) float32 {
	to = min(to, len(line))
	if from >= to {
		return 0
	}
	var x float32
	at := from
	for _, s := range sp {
		if s.end <= at {
			continue
		}
		if s.start >= to {
			break
		}
		lo, hi := max(s.start, at), min(s.end, to)
		if lo > at { // a gap between spans: regular text
			x += l.m.width(line[at:lo], faceRegular)
		}
		x += l.m.width(line[lo:hi], kindFace[s.kind])
		at = hi
	}
	if at < to {
		x += l.m.width(line[at:to], faceRegular)
	}
	return x
}

// colAt returns the column in visual line [vs, ve) of line i nearest to x.
// rowEnd reports a column at the end of a soft-wrapped visual line, which
// is also the start of the next one.
func (l *layout) colAt(i, vs, ve int, x float32) (col int, rowEnd bool) {
	line := l.buf.Line(i)
	sp := l.spans(i)
	var acc float32
	si := 0
	for off, r := range line[vs:ve] {
		off += vs
		for si < len(sp)-1 && off >= sp[si].end {
			si++
		}
		face := faceRegular
		if si < len(sp) {
			face = kindFace[sp[si].kind]
		}
		w := l.m.advance(r, face)
		if x < acc+w/2 {
			return off, false
		}
		acc += w
	}
	return ve, ve < len(displayLine(line)) && ve > vs
}

// visualIndex returns the global visual line index of (line, sub).
func (l *layout) visualIndex(i, sub int) int {
	return l.counts.Sum(i) + sub
}

// lineAtVisual returns the logical line and sub-line at global visual line
// v, wrapping that line exactly first.
func (l *layout) lineAtVisual(v int) (int, int) {
	v = max(v, 0)
	i := l.counts.Find(v)
	l.wrap(i)
	sub := v - l.counts.Sum(i)
	return i, min(max(sub, 0), l.counts.Get(i)-1)
}
