package library

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pngBytes returns a tiny PNG whose pixel has the given grey level.
func pngBytes(t *testing.T, grey uint8) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	img.SetGray(0, 0, color.Gray{Y: grey})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStoreImage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"post.md": "x", "bundle/index.md": "x", "sec/_index.md": "x"})
	a, b := pngBytes(t, 0), pngBytes(t, 255)

	link, err := StoreImage(filepath.Join(dir, "post.md"), a, ".png")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "images/image-") || !strings.HasSuffix(link, ".png") {
		t.Errorf("link = %q", link)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(link))); !bytes.Equal(got, a) {
		t.Error("stored bytes differ")
	}
	// The same image again is stored once; another gets another name.
	if again, _ := StoreImage(filepath.Join(dir, "post.md"), a, "png"); again != link {
		t.Errorf("same image: %q, then %q", link, again)
	}
	other, err := StoreImage(filepath.Join(dir, "post.md"), b, ".png")
	if err != nil || other == link {
		t.Errorf("other image: %q, %v", other, err)
	}
	// Page bundles keep images beside index.md.
	for _, art := range []string{"bundle/index.md", "sec/_index.md"} {
		l, err := StoreImage(filepath.Join(dir, filepath.FromSlash(art)), a, ".png")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(l, "/") {
			t.Errorf("%s: link %q, want a name in the bundle", art, l)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.Dir(art), l)); err != nil {
			t.Error(err)
		}
	}
	// A wrong extension gives way to the content's type.
	if l, _ := StoreImage(filepath.Join(dir, "post.md"), a, ".gif"); !strings.HasSuffix(l, ".png") {
		t.Errorf("link %q for PNG data called .gif", l)
	}
	// No temporary files are left.
	entries, _ := os.ReadDir(filepath.Join(dir, "images"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestStoreImageRefusesNonImages(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "post.md")
	for _, data := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4"), []byte("PK\x03\x04zip"), []byte("<html><body>x</body></html>")} {
		if _, err := StoreImage(art, data, ".png"); !errors.Is(err, ErrNotImage) {
			t.Errorf("%q: err = %v, want ErrNotImage", data, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "images")); err == nil {
		t.Error("an images folder was made for nothing")
	}
}

func TestSniffImage(t *testing.T) {
	for _, c := range []struct {
		data, want string
	}{
		{"\x89PNG\r\n\x1a\n....", ".png"},
		{"\xff\xd8\xff\xe0....JFIF", ".jpg"},
		{"GIF89a....", ".gif"},
		{"RIFF\x00\x00\x00\x00WEBPVP8 ", ".webp"},
		{"BM......", ".bmp"},
		{"\x00\x00\x00\x1cftypavif\x00\x00", ".avif"},
		{"II*\x00....", ".tif"},
		{`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`, ".svg"},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="1"></svg>`, ".svg"},
		{"plain text", ""},
	} {
		if got := sniffImage([]byte(c.data)); got != c.want {
			t.Errorf("sniff(%q) = %q, want %q", c.data, got, c.want)
		}
	}
}

func TestStoreImageFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"post.md": "x", "notes.txt": "not an image"})
	src := t.TempDir()
	a, b := pngBytes(t, 10), pngBytes(t, 20)
	os.WriteFile(filepath.Join(src, "My Screenshot (1).PNG"), a, 0o644)
	os.WriteFile(filepath.Join(src, "other.png"), b, 0o644)
	os.WriteFile(filepath.Join(src, "photo.jpeg"), a, 0o644) // PNG data named .jpeg

	art := filepath.Join(dir, "post.md")
	link, err := StoreImageFile(art, filepath.Join(src, "My Screenshot (1).PNG"))
	if err != nil || link != "images/my-screenshot-1.png" {
		t.Fatalf("link %q, %v", link, err)
	}
	if again, _ := StoreImageFile(art, filepath.Join(src, "My Screenshot (1).PNG")); again != link {
		t.Errorf("same file again: %q", again)
	}
	// A different image with the same name gets -2.
	os.WriteFile(filepath.Join(src, "my-screenshot-1.png"), b, 0o644)
	if l, _ := StoreImageFile(art, filepath.Join(src, "my-screenshot-1.png")); l != "images/my-screenshot-1-2.png" {
		t.Errorf("clash: %q", l)
	}
	if l, _ := StoreImageFile(art, filepath.Join(src, "photo.jpeg")); l != "images/photo.png" {
		t.Errorf("mislabelled: %q", l)
	}
	// An image already in the article's images folder is linked in place.
	writeFiles(t, dir, map[string]string{"images/sub/a b.png": string(a)})
	if l, _ := StoreImageFile(art, filepath.Join(dir, "images", "sub", "a b.png")); l != "images/sub/a%20b.png" {
		t.Errorf("in place: %q", l)
	}
	if _, err := StoreImageFile(art, filepath.Join(dir, "notes.txt")); !errors.Is(err, ErrNotImage) {
		t.Errorf("text file: %v", err)
	}
	if _, err := StoreImageFile(art, filepath.Join(src, "missing.png")); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := StoreImageFile(art, src); err == nil {
		t.Error("a folder accepted")
	}
}
