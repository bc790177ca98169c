package theme

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"folio/editor/contrast"
)

// QA F38: the list's second line was about 1.5:1 in the dark theme.
// ColorNameSecondaryText keeps 4.5:1 on the background, hovered or not, in
// both variants, forced or followed, and stays dimmer than the foreground.
func TestSecondaryTextIsReadableAndMuted(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Variant
		v    fyne.ThemeVariant
	}{
		{"light", VariantSystem, fynetheme.VariantLight}, {"dark", VariantSystem, fynetheme.VariantDark},
		{"forced dark", VariantDark, fynetheme.VariantLight}, {"forced light", VariantLight, fynetheme.VariantDark},
	} {
		th := New(Options{Variant: tc.opt})
		black := color.NRGBA{A: 0xff}
		bg := opaque(th.Color(fynetheme.ColorNameBackground, tc.v), black)
		hover := opaque(th.Color(fynetheme.ColorNameHover, tc.v), bg)
		fg := opaque(th.Color(fynetheme.ColorNameForeground, tc.v), bg)
		c := opaque(th.Color(ColorNameSecondaryText, tc.v), bg)
		if r := contrast.Ratio(c, bg); r < 4.5 {
			t.Errorf("%s: secondary %v on %v is %.2f:1", tc.name, c, bg, r)
		}
		if r := contrast.Ratio(c, hover); r < 4.5 {
			t.Errorf("%s: secondary %v on hovered %v is %.2f:1", tc.name, c, hover, r)
		}
		if contrast.Ratio(c, bg) >= contrast.Ratio(fg, bg)-1 {
			t.Errorf("%s: secondary %v is not dimmer than the foreground %v", tc.name, c, fg)
		}
		if old := opaque(th.Color(fynetheme.ColorNameDisabled, tc.v), bg); tc.name == "dark" {
			t.Logf("dark: disabled %.2f:1, secondary %.2f:1", contrast.Ratio(old, bg), contrast.Ratio(c, bg))
		}
	}
}
