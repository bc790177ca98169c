// Package textwidth is Folio's one rule for how wide a character is and
// whether it is CJK: the editor, the counts, `folio list`, the preview and
// its code blocks all ask here, so they agree on every character.
//
// Widths follow Unicode's East Asian Width (golang.org/x/text/width):
// wide and full-width characters take two columns, combining marks and
// other zero-width characters none, and everything else, ambiguous
// characters such as box drawing (─ │ └) included, one.
package textwidth

import (
	"unicode"

	"golang.org/x/text/width"
)

// Columns is how many monospace columns r takes: 0, 1 or 2.
func Columns(r rune) int {
	switch {
	case r < 0x300:
		if r < 0x20 || r == 0x7F {
			return 0
		}
		return 1
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
		return 0 // zero-width space, joiners, word joiner, BOM
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		return 0
	}
	if IsWide(r) {
		return 2
	}
	return 1
}

// IsWide reports whether r is East Asian wide or full-width (two columns).
func IsWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// StringColumns is the sum of Columns over s.
func StringColumns(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x7F && r >= 0x20 {
			n++
			continue
		}
		n += Columns(r)
	}
	return n
}

// IsCJK reports whether r is a CJK character or symbol: Han (with its
// radicals and compatibility forms), kana, Hangul, Bopomofo, CJK
// punctuation and symbols, and the full- and half-width forms. Text may
// wrap between any two of them, and no space is implied between them.
func IsCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x11FF, // Hangul Jamo
		0x2E80 <= r && r <= 0x303F,   // radicals, CJK symbols and punctuation
		0x3040 <= r && r <= 0x31FF,   // kana, Bopomofo, compatibility Jamo, kana extensions
		0x3200 <= r && r <= 0x9FFF,   // enclosed, compatibility, extension A, unified ideographs
		0xA960 <= r && r <= 0xA97F,   // Hangul Jamo extended A
		0xAC00 <= r && r <= 0xD7FF,   // Hangul syllables, Jamo extended B
		0xF900 <= r && r <= 0xFAFF,   // compatibility ideographs
		0xFE30 <= r && r <= 0xFE4F,   // CJK compatibility forms
		0xFF00 <= r && r <= 0xFFEF,   // half- and full-width forms
		0x1B000 <= r && r <= 0x1B16F, // kana supplement and extensions
		0x20000 <= r && r <= 0x3FFFF: // Han extensions B and later
		return true
	}
	return false
}

// IsHan reports whether r is read as one CJK character when counting words:
// a CJK letter (Han, kana, Hangul) rather than CJK punctuation.
// Full-width Latin letters and digits, half-width Hangul and Bopomofo are
// not.
func IsHan(r rune) bool {
	if !IsCJK(r) || 0xFF00 <= r && r <= 0xFF65 || 0xFFA0 <= r && r <= 0xFFEF ||
		0x3100 <= r && r <= 0x312F || 0x31A0 <= r && r <= 0x31BF {
		return false
	}
	return unicode.IsLetter(r) || r == 0x3007 || 0x3021 <= r && r <= 0x3029 || 0x2E80 <= r && r <= 0x2FDF
}

// IsBoxDrawing reports whether r is a box-drawing character or a block
// element (U+2500–U+259F): drawn on its monospace cell even when its glyph
// is wider, so that lines of them join.
func IsBoxDrawing(r rune) bool { return 0x2500 <= r && r <= 0x259F }
