package editor

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"folio/editor/buffer"
)

// MarkKind says what a marked range of lines is; each kind has its own
// tint.
type MarkKind uint8

// The kinds of marks (after a merge: where the lines came from).
const (
	// MarkMine: lines that are my change.
	MarkMine MarkKind = iota + 1
	// MarkTheirs: lines that came from the other side (the file on disk).
	MarkTheirs
	// MarkConflict: an overlap of both sides, kept with both versions.
	MarkConflict
	// MarkDeleted: lines a comparison shows as taken out (in the error
	// colour).
	MarkDeleted
	// MarkInserted: lines a comparison shows as put in (in the success
	// colour).
	MarkInserted
)

// SpanMark tints the characters of a byte range of the text with a
// stronger band of its Kind's colour than a line mark: the words and
// characters that changed inside a changed line of a comparison. Span
// marks are for read-only text: SetText clears them, and they do not
// follow edits.
type SpanMark struct {
	Range
	Kind MarkKind
}

// SetSpanMarks replaces the span marks (nil clears them).
func (s *Source) SetSpanMarks(marks []SpanMark) {
	s.spanMarks = marks
	s.Refresh()
}

// Mark tints whole logical lines [FromLine, ToLine) (0-based) with the
// background of its Kind. Marks follow the text: an edit above a mark moves
// it, an edit of its text (or one that joins text onto its lines) removes
// it, and SetText removes them all.
type Mark struct {
	FromLine, ToLine int
	Kind             MarkKind
}

// lineMark is a Mark with the byte range of its lines, start (the first
// line's start) to end (the last line's end, before its newline), so an
// edit can be told to be inside, above or below it.
type lineMark struct {
	Mark
	start, end int
}

// SetMarks replaces the marks (nil clears them). Marks with no lines or
// of no known kind are dropped, ranges are clamped to the text, and a mark
// overlapping an earlier one (by FromLine) starts after it.
func (s *Source) SetMarks(marks []Mark) {
	ms := make([]Mark, 0, len(marks))
	n := s.buf.LineCount()
	for _, m := range marks {
		m.FromLine, m.ToLine = max(m.FromLine, 0), min(m.ToLine, n)
		if m.FromLine < m.ToLine && m.Kind >= MarkMine && m.Kind <= MarkInserted {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].FromLine < ms[b].FromLine })
	s.marks = s.marks[:0]
	next := 0
	for _, m := range ms {
		m.FromLine = max(m.FromLine, next)
		if m.FromLine >= m.ToLine {
			continue
		}
		next = m.ToLine
		s.marks = append(s.marks, lineMark{Mark: m, start: s.buf.LineStart(m.FromLine),
			end: s.buf.LineStart(m.ToLine-1) + len(s.buf.Line(m.ToLine-1))})
	}
	s.Refresh()
}

// Marks returns the marks as they are now (moved by the edits since
// SetMarks), in order of their lines.
func (s *Source) Marks() []Mark {
	out := make([]Mark, len(s.marks))
	for i, m := range s.marks {
		out[i] = m.Mark
	}
	return out
}

// NextMark returns the first mark of kind that starts after line (around
// to the first one when there is none below), and whether there is one.
func (s *Source) NextMark(kind MarkKind, line int) (Mark, bool) {
	var first *Mark
	for i := range s.marks {
		m := &s.marks[i].Mark
		if m.Kind != kind {
			continue
		}
		if m.FromLine > line {
			return *m, true
		}
		if first == nil {
			first = m
		}
	}
	if first == nil {
		return Mark{}, false
	}
	return *first, true
}

// GoToNextMark moves the cursor to the start of the next mark of kind
// after the cursor's line (around to the first) and scrolls it into view.
// It reports whether there was one.
func (s *Source) GoToNextMark(kind MarkKind) bool {
	m, ok := s.NextMark(kind, s.CursorLine())
	if !ok {
		return false
	}
	s.SetCursorOffset(s.buf.LineStart(m.FromLine))
	return true
}

