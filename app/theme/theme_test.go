package theme

import (
	"bytes"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"folio/assets"
)

func TestFontReturnsBundledResources(t *testing.T) {
	th := New(Options{})
	for _, tc := range []struct {
		name  string
		style fyne.TextStyle
		want  fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontRegular},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold},
		{"monospace", fyne.TextStyle{Monospace: true}, assets.FontMonospace},
		{"bold monospace", fyne.TextStyle{Monospace: true, Bold: true}, assets.FontMonospace},
		{"underline", fyne.TextStyle{Underline: true}, assets.FontRegular},
		{"symbol", fyne.TextStyle{Symbol: true}, fynetheme.DefaultTheme().Font(fyne.TextStyle{Symbol: true})},
	} {
		if got := th.Font(tc.style); got != tc.want {
			t.Errorf("%s: Font = %v, want %v", tc.name, got.Name(), tc.want.Name())
		}
	}
}

func TestTextScale(t *testing.T) {
	base := fynetheme.DefaultTheme()
	for _, tc := range []struct {
		scale, want float32
	}{
		{0, 1}, {1, 1}, {1.25, 1.25}, {2, 2}, {0.1, MinTextScale}, {-1, MinTextScale}, {10, MaxTextScale},
	} {
		th := New(Options{TextScale: tc.scale})
		for _, name := range []fyne.ThemeSizeName{
			fynetheme.SizeNameText, fynetheme.SizeNameHeadingText, fynetheme.SizeNameSubHeadingText,
			fynetheme.SizeNameCaptionText, fynetheme.SizeNameInlineIcon,
		} {
			if got, want := th.Size(name), base.Size(name)*tc.want; got != want {
				t.Errorf("scale %v: Size(%s) = %v, want %v", tc.scale, name, got, want)
			}
		}
		// Layout sizes stay as they are.
		for _, name := range []fyne.ThemeSizeName{fynetheme.SizeNamePadding, fynetheme.SizeNameScrollBar} {
			if got, want := th.Size(name), base.Size(name); got != want {
				t.Errorf("scale %v: Size(%s) = %v, want unscaled %v", tc.scale, name, got, want)
			}
		}
	}
}

func TestColorVariants(t *testing.T) {
	base := fynetheme.DefaultTheme()
	light, dark := fynetheme.VariantLight, fynetheme.VariantDark
	names := []fyne.ThemeColorName{fynetheme.ColorNameBackground, fynetheme.ColorNameForeground, fynetheme.ColorNamePrimary}
	for _, tc := range []struct {
		variant Variant
		asked   fyne.ThemeVariant
		want    fyne.ThemeVariant
	}{
		{VariantSystem, light, light},
		{VariantSystem, dark, dark},
		{VariantLight, dark, light},
		{VariantLight, light, light},
		{VariantDark, light, dark},
		{VariantDark, dark, dark},
		{Variant(42), dark, dark}, // unknown values behave like VariantSystem
	} {
		th := New(Options{Variant: tc.variant})
		for _, name := range names {
			if got, want := th.Color(name, tc.asked), base.Color(name, tc.want); !sameColor(got, want) {
				t.Errorf("variant %d asked %d: Color(%s) = %v, want %v", tc.variant, tc.asked, name, got, want)
			}
		}
	}
	// The variants must actually differ, or the table above proves nothing.
	if sameColor(base.Color(fynetheme.ColorNameBackground, light), base.Color(fynetheme.ColorNameBackground, dark)) {
		t.Fatal("light and dark backgrounds are equal")
	}
}

