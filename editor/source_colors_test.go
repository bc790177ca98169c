package editor

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"

	apptheme "folio/app/theme"
	"folio/editor/contrast"
)

// contrastDoc has a run of every highlight kind.
const contrastDoc = "---\ntitle: 标题\n---\n# 标题 heading\n\n正文 **粗体** *斜体* `code` [链接](https://x.cn)\n\n- item\n> quote\n\n```go\nfunc main() {}\n```\n"

// TestSourceColoursContrast draws a document with every highlight kind in
// Folio's light and dark themes (and Fyne's default one) and checks that
// every run of text reaches WCAG AA contrast (4.5:1) against the editor's
// background. Fyne's light "success" green, used for code, was 1.4:1.
func TestSourceColoursContrast(t *testing.T) {
	themes := []struct {
		name string
		th   fyne.Theme
		v    fyne.ThemeVariant
	}{
		{"folio light", apptheme.New(apptheme.Options{Variant: apptheme.VariantLight}), fynetheme.VariantLight},
		{"folio dark", apptheme.New(apptheme.Options{Variant: apptheme.VariantDark}), fynetheme.VariantDark},
		{"fyne light", fynetheme.LightTheme(), fynetheme.VariantLight}, //nolint:staticcheck // the plain variants
		{"fyne dark", fynetheme.DarkTheme(), fynetheme.VariantDark},    //nolint:staticcheck
	}
	for _, tc := range themes {
		t.Run(tc.name, func(t *testing.T) {
			s, w := newTestSource(t, contrastDoc)
			fyne.CurrentApp().Settings().SetTheme(tc.th)
			s.Refresh()
			w.Canvas().Refresh(s)
			r := test.TempWidgetRenderer(t, s).(*sourceRenderer)
			bg := r.bg.FillColor
			seen := map[hlKind]bool{}
			for k := range hlKinds {
				c := r.colors[k]
				if got := contrast.Ratio(c, bg); got < contrast.MinText {
					t.Errorf("kind %d (%s): %v on %v is %.2f:1, want >= %.1f", k, kindColor[k], c, bg, got, contrast.MinText)
				}
			}
			for _, o := range r.Objects() {
				tx, ok := o.(*canvas.Text)
				if !ok || !tx.Visible() || tx.Text == "" {
					continue
				}
				for k := range hlKinds {
					if r.colors[k] == tx.Color {
						seen[k] = true
					}
				}
				if got := contrast.Ratio(contrast.Opaque(tx.Color, bg), bg); got < contrast.MinText {
					t.Errorf("text %q: %v on %v is %.2f:1, want >= %.1f", tx.Text, tx.Color, bg, got, contrast.MinText)
				}
			}
			if !seen[hlCode] || !seen[hlHeading] || !seen[hlLink] || !seen[hlMeta] {
				t.Errorf("the document did not draw every kind: %v", seen)
			}
			t.Logf("%s on %v: %s", tc.name, bg, contrastTable(r.colors, bg))
		})
	}
}

// contrastTable lists each kind's colour and its contrast on bg.
func contrastTable(cs [hlKinds]color.Color, bg color.Color) string {
	out := ""
	for k := range hlKinds {
		n := color.NRGBAModel.Convert(cs[k]).(color.NRGBA)
		out += fmt.Sprintf(" %s #%02x%02x%02x %.2f;", kindColor[k], n.R, n.G, n.B, contrast.Ratio(cs[k], bg))
	}
	return out
}
