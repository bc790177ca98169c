// Command icongen draws Folio's application icon and the small chart used by
// the sample articles, with nothing but the standard library, so both PNGs
// can be regenerated and reviewed as code:
//
//	go run ./assets/internal/icongen -icon assets/icon/folio.png -chart assets/samples/images/reading-time.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
)

func main() {
	iconPath := flag.String("icon", "", "write the 512×512 app icon PNG here")
	chartPath := flag.String("chart", "", "write the sample chart PNG here")
	flag.Parse()
	if *iconPath == "" && *chartPath == "" {
		fmt.Fprintln(os.Stderr, "icongen: nothing to do; pass -icon and/or -chart")
		os.Exit(2)
	}
	if *iconPath != "" {
		if err := writePNG(*iconPath, drawIcon(512)); err != nil {
			fmt.Fprintln(os.Stderr, "icongen:", err)
			os.Exit(1)
		}
	}
	if *chartPath != "" {
		if err := writePNG(*chartPath, drawChart(560, 280)); err != nil {
			fmt.Fprintln(os.Stderr, "icongen:", err)
			os.Exit(1)
		}
	}
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}

// canvas accumulates straight-alpha float colour and composites shapes over it.
type canvas struct {
	w, h int
	px   []rgba
}

type rgba struct{ r, g, b, a float64 }

func newCanvas(w, h int) *canvas { return &canvas{w: w, h: h, px: make([]rgba, w*h)} }

// shape returns the coverage (0..1) of the pixel whose centre is (x, y).
type shape func(x, y float64) float64

// paint composites colour c (with coverage from s, times opacity) over the canvas.
// fill may vary per pixel (for gradients).
func (cv *canvas) paint(s shape, fill func(x, y float64) rgba) {
	for y := 0; y < cv.h; y++ {
		for x := 0; x < cv.w; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			cov := s(fx, fy)
			if cov <= 0 {
				continue
			}
			src := fill(fx, fy)
			sa := src.a * cov
			d := &cv.px[y*cv.w+x]
			oa := sa + d.a*(1-sa)
			if oa == 0 {
				continue
			}
			d.r = (src.r*sa + d.r*d.a*(1-sa)) / oa
			d.g = (src.g*sa + d.g*d.a*(1-sa)) / oa
			d.b = (src.b*sa + d.b*d.a*(1-sa)) / oa
			d.a = oa
		}
	}
}

func (cv *canvas) image() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, cv.w, cv.h))
	for i, p := range cv.px {
		img.Pix[4*i+0] = to8(p.r)
		img.Pix[4*i+1] = to8(p.g)
		img.Pix[4*i+2] = to8(p.b)
		img.Pix[4*i+3] = to8(p.a)
	}
	return img
}

func to8(v float64) uint8 { return uint8(math.Round(clamp01(v) * 255)) }

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func hex(c uint32) rgba {
	return rgba{float64(c>>16&0xff) / 255, float64(c>>8&0xff) / 255, float64(c&0xff) / 255, 1}
}

func solid(c rgba) func(x, y float64) rgba { return func(float64, float64) rgba { return c } }

func withAlpha(c rgba, a float64) rgba { c.a = a; return c }

func mix(a, b rgba, t float64) rgba {
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// roundRect is an anti-aliased rounded rectangle via its signed distance;
// blur > 0.5 softens the edge (for shadows).
func roundRect(x0, y0, x1, y1, r, blur float64) shape {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	return func(x, y float64) float64 {
		qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
		out := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
		in := math.Min(math.Max(qx, qy), 0)
		d := out + in - r
		return clamp01(0.5 - d/(2*blur))
	}
}

// polygon is an even-odd polygon, anti-aliased by 4×4 supersampling.
func polygon(pts ...[2]float64) shape {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	inside := func(x, y float64) bool {
		in := false
		for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
			xi, yi, xj, yj := pts[i][0], pts[i][1], pts[j][0], pts[j][1]
			if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
				in = !in
			}
		}
		return in
	}
	return func(x, y float64) float64 {
		if x < minX-1 || x > maxX+1 || y < minY-1 || y > maxY+1 {
			return 0
		}
		n := 0
		for sy := 0; sy < 4; sy++ {
			for sx := 0; sx < 4; sx++ {
				if inside(x-0.5+(float64(sx)+0.5)/4, y-0.5+(float64(sy)+0.5)/4) {
					n++
				}
			}
		}
		return float64(n) / 16
	}
}

