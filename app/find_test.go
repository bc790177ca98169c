package app

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor"
)

func TestFindBarSitsAboveTheEditor(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	if ws.find.Visible() {
		t.Fatal("the find bar shows before Ctrl+F")
	}
	ws.find.ShowFind() // Ctrl+F's action
	if !ws.find.Visible() {
		t.Fatal("Ctrl+F did not show the find bar")
	}
	found := false
	for _, o := range ws.panes.bars.Objects {
		found = found || o == ws.find
	}
	if !found {
		t.Error("the find bar is not in the bars above the editor")
	}
	ws.find.SetQuery("段")
	if len(ws.find.Matches()) != 1 {
		t.Errorf("matches = %v", ws.find.Matches())
	}
	ws.win.Canvas().Focus(ws.src)
	ws.src.SetCursorOffset(ws.src.Len())
	test.Type(ws.src, "新段")
	ws.art.Parse() // the debounced parse
	if len(ws.find.Matches()) != 2 {
		t.Errorf("after typing another match: %d matches", len(ws.find.Matches()))
	}
	ws.load(filepath.Join(dir, "b.md"))
	if len(ws.find.Matches()) != 0 {
		t.Errorf("another article keeps %d matches", len(ws.find.Matches()))
	}
}

func TestOutlineFollowsTheArticleAndJumps(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "h.md")
	write(t, path, "---\ntitle: x\n---\n# 一\n\ntext\n\n## 二\n\nmore\n")
	ws.load(path)
	hs := ws.outline.Headings()
	if len(hs) != 2 || hs[0].Text != "一" || hs[1].Line != 7 {
		t.Fatalf("headings = %+v", hs)
	}
	ws.gotoLine(7)
	if ws.src.CursorLine() != 7 || ws.outline.Current() != 1 {
		t.Errorf("caret line %d, outline current %d", ws.src.CursorLine(), ws.outline.Current())
	}
	// Typing a new heading shows in the outline after the parse.
	ws.src.SetCursorOffset(len(ws.src.Text()))
	test.Type(ws.src, "\n### 三\n")
	ws.art.Parse()
	if n := len(ws.outline.Headings()); n != 3 {
		t.Errorf("after typing a heading: %d headings", n)
	}
	ws.toggleOutline()
	if ws.panes.tabs.SelectedIndex() != tabOutline {
		t.Error("Ctrl+Shift+O did not show the outline")
	}
	ws.toggleOutline()
	if ws.panes.tabs.SelectedIndex() != tabArticles {
		t.Error("Ctrl+Shift+O again did not go back to the list")
	}
}

func TestFolderSearchStreamsAndOpensTheHit(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "b.md"))
	ws.search.query.SetText("第一段")
	ws.search.run()
	// QA F25: while it runs the pane says so, not "No results"
	if !ws.search.note.Visible() || ws.search.note.Text != "Searching…" {
		t.Errorf("while searching the pane says %q (shown %v), want Searching…", ws.search.note.Text, ws.search.note.Visible())
	}
	q := queues[ws]
	q.runUntil(t, func() bool { hits, _ := ws.search.results.Count(); return hits == 1 && !ws.search.note.Visible() })
	ws.search.results.OnOpenHit(editor.SearchHit{Path: "a.md", Abs: filepath.Join(dir, "a.md"), Line: 7, Col: 0, Len: len("第一段")})
	if ws.art.Path() != filepath.Join(dir, "a.md") || ws.src.SelectedText() != "第一段" {
		t.Errorf("opened %s, selected %q", ws.art.Path(), ws.src.SelectedText())
	}
	// A bad regular expression is said, not crashed on.
	ws.search.regex.SetChecked(true) // runs again
	ws.search.query.SetText("(")
	ws.search.run()
	q.runUntil(t, func() bool { return ws.search.note.Visible() && ws.search.note.Text != "Searching…" })
}

func TestPastedImageIsStoredAndLinked(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 3, 3)))
	ws.src.ClipboardImage = func() ([]byte, string, bool) { return buf.Bytes(), ".png", true }
	ws.app.Clipboard().SetContent("")
	ws.src.TypedShortcut(&fyne.ShortcutPaste{Clipboard: ws.app.Clipboard()})
	text := ws.src.Text()
	i := strings.Index(text, "![](images/")
	if i < 0 || !ws.art.Dirty() {
		t.Fatalf("no image link pasted: %q", text)
	}
	link := text[i+4 : i+strings.Index(text[i:], ")")]
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(link))); err != nil {
		t.Error(err)
	}
}

// QA round 7: the outline showed docs-cn's version marks as raw HTML
// (## x <span class="version-mark">从 v5.0 版本开始引入</span>). It reads
// each heading as the preview draws it, with the article's site: emoji
// shortcodes where the site's config enables them, not elsewhere.
func TestOutlineReadsHeadingsAsThePreviewDraws(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	site := filepath.Join(dir, "site")
	for _, d := range []string{filepath.Join(site, "content"), filepath.Join(dir, "plain")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(site, "hugo.toml"), "enableEmoji = true\n")
	body := "## tidb_gc_enable <span class=\"version-mark\">从 v5.0 版本开始引入</span>\n\n" +
		"## Emoji :smile: &amp; **bold** {.cls}\n\n- ## In a list\n\n<!--\n## commented out\n-->\n"
	a := filepath.Join(site, "content", "a.md")
	write(t, a, "---\ntitle: x\n---\n"+body)
	b := filepath.Join(dir, "plain", "b.md")
	write(t, b, body)
	for _, c := range []struct {
		path string
		want []string
	}{
		{a, []string{"tidb_gc_enable 从 v5.0 版本开始引入", "Emoji 😄 & bold", "In a list"}},
		{b, []string{"tidb_gc_enable 从 v5.0 版本开始引入", "Emoji :smile: & bold", "In a list"}},
	} {
		ws.load(c.path)
		var got []string
		for _, h := range ws.outline.Headings() {
			got = append(got, h.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: outline %q, want %q", filepath.Base(c.path), got, c.want)
		}
	}
}