// marksEdited moves the marks after the changes of one edit step: a mark
// above or below an edit stays with its lines, one whose text the edit
// touched goes. A step of several changes (Replace All, indenting lines)
// keeps only the marks above all of them: their offsets were taken
// before the others were made.
func (s *Source) marksEdited(chs ...buffer.Change) {
	if len(s.marks) == 0 || len(chs) == 0 {
		return
	}
	if len(chs) > 1 {
		first := chs[0].Start
		for _, ch := range chs {
			first = min(first, ch.Start)
		}
		kept := s.marks[:0]
		for _, m := range s.marks {
			if m.end < first {
				kept = append(kept, m)
			}
		}
		s.marks = kept
		return
	}
	ch := chs[0]
	delta := (ch.NewEnd - ch.Start) - (ch.OldEnd - ch.Start)
	lines := ch.NewLines - ch.OldLines
	// The edit ends at a line start of the new text (a whole-line
	// insertion or deletion): the line that follows it is untouched.
	endsAtLineStart := s.buf.OffsetToPos(ch.NewEnd).Col == 0
	kept := s.marks[:0]
	for _, m := range s.marks {
		switch {
		case ch.Start > m.end:
			// below the mark (or on a later line): nothing moves
		case ch.OldEnd < m.start || ch.OldEnd == m.start && endsAtLineStart:
			// The edit's old lines end at or before the mark's first line
			// (which it kept whole): the mark moves by the lines it added.
			m.start += delta
			m.end += delta
			m.FromLine += lines
			m.ToLine += lines
		default:
			continue // its text was edited: the mark goes
		}
		kept = append(kept, m)
	}
	s.marks = kept
}

// markAt returns the mark over logical line i, if any.
func (s *Source) markAt(i int) (Mark, bool) {
	k := sort.Search(len(s.marks), func(j int) bool { return s.marks[j].ToLine > i })
	if k < len(s.marks) && s.marks[k].FromLine <= i {
		return s.marks[k].Mark, true
	}
	return Mark{}, false
}

// markStripe is the width of the solid stripe at a marked line's left edge.
const markStripe = 3

// drawMark draws the background of a marked line's visual row at y (a
// tinted band across the text and a solid stripe at the left edge) with
// pooled rectangles from nr on, and returns the next free one. The band is
// drawn before the selection and find matches of the row, so they show
// over it.
func (r *sourceRenderer) drawMark(line int, y, lh float32, nr int) int {
	m, ok := r.s.markAt(line)
	if !ok {
		return nr
	}
	band, edge := MarkColors(r.s.Theme(), fyne.CurrentApp().Settings().ThemeVariant(), m.Kind)
	w := r.s.viewSize.Width - barSize
	rc := r.rect(nr)
	rc.FillColor = band
	setRect(rc, fyne.NewPos(0, y), fyne.NewSize(w, lh))
	rc = r.rect(nr + 1)
	rc.FillColor = edge
	setRect(rc, fyne.NewPos(0, y), fyne.NewSize(markStripe, lh))
	return nr + 2
}

// spanColor is the band of a span mark: its kind's colour, stronger than
// a line's band so that it shows over it.
func spanColor(th fyne.Theme, v fyne.ThemeVariant, k MarkKind) color.Color {
	band, _ := MarkColors(th, v, k)
	c := band.(color.NRGBA)
	c.A = uint8(min(int(c.A)*5/2, 0xff))
	return c
}

// MarkColors returns a mark kind's band (the theme colour, translucent)
// and stripe (the theme colour) for the theme and variant: conflicts in
// the error colour, mine in the primary colour, theirs in the success
// colour. The band is a little stronger on a dark background.
func MarkColors(th fyne.Theme, v fyne.ThemeVariant, k MarkKind) (band, edge color.Color) {
	name := theme.ColorNamePrimary
	switch k {
	case MarkTheirs, MarkInserted:
		name = theme.ColorNameSuccess
	case MarkConflict, MarkDeleted:
		name = theme.ColorNameError
	}
	c := color.NRGBAModel.Convert(th.Color(name, v)).(color.NRGBA)
	edge = color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0xff}
	c.A = 0x38
	if bg := color.GrayModel.Convert(th.Color(theme.ColorNameInputBackground, v)).(color.Gray); bg.Y < 0x80 {
		c.A = 0x50 // on a dark background a faint tint would not show
	}
	return c, edge
}
