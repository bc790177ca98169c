package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestSource puts a Source with text in a focused 800x600 test window.
func newTestSource(t testing.TB, text string) (*Source, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := NewSource()
	s.SetText(text)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(800, 600))
	w.Canvas().Focus(s)
	return s, w
}

func key(s *Source, name fyne.KeyName) { s.TypedKey(&fyne.KeyEvent{Name: name}) }

func shiftKey(s *Source, name fyne.KeyName) {
	s.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	s.TypedKey(&fyne.KeyEvent{Name: name})
	s.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func ctrl(s *Source, name fyne.KeyName, mods ...fyne.KeyModifier) {
	m := fyne.KeyModifierControl
	for _, x := range mods {
		m |= x
	}
	s.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: m})
}

// visibleTexts returns the drawn text runs joined per visual line (by y).
func visibleTexts(s *Source) []string {
	r := test.WidgetRenderer(s).(*sourceRenderer)
	var ys []float32
	rows := map[float32]string{}
	for _, t := range r.texts {
		if !t.Visible() {
			continue
		}
		y := t.Position().Y
		if _, ok := rows[y]; !ok {
			ys = append(ys, y)
		}
		rows[y] += t.Text
	}
	out := make([]string, 0, len(ys))
	for _, y := range ys {
		out = append(out, rows[y])
	}
	return out
}

func TestTyping(t *testing.T) {
	s, _ := newTestSource(t, "")
	changed := 0
	s.OnChanged = func() { changed++ }
	test.Type(s, "你好 world")
	if got := s.Text(); got != "你好 world" {
		t.Fatalf("Text = %q", got)
	}
	if changed != 8 {
		t.Errorf("OnChanged called %d times, want 8", changed)
	}
	if s.CursorOffset() != len("你好 world") || s.CursorColumn() != 8 {
		t.Errorf("cursor %d col %d", s.CursorOffset(), s.CursorColumn())
	}
	key(s, fyne.KeyBackspace)
	key(s, fyne.KeyLeft)
	key(s, fyne.KeyLeft)
	test.Type(s, "中")
	if got := s.Text(); got != "你好 wo中rl" {
		t.Fatalf("Text = %q", got)
	}
	key(s, fyne.KeyHome)
	key(s, fyne.KeyDelete)
	if got := s.Text(); got != "好 wo中rl" {
		t.Fatalf("Text = %q", got)
	}
	s.SetText("reload")
	if changed != 11 {
		t.Errorf("SetText must not call OnChanged (count %d)", changed)
	}
	if s.CanUndo() {
		t.Error("SetText must start a fresh undo history")
	}
	if got := visibleTexts(s); len(got) != 1 || got[0] != "reload" {
		t.Errorf("rendered %q", got)
	}
}

func TestReadOnly(t *testing.T) {
	s, _ := newTestSource(t, "abc")
	s.SetReadOnly(true)
	test.Type(s, "x")
	key(s, fyne.KeyBackspace)
	key(s, fyne.KeyReturn)
	if s.Text() != "abc" {
		t.Fatalf("read-only text changed: %q", s.Text())
	}
	shiftKey(s, fyne.KeyRight)
	if s.SelectedText() != "a" {
		t.Errorf("selection in read-only: %q", s.SelectedText())
	}
}

func TestSelectionAndClipboard(t *testing.T) {
	s, _ := newTestSource(t, "hello 世界和平 end")
	key(s, fyne.KeyHome)
	ctrl(s, fyne.KeyRight)
	ctrl(s, fyne.KeyRight, fyne.KeyModifierShift)
	if got := s.SelectedText(); got != " 世界和平" {
		t.Fatalf("Ctrl+Shift+Right selected %q", got)
	}
	s.TypedShortcut(&fyne.ShortcutCut{})
	if s.Text() != "hello end" {
		t.Fatalf("after cut %q", s.Text())
	}
	if got := fyne.CurrentApp().Clipboard().Content(); got != " 世界和平" {
		t.Fatalf("clipboard %q", got)
	}
	key(s, fyne.KeyEnd)
	s.TypedShortcut(&fyne.ShortcutPaste{})
	if s.Text() != "hello end 世界和平" {
		t.Fatalf("after paste %q", s.Text())
	}
	shiftKey(s, fyne.KeyLeft)
	shiftKey(s, fyne.KeyLeft)
	s.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != "和平" {
		t.Fatalf("copied %q", got)
	}
	s.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s.SelectedText() != s.Text() {
		t.Fatalf("select all %q", s.SelectedText())
	}
	test.Type(s, "新")
	if s.Text() != "新" {
		t.Fatalf("typing over selection %q", s.Text())
	}
	r := test.WidgetRenderer(s).(*sourceRenderer)
	if !r.cursor.Visible() {
		t.Error("cursor should show in a focused editor")
	}
}

