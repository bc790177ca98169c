package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// secondaryText is the theme of the list rows' second line (date, tags,
// folder): the app's theme with its dimmed colour (a LowImportance label's)
// made readable, at least 4.5:1 on the list's background in the light and
// the dark theme (QA F38: ~1.5:1 in the dark theme).
type secondaryText struct{}

var (
	secondaryOnDark  = color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}
	secondaryOnLight = color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
)

func (secondaryText) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color implements fyne.Theme.
func (s secondaryText) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	th := s.current()
	if n != fynetheme.ColorNameDisabled {
		return th.Color(n, v)
	}
	if luminance(th.Color(fynetheme.ColorNameBackground, v)) < 0.5 {
		return secondaryOnDark
	}
	return secondaryOnLight
}

// Font implements fyne.Theme.
func (s secondaryText) Font(st fyne.TextStyle) fyne.Resource { return s.current().Font(st) }

// Icon implements fyne.Theme.
func (s secondaryText) Icon(n fyne.ThemeIconName) fyne.Resource { return s.current().Icon(n) }

// Size implements fyne.Theme.
func (s secondaryText) Size(n fyne.ThemeSizeName) float32 { return s.current().Size(n) }

// luminance is c's relative luminance (WCAG), 0 (black) to 1 (white).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
