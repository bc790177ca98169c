package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"

	"folio/app/theme"
)

// TestListSecondLineIsReadable: the list rows' second line (date, tags,
// folder) has at least 4.5:1 contrast on the background in both themes
// (QA F38: ~1.5:1 in the dark theme).
func TestListSecondLineIsReadable(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	row := ws.list.create()
	over := row.(*fyne.Container).Objects[1].(*container.ThemeOverride)
	for _, v := range []theme.Variant{theme.VariantDark, theme.VariantLight} {
		opts := themeOptions(ws.app.Preferences())
		opts.Variant = v
		applyTheme(ws.app, opts)
		variant := fyne.CurrentApp().Settings().ThemeVariant()
		fg := over.Theme.Color(fynetheme.ColorNameDisabled, variant)
		bg := fyne.CurrentApp().Settings().Theme().Color(fynetheme.ColorNameBackground, variant)
		a, b := luminance(fg), luminance(bg)
		if a < b {
			a, b = b, a
		}
		if ratio := (a + 0.05) / (b + 0.05); ratio < 4.5 {
			t.Errorf("variant %v: second line contrast %.2f:1, want at least 4.5:1", v, ratio)
		}
	}
}
