// Package theme is Folio's Fyne theme: Fyne's default look, with the bundled
// Noto Sans SC fonts so Chinese renders even where no CJK font is installed,
// a text scale option and an optional forced light or dark variant.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"folio/assets"
)

// Variant chooses between light and dark colours.
type Variant int

const (
	// VariantSystem follows the variant Fyne passes to Color (the user's
	// system or Fyne setting). It is the zero value.
	VariantSystem Variant = iota
	// VariantLight always uses light colours.
	VariantLight
	// VariantDark always uses dark colours.
	VariantDark
)

// Text scale limits: New clamps Options.TextScale into this range.
const (
	MinTextScale = 0.5
	MaxTextScale = 3
)

// Options configures the theme returned by New. The zero value is Fyne's
// default sizes, following the system variant.
type Options struct {
	// TextScale multiplies every text size (body, headings, sub-headings,
	// captions) and the inline icon size that sits beside text. Zero means 1;
	// other values are clamped to [MinTextScale, MaxTextScale]. Paddings and
	// other sizes are not scaled (use FYNE_SCALE for a whole-UI zoom).
	TextScale float32
	// Variant forces light or dark colours; VariantSystem follows Fyne.
	Variant Variant
}

// folioTheme wraps Fyne's default theme.
type folioTheme struct {
	base    fyne.Theme
	scale   float32
	variant Variant
	// secondary is ColorNameSecondaryText in the light and the dark
	// variant, computed once.
	secondary [2]color.NRGBA
}

// New returns Folio's theme configured by opts. It is safe to call again (for
// example after a preference changes) and set the result with
// fyne.App.Settings().SetTheme.
func New(opts Options) fyne.Theme {
	scale := opts.TextScale
	switch {
	case scale == 0:
		scale = 1
	case scale < MinTextScale:
		scale = MinTextScale
	case scale > MaxTextScale:
		scale = MaxTextScale
	}
	v := opts.Variant
	if v != VariantLight && v != VariantDark {
		v = VariantSystem
	}
	t := &folioTheme{base: fynetheme.DefaultTheme(), scale: scale, variant: v}
	for i, tv := range []fyne.ThemeVariant{fynetheme.VariantLight, fynetheme.VariantDark} {
		t.secondary[i] = secondaryText(t.base, tv)
	}
	return t
}

// Color returns the default theme's colour for name, in the forced variant
// if Options.Variant set one, otherwise in v.
func (t *folioTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case VariantLight:
		v = fynetheme.VariantLight
	case VariantDark:
		v = fynetheme.VariantDark
	}
	if name == ColorNameSecondaryText {
		if v == fynetheme.VariantDark {
			return t.secondary[1]
		}
		return t.secondary[0]
	}
	return t.base.Color(name, v)
}

// Font returns the bundled CJK fonts. CJK has no italic, so italic text uses
// the upright face of the same weight; monospace text (code and the source
// editor) uses Noto Sans Mono CJK SC, whose hanzi are exactly two columns
// wide. Symbol text keeps Fyne's symbol font.
func (t *folioTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return t.base.Font(s)
	case s.Monospace:
		return assets.FontMonospace
	case s.Bold:
		return assets.FontBold
	default:
		return assets.FontRegular
	}
}

// Icon returns the default theme's icon.
func (t *folioTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return t.base.Icon(name)
}

// Size returns the default theme's size, multiplied by the text scale for
// text sizes and inline icons. Modal dialogs get no blurred backdrop (the
// dimming stays): Fyne redraws the blur of the whole window in every frame
// while a dialog is open, and with a software renderer (llvmpipe) that made
// each key typed into a dialog cost ~200 ms instead of ~25 ms (QA F31); the
// default radius, 1.5, is barely visible.
func (t *folioTheme) Size(name fyne.ThemeSizeName) float32 {
	s := t.base.Size(name)
	switch name {
	case fynetheme.SizeNameText, fynetheme.SizeNameHeadingText, fynetheme.SizeNameSubHeadingText,
		fynetheme.SizeNameCaptionText, fynetheme.SizeNameInlineIcon:
		return s * t.scale
	case fynetheme.SizeNameModalBlurRadius:
		return 0
	}
	return s
}
