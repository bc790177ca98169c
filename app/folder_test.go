package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWithRecent(t *testing.T) {
	var eleven []string
	for i := range 11 {
		eleven = append(eleven, fmt.Sprintf("/d%d", i))
	}
	tests := []struct {
		list []string
		dir  string
		want []string
	}{
		{nil, "/a", []string{"/a"}},
		{[]string{"/b", "/a"}, "/a", []string{"/a", "/b"}},
		{[]string{"/b", "", "/c"}, "/a", []string{"/a", "/b", "/c"}},
		{eleven, "/new", append([]string{"/new"}, eleven[:9]...)},
	}
	for _, tc := range tests {
		if got := withRecent(tc.list, tc.dir); !slices.Equal(got, tc.want) {
			t.Errorf("withRecent(%v, %q) = %v, want %v", tc.list, tc.dir, got, tc.want)
		}
	}
}

func TestNoArgumentReopensTheLastFolderAndArticle(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "x.md")
	write(t, file, "# x\n")
	a.Preferences().SetString(prefLastFolder, dir)
	a.Preferences().SetString(prefLastArticle, file)
	root, first, _, err := target(nil, a)
	if err != nil || root != dir || first != file {
		t.Fatalf("target = %q %q %v, want the last folder and article", root, first, err)
	}
	os.Remove(file)
	if root, first, _, _ = target(nil, a); root != dir || first != "" {
		t.Errorf("with the article gone: %q %q", root, first)
	}
	os.RemoveAll(dir)
	root, _, _, err = target(nil, a)
	if err != nil || root == dir || filepath.Base(root) != "samples" {
		t.Errorf("with the folder gone: %q %v, want the samples", root, err)
	}
}

func TestTargetOfPathsGiven(t *testing.T) {
	a := test.NewTempApp(t)
	site := t.TempDir()
	post := filepath.Join(site, "posts", "a.md")
	other := filepath.Join(t.TempDir(), "b.md")
	if err := os.MkdirAll(filepath.Dir(post), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, post, "# a\n")
	write(t, other, "# b\n")
	posts := filepath.Dir(post)
	tests := []struct {
		name       string
		paths      []string
		root, file string
		ignored    []string
	}{
		{"a folder", []string{site}, site, "", nil},
		{"a file: its folder", []string{post}, posts, post, nil},
		{"a folder and a file in it", []string{site, post}, site, post, nil},
		{"a file, then its site", []string{post, site}, site, post, nil},
		{"a file outside the folder", []string{site, other}, site, "", []string{other}},
		{"two files of two folders", []string{post, other}, posts, post, []string{other}},
		{"two folders", []string{site, posts}, site, "", []string{posts}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, file, ignored, err := target(tc.paths, a)
			if err != nil || root != tc.root || file != tc.file || !slices.Equal(ignored, tc.ignored) {
				t.Errorf("target(%v) = %q %q %v %v, want %q %q %v", tc.paths, root, file, ignored, err, tc.root, tc.file, tc.ignored)
			}
		})
	}
	if _, _, _, err := target([]string{site, filepath.Join(site, "missing.md")}, a); err == nil || !strings.Contains(err.Error(), "missing.md") {
		t.Errorf("a missing path: err = %v, want one naming it", err)
	}
}

func TestOpenFolderSwitchesAndIsRemembered(t *testing.T) {
	ws, first := newTestWorkspace(t)
	ws.scan("")
	q := queues[ws]
	q.runUntil(t, func() bool { return ws.art.HasFile() })
	other := t.TempDir()
	write(t, filepath.Join(other, "z.md"), "---\ntitle: 另一个\n---\n正文\n")
	ws.openFolder(other)
	t.Cleanup(func() {
		if ws.watcher != nil {
			ws.watcher.Close()
		}
	})
	q.runUntil(t, func() bool { return ws.art.Path() == filepath.Join(other, "z.md") })
	if len(ws.list.articles()) != 1 || ws.root != other {
		t.Errorf("rows %d root %s", len(ws.list.articles()), ws.root)
	}
	if got := recentFolders(ws.app.Preferences()); len(got) != 1 || got[0] != other {
		t.Errorf("recent = %v", got)
	}
	if items := ws.menu.recent.ChildMenu.Items; len(items) != 1 || items[0].Label != recentLabel(other) {
		t.Errorf("Open Recent menu = %v", items)
	}
	ws.openFolder(first)
	q.runUntil(t, func() bool { return ws.root == first && ws.art.HasFile() })
	if got := recentFolders(ws.app.Preferences()); !slices.Equal(got, []string{first, other}) {
		t.Errorf("recent = %v", got)
	}
}

func TestOpenFolderAsksAboutUnsavedWork(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "未保存")
	ws.openFolder(t.TempDir())
	if ws.root != dir || len(ws.win.Canvas().Overlays().List()) == 0 {
		t.Error("switched folders over unsaved work without asking")
	}
}

func TestWindowStatePersists(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "b.md"))
	ws.win.Resize(fyne.NewSize(1000, 700))
	ws.panes.outer.Offset = 0.25
	ws.panes.work.Offset = 0.4
	ws.remember()
	p := ws.app.Preferences()
	if got := windowSize(p); got.Width != ws.win.Canvas().Size().Width || got.Height != ws.win.Canvas().Size().Height {
		t.Errorf("window size %v, canvas %v", got, ws.win.Canvas().Size())
	}
	if d, f := lastPlace(p); d != dir || f != filepath.Join(dir, "b.md") {
		t.Errorf("last place %q %q", d, f)
	}
	w2 := test.NewWindow(nil)
	t.Cleanup(w2.Close)
	ws2 := newWorkspace(ws.app, w2, dir)
	ws2.restorePanes()
	if ws2.panes.outer.Offset != 0.25 || ws2.panes.work.Offset != 0.4 {
		t.Errorf("pane offsets %v %v", ws2.panes.outer.Offset, ws2.panes.work.Offset)
	}
}

func TestQuitAndCloseAskAboutUnsavedWork(t *testing.T) {
	for _, name := range []string{"quit", "close"} {
		t.Run(name, func(t *testing.T) {
			ws, dir := newTestWorkspace(t)
			ws.load(filepath.Join(dir, "a.md"))
			left := ""
			ws.leave = func(quit bool) { left = fmt.Sprint(quit) }
			test.Type(ws.src, "x")
			if name == "quit" {
				ws.quit()
			} else {
				ws.closeWindow()
			}
			top := ws.win.Canvas().Overlays().Top()
			if top == nil || !dialogSays(top, "before leaving") {
				t.Fatal("no unsaved-changes question")
			}
			pressButton(t, top, "Save")
			if b, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(b) != strings.Replace(articleText, "# 正文", "x# 正文", 1) {
				t.Errorf("Save in the question wrote %q", b)
			}
			if want := fmt.Sprint(name == "quit"); left != want {
				t.Errorf("left = %q, want %s", left, want)
			}
		})
	}
}

func mkdirFor(path string) error { return os.MkdirAll(filepath.Dir(path), 0o755) }

func TestOpenFolderShowsTheFolderDialog(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.chooseFolder() // once panicked: Resize before Show
	if len(ws.win.Canvas().Overlays().List()) == 0 {
		t.Error("no folder dialog")
	}
}
