package app

import (
	"maps"

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
//
// The values are written in one batch, one change and so one save of the
// preferences file: set one by one, each Set saved the file again while
// Fyne's watcher of that file may reload an earlier write of the burst on
// a busy machine (its guard lasts 100 ms), and Folio was seen to quit with
// only the window's width of them on disk (the next start then opened
// another article).
func (ws *workspace) remember() {
	vals := map[string]any{
		prefListOffset:  ws.panes.outer.Offset,
		prefFormOffset:  ws.panes.formSplit.Offset,
		prefWorkOffset:  ws.panes.work.Offset,
		prefLastFolder:  ws.root,
		prefLastArticle: ws.art.Path(),
	}
	if s := ws.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		vals[prefWinWidth] = float64(s.Width)
		vals[prefWinHeight] = float64(s.Height)
	}
	p := ws.app.Preferences()
	if b, ok := p.(interface{ WriteValues(func(map[string]any)) }); ok {
		b.WriteValues(func(m map[string]any) { maps.Copy(m, vals) })
		return
	}
	for k, v := range vals {
		switch v := v.(type) {
		case float64:
			p.SetFloat(k, v)
		case string:
			p.SetString(k, v)
		}
	}
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
