package editor

// GoToLine puts the caret at the start of the 0-based line i (clamped to
// the text) and scrolls that line to the top of the view: for an outline
// or search result jump.
func (s *Source) GoToLine(i int) {
	i = min(max(i, 0), s.buf.LineCount()-1)
	s.SetCursorOffset(s.buf.LineStart(i))
	s.ScrollToLine(i)
}

// SelectInLine selects length bytes from byte column col of the 0-based
// line i (clamped to the line) and scrolls them into view: a folder search
// hit (Line-1, Col, Len).
func (s *Source) SelectInLine(i, col, length int) {
	i = min(max(i, 0), s.buf.LineCount()-1)
	n := s.buf.LineLen(i)
	a := min(max(col, 0), n)
	b := min(max(a+length, a), n)
	start := s.buf.LineStart(i)
	s.ScrollToLine(max(i-3, 0))
	s.Select(Range{start + a, start + b})
}
