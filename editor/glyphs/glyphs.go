// Package glyphs tells whether a font resource has a character, reading
// each font's character map once. The preview and the editor use it to
// draw what Folio's CJK faces draw badly (arrows in code, Latin italics)
// from one of Fyne's Latin faces, only when that face has the character.
package glyphs

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// ItalicFace returns Fyne's Latin italic face for style (bold italic for
// bold), or nil when style is not italic or is monospace or symbol text.
// Folio's own faces (Noto Sans SC) have no italic: text in the theme's
// face is drawn upright, and ItalicSegments tells which parts of an italic
// text this face can draw instead.
func ItalicFace(style fyne.TextStyle) fyne.Resource {
	if !style.Italic || style.Monospace || style.Symbol {
		return nil
	}
	if style.Bold {
		return theme.DefaultTextBoldItalicFont()
	}
	return theme.DefaultTextItalicFont()
}

// ItalicSegments calls fn with the consecutive parts of s, a text in
// style, and the face each is drawn from: ItalicFace(style) for a part it
// has every character of (Latin text), nil, the theme's face, for the rest
// (Chinese, emoji, symbols it lacks), which stays upright as browsers draw
// CJK without an italic face. A style that is not italic gives one call
// with nil; an empty s gives none.
func ItalicSegments(s string, style fyne.TextStyle, fn func(seg string, face fyne.Resource)) {
	face := ItalicFace(style)
	if face == nil {
		if s != "" {
			fn(s, nil)
		}
		return
	}
	start, in := 0, false
	for i, r := range s {
		has := r >= 0x20 && r < 0x7F || Has(face, r) // printable ASCII: every Latin face has it
		if i == 0 {
			in = has
			continue
		}
		if has != in {
			fn(s[start:i], faceIf(in, face))
			start, in = i, has
		}
	}
	if start < len(s) {
		fn(s[start:], faceIf(in, face))
	}
}

func faceIf(ok bool, face fyne.Resource) fyne.Resource {
	if ok {
		return face
	}
	return nil
}

// Shift is how far down a text drawn from the font src at size moves so
// that its baseline meets the theme face's (style) when both are drawn in
// boxes of the same height: Fyne centres a text vertically in its box, so
// the baselines are compared from the middle of each face's line. It is 0
// without an app.
func Shift(size float32, style fyne.TextStyle, src fyne.Resource) float32 {
	app := fyne.CurrentApp()
	if app == nil || src == nil {
		return 0
	}
	drv := app.Driver()
	bs, base := drv.RenderedTextSize("M", size, style, nil)
	ls, b := drv.RenderedTextSize("M", size, style, src)
	return (base - bs.Height/2) - (b - ls.Height/2)
}
