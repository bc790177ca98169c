package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestFindBar puts a Source with text under a FindBar in a test window,
// with the editor focused.
func newTestFindBar(t *testing.T, text string) (*FindBar, *Source, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := NewSource()
	s.SetText(text)
	f := NewFindBar(s)
	w := test.NewTempWindow(t, container.NewBorder(f, nil, nil, nil, s))
	w.Resize(fyne.NewSize(900, 500))
	w.Canvas().Focus(s)
	return f, s, w
}

func focusedKey(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func TestFindBarFind(t *testing.T) {
	f, s, w := newTestFindBar(t, "Go go GO\ngopher\nno match here\n")
	if f.Visible() {
		t.Fatal("the bar starts visible")
	}
	f.ShowFind()
	if !f.Visible() || f.replRow.Visible() {
		t.Fatal("ShowFind: bar hidden or replace row shown")
	}
	if w.Canvas().Focused() != f.query {
		t.Fatalf("focus on %T, want the query entry", w.Canvas().Focused())
	}
	test.Type(f.query, "go")
	if got := f.CountText(); got != "1 of 4" {
		t.Errorf("count %q, want 1 of 4", got)
	}
	if sel := s.Selection(); sel != (Range{0, 2}) {
		t.Errorf("typing selected %v, want the first match", sel)
	}
	if len(s.matches) != 4 {
		t.Errorf("%d matches highlighted", len(s.matches))
	}
	focusedKey(w, fyne.KeyReturn)
	if sel := s.Selection(); sel != (Range{3, 5}) || f.CountText() != "2 of 4" {
		t.Errorf("Enter: %v %q", sel, f.CountText())
	}
	// Shift+Enter goes back.
	e := w.Canvas().Focused().(desktop.Keyable)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	focusedKey(w, fyne.KeyReturn)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if sel := s.Selection(); sel != (Range{0, 2}) || f.CountText() != "1 of 4" {
		t.Errorf("Shift+Enter: %v %q", sel, f.CountText())
	}
	// Previous from the first wraps to the last; Next from the last to the first.
	f.Previous()
	if sel := s.Selection(); sel != (Range{9, 11}) || f.CountText() != "4 of 4" {
		t.Errorf("wrap back: %v %q", sel, f.CountText())
	}
	f.Next()
	if f.CountText() != "1 of 4" {
		t.Errorf("wrap forward: %q", f.CountText())
	}

	test.Tap(f.matchCase.button) // on
	if !f.Options().CaseSensitive {
		t.Fatal("tapping Aa did not turn match case on")
	}
	if w.Canvas().Focused() != f.query {
		t.Errorf("after tapping Aa the focus is on %T, want the query", w.Canvas().Focused())
	}
	if f.CountText() != "? of 2" && f.CountText() != "1 of 2" {
		t.Errorf("match case: %q", f.CountText())
	}
	f.matchCase.SetChecked(false)
	f.word.SetChecked(true)
	if len(f.Matches()) != 3 {
		t.Errorf("whole word: %d matches, want 3", len(f.Matches()))
	}
	f.word.SetChecked(false)
	f.regex.SetChecked(true)
	f.SetQuery("(")
	if f.CountText() != "Invalid pattern" {
		t.Errorf("bad regexp: %q", f.CountText())
	}
	f.SetQuery("^g\\w+")
	if m := f.Matches(); len(m) != 2 || m[0] != (Range{0, 2}) || m[1] != (Range{9, 15}) {
		t.Errorf("regexp matches %v", f.Matches())
	}
	f.SetQuery("zzz")
	if f.CountText() != "No results" {
		t.Errorf("no match: %q", f.CountText())
	}

	// Escape closes and gives the keyboard back.
	closed := false
	f.OnClosed = func() { closed = true }
	focusedKey(w, fyne.KeyEscape)
	if f.Visible() || !closed {
		t.Error("Escape did not close the bar")
	}
	if w.Canvas().Focused() != s {
		t.Errorf("focus on %T after Escape, want the editor", w.Canvas().Focused())
	}
	if len(s.matches) != 0 {
		t.Error("matches still highlighted after closing")
	}
}

func TestFindBarSeedsFromSelection(t *testing.T) {
	f, s, _ := newTestFindBar(t, "alpha beta\nbeta gamma\n")
	s.Select(Range{6, 10})
	f.ShowFind()
	if f.Query() != "beta" || f.CountText() != "1 of 2" {
		t.Errorf("query %q count %q", f.Query(), f.CountText())
	}
	// A selection over several lines is not a query.
	f.Close()
	s.Select(Range{0, 15})
	f.ShowFind()
	if f.Query() != "beta" {
		t.Errorf("multi-line selection became the query %q", f.Query())
	}
}

func TestFindBarReplace(t *testing.T) {
	f, s, w := newTestFindBar(t, "cat hat cat\ncat\n")
	f.ShowReplace()
	if !f.replRow.Visible() {
		t.Fatal("no replace row")
	}
	test.Type(f.query, "cat")
	f.SetReplacement("dog")
	f.ReplaceOne()
	if got := s.Text(); got != "dog hat cat\ncat\n" {
		t.Errorf("replace one: %q", got)
	}
	if f.CountText() != "1 of 2" || s.Selection() != (Range{8, 11}) {
		t.Errorf("after replace one: %q, selection %v", f.CountText(), s.Selection())
	}
	// Enter in the replacement replaces the next one.
	w.Canvas().Focus(f.repl)
	focusedKey(w, fyne.KeyReturn)
	if got := s.Text(); got != "dog hat dog\ncat\n" {
		t.Errorf("Enter in replace: %q", got)
	}
	s.SetText("a1 b22 c333\n")
	f.regex.SetChecked(true)
	f.SetQuery(`([a-z])(\d+)`)
	f.SetReplacement("$2$1")
	if n := f.ReplaceAll(); n != 3 {
		t.Errorf("replaced %d, want 3", n)
	}
	if got := s.Text(); got != "1a 22b 333c\n" {
		t.Errorf("replace all: %q", got)
	}
	if f.CountText() != "No results" {
		t.Errorf("count after replace all: %q", f.CountText())
	}
	s.Undo()
	if got := s.Text(); got != "a1 b22 c333\n" {
		t.Errorf("one undo after replace all gives %q, want the original", got)
	}
	// Regexp replace one expands references too.
	s.SetCursorOffset(0)
	f.Next()
	f.ReplaceOne()
	if got := s.Text(); got != "1a b22 c333\n" {
		t.Errorf("regexp replace one: %q", got)
	}
}

func TestFindBarShortcutsInside(t *testing.T) {
	f, _, w := newTestFindBar(t, "x x\n")
	f.ShowFind()
	test.Type(f.query, "x")
	f.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierControl})
	if !f.replRow.Visible() {
		t.Error("Ctrl+H in the bar did not show the replace row")
	}
	if w.Canvas().Focused() != f.repl {
		t.Errorf("Ctrl+H with a query: focus on %T, want the replacement", w.Canvas().Focused())
	}
	f.repl.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierControl})
	if f.replRow.Visible() || w.Canvas().Focused() != f.query {
		t.Error("Ctrl+F did not go back to find only")
	}
	if f.query.SelectedText() != "x" {
		t.Errorf("query text not selected on reopen: %q", f.query.SelectedText())
	}
}

