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
	"fyne.io/fyne/v2/storage"
)

func TestDroppedImageIsCopiedAndLinkedAtTheCaret(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 2, 2)))
	src := filepath.Join(t.TempDir(), "截图 1.png")
	if err := os.WriteFile(src, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	caret := ws.src.CursorOffset()
	ws.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(src)})
	text := ws.src.Text()
	inserted := text[caret:]
	if !strings.HasPrefix(inserted, "![截图 1](images/") || !ws.art.Dirty() {
		t.Fatalf("inserted %q, dirty %v", inserted[:min(60, len(inserted))], ws.art.Dirty())
	}
	link := inserted[strings.Index(inserted, "(")+1 : strings.Index(inserted, ")")]
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(link))); err != nil {
		t.Errorf("the image was not copied to %s: %v", link, err)
	}
	ws.src.Undo()
	if ws.src.Text() != articleText || ws.art.Dirty() {
		t.Error("the drop is not one undo step back to the saved text")
	}
}
