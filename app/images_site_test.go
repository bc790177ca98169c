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
)

// pasteImage pastes a small PNG (the size picks its content) into the open
// article and returns the inserted link's destination.
func pasteImage(t *testing.T, ws *workspace, size int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, size, size))); err != nil {
		t.Fatal(err)
	}
	ws.src.ClipboardImage = func() ([]byte, string, bool) { return buf.Bytes(), ".png", true }
	ws.app.Clipboard().SetContent("")
	before := ws.src.Text()
	ws.src.TypedShortcut(&fyne.ShortcutPaste{Clipboard: ws.app.Clipboard()})
	text := ws.src.Text()
	i := strings.Index(text, "![](")
	if i < 0 || text == before {
		t.Fatalf("no image link pasted: %q", text)
	}
	return text[i+4 : i+strings.Index(text[i:], ")")]
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPastedImageGoesToTheSiteImageFolder: in a site that keeps its
// images in a top-level media/ and links them "/media/x.png" (docs-cn),
// a pasted image goes there, linked from the site root, not into a new
// images/ folder beside the article (QA H14).
func TestPastedImageGoesToTheSiteImageFolder(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	writeFiles(t, dir, map[string]string{
		"media/old.png":   "x",
		"sql/explain.md":  "# 执行计划\n\n![计划](/media/plan.png)\n",
		"sql/analyze.md":  "# 分析\n\n![a](/media/a.png) ![b](/media/b.png)\n",
		"sql/trace.md":    "# 追踪\n\n正文\n",
		"other/remote.md": "![r](https://example.com/r.png)\n",
	})
	ws.load(filepath.Join(dir, "sql", "trace.md"))
	link := pasteImage(t, ws, 3)
	if !strings.HasPrefix(link, "/media/image-") {
		t.Fatalf("link %q, want /media/image-…", link)
	}
	if _, err := os.Stat(filepath.Join(dir, "media", strings.TrimPrefix(link, "/media/"))); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sql", "images")); err == nil {
		t.Error("an images/ folder was made beside the article")
	}
	if msg := ws.status.label.Text; !strings.Contains(msg, "media/image-") {
		t.Errorf("status %q, want it to say where the image went", msg)
	}
}

// TestPastedImageHugoStatic: a Hugo site with static/images gets the
// pasted image there, linked "/images/…".
func TestPastedImageHugoStatic(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	writeFiles(t, dir, map[string]string{
		"hugo.toml":              "title = \"x\"\n",
		"static/images/keep.png": "x",
		"content/post.md":        "# Post\n",
	})
	ws.load(filepath.Join(dir, "content", "post.md"))
	link := pasteImage(t, ws, 4)
	if !strings.HasPrefix(link, "/images/image-") {
		t.Fatalf("link %q, want /images/image-…", link)
	}
	if _, err := os.Stat(filepath.Join(dir, "static", "images", strings.TrimPrefix(link, "/images/"))); err != nil {
		t.Error(err)
	}
}

// TestUndoPasteRemovesTheImage: undoing a paste removes the image file it
// wrote (and the images/ folder it made), saying so; redo writes it
// again. A file still linked from another article stays.
func TestUndoPasteRemovesTheImage(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	link := pasteImage(t, ws, 5)
	file := filepath.Join(dir, filepath.FromSlash(link))
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	ws.src.Undo()
	if strings.Contains(ws.src.Text(), link) {
		t.Fatalf("undo left the link: %q", ws.src.Text())
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("the pasted image is still there after undo")
	}
	if _, err := os.Stat(filepath.Join(dir, "images")); err == nil {
		t.Error("the images/ folder the paste made is still there")
	}
	// the parse after the edit shows the counts: the message stays
	// until the caret moves
	ws.showStatus(ws.src.CursorLine(), ws.src.CursorColumn())
	if msg := ws.status.label.Text; !strings.Contains(msg, "Removed the pasted image") || !strings.Contains(msg, "images/image-") {
		t.Errorf("status %q, want it to say the image was removed", msg)
	}
	ws.showStatus(0, 0)
	if msg := ws.status.label.Text; strings.Contains(msg, "Removed the pasted image") {
		t.Errorf("status %q kept after the caret moved", msg)
	}
	ws.src.Redo()
	if !strings.Contains(ws.src.Text(), link) {
		t.Fatalf("redo did not put the link back: %q", ws.src.Text())
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("redo did not put the image back: %v", err)
	}

	// linked from b.md too: kept on undo
	ws.src.Undo()
	link = pasteImage(t, ws, 6)
	file = filepath.Join(dir, filepath.FromSlash(link))
	writeFiles(t, dir, map[string]string{"b.md": "# B\n\n![](" + link + ")\n"})
	ws.src.Undo()
	if _, err := os.Stat(file); err != nil {
		t.Errorf("an image another article links was removed: %v", err)
	}
}
