package preview

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"folio/editor/textwidth"
)

// Inline code is drawn as code blocks draw it (code.go, gridText): a
// box-drawing character takes one monospace column, centred on it, even
// though the monospace face (Noto Sans Mono CJK) draws it a full em wide;
// so `├─ a` in a sentence is as wide as in a code block, and its lines
// join. Other characters keep their face's advance.

// oneColumn reports whether code draws r on one monospace column whatever
// its glyph's advance.
func oneColumn(r rune) bool { return textwidth.IsBoxDrawing(r) }

// hasOneColumn reports whether s holds a character oneColumn draws.
func hasOneColumn(s string) bool {
	if strings.IndexByte(s, 0xE2) < 0 { // U+2000–U+2FFF start with 0xE2
		return false
	}
	for _, r := range s {
		if oneColumn(r) {
			return true
		}
	}
	return false
}

// inlineCodeSize is the size of s in an inline code run: as measured, each
// oneColumn character counted one column (the width of "M").
func inlineCodeSize(mc *measureCache, s string, size float32, style fyne.TextStyle) fyne.Size {
	if !hasOneColumn(s) {
		return mc.measure(s, size, style)
	}
	cell := mc.measure("M", size, style)
	w := float32(0)
	forCodeSegments(s, func(seg string, one bool) {
		if one {
			w += cell.Width
		} else {
			w += mc.measure(seg, size, style).Width
		}
	})
	return fyne.NewSize(w, cell.Height)
}

// forCodeSegments calls fn for the pieces of s in order: runs of other
// characters, and each oneColumn character alone (one set).
func forCodeSegments(s string, fn func(seg string, one bool)) {
	start := 0
	for i, r := range s {
		if !oneColumn(r) {
			continue
		}
		if i > start {
			fn(s[start:i], false)
		}
		n := utf8.RuneLen(r)
		fn(s[i:i+n], true)
		start = i + n
	}
	if start < len(s) {
		fn(s[start:], false)
	}
}

// inlineCodeTexts appends the texts that draw s, a piece of an inline code run,
// from x (y, h: the text's top and the line's height): a oneColumn
// character is centred on its column.
func inlineCodeTexts(objs []fyne.CanvasObject, mc *measureCache, s string, c color.Color, size float32, style fyne.TextStyle, x, y, h float32) []fyne.CanvasObject {
	cell := mc.measure("M", size, style)
	forCodeSegments(s, func(seg string, one bool) {
		t := canvas.NewText(seg, c)
		t.TextSize = size
		t.TextStyle = style
		w := cell.Width
		if one {
			t.Alignment = fyne.TextAlignCenter
		} else {
			w = mc.measure(seg, size, style).Width
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, h))
		objs = append(objs, t)
		x += w
	})
	return objs
}
