package theme

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"folio/editor/contrast"
)

// ColorNameSecondaryText is the colour of secondary text (the list rows'
// date · tags or folder line): between the foreground and the background,
// as muted as it can be while keeping 4.5:1 (WCAG AA) against the
// background, also under the hover tint. Fyne's dimmed text
// (ColorNameDisabled, a Label's LowImportance) is about 1.5:1 in the dark
// theme (QA F38). Only Folio's theme knows the name.
const ColorNameSecondaryText fyne.ThemeColorName = "folioSecondaryText"

// Knows reports whether th is Folio's theme, which resolves
// ColorNameSecondaryText (another theme, a test's, does not: use
// Fyne's placeholder colour there).
func Knows(th fyne.Theme) bool {
	_, ok := th.(*folioTheme)
	return ok
}

// minSecondaryContrast is what secondaryText aims at: AA's 4.5:1 and a
// little more, so that rounding to 8-bit channels cannot drop under it.
const minSecondaryContrast = 4.6

// secondaryText returns the mix of th's foreground into its background,
// in variant v, nearest the background whose contrast against the
// background, plain and hovered, is at least minSecondaryContrast.
func secondaryText(th fyne.Theme, v fyne.ThemeVariant) color.NRGBA {
	bg := opaque(th.Color(fynetheme.ColorNameBackground, v), color.NRGBA{A: 0xff})
	fg := opaque(th.Color(fynetheme.ColorNameForeground, v), bg)
	hover := opaque(th.Color(fynetheme.ColorNameHover, v), bg)
	c := fg
	for w := 0.3; w <= 1; w += 0.01 {
		m := mix(fg, bg, w)
		if contrast.Ratio(m, bg) >= minSecondaryContrast && contrast.Ratio(m, hover) >= minSecondaryContrast {
			c = m
			break
		}
	}
	return c
}

// mix is w of a and 1-w of b.
func mix(a, b color.NRGBA, w float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(w*float64(x) + (1-w)*float64(y))) }
	return color.NRGBA{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: 0xff}
}

// opaque composes c over the opaque under.
func opaque(c color.Color, under color.NRGBA) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0xff {
		return n
	}
	m := func(a, b uint8) uint8 { return uint8((int(a)*int(n.A) + int(b)*(255-int(n.A)) + 127) / 255) }
	return color.NRGBA{R: m(n.R, under.R), G: m(n.G, under.G), B: m(n.B, under.B), A: 0xff}
}
