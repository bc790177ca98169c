package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// uiQueue stands in for fyne.Do in tests: functions meant for the UI
// goroutine wait in it until the test goroutine runs them.
type uiQueue chan func()

func (q uiQueue) do(f func()) { q <- f }

// runUntil runs queued UI functions until cond holds, failing after 30 s
// (a wait, not a speed check: CI machines are loaded). cond is checked
// again now and then with nothing queued too: what it waits for may happen
// on another goroutine (the journal's writer).
func (q uiQueue) runUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			t.Fatal("timed out waiting for the UI")
		}
	}
}

var queues = map[*workspace]uiQueue{}

const articleText = "---\ntitle: \"旧标题\"\ntags: [a]\n---\n# 正文\n\n第一段。\n"

// testAppWithFolder is a test app, a window and a folder holding files
// (name → text).
func testAppWithFolder(t *testing.T, files map[string]string) (fyne.App, fyne.Window, string) {
	t.Helper()
	// The test app's storage (so the crash journal) is in os.TempDir():
	// one of this test's own, not one all tests and runs share.
	t.Setenv("TMPDIR", t.TempDir())
	a := test.NewTempApp(t)
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	return a, w, dir
}

func newTestWorkspace(t *testing.T) (*workspace, string) {
	t.Helper()
	a, w, dir := testAppWithFolder(t, map[string]string{"a.md": articleText, "b.md": "# B\n"})
	ws := newWorkspace(a, w, dir)
	q := make(uiQueue, 64)
	ws.do = q.do
	ws.prev.SetUIRunner(q.do)
	queues[ws] = q
	t.Cleanup(func() { delete(queues, ws) })
	ws.install()
	// Runs before the temporary folders go: no journal is written into
	// them afterwards.
	t.Cleanup(ws.hot.stop)
	w.Resize(fyne.NewSize(1200, 800))
	return ws, dir
}

func TestWorkspaceEditMarksDirtyAndSaveWritesOnlyTheEdit(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	if got := ws.win.Title(); got != "旧标题 — "+filepath.Base(dir)+" — Folio" {
		t.Errorf("title = %q", got)
	}
	ws.src.SetCursorOffset(len(articleText)) // end of text
	test.Type(ws.src, "新增")
	if !ws.art.Dirty() || !strings.HasPrefix(ws.win.Title(), "● ") {
		t.Fatalf("after typing: dirty=%v title=%q", ws.art.Dirty(), ws.win.Title())
	}
	if !ws.save() {
		t.Fatal("save failed")
	}
	got, _ := os.ReadFile(path)
	if string(got) != articleText+"新增" {
		t.Errorf("file = %q, want the original plus the typed text", got)
	}
	if ws.art.Dirty() || strings.HasPrefix(ws.win.Title(), "● ") {
		t.Errorf("still dirty after save: title %q", ws.win.Title())
	}
}

func TestWorkspaceRefusesToOverwriteAnOutsideChange(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	outside := articleText + "别人写的。\n"
	if err := os.WriteFile(path, []byte(outside), 0o644); err != nil {
		t.Fatal(err)
	}
	test.Type(ws.src, "x")
	if ws.save() {
		t.Fatal("save over an outside change should not go through without asking")
	}
	got, _ := os.ReadFile(path)
	if string(got) != outside {
		t.Errorf("the outside change was overwritten: %q", got)
	}
	if !ws.art.Dirty() {
		t.Error("the user's edit must stay unsaved (dirty)")
	}
}

func TestWorkspaceAsksBeforeLeavingUnsavedWork(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	ws.load(a)
	test.Type(ws.src, "未保存")
	ws.open(b)
	if ws.art.Path() != a {
		t.Fatalf("open switched articles without asking; now on %s", ws.art.Path())
	}
	if !strings.Contains(ws.src.Text(), "未保存") {
		t.Error("the unsaved text is gone")
	}
	if len(ws.win.Canvas().Overlays().List()) == 0 {
		t.Error("no dialog asked about unsaved changes")
	}
}

