package app

import (
	"path/filepath"
	"testing"
)

// TestRememberIsOneSave: what survives a restart is written as one change
// of the preferences (one save of the file), not seven saves in a burst
// that Fyne's watcher of the file could undo with a reload of an earlier
// one (seen: only window.width of them on disk after Quit).
func TestRememberIsOneSave(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	p := ws.app.Preferences()
	changes := 0
	p.AddChangeListener(func() { changes++ })
	ws.remember()
	if changes != 1 {
		t.Errorf("remember made %d changes of the preferences, want 1", changes)
	}
	if got := p.String(prefLastArticle); got != path {
		t.Errorf("last article %q, want %q", got, path)
	}
	if got := p.String(prefLastFolder); got != dir {
		t.Errorf("last folder %q, want %q", got, dir)
	}
	if p.Float(prefListOffset) != ws.panes.outer.Offset || p.Float(prefWinWidth) <= 0 {
		t.Errorf("pane %v window %v", p.Float(prefListOffset), p.Float(prefWinWidth))
	}
}
