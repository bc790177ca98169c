package editor

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"

	apptheme "folio/app/theme"
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
				if got := contrastRatio(c, bg); got < minTextContrast {
					t.Errorf("kind %d (%s): %v on %v is %.2f:1, want >= %.1f", k, kindColor[k], c, bg, got, minTextContrast)
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
				if got := contrastRatio(opaque(tx.Color, bg), bg); got < minTextContrast {
					t.Errorf("text %q: %v on %v is %.2f:1, want >= %.1f", tx.Text, tx.Color, bg, got, minTextContrast)
				}
			}
			if !seen[hlCode] || !seen[hlHeading] || !seen[hlLink] || !seen[hlMeta] {
				t.Errorf("the document did not draw every kind: %v", seen)
			}
			t.Logf("%s on %v: %s", tc.name, bg, contrastTable(r.colors, bg))
		})
	}
}

func contrastTable(cs [hlKinds]color.Color, bg color.Color) string {
	out := ""
	for k := range hlKinds {
		n := color.NRGBAModel.Convert(cs[k]).(color.NRGBA)
		out += fmt.Sprintf(" %s #%02x%02x%02x %.2f;", kindColor[k], n.R, n.G, n.B, contrastRatio(cs[k], bg))
	}
	return out
}

func TestReadableOn(t *testing.T) {
	light := color.NRGBA{0xf3, 0xf3, 0xf3, 0xff}
	dark := color.NRGBA{0x20, 0x20, 0x23, 0xff}
	tests := []struct {
		name    string
		fg, bg  color.NRGBA
		same    bool // already readable: unchanged
		lighter bool
	}{
		{"light green on light", color.NRGBA{0x43, 0xf4, 0x36, 0xff}, light, false, false},
		{"orange on light", color.NRGBA{0xff, 0x98, 0x00, 0xff}, light, false, false},
		{"grey on light", color.NRGBA{0x88, 0x88, 0x88, 0xff}, light, false, false},
		{"dark grey on light", color.NRGBA{0x56, 0x56, 0x56, 0xff}, light, true, false},
		{"dark blue on dark", color.NRGBA{0x10, 0x30, 0x90, 0xff}, dark, false, true},
		{"light green on dark", color.NRGBA{0x43, 0xf4, 0x36, 0xff}, dark, true, false},
		{"black on white", color.NRGBA{0, 0, 0, 0xff}, color.NRGBA{0xff, 0xff, 0xff, 0xff}, true, false},
	}
	for _, tc := range tests {
		got := color.NRGBAModel.Convert(readableOn(tc.fg, tc.bg)).(color.NRGBA)
		if r := contrastRatio(got, tc.bg); r < minTextContrast {
			t.Errorf("%s: %v has contrast %.2f", tc.name, got, r)
		}
		if tc.same {
			if got != tc.fg {
				t.Errorf("%s: changed a readable %v to %v", tc.name, tc.fg, got)
			}
			continue
		}
		h0, s0, l0 := toHSL(tc.fg)
		h1, s1, l1 := toHSL(got)
		if s0 > 0.1 && (math.Abs(h0-h1) > 0.15 || math.Abs(s0-s1) > 0.1) {
			t.Errorf("%s: hue/saturation %.2f/%.2f became %.2f/%.2f (%v)", tc.name, h0, s0, h1, s1, got)
		}
		if (l1 > l0) != tc.lighter {
			t.Errorf("%s: lightness %.2f became %.2f, want lighter=%v", tc.name, l0, l1, tc.lighter)
		}
		// the nearest readable lightness: a step back is not readable
		step := -2.0 / 255
		if tc.lighter {
			step = -step
		}
		if back := fromHSL(h1, s1, l1-step); contrastRatio(back, tc.bg) >= minTextContrast+0.3 {
			t.Errorf("%s: %v is darker or lighter than needed", tc.name, got)
		}
	}
}

func TestHSLRoundTrip(t *testing.T) {
	for _, c := range []color.NRGBA{{0x43, 0xf4, 0x36, 0xff}, {0xff, 0x98, 0, 0xff}, {0x29, 0x6f, 0xf6, 0xff}, {0x88, 0x88, 0x88, 0xff}, {0xff, 0, 0xff, 0xff}} {
		h, s, l := toHSL(c)
		if got := fromHSL(h, s, l); got != c {
			t.Errorf("%v -> %v", c, got)
		}
	}
}