func TestFindBarReadOnly(t *testing.T) {
	f, s, _ := newTestFindBar(t, "a a\n")
	s.SetReadOnly(true)
	f.ShowReplace()
	f.SetQuery("a")
	f.SetReplacement("b")
	f.ReplaceOne()
	f.ReplaceAll()
	if s.Text() != "a a\n" {
		t.Errorf("read-only text changed: %q", s.Text())
	}
}

func TestFindBarQueryHasRoomInANarrowPane(t *testing.T) {
	f, _, w := newTestFindBar(t, "text\n")
	w.Resize(fyne.NewSize(400, 300)) // the editor pane of a 1400-pixel window
	f.ShowReplace()
	f.SetQuery("filter")
	f.Next()
	w.Content().Refresh()
	if q, r := f.query.Size().Width, f.repl.Size().Width; q < 0.8*400 || q < r {
		t.Errorf("query entry %.0f px wide, replacement %.0f px, in a 400 px bar", q, r)
	}
	below := func() bool {
		d := fyne.CurrentApp().Driver()
		return d.AbsolutePositionForObject(f.next).Y >= d.AbsolutePositionForObject(f.query).Y+f.query.Size().Height
	}
	if !below() {
		t.Error("in a narrow bar the controls are not under the query")
	}
	// A wide bar keeps one row.
	w.Resize(fyne.NewSize(1000, 300))
	w.Content().Refresh()
	if below() {
		t.Error("in a wide bar the controls are not beside the query")
	}
	if q := f.query.Size().Width; q < 700 {
		t.Errorf("query entry %.0f px wide in a 1000 px bar", q)
	}
}
