package library

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// StoredImage is where StoreImageIn put an image.
type StoredImage struct {
	Link    string // the link to put in ![](…)
	Path    string // the file
	Created bool   // the file was written now (not an identical one reused)
}

// ImageDir is the folder an article's images go into by default and the
// link prefix that reaches it from the article: the page bundle's own
// folder for index.md and _index.md, else images/ beside the article.
func ImageDir(articleAbs string) (dir, prefix string) { return imageDir(articleAbs) }

// StoreImageIn stores a pasted image as StoreImage does (named after its
// content's hash, the content's type winning over ext), but in the folder
// dir, linked as prefix+name: the site's own image folder ("/media/" for
// docs-cn's media/), or ImageDir's.
func StoreImageIn(dir, prefix string, data []byte, ext string) (StoredImage, error) {
	sniffed, err := checkImage(data)
	if err != nil {
		return StoredImage{}, fmt.Errorf("store image: %w", err)
	}
	ext = imageExt(ext, sniffed)
	sum := sha256.Sum256(data)
	stem := "image-" + hex.EncodeToString(sum[:6])
	link, file, created, err := storeImageIn(dir, prefix, data, stem, ext)
	if err != nil {
		return StoredImage{}, fmt.Errorf("store image: %w", err)
	}
	return StoredImage{Link: link, Path: file, Created: created}, nil
}
