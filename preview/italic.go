package preview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"folio/editor/glyphs"
)

// Italics. Folio's text faces are Noto Sans SC, which has no italic, and
// the theme gives italic text the upright face so that Chinese never falls
// back to a missing glyph. That made emphasis invisible (QA H15): *x*,
// _x_, <em> and <i> looked like plain text. The preview draws the parts of
// an italic run that Fyne's Latin italic face (Noto Sans Italic, or Bold
// Italic) has in that face, and the rest (Chinese, emoji, symbols) upright
// in the theme's face, as browsers do for CJK without an italic font
// (glyphs.ItalicSegments). Measuring and drawing split the text alike.

// measureItalic is the size of s in style drawn as glyphs.ItalicSegments
// says: the segments' widths added, the tallest height.
func measureItalic(drv fyne.Driver, s string, size float32, style fyne.TextStyle) fyne.Size {
	var out fyne.Size
	glyphs.ItalicSegments(s, style, func(seg string, face fyne.Resource) {
		m, _ := drv.RenderedTextSize(seg, size, style, face)
		out.Width += m.Width
		out.Height = max(out.Height, m.Height)
	})
	return out
}

// hasItalicPart reports whether some part of s in style is drawn from
// the italic face.
func hasItalicPart(s string, style fyne.TextStyle) bool {
	if glyphs.ItalicFace(style) == nil {
		return false
	}
	found := false
	glyphs.ItalicSegments(s, style, func(_ string, face fyne.Resource) { found = found || face != nil })
	return found
}

// italicTexts appends the texts that draw s, an italic piece, from x (y:
// the text's top, h the line's height): italic parts from the italic face
// on the theme face's baseline, the rest upright.
func italicTexts(objs []fyne.CanvasObject, drv fyne.Driver, s string, c color.Color, size float32, style fyne.TextStyle, x, y, h float32) []fyne.CanvasObject {
	glyphs.ItalicSegments(s, style, func(seg string, face fyne.Resource) {
		t := canvas.NewText(seg, c)
		t.TextSize = size
		t.TextStyle = style
		t.FontSource = face
		m, _ := drv.RenderedTextSize(seg, size, style, face)
		t.Move(fyne.NewPos(x, y+glyphs.Shift(size, style, face)))
		t.Resize(fyne.NewSize(m.Width, h))
		objs = append(objs, t)
		x += m.Width
	})
	return objs
}
