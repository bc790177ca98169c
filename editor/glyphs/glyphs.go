// Package glyphs tells whether a font resource has a character, reading
// each font's character map once. The preview and the editor use it to
// draw what Folio's CJK faces draw badly (arrows in code, Latin italics)
// from one of Fyne's Latin faces, only when that face has the character.
package glyphs

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
)

// faces holds the parsed faces by resource name; a face that cannot be
// read is stored as nil. Entries are never changed once stored.
var faces sync.Map // string → *font.Face

// Has reports whether the font res has a glyph for r (false for a nil
// resource or one that is not a font).
func Has(res fyne.Resource, r rune) bool {
	if res == nil {
		return false
	}
	f := face(res)
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}

func face(res fyne.Resource) *font.Face {
	if v, ok := faces.Load(res.Name()); ok {
		return v.(*font.Face)
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		f = nil
	}
	v, _ := faces.LoadOrStore(res.Name(), f)
	return v.(*font.Face)
}
