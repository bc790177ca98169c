package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotImage is returned by StoreImage and StoreImageFile for data that is
// not a PNG, JPEG, GIF, WebP, BMP, TIFF, ICO, AVIF or SVG image.
var ErrNotImage = errors.New("not an image")

// MaxImageSize is the largest image StoreImage takes.
const MaxImageSize = 64 << 20

// ImageFolder is the folder beside an article that holds its images when
// the article is not a page bundle.
const ImageFolder = "images"

// sniffImage returns the extension of the image type data holds, or "".
// It reads the same signatures as http.DetectContentType for these types
// (images_test.go checks it agrees), without linking net/http into every
// program that uses the library: that alone cost `folio get` 1.6 ms of
// start-up.
func sniffImage(data []byte) string {
	head := data[:min(len(data), 512)]
	has := func(prefix string) bool { return bytes.HasPrefix(head, []byte(prefix)) }
	switch {
	case has("\x89PNG\r\n\x1a\n"):
		return ".png"
	case has("\xff\xd8\xff"):
		return ".jpg"
	case has("GIF87a"), has("GIF89a"):
		return ".gif"
	case has("RIFF") && len(head) >= 14 && string(head[8:14]) == "WEBPVP":
		return ".webp"
	case has("BM"):
		return ".bmp"
	case has("\x00\x00\x01\x00"), has("\x00\x00\x02\x00"):
		return ".ico"
	case len(head) >= 12 && string(head[4:8]) == "ftyp" && (string(head[8:12]) == "avif" || string(head[8:12]) == "avis"):
		return ".avif"
	case has("II*\x00"), has("MM\x00*"):
		return ".tif"
	case isPlainText(head) && bytes.Contains(head, []byte("<svg")):
		return ".svg"
	}
	return ""
}

// isPlainText reports whether http.DetectContentType takes head (a file's
// first 512 bytes, not an image signature above) for text/plain or
// text/xml: a Unicode byte order mark, or an XML declaration after leading
// white space; else neither HTML (a tag DetectContentType knows, or a
// comment) nor a document, audio or font signature that can be all text,
// and no binary bytes.
func isPlainText(head []byte) bool {
	has := func(prefix string) bool { return bytes.HasPrefix(head, []byte(prefix)) }
	rest := bytes.TrimLeft(head, "\t\n\x0c\r ")
	for _, tag := range htmlSignatures {
		if len(rest) > len(tag) && bytes.EqualFold(rest[:len(tag)], []byte(tag)) && (rest[len(tag)] == ' ' || rest[len(tag)] == '>') {
			return false
		}
	}
	brand := ""
	if len(head) >= 12 {
		brand = string(head[8:12])
	}
	switch {
	case bytes.HasPrefix(rest, []byte("<?xml")), has("\xef\xbb\xbf"), has("\xfe\xff"), has("\xff\xfe"):
		return true
	case has("%PDF-"), has("%!PS-Adobe-"), has("ID3"), has("OTTO"), has("ttcf"), has("wOFF"), has("wOF2"),
		has("FORM") && brand == "AIFF", has("RIFF") && (brand == "AVI " || brand == "WAVE"):
		return false
	}
	for _, b := range head {
		if b <= 0x08 || b == 0x0b || 0x0e <= b && b <= 0x1a || 0x1c <= b && b <= 0x1f {
			return false
		}
	}
	return true
}

// htmlSignatures are the tags (and the comment) by which
// http.DetectContentType knows HTML, when followed by a space or '>'.
var htmlSignatures = []string{"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT",
	"<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"}

// imageDir returns the folder an article's images go into and the link
// prefix to reach it from the article: the article's own folder for a page
// bundle (index.md, _index.md), else its images/ folder.
func imageDir(articleAbs string) (dir, prefix string) {
	dir = filepath.Dir(articleAbs)
	stem := strings.ToLower(strings.TrimSuffix(filepath.Base(articleAbs), filepath.Ext(articleAbs)))
	if stem == "index" || stem == "_index" {
		return dir, ""
	}
	return filepath.Join(dir, ImageFolder), ImageFolder + "/"
}

// StoreImage copies an image (a pasted one) next to the article at
// articleAbs and returns the relative link to put in ![](…): into the page
// bundle's folder when the article is index.md or _index.md, else into an
// images/ folder beside the article (made if missing). The file is named
// after the content's hash (image-1a2b3c4d5e6f.png), so pasting the same
// image twice stores it once. ext (".png") is used when it agrees with the
// content; the content's own type wins otherwise. Data that is not an
// image gives ErrNotImage and nothing is written.
func StoreImage(articleAbs string, data []byte, ext string) (link string, err error) {
	sniffed, err := checkImage(data)
	if err != nil {
		return "", fmt.Errorf("store image: %w", err)
	}
	ext = imageExt(ext, sniffed)
	sum := sha256.Sum256(data)
	stem := "image-" + hex.EncodeToString(sum[:6])
	link, err = storeImage(articleAbs, data, stem, ext)
	if err != nil {
		return "", fmt.Errorf("store image: %w", err)
	}
	return link, nil
}

