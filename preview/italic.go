package preview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"folio/editor/glyphs"
)

// Italics. Folio's text faces are Noto Sans SC, which has no italic, and
// the theme gives italic text the upright face so that Chinese never falls
// back to a missing glyph. That made emphasis invisible (QA H15): *x*,
// _x_, <em> and <i> looked like plain text. The preview draws the parts of
// an italic run that Fyne's Latin italic face (Noto Sans Italic, or Bold
// Italic) has in that face, and the rest (Chinese, emoji, symbols) upright
// in the theme's face, as browsers do for CJK without an italic font.
// Measuring and drawing go through italicSegments, so both agree.

// italicFace returns Fyne's Latin italic face for style (bold italic for
// bold), or nil when the style is not italic or is monospace.
func italicFace(style fyne.TextStyle) fyne.Resource {
	if !style.Italic || style.Monospace || style.Symbol {
		return nil
	}
	if style.Bold {
		return theme.DefaultTextBoldItalicFont()
	}
	return theme.DefaultTextItalicFont()
}

// italicHas reports whether the italic face of style has r. Printable
// ASCII is taken as present (every Latin face has it) without a lookup.
func italicHas(r rune, style fyne.TextStyle) bool {
	if r >= 0x20 && r < 0x7F {
		return true
	}
	return glyphs.Has(italicFace(style), r)
}

// italicSegments calls fn with the consecutive parts of s, a text in
// style, and the face each is drawn from: the italic face for a part it
// has every character of, nil (the theme's face) for the rest. A style
// that is not italic gives one call with nil.
func italicSegments(s string, style fyne.TextStyle, fn func(seg string, face fyne.Resource)) {
	face := italicFace(style)
	if face == nil {
		fn(s, nil)
		return
	}
	start, inItalic := 0, true
	for i, r := range s {
		has := italicHas(r, style)
		if i == 0 {
			inItalic = has
			continue
		}
		if has != inItalic {
			fn(s[start:i], faceIf(inItalic, face))
			start, inItalic = i, has
		}
	}
	if start < len(s) {
		fn(s[start:], faceIf(inItalic, face))
	}
}

func faceIf(ok bool, face fyne.Resource) fyne.Resource {
	if ok {
		return face
	}
	return nil
}

// measureItalic is the size of s in style drawn as italicSegments says:
// the segments' widths added, the tallest height.
func measureItalic(drv fyne.Driver, s string, size float32, style fyne.TextStyle) fyne.Size {
	var out fyne.Size
	italicSegments(s, style, func(seg string, face fyne.Resource) {
		m, _ := drv.RenderedTextSize(seg, size, style, face)
		out.Width += m.Width
		out.Height = max(out.Height, m.Height)
	})
	return out
}

// hasItalicPart reports whether some part of s in style is drawn from
// the italic face.
func hasItalicPart(s string, style fyne.TextStyle) bool {
	if italicFace(style) == nil {
		return false
	}
	for _, r := range s {
		if italicHas(r, style) {
			return true
		}
	}
	return false
}

// italicTexts appends the texts that draw s, an italic piece, from x (y:
// the text's top for the theme's face with baseline base; h the line's
// height): italic parts from the italic face on the same baseline, the
// rest upright.
func italicTexts(objs []fyne.CanvasObject, drv fyne.Driver, s string, c color.Color, size float32, style fyne.TextStyle, x, y, base, h float32) []fyne.CanvasObject {
	italicSegments(s, style, func(seg string, face fyne.Resource) {
		t := canvas.NewText(seg, c)
		t.TextSize = size
		t.TextStyle = style
		t.FontSource = face
		m, b := drv.RenderedTextSize(seg, size, style, face)
		dy := float32(0)
		if face != nil {
			dy = base - b // onto the theme face's baseline
		}
		t.Move(fyne.NewPos(x, y+dy))
		t.Resize(fyne.NewSize(m.Width, h))
		objs = append(objs, t)
		x += m.Width
	})
	return objs
}
