package editor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor/buffer"
)

// newNarrowSource is a Source whose wrap width is exactly cols Han
// ideographs wide.
func newNarrowSource(t *testing.T, text string, cols int) *Source {
	t.Helper()
	s, w := newTestSource(t, text)
	m := s.metrics()
	width := float32(cols)*m.han[faceRegular] + 0.5 + 2*s.padLeft() + barSize
	w.Resize(fyne.NewSize(width, 400))
	s.Resize(fyne.NewSize(width, 400))
	return s
}

func TestHanAdvanceIsUniform(t *testing.T) {
	newTestSource(t, "")
	for _, face := range []int{faceRegular, faceBold} {
		ref := fyne.MeasureText("中", 14, faceStyle[face]).Width
		for _, r := range "随着人工智能技术正站在一个新的历史节点上龘鬱" {
			if w := fyne.MeasureText(string(r), 14, faceStyle[face]).Width; w != ref {
				t.Errorf("face %d: %q is %v wide, 中 is %v", face, r, w, ref)
			}
		}
	}
}

func TestWidgetWrapsChinese(t *testing.T) {
	s := newNarrowSource(t, "随着人工智能技术的发展，人们的生活（工作）正在改变。", 6)
	got := visibleTexts(s)
	want := []string{"随着人工智能", "技术的发展，", "人们的生活", "（工作）正在", "改变。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q, want %q", got, want)
	}
	for _, row := range got {
		r, _ := utf8.DecodeRuneInString(row)
		if buffer.NoLineStart(r) {
			t.Errorf("row %q starts with closing punctuation", row)
		}
		r, _ = utf8.DecodeLastRuneInString(row)
		if buffer.NoLineEnd(r) {
			t.Errorf("row %q ends with opening punctuation", row)
		}
	}
}

func TestWidgetWrapsEnglishAndMixed(t *testing.T) {
	text := "the quick brown fox jumps over the lazy dog\n使用Go语言和Fyne框架开发桌面应用"
	s := newNarrowSource(t, text, 8)
	rows := visibleTexts(s)
	if len(rows) < 4 {
		t.Fatalf("expected wrapping, rows %q", rows)
	}
	// Latin words are never split when they fit on a line
	for _, row := range rows[:strings.Count(strings.Join(rows, "\n"), "the ")] {
		for _, w := range []string{"qui", "bro", "jum", "laz"} {
			if strings.HasSuffix(strings.TrimSpace(row), w) {
				t.Errorf("row %q splits a word", row)
			}
		}
	}
	if strings.Join(rows, "") != strings.ReplaceAll(text, "\n", "") {
		t.Errorf("rows lose text: %q", rows)
	}
	var joined []string
	for _, r := range rows {
		joined = append(joined, strings.TrimRight(r, " "))
	}
	for _, r := range joined {
		if strings.HasPrefix(r, "o语言") || strings.HasSuffix(r, "G") || strings.HasSuffix(r, "Fyn") {
			t.Errorf("row %q splits a Latin word inside CJK text", r)
		}
	}
}

func TestCursorAcrossWrappedLines(t *testing.T) {
	s := newNarrowSource(t, "一二三四五六七八九十甲乙丙丁\nab", 6)
	// visual rows: 一二三四五六 | 七八九十甲乙 | 丙丁 | ab
	s.SetCursorOffset(len("一二"))
	key(s, fyne.KeyDown)
	if got := s.CursorOffset(); got != len("一二三四五六七八") {
		t.Fatalf("Down to 2nd visual row: offset %d (%q)", got, s.Text()[:got])
	}
	key(s, fyne.KeyDown)
	if got := s.CursorOffset(); got != len("一二三四五六七八九十甲乙丙丁") {
		t.Fatalf("Down to 3rd visual row clamps to its end: %q", s.Text()[:got])
	}
	key(s, fyne.KeyDown)
	if got := s.CursorOffset(); got != len("一二三四五六七八九十甲乙丙丁\nab") {
		t.Fatalf("Down to next line: %q", s.Text()[:got])
	}
	key(s, fyne.KeyUp)
	key(s, fyne.KeyUp)
	// preferred x (after 二) is remembered through the short rows
	if got := s.CursorOffset(); got != len("一二三四五六七八") {
		t.Fatalf("Up twice: %q", s.Text()[:got])
	}
	key(s, fyne.KeyHome)
	if got := s.CursorOffset(); got != len("一二三四五六") {
		t.Fatalf("Home goes to the visual row start: %q", s.Text()[:got])
	}
	key(s, fyne.KeyHome)
	if s.CursorOffset() != 0 {
		t.Fatalf("second Home goes to the line start: %d", s.CursorOffset())
	}
	key(s, fyne.KeyEnd)
	if got := s.CursorOffset(); got != len("一二三四五六") {
		t.Fatalf("End goes to the visual row end: %q", s.Text()[:got])
	}
	if line, sub, x := s.cursorVisual(); line != 0 || sub != 0 || x < 5*s.metrics().han[faceRegular] {
		t.Fatalf("cursor after End drawn at row %d x %v, want the end of row 0", sub, x)
	}
	test.Type(s, "字")
	if got := visibleTexts(s)[0]; got != "一二三四五六" {
		t.Fatalf("typed at the row end; first row %q", got)
	}
	if !strings.HasPrefix(s.Text(), "一二三四五六字七") {
		t.Fatalf("typed at the row end: %q", s.Text())
	}
	key(s, fyne.KeyBackspace)
	key(s, fyne.KeyDown) // from the end of row 0 to the end of row 1
	if got := s.CursorOffset(); got != len("一二三四五六七八九十甲乙") {
		t.Fatalf("Down from a row end: %q", s.Text()[:got])
	}
	key(s, fyne.KeyEnd)
	key(s, fyne.KeyEnd)
	if got := s.CursorOffset(); got != len("一二三四五六七八九十甲乙丙丁") {
		t.Fatalf("End twice: %d", got)
	}
	shiftKey(s, fyne.KeyUp)
	if got := s.SelectedText(); got != "九十甲乙丙丁" {
		t.Fatalf("Shift+Up selected %q", got)
	}
	// a click right of a wrapped row puts the cursor at that row's end
	m := s.metrics()
	s.Tapped(&fyne.PointEvent{Position: fyne.NewPos(s.padLeft()+6.8*m.han[faceRegular], padTop+m.lineH/2)})
	if line, sub, _ := s.cursorVisual(); s.CursorOffset() != len("一二三四五六") || line != 0 || sub != 0 {
		t.Fatalf("click right of row 0: offset %d row %d", s.CursorOffset(), sub)
	}
}

