package assets

import (
	"testing"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// siteSymbols are the symbols other than letters, hanzi and CJK
// punctuation that the real sites use most (counted over hugoDocs' content
// and pingcap/docs-cn, QA7 H2): → 973 times in 290 hugoDocs pages, box
// drawing in directory trees, quotes, ✓ ≤ ≥ ⇒ ← × in tables and prose.
const siteSymbols = "→←↑↓⇒─│├└┌┐┘┬┴┤“”‘’…—–×÷±≤≥≠✓★●•°µ«»‹›"

// TestSiteSymbolsDrawnFullSize: each of siteSymbols is in the bundled face
// of every style or in Fyne's Latin face of that style (Fyne's first
// fallback), and none is a speck: its ink is at least a third of an x's
// height or width (dots, dashes and the ellipsis excepted), so an arrow is
// not drawn dot-sized. (█, 20 uses in one docs-cn page, is in neither
// proportional face: the system font draws it.)
func TestSiteSymbolsDrawnFullSize(t *testing.T) {
	small := map[rune]bool{'…': true, '•': true, '°': true, '—': true, '–': true, '─': true, '│': true, '‹': true, '›': true}
	for _, tc := range []struct {
		bundled, latin fyne.Resource
	}{
		{FontRegular, fynetheme.DefaultTextFont()},
		{FontBold, fynetheme.DefaultTextBoldFont()},
		{FontMonospace, fynetheme.DefaultTextMonospaceFont()},
	} {
		faces := []*font.Face{parseFont(t, tc.bundled), parseFont(t, tc.latin)}
		for _, c := range siteSymbols {
			var face *font.Face
			var g font.GID
			for _, f := range faces {
				if gid, ok := f.NominalGlyph(c); ok {
					face, g = f, gid
					break
				}
			}
			if face == nil {
				t.Errorf("%s: %q (%U) is in neither it nor %s", tc.bundled.Name(), c, c, tc.latin.Name())
				continue
			}
			xg, _ := face.NominalGlyph('x')
			xe, _ := face.GlyphExtents(xg)
			e, _ := face.GlyphExtents(g)
			if small[c] {
				continue
			}
			if -e.Height < -xe.Height/3 && e.Width < xe.Width/3 {
				t.Errorf("%s: %q is a speck: %v×%v, x %v×%v", tc.bundled.Name(), c, e.Width, -e.Height, xe.Width, -xe.Height)
			}
			if e.Width < xe.Width/2 && -e.Height < -xe.Height/2 {
				t.Errorf("%s: %q is small: %v×%v, x %v×%v", tc.bundled.Name(), c, e.Width, -e.Height, xe.Width, -xe.Height)
			}
		}
	}
}