func TestSelectionIsDrawn(t *testing.T) {
	s, _ := newTestSource(t, "abc\ndef")
	s.Select(Range{1, 6})
	r := test.WidgetRenderer(s).(*sourceRenderer)
	n := 0
	for _, rc := range r.rects {
		if rc.Visible() {
			n++
			if rc.Size().Width <= 0 {
				t.Errorf("empty selection rect %v", rc.Size())
			}
		}
	}
	if n != 2 {
		t.Errorf("%d selection rects, want 2", n)
	}
}

func TestUndoRedo(t *testing.T) {
	s, _ := newTestSource(t, "start")
	key(s, fyne.KeyEnd)
	test.Type(s, " 一二三")
	key(s, fyne.KeyLeft)
	test.Type(s, "x")
	if s.Text() != "start 一二x三" {
		t.Fatal(s.Text())
	}
	s.TypedShortcut(&fyne.ShortcutUndo{})
	if s.Text() != "start 一二三" {
		t.Fatalf("undo 1: %q", s.Text())
	}
	s.TypedShortcut(&fyne.ShortcutUndo{})
	if s.Text() != "start" || s.CursorOffset() != 5 {
		t.Fatalf("undo 2: %q cursor %d", s.Text(), s.CursorOffset())
	}
	ctrl(s, fyne.KeyZ, fyne.KeyModifierShift)
	if s.Text() != "start 一二三" {
		t.Fatalf("Ctrl+Shift+Z: %q", s.Text())
	}
	s.TypedShortcut(&fyne.ShortcutRedo{})
	if s.Text() != "start 一二x三" {
		t.Fatalf("Ctrl+Y: %q", s.Text())
	}
}

func TestListContinuation(t *testing.T) {
	tests := []struct {
		name, text, typed, want string
	}{
		{"bullet", "- one", "\ntwo", "- one\n- two"},
		{"ordered", "1. one", "\ntwo", "1. one\n2. two"},
		{"task", "- [x] done", "\nnext", "- [x] done\n- [ ] next"},
		{"nested", "  * a", "\nb", "  * a\n  * b"},
		{"quote", "> said", "\nmore", "> said\n> more"},
		{"ends on empty item", "- one", "\n\n\nafter", "- one\n\nafter"},
		{"empty item removes marker", "- one", "\n\n", "- one\n"},
		{"plain keeps indent", "    code", "\nx", "    code\n    x"},
		{"plain", "text", "\nx", "text\nx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestSource(t, tt.text)
			s.SetCursorOffset(len(tt.text))
			for _, r := range tt.typed {
				if r == '\n' {
					key(s, fyne.KeyReturn)
				} else {
					s.TypedRune(r)
				}
			}
			if s.Text() != tt.want {
				t.Errorf("got %q, want %q", s.Text(), tt.want)
			}
		})
	}
}

func TestIndent(t *testing.T) {
	s, _ := newTestSource(t, "- a\n- b\nc")
	s.Select(Range{0, 5})
	key(s, fyne.KeyTab)
	if s.Text() != "  - a\n  - b\nc" {
		t.Fatalf("indent: %q", s.Text())
	}
	if s.SelectedText() != "- a\n  -" {
		t.Errorf("selection after indent %q", s.SelectedText())
	}
	shiftKey(s, fyne.KeyTab)
	if s.Text() != "- a\n- b\nc" {
		t.Fatalf("outdent: %q", s.Text())
	}
	s.TypedShortcut(&fyne.ShortcutUndo{})
	if s.Text() != "  - a\n  - b\nc" {
		t.Fatalf("undo outdent: %q", s.Text())
	}
	s.SetCursorOffset(s.Len())
	key(s, fyne.KeyTab)
	if s.Text() != "  - a\n  - b\nc  " {
		t.Fatalf("tab in text: %q", s.Text())
	}
}