func TestWorkspacePreviewShowsParseErrorWithLine(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	bad := filepath.Join(dir, "bad.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: \"unclosed\n---\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws.load(bad)
	if want := "bad.md:2: YAML: unclosed quote"; ws.status.problemText() != want {
		t.Errorf("problem = %q, want %q", ws.status.problemText(), want)
	}
	if ws.src.Text() != "---\ntitle: \"unclosed\n---\nbody\n" {
		t.Error("a malformed articleText must still open as text")
	}
}

func TestWorkspaceScanListsArticles(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) == 2 })
	if ws.art.Path() == "" {
		t.Fatalf("articles = %d, open file %q", len(ws.list.articles()), ws.art.Path())
	}
	if got := summaryLine(ws.list.articles()[0]); got != "a" {
		t.Errorf("summary line = %q", got)
	}
}

func TestWindowTitle(t *testing.T) {
	tests := []struct {
		dirty             bool
		title, file, root string
		want              string
	}{
		{false, "", "", "", "Folio"},
		{false, "标题", "/x/a.md", "/x", "标题 — x — Folio"},
		{true, "", "/x/a.md", "/x", "● a.md — x — Folio"},
	}
	for _, tc := range tests {
		if got := windowTitle(tc.dirty, tc.title, tc.file, tc.root); got != tc.want {
			t.Errorf("windowTitle(%v, %q, %q, %q) = %q, want %q", tc.dirty, tc.title, tc.file, tc.root, got, tc.want)
		}
	}
}

func TestRemoteImagesAreOffUntilTheUserTurnsThemOn(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	var view *fyne.Menu
	for _, m := range ws.win.MainMenu().Items {
		if m.Label == "View" {
			view = m
		}
	}
	item := view.Items[len(view.Items)-1]
	if item.Label != "Load Remote Images" {
		t.Fatalf("last View item = %q", item.Label)
	}
	if item.Checked || ws.app.Preferences().Bool(prefRemoteImages) {
		t.Fatal("remote images must be off by default")
	}
	item.Action()
	if !item.Checked || !ws.app.Preferences().Bool(prefRemoteImages) {
		t.Error("the menu item did not turn remote images on and remember it")
	}
}

// TestUndecodableFilesOpenReadOnly: a file that is not UTF-8 text (issue
// 12's one rule, document.CheckText) opens read-only; typing changes
// nothing, save refuses, and the file keeps every byte.
func TestUndecodableFilesOpenReadOnly(t *testing.T) {
	for name, text := range map[string]string{
		"invalid utf-8": "---\ntitle: x\n---\nlatin-1 caf\xe9 and \xff\xfe bytes\n",
		"utf-16le":      "\xff\xfe-\x00-\x00-\x00\n\x00",
		"binary":        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	} {
		t.Run(name, func(t *testing.T) {
			ws, dir := newTestWorkspace(t)
			path := filepath.Join(dir, "odd.md")
			write(t, path, text)
			ws.load(path)
			ws.src.SetCursorOffset(0)
			test.Type(ws.src, "X")
			if ws.save() {
				t.Error("save of an undecodable file succeeded")
			}
			if got, _ := os.ReadFile(path); string(got) != text {
				t.Errorf("file changed to %q", got)
			}
		})
	}
}

func TestSaveKeepsEveryByteTheUserDidNotChange(t *testing.T) {
	for name, text := range map[string]string{
		"bom-crlf":                  "\ufeff---\r\ntitle: 标题\r\n---\r\n正文\r\n第二行\r\n",
		"no final newline and tabs": "---\ntitle: x\n---\n\tindented\ttext  \n末尾没有换行",
	} {
		t.Run(name, func(t *testing.T) {
			ws, dir := newTestWorkspace(t)
			path := filepath.Join(dir, "keep.md")
			write(t, path, text)
			ws.load(path)
			ws.src.SetCursorOffset(0)
			test.Type(ws.src, "X")
			if !ws.save() {
				t.Fatal("save failed")
			}
			got, _ := os.ReadFile(path)
			if string(got) != "X"+text {
				t.Errorf("saved %q, want %q", got, "X"+text)
			}
		})
	}
}
