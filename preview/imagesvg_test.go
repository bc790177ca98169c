package preview

import (
	"image/color"
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
