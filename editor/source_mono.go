package editor

// SetMonospace draws all the text in the monospace face when on, headings,
// emphasis and links included (they keep their colours): every character
// takes whole columns, a Han character two, so the lines of a comparison
// line up column by column. Off (the default), only code is monospace.
func (s *Source) SetMonospace(on bool) {
	if s.lay.mono == on {
		return
	}
	s.lay.mono = on
	s.relayout()
	s.Refresh()
}

// Monospace reports whether all the text is drawn in the monospace face.
func (s *Source) Monospace() bool { return s.lay.mono }