func TestMarkdownShortcuts(t *testing.T) {
	s, _ := newTestSource(t, "粗体 text")
	s.Select(Range{0, len("粗体")})
	ctrl(s, fyne.KeyB)
	if s.Text() != "**粗体** text" || s.SelectedText() != "粗体" {
		t.Fatalf("Ctrl+B: %q sel %q", s.Text(), s.SelectedText())
	}
	ctrl(s, fyne.KeyB)
	if s.Text() != "粗体 text" {
		t.Fatalf("Ctrl+B toggle: %q", s.Text())
	}
	s.SetCursorOffset(s.Len())
	ctrl(s, fyne.KeyI)
	test.Type(s, "it")
	if s.Text() != "粗体 text*it*" {
		t.Fatalf("Ctrl+I: %q", s.Text())
	}
	s.Select(Range{len("粗体 "), len("粗体 text")})
	ctrl(s, fyne.KeyBackTick)
	if s.Text() != "粗体 `text`*it*" {
		t.Fatalf("Ctrl+`: %q", s.Text())
	}
	s.Select(Range{0, len("粗体")})
	ctrl(s, fyne.KeyK)
	test.Type(s, "https://x.cn")
	if s.Text() != "[粗体](https://x.cn) `text`*it*" {
		t.Fatalf("Ctrl+K: %q", s.Text())
	}
}

func TestFindReplace(t *testing.T) {
	s, _ := newTestSource(t, "AI 技术，ai 应用，AI技术")
	got := s.Find("ai", FindOptions{})
	if len(got) != 3 {
		t.Fatalf("Find case-insensitive: %v", got)
	}
	if got := s.Find("AI", FindOptions{CaseSensitive: true, WholeWord: true}); len(got) != 1 || got[0] != (Range{0, 2}) {
		t.Fatalf("Find whole word: %v", got)
	}
	if got := s.Find("技术", FindOptions{}); len(got) != 2 {
		t.Fatalf("Find CJK: %v", got)
	}
	s.Select(got[1])
	if s.SelectedText() != "ai" {
		t.Fatalf("Select: %q", s.SelectedText())
	}
	n, err := s.ReplaceAll(`(?i)ai`, "人工智能", FindOptions{Regexp: true})
	if err != nil || n != 3 {
		t.Fatalf("ReplaceAll = %d, %v", n, err)
	}
	if s.Text() != "人工智能 技术，人工智能 应用，人工智能技术" {
		t.Fatalf("after ReplaceAll %q", s.Text())
	}
	s.Undo()
	if s.Text() != "AI 技术，ai 应用，AI技术" {
		t.Fatalf("undo ReplaceAll %q", s.Text())
	}
	if _, err := s.FindErr("(", FindOptions{Regexp: true}); err == nil {
		t.Error("invalid regexp must error")
	}
}

func TestMouseSelection(t *testing.T) {
	s, w := newTestSource(t, "first line here\nsecond 中文词语 line\nthird")
	m := s.metrics()
	pad := s.padLeft()
	y1 := padTop + m.lineH*1.5 // middle of line 2
	// click at start of "second"
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(pad+1, y1)}, Button: desktop.MouseButtonPrimary})
	if s.CursorOffset() != len("first line here\n") {
		t.Fatalf("click offset %d", s.CursorOffset())
	}
	// double click in the CJK word selects the CJK run
	x := pad + s.lay.xOf(1, 0, len("second 中"))
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, y1)}, Button: desktop.MouseButtonPrimary}
	s.clicks = 0
	s.lastClick = clickInfo{}
	s.MouseDown(ev)
	s.MouseDown(ev)
	if s.SelectedText() != "中文词语" {
		t.Fatalf("double click selected %q", s.SelectedText())
	}
	s.MouseDown(ev)
	if s.SelectedText() != "second 中文词语 line\n" {
		t.Fatalf("triple click selected %q", s.SelectedText())
	}
	// press on line 1 and drag to line 3 (the driver reports the current
	// position and the step)
	s.clicks = 0
	s.lastClick = clickInfo{}
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(pad+1, padTop+m.lineH/2)}, Button: desktop.MouseButtonPrimary})
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(pad+1, padTop+m.lineH*1.5)}, Dragged: fyne.Delta{DY: m.lineH}})
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(pad+1, padTop+m.lineH*2.5)}, Dragged: fyne.Delta{DY: m.lineH}})
	s.DragEnd()
	if s.SelectedText() != "first line here\nsecond 中文词语 line\n" {
		t.Fatalf("drag selected %q", s.SelectedText())
	}
	// a drag without a press (touch) starts where the drag began
	test.Drag(w.Canvas(), fyne.NewPos(pad+1, padTop+m.lineH*2.5), 0, 0)
	if s.SelectedText() != "" {
		t.Fatalf("zero drag selected %q", s.SelectedText())
	}
}