// TestIncrementalWrapMatchesFull types and deletes in a wrapped paragraph
// and checks every cached wrap equals a fresh one.
func TestIncrementalWrapMatchesFull(t *testing.T) {
	seed := seedText(t)
	s := newNarrowSource(t, seed, 17)
	s.SetCursorOffset(strings.Index(seed, "随着2024年"))
	for i, r := range "插入一些文字，包括English words和标点（括号）。" {
		s.TypedRune(r)
		if i%5 == 4 {
			key(s, fyne.KeyBackspace)
			s.TypedRune('*')
		}
	}
	ctrl(s, fyne.KeyLeft)
	checked := 0
	for i := range s.buf.LineCount() {
		ll := s.lay.lines[i]
		if ll == nil || !ll.wrapOK || !ll.done {
			continue
		}
		s.lay.lines[i] = nil
		want := append([]int(nil), s.lay.wrap(i)...)
		checked++
		if !equalInts(ll.br.At, want) {
			t.Errorf("line %d: cached breaks %v, fresh %v", i, ll.br.At, want)
		}
	}
	if checked < 5 {
		t.Fatalf("only %d wrapped lines checked", checked)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRandomEditsKeepCachesExact drives the widget with a seeded random
// mix of typing, Enter, deletes, pastes, undo and redo on a narrow view
// and checks after every step that the text matches a plain model and that
// every cache (wraps, spans, visual line counts, highlight states) equals
// what a fresh computation gives.
func TestRandomEditsKeepCachesExact(t *testing.T) {
	seed := seedText(t)
	s := newNarrowSource(t, seed[:2000], 13)
	rng := rand.New(rand.NewPCG(1, 2))
	runes := []rune("中文，。（）「」abc ```*-\n")
	for step := range 400 {
		switch op := rng.IntN(10); {
		case op < 5:
			s.TypedRune(runes[rng.IntN(len(runes))])
		case op == 5:
			key(s, fyne.KeyReturn)
		case op == 6:
			key(s, fyne.KeyBackspace)
		case op == 7:
			fyne.CurrentApp().Clipboard().SetContent("粘贴\n- item\n```\n")
			s.TypedShortcut(&fyne.ShortcutPaste{})
		case op == 8:
			if rng.IntN(2) == 0 {
				s.Undo()
			} else {
				s.Redo()
			}
		default:
			s.SetCursorOffset(rng.IntN(s.Len() + 1))
			s.ScrollToLine(s.CursorLine() - 3)
		}
		checkCaches(t, s, step)
		if t.Failed() {
			return
		}
	}
}

func checkCaches(t *testing.T, s *Source, step int) {
	t.Helper()
	l := &s.lay
	n := s.buf.LineCount()
	if len(l.lines) != n || l.counts.Len() != n || len(l.states) != n {
		t.Fatalf("step %d: cache lengths %d/%d/%d for %d lines", step, len(l.lines), l.counts.Len(), len(l.states), n)
	}
	if strings.Join(strings.Split(s.Text(), "\n"), "\n") != s.Text() || s.Len() != len(s.Text()) {
		t.Fatalf("step %d: text and length disagree", step)
	}
	st := lexStart
	for i := range n {
		if i < l.statesOK && l.states[i] != st {
			t.Fatalf("step %d: line %d state %#x, fresh %#x", step, i, l.states[i], st)
		}
		line := s.buf.Line(i)
		if ll := l.lines[i]; ll != nil && ll.lexOK && ll.wrapOK && ll.done && i < l.statesOK && ll.st == l.states[i] {
			fresh, _ := lexLine(line, st, nil)
			if !slices.Equal(fresh, ll.spans) {
				t.Fatalf("step %d: line %d cached spans %v, fresh %v", step, i, ll.spans, fresh)
			}
			want := refHangWrap(l, line, st, fresh).At
			if !equalInts(ll.br.At, want) {
				t.Fatalf("step %d: line %d %q cached breaks %v, fresh %v", step, i, line, ll.br.At, want)
			}
			if l.counts.Get(i) != len(want)+1 {
				t.Fatalf("step %d: line %d count %d, want %d", step, i, l.counts.Get(i), len(want)+1)
			}
		}
		st = nextState(line, st)
	}
}
