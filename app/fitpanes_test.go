package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestNarrowWindowKeepsTheEditorUsable: at 800 px with the list shown the
// form pane gives way, so the editor and the preview keep a usable width;
// it comes back when the window is wide again (QA F14).
func TestNarrowWindowKeepsTheEditorUsable(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.win.Resize(fyne.NewSize(800, 700))
	ws.panes.showTab(tabArticles) // the user shows the list (Ctrl+Shift+L)
	ws.win.Resize(fyne.NewSize(801, 700))
	if w := ws.src.Size().Width; w < 200 {
		t.Errorf("editor %v px wide at 800 px with the list shown, want at least 200", w)
	}
	if w := ws.prev.Size().Width; w < 200 {
		t.Errorf("preview %v px wide, want at least 200", w)
	}
	ws.win.Resize(fyne.NewSize(1600, 900))
	if !ws.panes.form.Visible() {
		t.Error("the form pane did not come back in a wide window")
	}
}
