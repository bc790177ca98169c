package editor

import "testing"

func TestGoToLine(t *testing.T) {
	text := ""
	for i := range 200 {
		text += "line " + string(rune('a'+i%26)) + " 中文\n"
	}
	s, _ := newTestSource(t, text)
	s.GoToLine(150)
	if s.CursorLine() != 150 || s.CursorColumn() != 0 {
		t.Errorf("caret at %d:%d, want 150:0", s.CursorLine(), s.CursorColumn())
	}
	if s.FirstVisibleLine() != 150 {
		t.Errorf("first visible line %d, want 150", s.FirstVisibleLine())
	}
	s.GoToLine(10_000)
	if s.CursorLine() != s.LineCount()-1 {
		t.Errorf("clamped to %d", s.CursorLine())
	}
	s.SelectInLine(120, 7, 6) // 中文
	if got := s.SelectedText(); got != "中文" {
		t.Errorf("selected %q", got)
	}
	if fv := s.FirstVisibleLine(); fv > 120 || fv < 100 {
		t.Errorf("line 120 not in view: first visible %d", fv)
	}
	s.SelectInLine(5, 100, 10) // past the line's end: clamped
	if got := s.SelectedText(); got != "" || s.CursorLine() != 5 {
		t.Errorf("clamped selection %q on line %d", got, s.CursorLine())
	}
}
