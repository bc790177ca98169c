package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"folio/app/library"
)

// typesIntoEditor checks the keyboard is in the editor: text typed on the
// window's canvas lands in the article.
func typesIntoEditor(t *testing.T, ws *workspace, after string) {
	t.Helper()
	if f := ws.win.Canvas().Focused(); f != ws.src {
		t.Fatalf("after %s the focus is on %T, want the editor", after, f)
	}
	test.Type(ws.win.Canvas().Focused(), "ZZ9") // what the window sends the focused object
	if !strings.Contains(ws.src.Text(), "ZZ9") {
		t.Fatalf("after %s the typed text was dropped", after)
	}
}

func TestConflictBarButtonsGiveTheKeyboardBack(t *testing.T) {
	for _, button := range []string{"Merge", "Keep mine", "Take theirs"} {
		t.Run(button, func(t *testing.T) {
			ws, dir := newTestWorkspace(t)
			path := filepath.Join(dir, "a.md")
			ws.load(path)
			ws.src.SetCursorOffset(len(articleText))
			test.Type(ws.src, "我的一行\n")
			write(t, path, strings.Replace(articleText, "# 正文", "# 新的正文", 1))
			ws.external([]library.Change{{Path: path}})
			ws.win.Canvas().Unfocus() // the click on the bar's button
			pressButton(t, ws.conflict.box, button)
			typesIntoEditor(t, ws, button)
		})
	}
}

func TestRestoredBarButtonsGiveTheKeyboardBack(t *testing.T) {
	for _, button := range []string{"Keep", "Discard"} {
		t.Run(button, func(t *testing.T) {
			ws, dir := newTestWorkspace(t)
			ws.hot.delay = 20 * time.Millisecond
			path := filepath.Join(dir, "a.md")
			ws.load(path)
			ws.src.SetCursorOffset(len(articleText))
			test.Type(ws.src, "崩溃前打的字")
			journalled(t, ws, path, ws.src.Text())
			ws2 := restart(t, ws)
			ws2.load(path)
			if !ws2.hot.restored.Visible() {
				t.Fatal("no restored bar")
			}
			ws2.win.Canvas().Unfocus()
			pressButton(t, ws2.hot.restored, button)
			typesIntoEditor(t, ws2, button)
		})
	}
}
