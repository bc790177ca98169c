package editor

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

func TestThemeAware(t *testing.T) {
	s, _ := newTestSource(t, "# 标题\n正文")
	r := test.WidgetRenderer(s).(*sourceRenderer)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
		s.Refresh()
		if want := theme.DefaultTheme().Color(theme.ColorNameInputBackground, v); r.bg.FillColor != want {
			t.Errorf("variant %d: background %v, want %v", v, r.bg.FillColor, want)
		}
		fg := theme.DefaultTheme().Color(theme.ColorNameForeground, v)
		found := false
		for _, o := range r.texts {
			if o.Visible() && o.Text == "正文" {
				found = true
				if o.Color != fg {
					t.Errorf("variant %d: text color %v, want %v", v, o.Color, fg)
				}
			}
		}
		if !found {
			t.Fatal("body text not drawn")
		}
	}
}

func TestTextSize(t *testing.T) {
	s, _ := newTestSource(t, strings.Repeat("字", 30))
	small := len(visibleTexts(s))
	s.SetTextSize(40)
	if s.TextSize() != 40 || s.metrics().size != 40 {
		t.Fatalf("TextSize %v", s.TextSize())
	}
	r := test.WidgetRenderer(s).(*sourceRenderer)
	for _, o := range r.texts {
		if o.Visible() && o.TextSize != 40 {
			t.Errorf("text drawn at size %v", o.TextSize)
		}
	}
	if big := len(visibleTexts(s)); big <= small {
		t.Errorf("a bigger font should wrap into more rows: %d vs %d", big, small)
	}
	s.SetTextSize(0)
	if s.TextSize() != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Errorf("size 0 should follow the theme, got %v", s.TextSize())
	}
}

func TestCursorCallbacksAndPosition(t *testing.T) {
	s, _ := newTestSource(t, "ab\n中文字\n")
	var line, col int
	calls := 0
	s.OnCursorMoved = func(l, c int) { line, col, calls = l, c, calls+1 }
	key(s, fyne.KeyDown)
	key(s, fyne.KeyRight)
	key(s, fyne.KeyRight)
	if line != 1 || col != 2 || s.CursorLine() != 1 || s.CursorColumn() != 2 || calls != 3 {
		t.Fatalf("cursor at %d:%d (%d:%d), %d calls", line, col, s.CursorLine(), s.CursorColumn(), calls)
	}
	if s.CursorOffset() != len("ab\n中文") {
		t.Errorf("offset %d", s.CursorOffset())
	}
	ctrl(s, fyne.KeyEnd)
	if s.CursorOffset() != s.Len() || line != 2 {
		t.Errorf("Ctrl+End: offset %d line %d", s.CursorOffset(), line)
	}
	ctrl(s, fyne.KeyHome, fyne.KeyModifierShift)
	if s.SelectedText() != s.Text() {
		t.Errorf("Ctrl+Shift+Home selected %q", s.SelectedText())
	}
	key(s, fyne.KeyRight) // collapses to the selection end
	if s.CursorOffset() != s.Len() {
		t.Errorf("Right on a selection goes to its end, got %d", s.CursorOffset())
	}
}

func TestPageKeys(t *testing.T) {
	s, _ := newTestSource(t, strings.Repeat("行\n", 300))
	key(s, fyne.KeyPageDown)
	page := s.CursorLine()
	if page < 10 || page > 40 {
		t.Fatalf("PageDown moved to line %d", page)
	}
	key(s, fyne.KeyPageDown)
	if s.CursorLine() != 2*page {
		t.Errorf("second PageDown at %d, want %d", s.CursorLine(), 2*page)
	}
	if s.FirstVisibleLine() == 0 {
		t.Error("PageDown should scroll")
	}
	key(s, fyne.KeyPageUp)
	key(s, fyne.KeyPageUp)
	if s.CursorLine() != 0 {
		t.Errorf("PageUp twice at %d", s.CursorLine())
	}
}