func intersect(a, b shape) shape { return func(x, y float64) float64 { return a(x, y) * b(x, y) } }

// drawIcon draws a white folio page with a folded corner, a title line, text
// lines and a red bookmark on a blue rounded square.
func drawIcon(size int) image.Image {
	cv := newCanvas(size, size)
	s := float64(size) / 512
	sc := func(v float64) float64 { return v * s }

	// Background tile: rounded square with a vertical blue gradient.
	top, bottom := hex(0x4C6EF5), hex(0x364FC7)
	cv.paint(roundRect(sc(24), sc(24), sc(488), sc(488), sc(104), 0.5), func(_, y float64) rgba {
		return mix(top, bottom, y/float64(size))
	})

	// Page geometry (with a folded top-right corner).
	px0, py0, px1, py1, fold := sc(128), sc(88), sc(384), sc(424), sc(72)
	page := polygon([2]float64{px0, py0}, [2]float64{px1 - fold, py0}, [2]float64{px1, py0 + fold},
		[2]float64{px1, py1}, [2]float64{px0, py1})

	// Soft shadow, then the page, then the fold.
	cv.paint(roundRect(px0+sc(4), py0+fold, px1+sc(4), py1+sc(14), sc(12), sc(14)),
		solid(withAlpha(hex(0x1B2A80), 0.35)))
	cv.paint(intersect(page, roundRect(px0, py0, px1, py1, sc(10), 0.5)), solid(hex(0xFFFFFF)))
	cv.paint(polygon([2]float64{px1 - fold, py0}, [2]float64{px1 - fold, py0 + fold}, [2]float64{px1, py0 + fold}),
		solid(hex(0xDBE4FF)))

	// Title line (accent) and body lines (grey), like a rendered article.
	ink, accent := hex(0xADB5BD), hex(0x364FC7)
	cv.paint(roundRect(px0+sc(36), py0+sc(104), px1-sc(60), py0+sc(130), sc(13), 0.5), solid(accent))
	for i, right := range []float64{36, 60, 36, 96} {
		y := py0 + sc(168) + float64(i)*sc(38)
		cv.paint(roundRect(px0+sc(36), y, px1-sc(right), y+sc(16), sc(8), 0.5), solid(ink))
	}

	// Bookmark ribbon hanging from the top edge.
	bx0, bx1, by1 := px0+sc(36), px0+sc(84), py0+sc(78)
	cv.paint(polygon([2]float64{bx0, py0}, [2]float64{bx1, py0}, [2]float64{bx1, by1},
		[2]float64{(bx0 + bx1) / 2, by1 - sc(18)}, [2]float64{bx0, by1}), solid(hex(0xF03E3E)))
	return cv.image()
}

// drawChart draws a small bar chart (no text) for the sample articles.
func drawChart(w, h int) image.Image {
	cv := newCanvas(w, h)
	fw, fh := float64(w), float64(h)
	cv.paint(roundRect(0, 0, fw, fh, 16, 0.5), solid(hex(0xF8F9FA)))
	// Grid lines.
	for i := 1; i <= 4; i++ {
		y := fh - 36 - float64(i)*(fh-72)/4
		cv.paint(roundRect(40, y, fw-24, y+1.5, 0.5, 0.5), solid(hex(0xDEE2E6)))
	}
	// Bars.
	values := []float64{0.35, 0.55, 0.48, 0.72, 0.9, 0.66, 0.8}
	colors := []uint32{0x4C6EF5, 0x4C6EF5, 0x4C6EF5, 0x4C6EF5, 0xF03E3E, 0x4C6EF5, 0x4C6EF5}
	slot := (fw - 64 - 24) / float64(len(values))
	for i, v := range values {
		x0 := 64 + float64(i)*slot + slot*0.18
		x1 := x0 + slot*0.64
		y1 := fh - 36
		y0 := y1 - v*(fh-72)
		cv.paint(intersect(roundRect(x0, y0, x1, y1+12, 8, 0.5), roundRect(x0-1, y0-1, x1+1, y1, 0, 0.5)),
			solid(hex(colors[i])))
	}
	// Axis.
	cv.paint(roundRect(40, fh-37, fw-24, fh-34, 1, 0.5), solid(hex(0x495057)))
	return cv.image()
}