func sameColor(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// shapedWidth shapes s with the bundled font r alone, as Fyne's text
// painter would, and returns its advance at size points.
func shapedWidth(t *testing.T, r fyne.Resource, s string, size float32) float32 {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(s)
	var total fixed.Int26_6
	// Shape per script run, as Fyne does (Latin and Han are separate runs).
	start := 0
	for i := 1; i <= len(text); i++ {
		if i < len(text) && language.LookupScript(text[i]) == language.LookupScript(text[start]) {
			continue
		}
		out := (&shaping.HarfbuzzShaper{}).Shape(shaping.Input{
			Text: text, RunStart: start, RunEnd: i, Direction: di.DirectionLTR, Face: face,
			Size: fixed.Int26_6(size * 64), Script: language.LookupScript(text[start]), Language: language.NewLanguage("zh-Hans"),
		})
		total += out.Advance
		start = i
	}
	return float32(total) / 64
}

// TestMeasureTextUsesBundledFonts measures mixed Chinese/English text through
// Fyne with the theme set, and checks it against the bundled fonts' own
// metrics: hanzi are full width (one em), not tofu, and the Latin letters
// come from the bundled font too, not from a fallback.
func TestMeasureTextUsesBundledFonts(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New(Options{}))
	const size = 20

	if w := fyne.MeasureText("中文标题", size, fyne.TextStyle{}).Width; math.Abs(float64(w-4*size)) > 0.5 {
		t.Errorf("width of 中文标题 = %v, want four full-width glyphs = %v", w, 4*size)
	}
	if w := fyne.MeasureText("“引号”，标点。", size, fyne.TextStyle{}).Width; math.Abs(float64(w-8*size)) > 0.5 {
		t.Errorf("width of “引号”，标点。 = %v, want eight full-width glyphs = %v", w, 8*size)
	}
	for _, tc := range []struct {
		text  string
		style fyne.TextStyle
		font  fyne.Resource
	}{
		{"Folio 写作 Markdown", fyne.TextStyle{}, assets.FontRegular},
		{"Folio 粗体 Bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"Folio 斜体 Italic", fyne.TextStyle{Italic: true}, assets.FontRegular},
		{"func 中文()", fyne.TextStyle{Monospace: true}, assets.FontMonospace},
	} {
		got := fyne.MeasureText(tc.text, size, tc.style).Width
		want := shapedWidth(t, tc.font, tc.text, size)
		if math.Abs(float64(got-want)) > 0.5 {
			t.Errorf("%q %+v: measured width %v, want %v from %s", tc.text, tc.style, got, want, tc.font.Name())
		}
	}
	// Monospace: ASCII is half a hanzi, so "func 中文()" is 5×½ + 2 + 2×½ em.
	if w := fyne.MeasureText("func 中文()", size, fyne.TextStyle{Monospace: true}).Width; math.Abs(float64(w-5.5*size)) > 0.5 {
		t.Errorf("monospace width = %v, want 5.5 em = %v", w, 5.5*size)
	}
}

// TestMeasureTextScales checks that the text scale reaches Fyne's measured
// text through theme.TextSize.
func TestMeasureTextScales(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New(Options{TextScale: 1.5}))
	size := fynetheme.TextSize()
	if want := fynetheme.DefaultTheme().Size(fynetheme.SizeNameText) * 1.5; size != want {
		t.Fatalf("theme.TextSize() = %v, want %v", size, want)
	}
	if w := fyne.MeasureText("缩放", size, fyne.TextStyle{}).Width; math.Abs(float64(w-2*size)) > 0.5 {
		t.Errorf("width of 缩放 at %v = %v, want %v", size, w, 2*size)
	}
}

// TestNoModalBlur: dialogs dim the window but do not blur it (a blur is a
// full-window pass in every frame a dialog is open: QA F31); the other
// sizes are the default theme's.
func TestNoModalBlur(t *testing.T) {
	th := New(Options{})
	if got := th.Size(fynetheme.SizeNameModalBlurRadius); got != 0 {
		t.Errorf("modal blur radius %v; want 0", got)
	}
	if got, want := th.Size(fynetheme.SizeNamePadding), fynetheme.DefaultTheme().Size(fynetheme.SizeNamePadding); got != want {
		t.Errorf("padding %v; want the default %v", got, want)
	}
}
