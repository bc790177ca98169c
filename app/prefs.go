package app

import (
	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"folio/app/theme"
)

// Preference keys.
const (
	prefVariant   = "theme.variant"    // int: theme.Variant
	prefTextScale = "theme.text_scale" // float: text scale
	// prefRemoteImages (bool) lets the preview fetch http(s) images, with
	// a timeout and a size cap; off by default.
	prefRemoteImages = "preview.remote_images"
)

// themeOptions reads the theme preferences.
func themeOptions(p fyne.Preferences) theme.Options {
	return theme.Options{
		Variant:   theme.Variant(p.IntWithFallback(prefVariant, int(theme.VariantSystem))),
		TextScale: float32(p.FloatWithFallback(prefTextScale, 1)),
	}
}

// applyTheme stores opts and makes them the app's theme.
func applyTheme(a fyne.App, opts theme.Options) {
	a.Preferences().SetInt(prefVariant, int(opts.Variant))
	a.Preferences().SetFloat(prefTextScale, float64(opts.TextScale))
	a.Settings().SetTheme(theme.New(opts))
}

// isDark tells whether the app currently shows dark colours.
func isDark(a fyne.App) bool {
	switch themeOptions(a.Preferences()).Variant {
	case theme.VariantDark:
		return true
	case theme.VariantLight:
		return false
	}
	return a.Settings().ThemeVariant() == fynetheme.VariantDark
}
