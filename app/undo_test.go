package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/preview"
)

// focusPreview gives the keyboard to the preview (as a click in it does).
func focusPreview(t *testing.T, ws *workspace) {
	t.Helper()
	for _, o := range test.LaidOutObjects(ws.prev) {
		if f, ok := o.(fyne.Focusable); ok {
			ws.win.Canvas().Focus(f)
			return
		}
	}
	t.Fatal("nothing in the preview takes the keyboard")
}

func TestUndoWorksWhileThePreviewHasTheKeyboard(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "b.md")
	write(t, path, "# B\n\n- [ ] 任务一\n")
	ws.load(path)
	queues[ws].runFor(300e6) // the preview shows it
	// A task box ticked in the preview.
	doc := ws.art.Doc()
	at := strings.Index(string(doc.Body()), "[ ]")
	ws.toggleTask(preview.TaskEdit{Start: at, End: at + 3, Old: "[ ]", New: "[x]"})
	if !strings.Contains(ws.src.Text(), "- [x] 任务一") {
		t.Fatalf("the tick did not reach the text: %q", ws.src.Text())
	}
	focusPreview(t, ws)
	if ws.win.Canvas().Focused() == ws.src {
		t.Fatal("the editor has the keyboard")
	}
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if !strings.Contains(ws.src.Text(), "- [ ] 任务一") || ws.art.Dirty() {
		t.Fatalf("after Undo: %q dirty %v", ws.src.Text(), ws.art.Dirty())
	}
	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	if !strings.Contains(ws.src.Text(), "- [x] 任务一") || !ws.art.Dirty() {
		t.Fatalf("after Redo: %q dirty %v", ws.src.Text(), ws.art.Dirty())
	}
}