func TestScrolling(t *testing.T) {
	text := strings.Repeat("一行文字\n", 500)
	s, w := newTestSource(t, text)
	if s.FirstVisibleLine() != 0 {
		t.Fatal("not at top")
	}
	scrolled := -1
	s.OnScrolled = func(l int) { scrolled = l }
	s.ScrollToLine(200)
	if s.FirstVisibleLine() != 200 || scrolled != 200 {
		t.Fatalf("ScrollToLine(200): first %d, callback %d", s.FirstVisibleLine(), scrolled)
	}
	rows := visibleTexts(s)
	if len(rows) == 0 || len(rows) > 40 {
		t.Fatalf("%d visible rows: objects must only exist for visible lines", len(rows))
	}
	r := test.WidgetRenderer(s).(*sourceRenderer)
	pool := len(r.texts)
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -10*s.metrics().lineH)
	if got := s.FirstVisibleLine(); got != 210 {
		t.Fatalf("after wheel scroll first line %d, want 210", got)
	}
	for range 20 {
		s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -7}})
	}
	if len(r.texts) > pool+2 {
		t.Errorf("scrolling grew the text pool from %d to %d", pool, len(r.texts))
	}
	// cursor moves keep the cursor visible
	s.SetCursorOffset(0)
	if s.FirstVisibleLine() != 0 {
		t.Errorf("cursor at start but first visible line %d", s.FirstVisibleLine())
	}
	ctrl(s, fyne.KeyEnd)
	if s.FirstVisibleLine() < 450 {
		t.Errorf("Ctrl+End left first visible line at %d", s.FirstVisibleLine())
	}
}

func TestHighlightStyles(t *testing.T) {
	s, _ := newTestSource(t, "---\ntitle: x\n---\n# 标题\n正文 **粗** `code`\n```go\nfunc\n```")
	r := test.WidgetRenderer(s).(*sourceRenderer)
	styles := map[string]*canvas.Text{}
	for _, t := range r.texts {
		if t.Visible() {
			styles[t.Text] = t
		}
	}
	check := func(text string, k hlKind) {
		t.Helper()
		o := styles[text]
		if o == nil {
			t.Errorf("no run %q; runs: %v", text, keys(styles))
			return
		}
		if o.TextStyle != faceStyle[kindFace[k]] || o.Color != r.colors[k] {
			t.Errorf("run %q style %+v color %v, want kind %d", text, o.TextStyle, o.Color, k)
		}
	}
	check("---", hlMeta)
	check("title", hlKey)
	check("# 标题", hlHeading)
	check("**粗**", hlBold)
	check("`code`", hlCode)
	check("func", hlCode)
	check("正文 ", hlText)
}

func keys(m map[string]*canvas.Text) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestHighlightStateAfterLineSplit splits a thematic break line in the body
// and checks the text below is not taken for front matter.
func TestHighlightStateAfterLineSplit(t *testing.T) {
	s, _ := newTestSource(t, "intro\n\n---\ntitle: x")
	s.SetCursorOffset(len("intro\n\n---"))
	key(s, fyne.KeyReturn)
	r := test.WidgetRenderer(s).(*sourceRenderer)
	for _, o := range r.texts {
		if o.Visible() && o.Text == "title" {
			t.Fatalf("body line highlighted as a front matter key after Enter")
		}
	}
	if got := visibleTexts(s); got[len(got)-1] != "title: x" {
		t.Fatalf("rows %q", got)
	}
}
