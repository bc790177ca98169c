package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// focusedEntry is the entry that has the keyboard focus.
func focusedEntry(t *testing.T, ws *workspace) *widget.Entry {
	t.Helper()
	switch e := ws.win.Canvas().Focused().(type) {
	case *escEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	t.Fatalf("focus is on %T, want the dialog's entry", ws.win.Canvas().Focused())
	return nil
}

func TestNewArticleFromTheHugoArchetype(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	os.MkdirAll(filepath.Join(dir, "archetypes"), 0o755)
	write(t, filepath.Join(dir, "hugo.toml"), "title = 'Site'\n")
	write(t, filepath.Join(dir, "archetypes", "default.md"),
		"+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = '{{ .Date }}'\ndraft = true\nauthor = ''\n+++\n")
	ws.app.Preferences().SetString(prefAuthor, "李雷")
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return ws.art.HasFile() })
	ws.load(filepath.Join(dir, "a.md"))
	ws.list.filter.SetText("旧标题") // a filter the new article does not match
	ws.newArticle()
	entry := focusedEntry(t, ws)
	test.Type(entry, "你好 世界")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	path := ws.art.Path()
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".md") || filepath.Base(path) == ".md" {
		t.Fatalf("opened %q", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{"title = '你好 世界'", "draft = true", "author = '李雷'", "+++\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("new article lacks %q:\n%s", want, text)
		}
	}
	if ws.art.Dirty() || ws.src.CursorOffset() != len(text) {
		t.Errorf("dirty %v caret %d, want clean with the caret in the body (%d)", ws.art.Dirty(), ws.src.CursorOffset(), len(text))
	}
	found := false
	for _, s := range ws.list.articles() {
		found = found || s.Title == "你好 世界"
	}
	if !found {
		t.Error("the new article is not in the list")
	}
}

func TestRenameKeepsTheOpenArticleAndItsEdits(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.follow("")
	t.Cleanup(func() { ws.watcher.Close() })
	q := queues[ws]
	a := filepath.Join(dir, "a.md")
	q.runUntil(t, func() bool { return ws.art.Path() == a })
	test.Type(ws.src, "未保存")
	ws.src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2}) // F2 in the editor
	entry := focusedEntry(t, ws)
	if entry.Text != "a.md" {
		t.Errorf("entry = %q", entry.Text)
	}
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Use the title")
	if entry.Text != "旧标题.md" {
		t.Errorf("from the title: %q", entry.Text)
	}
	entry.SetText("renamed")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	renamed := filepath.Join(dir, "renamed.md")
	if ws.art.Path() != renamed || !ws.art.Dirty() || !strings.Contains(ws.src.Text(), "未保存") {
		t.Fatalf("after rename: %s dirty %v", ws.art.Path(), ws.art.Dirty())
	}
	if _, err := os.Stat(a); err == nil {
		t.Error("the old file is still there")
	}
	write(t, filepath.Join(dir, "sync.md"), "x") // a marker: its batch comes after the rename's
	q.runUntil(t, func() bool { return len(ws.list.articles()) == 3 })
	if ws.conflict.Visible() || ws.art.Conflict() != 0 {
		t.Error("renaming the open article showed it as deleted on disk")
	}
	if !ws.save() {
		t.Fatal("save after rename failed")
	}
	if b, _ := os.ReadFile(renamed); !strings.Contains(string(b), "未保存") {
		t.Error("save did not write the renamed file")
	}
	// Renaming over another article is refused.
	if err := ws.renameTo("b.md"); err == nil {
		t.Error("rename over b.md was allowed")
	}
}

func TestDuplicateOpensATitledCopy(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return ws.art.HasFile() })
	ws.duplicateArticle()
	cp := filepath.Join(dir, "a-copy.md")
	if ws.art.Path() != cp {
		t.Fatalf("opened %s", ws.art.Path())
	}
	if ws.art.Title() != "旧标题 (copy)" {
		t.Errorf("title = %q", ws.art.Title())
	}
	if len(ws.list.articles()) != 3 {
		t.Errorf("rows = %d", len(ws.list.articles()))
	}
	if got := copyName(filepath.Join(dir, "a.md")); got != filepath.Join(dir, "a-copy-2.md") {
		t.Errorf("next copy name %s", got)
	}
}

func TestDeleteMovesToTrashAndOpensTheNext(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	ws, dir := newTestWorkspace(t)
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return ws.art.HasFile() })
	a := filepath.Join(dir, "a.md")
	ws.deleteArticle()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil || !dialogSays(top, "a.md") {
		t.Fatal("no confirmation")
	}
	pressButton(t, top, "Move to Trash")
	if _, err := os.Stat(a); err == nil {
		trash := filepath.Join(os.Getenv("XDG_DATA_HOME"), "Trash", "files")
		if ents, _ := os.ReadDir(trash); len(ents) == 0 {
			t.Fatal("a.md was neither trashed nor removed")
		}
	}
	if _, err := os.Stat(a); err == nil {
		// On a file system without a trash the permanent-delete question
		// comes next.
		pressButton(t, ws.win.Canvas().Overlays().Top(), "Delete Permanently")
	}
	if _, err := os.Stat(a); err == nil {
		t.Fatal("a.md is still there")
	}
	if ws.art.Path() != filepath.Join(dir, "b.md") || len(ws.list.articles()) != 1 {
		t.Errorf("open %s, rows %d", ws.art.Path(), len(ws.list.articles()))
	}
}

func TestNewArticleInALeafBundleGoesToItsSection(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	bundle := filepath.Join(dir, "posts", "trip")
	os.MkdirAll(bundle, 0o755)
	write(t, filepath.Join(bundle, "index.md"), "---\ntitle: 旅行\n---\n正文\n")
	write(t, filepath.Join(dir, "posts", "_index.md"), "---\ntitle: Posts\n---\n")
	ws.load(filepath.Join(bundle, "index.md"))
	if got := ws.targetDir(); got != filepath.Join(dir, "posts") {
		t.Errorf("from a leaf bundle: %s, want its section", got)
	}
	ws.load(filepath.Join(dir, "posts", "_index.md"))
	if got := ws.targetDir(); got != filepath.Join(dir, "posts") {
		t.Errorf("from a section's _index.md: %s", got)
	}
	ws.load(filepath.Join(dir, "a.md"))
	if got := ws.targetDir(); got != dir {
		t.Errorf("from a.md: %s", got)
	}
}

func TestNewArticleDialogIsAskedOnceAndEscapeCloses(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.newArticle()
	ws.newArticle() // Ctrl+N twice
	if n := len(ws.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs", n)
	}
	focused, ok := ws.win.Canvas().Focused().(*escEntry)
	if !ok {
		t.Fatalf("focus on %T", ws.win.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(ws.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("Escape left %d dialogs", n)
	}
	ws.newArticle()
	if n := len(ws.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("after Escape Ctrl+N shows %d dialogs", n)
	}
}
