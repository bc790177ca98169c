package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// listWorkspace is a workspace on a folder with dated, tagged articles,
// scanned and showing the first.
func listWorkspace(t *testing.T) (*workspace, string) {
	t.Helper()
	ws, dir := newTestWorkspace(t)
	for name, text := range map[string]string{
		"posts/x/index.md": "---\ntitle: 同名\ndate: 2024-03-01\ntags: [旅行]\n---\n",
		"posts/y/index.md": "---\ntitle: 同名\ndate: 2024-02-01\ndraft: true\n---\n",
		"notes/go.md":      "---\ntitle: Go 笔记\ndate: 2023-01-01\nsummary: 并发与通道\nfeatured: true\n---\n",
		"notes/bad.md":     "---\ntitle: \"unclosed\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := mkdirFor(p); err != nil {
			t.Fatal(err)
		}
		write(t, p, text)
	}
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) == 6 && ws.art.HasFile() })
	if first := ws.list.articles()[0].Path; ws.art.Path() != ws.index.Abs(first) {
		t.Errorf("opened %s, want the top of the list %s", ws.art.Path(), first)
	}
	ws.load(filepath.Join(dir, "a.md"))
	return ws, dir
}

func shownPaths(ws *workspace) []string {
	var out []string
	for _, s := range ws.list.articles() {
		out = append(out, s.Path)
	}
	return out
}

func TestListFilterBoxAsYouType(t *testing.T) {
	ws, _ := listWorkspace(t)
	ws.list.focusFilter(ws.win.Canvas())
	if ws.win.Canvas().Focused() != ws.list.filter {
		t.Fatal("Ctrl+P's action did not focus the filter box")
	}
	test.Type(ws.list.filter, "通道") // the summary, in Chinese
	if got := shownPaths(ws); !slices.Equal(got, []string{"notes/go.md"}) {
		t.Errorf("filter 通道: %v", got)
	}
	ws.list.filter.SetText("旅行") // a tag
	if got := shownPaths(ws); !slices.Equal(got, []string{"posts/x/index.md"}) {
		t.Errorf("filter 旅行: %v", got)
	}
	if countText(ws.list.count) != "1 / 6" {
		t.Errorf("count = %q", countText(ws.list.count))
	}
	ws.list.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.list.filter.Text != "" || len(shownPaths(ws)) != 6 {
		t.Error("Escape did not clear the filter")
	}
}

func TestListChipsSortAndGroup(t *testing.T) {
	ws, _ := listWorkspace(t)
	test.Tap(ws.list.chips[0]) // draft
	if got := shownPaths(ws); !slices.Equal(got, []string{"posts/y/index.md"}) {
		t.Errorf("draft chip: %v", got)
	}
	test.Tap(ws.list.chips[0])
	test.Tap(ws.list.chips[1]) // featured
	if got := shownPaths(ws); !slices.Equal(got, []string{"notes/go.md"}) {
		t.Errorf("featured chip: %v", got)
	}
	test.Tap(ws.list.chips[1])
	test.Tap(ws.list.chips[2]) // has errors
	if got := shownPaths(ws); !slices.Equal(got, []string{"notes/bad.md"}) {
		t.Errorf("errors chip: %v", got)
	}
	test.Tap(ws.list.chips[2])
	if got := shownPaths(ws); got[0] != "posts/x/index.md" || got[1] != "posts/y/index.md" || got[2] != "notes/go.md" {
		t.Errorf("by date: %v", got)
	}
	ws.list.sortSel.SetSelectedIndex(int(byPath))
	if got := shownPaths(ws); !slices.IsSorted(got) {
		t.Errorf("by path: %v", got)
	}
	if ws.app.Preferences().Int(prefListSort) != int(byPath) {
		t.Error("the order is not remembered")
	}
	test.Tap(ws.list.groupBtn)
	var heads []string
	for _, r := range ws.list.rows {
		if r.header {
			heads = append(heads, r.folder)
		}
	}
	if !slices.Equal(heads, []string{"", "notes", "posts/x", "posts/y"}) {
		t.Errorf("groups: %v", heads)
	}
}

func TestListTellsSameTitlesApart(t *testing.T) {
	ws, _ := listWorkspace(t)
	var titles []string
	for _, r := range ws.list.rows {
		if r.s.Title == "同名" {
			titles = append(titles, rowTitle(r, false))
		}
	}
	if !slices.Equal(titles, []string{"同名 — posts/x/", "同名 — posts/y/"}) {
		t.Errorf("same-title rows: %v", titles)
	}
}