func TestWordDeleteAndJumpCJK(t *testing.T) {
	s, _ := newTestSource(t, "使用Go语言 开发")
	s.SetCursorOffset(s.Len())
	ctrl(s, fyne.KeyLeft)
	if s.CursorOffset() != len("使用Go语言 ") {
		t.Fatalf("Ctrl+Left over a CJK run: %d", s.CursorOffset())
	}
	ctrl(s, fyne.KeyLeft)
	ctrl(s, fyne.KeyLeft)
	if s.CursorOffset() != len("使用") {
		t.Fatalf("Ctrl+Left twice more: %q", s.Text()[:s.CursorOffset()])
	}
	ctrl(s, fyne.KeyDelete)
	if s.Text() != "使用语言 开发" {
		t.Fatalf("Ctrl+Delete: %q", s.Text())
	}
	ctrl(s, fyne.KeyBackspace)
	if s.Text() != "语言 开发" {
		t.Fatalf("Ctrl+Backspace: %q", s.Text())
	}
}

func TestCRLFIsKept(t *testing.T) {
	text := "- a\r\nb\r\n"
	s, _ := newTestSource(t, text)
	key(s, fyne.KeyEnd)
	if s.CursorOffset() != len("- a") {
		t.Fatalf("End stops before \\r: %d", s.CursorOffset())
	}
	key(s, fyne.KeyReturn)
	test.Type(s, "x")
	if s.Text() != "- a\r\n- x\r\nb\r\n" {
		t.Fatalf("Enter in CRLF text: %q", s.Text())
	}
	key(s, fyne.KeyRight)
	key(s, fyne.KeyRight)
	if s.CursorOffset() != len("- a\r\n- x\r\nb") {
		t.Errorf("Right steps over \\r\\n as one: %d", s.CursorOffset())
	}
	for _, row := range visibleTexts(s) {
		if strings.Contains(row, "\r") {
			t.Errorf("\\r drawn in %q", row)
		}
	}
}

func TestReplaceRangeKeepsCursor(t *testing.T) {
	s, _ := newTestSource(t, "---\ntitle: 旧\n---\n正文")
	changed := false
	s.OnChanged = func() { changed = true }
	body := strings.Index(s.Text(), "正文")
	s.SetCursorOffset(body + len("正"))
	old := strings.Index(s.Text(), "旧")
	s.ReplaceRange(Range{old, old + len("旧")}, "新的标题")
	if s.Text() != "---\ntitle: 新的标题\n---\n正文" {
		t.Fatal(s.Text())
	}
	if changed {
		t.Error("ReplaceRange must not call OnChanged")
	}
	if got := s.Text()[:s.CursorOffset()]; !strings.HasSuffix(got, "\n正") {
		t.Errorf("cursor moved to %q", got)
	}
	s.Undo()
	if s.Text() != "---\ntitle: 旧\n---\n正文" {
		t.Errorf("undo ReplaceRange: %q", s.Text())
	}
}

func TestScrollBarStripIgnoresClicks(t *testing.T) {
	s, _ := newTestSource(t, strings.Repeat("一行\n", 200))
	s.SetCursorOffset(3)
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(s.Size().Width-2, 50)}, Button: desktop.MouseButtonPrimary})
	if s.CursorOffset() != 3 {
		t.Errorf("a press on the scroll bar moved the cursor to %d", s.CursorOffset())
	}
	r := test.WidgetRenderer(s).(*sourceRenderer)
	if !r.thumb.Visible() {
		t.Fatal("thumb hidden on a long text")
	}
	r.thumb.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 100}})
	first := s.FirstVisibleLine()
	if first == 0 {
		t.Error("dragging the thumb did not scroll")
	}
	s.Tapped(&fyne.PointEvent{Position: fyne.NewPos(s.Size().Width-2, s.Size().Height-2)})
	if got := s.FirstVisibleLine(); got <= first || s.CursorOffset() != 3 {
		t.Errorf("a click on the track below the thumb: first line %d (was %d), cursor %d", got, first, s.CursorOffset())
	}
}
