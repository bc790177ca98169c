package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestOneMergeConflictIsSaidInTheSingular(t *testing.T) {
	ws, _ := mergedWithConflict(t)
	got := ws.status.problemText()
	if !strings.Contains(got, "1 conflict is marked") {
		t.Errorf("status = %q, want the singular", got)
	}
}

func TestEscapeCancelsTheUnsavedChangesQuestion(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "未保存")
	left := false
	ws.confirmLeave(func() { left = true }, nil)
	if ws.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no question")
	}
	// Nothing in the dialog has the keyboard: the window gets the key.
	ws.win.Canvas().(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if left || ws.win.Canvas().Overlays().Top() != nil || !ws.art.Dirty() {
		t.Fatalf("after Escape: left %v, dialog %v, dirty %v", left, ws.win.Canvas().Overlays().Top() != nil, ws.art.Dirty())
	}
	if ws.win.Canvas().Focused() != ws.src {
		t.Errorf("focus on %T, want the editor", ws.win.Canvas().Focused())
	}
}

func TestSaveAllRestoredSaysOneArticleInTheSingular(t *testing.T) {
	ws, a, b, _, _ := twoJournalled(t)
	write(t, a, "---\ntitle: 别人改的\n---\n") // a changed on disk while Folio was dead
	ws.load(b)
	ws.hot.saveAllRestored() // b saved, a waits
	want := "Saved 1 restored article; 1 needs you first (changed on disk meanwhile, or unsettled conflicts) and was not saved"
	if got := ws.status.problemText(); got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
}
