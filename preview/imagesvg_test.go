package preview

import (
	"fmt"
	"image/color"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"folio/preview/markdown"
)

// TestSVGImageIsDrawn: an SVG image is decoded at its view box's size and
// drawn (QA F16: "decode image: unknown format"); one without a size is an
// error, not a panic.
func TestSVGImageIsDrawn(t *testing.T) {
	svg := `<?xml version="1.0"?>
<!-- a logo -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20">
  <rect x="0" y="0" width="20" height="20" fill="#ff0000"/>
</svg>`
	img, err := decodeCapped([]byte(svg))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 40 || b.Dy() != 20 {
		t.Fatalf("decoded %v; want 40×20", b)
	}
	if c := color.NRGBAModel.Convert(img.At(10, 10)).(color.NRGBA); c.R < 200 || c.G > 50 || c.A < 200 {
		t.Errorf("inside the red rectangle: %v", c)
	}
	if c := color.NRGBAModel.Convert(img.At(30, 10)).(color.NRGBA); c.A > 10 {
		t.Errorf("outside it: %v, want transparent", c)
	}
	if _, err := decodeCapped([]byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)); err == nil {
		t.Error("an SVG with no size decoded")
	}
}

// TestImageErrorFitsThePane: an image's error line is cut to the box's
// width with an ellipsis, not drawn past the pane's edge.
func TestImageErrorFitsThePane(t *testing.T) {
	test.NewTempApp(t)
	b := newImageBox(Inline{Kind: InlineImage, Dest: "/images/" + strings.Repeat("long-name-", 20) + ".xyz"}, markdown.Resolver{Dir: "testdata"}, newImageLoader(), nil, nil)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(300, 100))
	b.Resize(fyne.NewSize(260, b.heightFor(260)))
	var txt *canvas.Text
	for _, o := range test.WidgetRenderer(b).Objects() {
		if v, ok := o.(*canvas.Text); ok {
			txt = v
		}
	}
	if txt == nil {
		t.Fatal("no placeholder text")
	}
	if got := fyne.MeasureText(txt.Text, txt.TextSize, txt.TextStyle).Width; got > 260 {
		t.Errorf("the placeholder %q is %.0f wide in a 260 box", txt.Text, got)
	}
	if !strings.HasSuffix(txt.Text, "…") {
		t.Errorf("the cut placeholder %q has no ellipsis", txt.Text)
	}
}

// TestPercentSizedSVGIsSizedFromItsViewBox: an SVG whose width and height
// are percentages (hugoDocs' gopher-hero.svg: width="100%" height="100%"
// viewBox="0 0 272 282") is drawn at its view box's size and aspect ratio,
// as a browser does, not refused for having "no size" (QA G24).
func TestPercentSizedSVGIsSizedFromItsViewBox(t *testing.T) {
	data, err := os.ReadFile("testdata/svg/gopher-hero.svg")
	if err != nil {
		t.Fatal(err)
	}
	img, err := decodeCapped(data)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 272 || b.Dy() != 282 {
		t.Errorf("decoded %v; want 272×282 (the view box)", b)
	}
	opaque := 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			if _, _, _, a := img.At(x, y).RGBA(); a > 0x8000 {
				opaque++
			}
		}
	}
	if opaque < 100 {
		t.Errorf("only %d sampled pixels drawn: the gopher is missing", opaque)
	}
	for _, tc := range []struct{ size, want string }{
		{`width="100%" height="100%" viewBox="0 0 40 20"`, "40×20"},
		{`viewBox="0,0,40,20" width="auto"`, "40×20"},
		{`width="50%" viewBox="0 0 2000 1000"`, fmt.Sprintf("%d×%d", maxImageWidth, maxImageWidth/2)},
	} {
		svg := `<svg xmlns="http://www.w3.org/2000/svg" ` + tc.size + `><rect x="0" y="0" width="20" height="20" fill="#ff0000"/></svg>`
		img, err := decodeCapped([]byte(svg))
		if err != nil {
			t.Errorf("%s: %v", tc.size, err)
			continue
		}
		if got := fmt.Sprintf("%d×%d", img.Bounds().Dx(), img.Bounds().Dy()); got != tc.want {
			t.Errorf("%s: decoded %s; want %s", tc.size, got, tc.want)
		}
	}
	if _, err := decodeCapped([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"></svg>`)); err == nil {
		t.Error("a percentage-sized SVG without a view box decoded")
	}
}
