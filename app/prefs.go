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

	prefRecent      = "folder.recent" // string list: Open Recent, newest first
	prefLastFolder  = "folder.last"   // string: the folder open when Folio closed
	prefLastArticle = "article.last"  // string: the article open when Folio closed
	prefWinWidth    = "window.width"  // float
	prefWinHeight   = "window.height" // float
	prefListOffset  = "pane.list"     // float: list | rest divider
	prefFormOffset  = "pane.form"     // float: form | editor+preview divider
	prefWorkOffset  = "pane.editor"   // float: editor | preview divider
)

// defaultWindowSize is the first window's size.
var defaultWindowSize = fyne.NewSize(1400, 880)

// windowSize is the size the window had when Folio last closed.
func windowSize(p fyne.Preferences) fyne.Size {
	w := float32(p.FloatWithFallback(prefWinWidth, float64(defaultWindowSize.Width)))
	h := float32(p.FloatWithFallback(prefWinHeight, float64(defaultWindowSize.Height)))
	if w < 400 || h < 300 {
		return defaultWindowSize
	}
	return fyne.NewSize(w, h)
}

// remember stores what should survive a restart: the window's size, the
// pane widths, the folder and the article.
func (ws *workspace) remember() {
	p := ws.app.Preferences()
	if s := ws.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		p.SetFloat(prefWinWidth, float64(s.Width))
		p.SetFloat(prefWinHeight, float64(s.Height))
	}
	p.SetFloat(prefListOffset, ws.panes.outer.Offset)
	p.SetFloat(prefFormOffset, ws.panes.formSplit.Offset)
	p.SetFloat(prefWorkOffset, ws.panes.work.Offset)
	p.SetString(prefLastFolder, ws.root)
	p.SetString(prefLastArticle, ws.art.Path())
}

// restorePanes sets the pane widths Folio had when it last closed.
func (ws *workspace) restorePanes() {
	p := ws.app.Preferences()
	clamp := func(f float64) float64 { return min(max(f, 0.05), 0.95) }
	ws.panes.outer.Offset = clamp(p.FloatWithFallback(prefListOffset, defaultListOffset))
	ws.panes.formSplit.Offset = clamp(p.FloatWithFallback(prefFormOffset, defaultFormOffset))
	ws.panes.work.Offset = clamp(p.FloatWithFallback(prefWorkOffset, defaultWorkOffset))
	ws.panes.outer.Refresh()
}

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
