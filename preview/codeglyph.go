package preview

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"folio/editor/textwidth"

	"folio/editor/glyphs"
)

// Code keeps a monospace grid. Folio's monospace face (Noto Sans Mono CJK)
// draws some one-column characters a full em wide: box drawing, curly
// quotes ‘’“”, arrows, ×, ①. Code blocks (code.go, gridText) and inline
// code draw them alike, each on its one column:
//
//   - box drawing from the monospace face, centred on its column, so its
//     lines reach into the neighbours' and join;
//   - a character Fyne's Latin monospace face (DejaVu Sans Mono) has, from
//     that face, at the text's size, centred on its column: a quote drawn
//     for one column, not a CJK full-width one squeezed into it;
//   - any other (①) from the monospace face, in a code block shrunk to fit
//     its column; inline code keeps its advance.

// glyphKind is how code draws a character.
type glyphKind uint8

const (
	glyphAsIs   glyphKind = iota // its advance is its columns' width (or inline code keeps it)
	glyphBox                     // box drawing: centred on one column
	glyphLatin                   // from the Latin monospace face, centred on one column
	glyphShrunk                  // shrunk to fit one column (code blocks only)
)

// latinMono is Fyne's Latin monospace face.
func latinMono() fyne.Resource { return theme.DefaultTextMonospaceFont() }

// latinMonoHas reports whether the Latin monospace face has r.
func latinMonoHas(r rune) bool { return glyphs.Has(latinMono(), r) }

// codeGlyph is how code draws r, whose advance in the monospace face is
// w, on cells cell wide.
func codeGlyph(r rune, w, cell float32) glyphKind {
	if r < 0x80 || textwidth.Columns(r) != 1 || w > cell-0.5 && w < cell+0.5 {
		return glyphAsIs
	}
	switch {
	case textwidth.IsBoxDrawing(r):
		return glyphBox
	case latinMonoHas(r):
		return glyphLatin
	case w > cell:
		return glyphShrunk
	}
	return glyphAsIs
}

// inlineGlyph is how inline code draws r (glyphBox, glyphLatin or
// glyphAsIs).
func inlineGlyph(mc *measureCache, r rune, size float32, style fyne.TextStyle) glyphKind {
	if r < 0x80 || textwidth.IsWide(r) {
		return glyphAsIs
	}
	cell := mc.measure("M", size, style).Width
	k := codeGlyph(r, mc.measure(string(r), size, style).Width, cell)
	if k == glyphShrunk {
		return glyphAsIs
	}
	return k
}

// hasOneColumn reports whether inline code draws a character of s on one
// column (inlineGlyph).
func hasOneColumn(mc *measureCache, s string, size float32, style fyne.TextStyle) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, r := range s[i:] {
				if inlineGlyph(mc, r, size, style) != glyphAsIs {
					return true
				}
			}
			return false
		}
	}
	return false
}

// inlineCodeSize is the size of s in an inline code run: as measured, a
// character drawn on one column (inlineGlyph) counted one column (the
// width of "M").
func inlineCodeSize(mc *measureCache, s string, size float32, style fyne.TextStyle) fyne.Size {
	if !hasOneColumn(mc, s, size, style) {
		return mc.measure(s, size, style)
	}
	cell := mc.measure("M", size, style)
	w := float32(0)
	forCodeSegments(mc, s, size, style, func(seg string, k glyphKind) {
		if k != glyphAsIs {
			w += cell.Width
		} else {
			w += mc.measure(seg, size, style).Width
		}
	})
	return fyne.NewSize(w, cell.Height)
}

// forCodeSegments calls fn for the pieces of s in order: runs of
// characters drawn as they are, and each character drawn on one column
// alone (with its kind).
func forCodeSegments(mc *measureCache, s string, size float32, style fyne.TextStyle, fn func(seg string, k glyphKind)) {
	start := 0
	for i, r := range s {
		k := glyphAsIs
		if r >= 0x80 {
			k = inlineGlyph(mc, r, size, style)
		}
		if k == glyphAsIs {
			continue
		}
		if i > start {
			fn(s[start:i], glyphAsIs)
		}
		n := utf8.RuneLen(r)
		fn(s[i:i+n], k)
		start = i + n
	}
	if start < len(s) {
		fn(s[start:], glyphAsIs)
	}
}

// inlineCodeTexts appends the texts that draw s, a piece of an inline
// code run, from x (y, h: the text's top and the line's height): a
// character drawn on one column is centred on it.
func inlineCodeTexts(objs []fyne.CanvasObject, mc *measureCache, s string, c color.Color, size float32, style fyne.TextStyle, x, y, h float32) []fyne.CanvasObject {
	cell := mc.measure("M", size, style)
	forCodeSegments(mc, s, size, style, func(seg string, k glyphKind) {
		t := canvas.NewText(seg, c)
		t.TextSize = size
		t.TextStyle = style
		w, dy := cell.Width, float32(0)
		switch k {
		case glyphAsIs:
			w = mc.measure(seg, size, style).Width
		case glyphBox:
			t.Alignment = fyne.TextAlignCenter
		case glyphLatin:
			t.Alignment = fyne.TextAlignCenter
			t.FontSource = latinMono()
			dy = latinBaselineShift(size, style)
		}
		t.Move(fyne.NewPos(x, y+dy))
		t.Resize(fyne.NewSize(w, h))
		objs = append(objs, t)
		x += w
	})
	return objs
}

// latinBaselineShift is how far a text from the Latin monospace face is
// moved down to sit on the monospace face's baseline. Fyne centres a text
// vertically in its box, and the Latin face's line is shorter than the
// CJK face's, so the shift is the difference of the baselines measured
// from each line's middle (not from its top: that drew an arrow 0.14 em
// low, QA7 H2).
func latinBaselineShift(size float32, style fyne.TextStyle) float32 {
	app := fyne.CurrentApp()
	if app == nil {
		return 0
	}
	drv := app.Driver()
	bs, base := drv.RenderedTextSize("M", size, style, nil)
	ls, latin := drv.RenderedTextSize("M", size, style, latinMono())
	return (base - bs.Height/2) - (latin - ls.Height/2)
}
