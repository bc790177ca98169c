package preview

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"
	"strconv"
	"strings"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"folio/editor/textwidth"
)

// SVG images (logos and diagrams on documentation sites) are drawn with
// the rasteriser Fyne uses for its own SVG icons, at their view box's size
// (no wider than maxImageWidth): image.Decode knows no SVG, and the
// preview showed "decode image: unknown format" instead.

// looksSVG reports whether data is an SVG document: an <svg element near
// its start (after an XML declaration, a doctype or comments).
func looksSVG(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte("<svg"))
}

// decodeSVG rasterises an SVG document.
func decodeSVG(data []byte) (img image.Image, err error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, fmt.Errorf("decode SVG: %w", err)
	}
	w, h := icon.ViewBox.W, icon.ViewBox.H
	if !(w > 0 && h > 0) {
		// width="100%" (or "auto", "10em") stops the reader before it
		// gets to the view box, which a browser sizes such an image from
		// (hugoDocs' gopher-hero.svg, QA G24).
		if vb, ok := rootViewBox(data); ok {
			icon.ViewBox = vb
			w, h = vb.W, vb.H
		}
	}
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return nil, errors.New("decode SVG: no size (viewBox, width, height)")
	}
	if w > maxImageWidth {
		w, h = maxImageWidth, h*maxImageWidth/w
	}
	iw, ih := max(int(math.Round(w)), 1), max(int(math.Round(h)), 1)
	if iw*ih > maxImagePixels {
		return nil, fmt.Errorf("image too large: %d×%d", iw, ih)
	}
	defer func() {
		if r := recover(); r != nil { // the rasteriser panics on some paths
			img, err = nil, fmt.Errorf("draw SVG: %v", r)
		}
	}()
	icon.SetTarget(0, 0, float64(iw), float64(ih))
	rgba := image.NewRGBA(image.Rect(0, 0, iw, ih))
	scanner := rasterx.NewScannerGV(iw, ih, rgba, rgba.Bounds())
	icon.Draw(rasterx.NewDasher(iw, ih, scanner), 1)
	out := image.NewNRGBA(rgba.Bounds())
	draw.Draw(out, out.Bounds(), rgba, image.Point{}, draw.Src)
	return out, nil
}

// rootViewBox is the viewBox of data's root <svg> element, if it has a
// valid one (four numbers, positive width and height).
func rootViewBox(data []byte) (vb struct{ X, Y, W, H float64 }, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return vb, false
		}
		se, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if se.Name.Local != "svg" {
			return vb, false
		}
		for _, a := range se.Attr {
			if a.Name.Local != "viewBox" {
				continue
			}
			f := strings.FieldsFunc(a.Value, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
			if len(f) != 4 {
				return vb, false
			}
			var n [4]float64
			for i, s := range f {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return vb, false
				}
				n[i] = v
			}
			vb.X, vb.Y, vb.W, vb.H = n[0], n[1], n[2], n[3]
			return vb, vb.W > 0 && vb.H > 0
		}
		return vb, false
	}
}

// fitText is s cut to about w wide with an ellipsis (an image's error
// line: a long path and error drew past the pane's edge, QA F16). The
// width is estimated (0.6 em a character, 1 em a wide one), not shaped:
// the placeholder is laid out on whichever goroutine refreshes it.
func fitText(s string, w, size float32) string {
	if w <= 0 {
		return s
	}
	x, limit := float32(0), w-size // room for the ellipsis
	for i, r := range s {
		cw := size * 0.6
		if textwidth.IsWide(r) {
			cw = size
		}
		if x+cw > limit {
			rest := float32(0)
			for _, r := range s[i:] {
				rest += size * 0.6
				if textwidth.IsWide(r) {
					rest += size * 0.4
				}
			}
			if x+rest <= w {
				return s // it all fits
			}
			return s[:i] + "…"
		}
		x += cw
	}
	return s
}