// StoreImageFile copies an image file (a dropped one) next to the article
// at articleAbs, as StoreImage does, keeping its name as a slug (a free
// name with -2, -3… when a different file has it; the same file already
// there is reused). An image already inside the article's image folder is
// linked where it is, without a copy.
func StoreImageFile(articleAbs, srcPath string) (link string, err error) {
	src, err := filepath.Abs(srcPath)
	if err != nil {
		return "", fmt.Errorf("store image %s: %w", srcPath, err)
	}
	dir, prefix := imageDir(articleAbs)
	if rel, err := filepath.Rel(dir, src); err == nil && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) {
		if data, err := readImageFile(src); err == nil {
			if _, err := checkImage(data); err == nil {
				return escapeLink(prefix + filepath.ToSlash(rel)), nil
			}
		}
	}
	data, err := readImageFile(src)
	if err != nil {
		return "", fmt.Errorf("store image: %w", err)
	}
	sniffed, err := checkImage(data)
	if err != nil {
		return "", fmt.Errorf("store image %s: %w", srcPath, err)
	}
	ext := imageExt(filepath.Ext(src), sniffed)
	stem := Slug(strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)))
	link, err = storeImage(articleAbs, data, stem, ext)
	if err != nil {
		return "", fmt.Errorf("store image %s: %w", srcPath, err)
	}
	return link, nil
}

// readImageFile reads a regular file of at most MaxImageSize bytes.
func readImageFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	if info.Size() > MaxImageSize {
		return nil, fmt.Errorf("%s: larger than %d MB", path, MaxImageSize>>20)
	}
	return io.ReadAll(io.LimitReader(f, MaxImageSize+1))
}

// checkImage returns the extension of data's image type, or an error when
// data is empty, too large or not an image.
func checkImage(data []byte) (string, error) {
	if len(data) > MaxImageSize {
		return "", fmt.Errorf("image larger than %d MB", MaxImageSize>>20)
	}
	ext := sniffImage(data)
	if ext == "" {
		return "", ErrNotImage
	}
	return ext, nil
}

// imageExt returns the extension a stored image gets: the given one
// (lower-cased, with its dot) when it names the sniffed type, else the
// sniffed one.
func imageExt(given, sniffed string) string {
	if !sameImageExt(given, sniffed) {
		return sniffed
	}
	g := strings.ToLower(given)
	if g[0] != '.' {
		g = "." + g
	}
	return g
}

// sameImageExt reports whether a given extension names the sniffed type
// (.jpeg for .jpg, .tiff for .tif, any case).
func sameImageExt(given, sniffed string) bool {
	g := strings.ToLower(given)
	if g != "" && g[0] != '.' {
		g = "." + g
	}
	switch g {
	case ".jpeg", ".jpe", ".jfif":
		g = ".jpg"
	case ".tiff":
		g = ".tif"
	}
	return g == sniffed
}

// storeImage writes data as stem+ext (or stem-2+ext…) in the article's
// image folder, reusing a file that already has the same content, and
// returns the link to it. The file is written to a temporary name, synced
// and linked to its final name, so no other file is replaced and no half
// image is ever seen under the final name.
func storeImage(articleAbs string, data []byte, stem, ext string) (string, error) {
	dir, prefix := imageDir(articleAbs)
	link, _, _, err := storeImageIn(dir, prefix, data, stem, ext)
	return link, err
}

// storeImageIn is storeImage into the folder dir, linked as prefix+name;
// it returns the link, the file and whether the file was written (not an
// identical one reused).
func storeImageIn(dir, prefix string, data []byte, stem, ext string) (link, file string, created bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", false, err
	}
	for i := 1; i < 10000; i++ {
		name := stem + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		target := filepath.Join(dir, name)
		old, err := os.ReadFile(target)
		switch {
		case err == nil && bytes.Equal(old, data):
			return escapeLink(prefix + name), target, false, nil
		case err == nil || !errors.Is(err, fs.ErrNotExist):
			continue // taken by another file (or unreadable): next name
		}
		if err := writeNew(dir, target, data); err != nil {
			if errors.Is(err, fs.ErrExist) {
				continue // made meanwhile
			}
			return "", "", false, err
		}
		return escapeLink(prefix + name), target, true, nil
	}
	return "", "", false, fmt.Errorf("no free name for %s%s in %s", stem, ext, dir)
}

// writeNew writes data to target, which must not exist, through a synced
// temporary file in dir. It fails with fs.ErrExist when target exists.
func writeNew(dir, target string, data []byte) error {
	tmp, err := os.CreateTemp(dir, ".folio-image-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return err
	}
	if err := os.Link(tmpName, target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// No hard links here (FAT, some network file systems): rename,
		// after one more look.
		if _, serr := os.Lstat(target); serr == nil {
			return fs.ErrExist
		}
		return os.Rename(tmpName, target)
	}
	return nil
}

// escapeLink percent-escapes the characters a Markdown link destination
// cannot hold bare (spaces, parentheses, angle brackets, %).
func escapeLink(p string) string {
	return strings.NewReplacer("%", "%25", " ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\t", "%09").Replace(p)
}
