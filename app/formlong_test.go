package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"folio/editor"
)

// TestFormSummaryIsASourceField: the form's summary is typed in a Source
// field: Tab reaches it from the title, the input method's spot follows
// its caret (ime.go finds the focused Source), and saving writes what was
// typed, byte for byte, into the summary and nothing else.
func TestFormSummaryIsASourceField(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	const text = "---\ntitle: \"旧标题\"\nsummary: \"旧摘要\"\ntags: [a]\n---\n# 正文\n\n第一段。\n"
	path := filepath.Join(dir, "c.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ws.load(path)
	pressShortcut(t, ws, focusFormShortcut)
	ws.win.Canvas().FocusNext() // Tab from the title
	field, ok := ws.win.Canvas().Focused().(*editor.Source)
	if !ok || field == ws.src {
		t.Fatalf("Tab from the title focused %T, want the summary's Source", ws.win.Canvas().Focused())
	}
	if field.Text() != "旧摘要" {
		t.Fatalf("the summary field holds %q", field.Text())
	}

	rec := &spotRecorder{}
	f := newCaretFollower(ws.win, rec.set)
	f.update()
	first := rec.last(t)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(field)
	if first.X < int(abs.X) || first.Y <= int(abs.Y) || first.Y > int(abs.Y+field.Size().Height+0.5) {
		t.Errorf("spot %v is not at the caret inside the field at %v size %v", first, abs, field.Size())
	}
	field.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(field, "新的摘要，写给读者")
	f.update()
	if got := rec.last(t); got.X <= first.X || got.Y != first.Y {
		t.Errorf("after typing, spot %v, want right of %v on its line", got, first)
	}

	pressShortcut(t, ws, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	want := strings.Replace(text, `summary: "旧摘要"`, `summary: "新的摘要，写给读者"`, 1)
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("file = %q\nwant   %q", got, want)
	}
	if ws.win.Canvas().Focused() != fyne.Focusable(field) {
		t.Error("saving moved the focus out of the field")
	}
	// Escape hands the focus back to the editor.
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.win.Canvas().Focused() != fyne.Focusable(ws.src) {
		t.Errorf("Escape left the focus on %T", ws.win.Canvas().Focused())
	}
}

// TestFormSummaryTypingIsJournalledWithoutLeaving: text typed in the
// summary (the caret still in it) is written to the article after a pause,
// marked unsaved and journalled, as a title's is, and restored after a
// restart.
func TestFormSummaryTypingIsJournalledWithoutLeaving(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 20 * time.Millisecond
	const text = "---\ntitle: t\nsummary: |\n  第一行\n---\n正文\n"
	path := filepath.Join(dir, "d.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ws.load(path)
	pressShortcut(t, ws, focusFormShortcut)
	ws.win.Canvas().FocusNext()
	field, ok := ws.win.Canvas().Focused().(*editor.Source)
	if !ok || field == ws.src {
		t.Fatalf("focus on %T, want the summary's Source", ws.win.Canvas().Focused())
	}
	field.SetCursorOffset(field.Len())
	if field.Text() != "第一行\n" {
		t.Fatalf("the summary holds %q", field.Text())
	}
	test.Type(field, "第二行，崩溃前\n")
	want := strings.Replace(text, "  第一行\n", "  第一行\n  第二行，崩溃前\n", 1)
	journalled(t, ws, path, want)
	if ws.src.Text() != want || !ws.art.Dirty() {
		t.Fatalf("text %q dirty=%v", ws.src.Text(), ws.art.Dirty())
	}
	if ws.win.Canvas().Focused() != fyne.Focusable(field) {
		t.Error("the summary lost the focus")
	}
	ws2 := restart(t, ws)
	ws2.load(path)
	if ws2.src.Text() != want || !ws2.art.Dirty() {
		t.Fatalf("restored %q dirty=%v", ws2.src.Text(), ws2.art.Dirty())
	}
}