func TestListKeys(t *testing.T) {
	ws, dir := listWorkspace(t)
	ws.list.sortSel.SetSelectedIndex(int(byPath))
	// a.md is open and is the first row.
	if ws.list.list.cursor != 0 {
		t.Fatalf("cursor = %d", ws.list.list.cursor)
	}
	press := func(k fyne.KeyName) { ws.list.list.TypedKey(&fyne.KeyEvent{Name: k}) }
	press(fyne.KeyDown)
	if ws.list.list.cursor != 1 || ws.art.Path() != filepath.Join(dir, "a.md") {
		t.Fatalf("Down: cursor %d, open %s (moving must not open)", ws.list.list.cursor, ws.art.Path())
	}
	press(fyne.KeyEnd)
	if ws.list.list.cursor != 5 {
		t.Errorf("End: cursor %d", ws.list.list.cursor)
	}
	press(fyne.KeyHome)
	press(fyne.KeyPageDown)
	if ws.list.list.cursor <= 1 {
		t.Errorf("PageDown: cursor %d", ws.list.list.cursor)
	}
	press(fyne.KeyPageUp)
	if ws.list.list.cursor != 0 {
		t.Errorf("PageUp: cursor %d", ws.list.list.cursor)
	}
	press(fyne.KeyDown)
	press(fyne.KeyReturn)
	if ws.art.Path() != filepath.Join(dir, "b.md") {
		t.Errorf("Enter opened %s", ws.art.Path())
	}
	// From the filter box: Down then Enter opens the first match.
	ws.list.focusFilter(ws.win.Canvas())
	test.Type(ws.list.filter, "go")
	ws.list.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	ws.list.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ws.art.Path() != filepath.Join(dir, "notes", "go.md") {
		t.Errorf("filter + Enter opened %s", ws.art.Path())
	}
	if ws.win.Canvas().Focused() != ws.src {
		t.Error("opening from the list did not put the focus in the editor")
	}
}

// TestFilterEnterOpensTheFirstMatch: with the open article filtered out
// nothing is chosen in the list, and Enter in the filter box opens the
// first match (as a quick-open box does), not nothing.
func TestFilterEnterOpensTheFirstMatch(t *testing.T) {
	ws, dir := listWorkspace(t)
	ws.list.focusFilter(ws.win.Canvas())
	test.Type(ws.list.filter, "go")
	if ws.list.list.cursor != -1 || len(ws.list.rows) == 0 {
		t.Fatalf("cursor %d, %d rows: want no choice and some matches", ws.list.list.cursor, len(ws.list.rows))
	}
	ws.list.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := filepath.Join(dir, ws.list.rows[ws.list.step(-1, 1)].s.Path); ws.art.Path() != want {
		t.Errorf("Enter opened %s, want %s", ws.art.Path(), want)
	}
	if ws.art.Path() == filepath.Join(dir, "a.md") {
		t.Error("Enter left the filtered-out article open")
	}
}

func TestListFollowsTheOpenArticleWhenFilteredOut(t *testing.T) {
	ws, _ := listWorkspace(t)
	ws.list.filter.SetText("zzz")
	if len(ws.list.rows) != 0 || ws.list.list.cursor != -1 {
		t.Errorf("rows %d cursor %d", len(ws.list.rows), ws.list.list.cursor)
	}
	ws.list.filter.SetText("")
	if ws.list.list.cursor < 0 || ws.list.rows[ws.list.list.cursor].s.Path != "a.md" {
		t.Error("the open article is not highlighted again")
	}
}

func TestCtrlLFocusesTheListAndHomeEndWork(t *testing.T) {
	ws, _ := listWorkspace(t)
	ws.list.sortSel.SetSelectedIndex(int(byPath))
	ws.list.focusList(ws.win.Canvas())
	if ws.win.Canvas().Focused() != ws.list.list {
		t.Fatalf("focus on %T", ws.win.Canvas().Focused())
	}
	ws.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if ws.list.list.cursor != len(ws.list.rows)-1 {
		t.Errorf("End: cursor %d", ws.list.list.cursor)
	}
}

func TestFilterHidingEverythingSaysSoAndAnotherFolderClearsIt(t *testing.T) {
	ws, _ := listWorkspace(t)
	ws.list.filter.SetText("zzz")
	if !ws.list.empty.Visible() {
		t.Error("no 'No matching articles'")
	}
	ws.list.filter.SetText("")
	if ws.list.empty.Visible() {
		t.Error("'No matching articles' over a full list")
	}
	ws.list.filter.SetText("zzz")
	other := t.TempDir()
	write(t, filepath.Join(other, "z.md"), "# z\n")
	ws.openFolder(other)
	t.Cleanup(func() {
		if ws.watcher != nil {
			ws.watcher.Close()
		}
	})
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) == 1 })
	if ws.list.filter.Text != "" {
		t.Errorf("filter %q kept for another folder", ws.list.filter.Text)
	}
}

// TestListShowsAParseErrorsLineOnce: a broken article's row reads
// "FILE:LINE: message", the line not repeated by the error's own text.
func TestListShowsAParseErrorsLineOnce(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	write(t, filepath.Join(dir, "broken.md"), "---\ntitle: \"unclosed\n---\nbody\n")
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) == 3 })
	for _, s := range ws.list.articles() {
		if s.Path != "broken.md" {
			continue
		}
		if got, want := summaryLine(s), "⚠ broken.md:2: YAML: unclosed quote"; got != want {
			t.Errorf("summary line = %q, want %q", got, want)
		}
		return
	}
	t.Fatal("broken.md is not listed")
}
