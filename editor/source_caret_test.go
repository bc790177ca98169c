package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestCaretRectFollowsTheDrawnCaret(t *testing.T) {
	s, w := newTestSource(t, "ABC\n第二行")
	var calls []fyne.Position
	s.OnCaretMoved = func(pos fyne.Position, h float32) {
		if h != s.metrics().lineH {
			t.Errorf("caret height %v, want the line height %v", h, s.metrics().lineH)
		}
		calls = append(calls, pos)
	}
	pos, h, ok := s.CaretRect()
	if !ok || h <= 0 {
		t.Fatalf("focused editor: CaretRect() = %v, %v, %v", pos, h, ok)
	}
	start := pos

	s.TypedRune('x')
	pos, _, _ = s.CaretRect()
	if pos.Y != start.Y || pos.X <= start.X {
		t.Errorf("after typing, caret %v, want right of %v on the same line", pos, start)
	}
	key(s, fyne.KeyDown)
	down, _, _ := s.CaretRect()
	if down.Y <= pos.Y {
		t.Errorf("after Down, caret %v, want below %v", down, pos)
	}
	if len(calls) != 2 || calls[0] != pos || calls[1] != down {
		t.Errorf("OnCaretMoved got %v, want [%v %v]", calls, pos, down)
	}

	w.Canvas().Unfocus()
	if _, _, ok := s.CaretRect(); ok {
		t.Error("CaretRect ok without focus")
	}
	n := len(calls)
	w.Canvas().Focus(s)
	if len(calls) != n+1 || calls[n] != down {
		t.Errorf("focus again: OnCaretMoved got %v, want one more call at %v", calls[n:], down)
	}
}

func TestCaretRectScrolls(t *testing.T) {
	s, _ := newTestSource(t, strings.Repeat("行\n", 200))
	top, _, ok := s.CaretRect()
	if !ok {
		t.Fatal("no caret at the top")
	}
	moved := 0
	s.OnCaretMoved = func(fyne.Position, float32) { moved++ }
	s.SetCursorOffset(len("行\n") * 199)
	bottom, _, ok := s.CaretRect()
	if !ok || bottom.Y <= top.Y || bottom.Y > 600 {
		t.Fatalf("caret at the last line: %v ok=%v, want in view below %v", bottom, ok, top)
	}
	s.ScrollToLine(0)
	if _, _, ok := s.CaretRect(); ok {
		t.Error("CaretRect ok with the caret scrolled out of view")
	}
	if moved != 1 {
		t.Errorf("OnCaretMoved called %d times, want 1 (only while the caret is shown)", moved)
	}
}
