package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
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

// imageExts maps a sniffed content type to its file extension.
var imageExts = map[string]string{
	"image/png":                ".png",
	"image/jpeg":               ".jpg",
	"image/gif":                ".gif",
	"image/webp":               ".webp",
	"image/bmp":                ".bmp",
	"image/x-icon":             ".ico",
	"image/vnd.microsoft.icon": ".ico",
	"image/tiff":               ".tif",
	"image/avif":               ".avif",
	"image/svg+xml":            ".svg",
}

// sniffImage returns the extension of the image type data holds, or "".
func sniffImage(data []byte) string {
	ct := http.DetectContentType(data)
	if ext, ok := imageExts[ct]; ok {
		return ext
	}
	head := data[:min(len(data), 512)]
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "avif" || string(data[8:12]) == "avis"):
		return ".avif"
	case len(data) >= 4 && (string(data[:4]) == "II*\x00" || string(data[:4]) == "MM\x00*"):
		return ".tif"
	case (strings.HasPrefix(ct, "text/xml") || strings.HasPrefix(ct, "text/plain")) && bytes.Contains(head, []byte("<svg")):
		return ".svg"
	}
	return ""
}

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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
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
			return escapeLink(prefix + name), nil
		case err == nil || !errors.Is(err, fs.ErrNotExist):
			continue // taken by another file (or unreadable): next name
		}
		if err := writeNew(dir, target, data); err != nil {
			if errors.Is(err, fs.ErrExist) {
				continue // made meanwhile
			}
			return "", err
		}
		return escapeLink(prefix + name), nil
	}
	return "", fmt.Errorf("no free name for %s%s in %s", stem, ext, dir)
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
