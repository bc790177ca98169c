// Package contrast measures and fixes the contrast of text colours on a
// background (WCAG 2): the editor's highlight colours and the form's
// dimmed suggestions keep level AA (4.5:1) in the light and dark themes.
package contrast

import (
	"image/color"
	"math"
)

// MinText is the contrast text keeps against its background: WCAG 2
// level AA for body text.
const MinText = 4.5

// target is what ReadableOn aims at, a little above MinText so that
// rounding to 8-bit channels cannot drop under it.
const target = MinText + 0.1

// ReadableOn returns fg, made opaque over bg, or, when that is not
// readable on bg (contrast under MinText), the colour of the same
// hue and saturation with the lightness nearest fg's that is: darker on a
// light background, lighter on a dark one. Theme colours meant for icons
// and buttons (Fyne's light green "success", its orange "warning") are
// too light for text on a light background; this keeps their hue.
func ReadableOn(fg, bg color.Color) color.Color {
	b := Opaque(bg, color.White)
	f := Opaque(fg, b)
	if Ratio(f, b) >= MinText {
		return f
	}
	h, s, l := toHSL(f)
	lb := Luminance(b)
	darker := (lb+0.05)/0.05 >= 1.05/(lb+0.05) // black is the better contrast
	lo, hi := 0.0, l                           // lightness range searched
	if !darker {
		lo, hi = l, 1
	}
	// The contrast grows monotonically as the lightness moves away from
	// the background's, so bisect for the nearest lightness that reaches
	// the target.
	for range 40 {
		mid := (lo + hi) / 2
		ok := Ratio(fromHSL(h, s, mid), b) >= target
		if ok == darker {
			lo = mid
		} else {
			hi = mid
		}
	}
	best := hi // the bound that reaches the target
	if darker {
		best = lo
	}
	c := fromHSL(h, s, best)
	for i := 0; Ratio(c, b) < MinText && i < 255; i++ {
		// rounding: step one more towards black or white
		if darker {
			best = math.Max(best-1.0/255, 0)
		} else {
			best = math.Min(best+1.0/255, 1)
		}
		c = fromHSL(h, s, best)
	}
	return c
}

// Ratio is the WCAG 2 contrast ratio of two opaque colours, from 1 (the
// same) to 21 (black on white).
func Ratio(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Luminance is the WCAG 2 relative luminance of an opaque colour.
func Luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// Opaque composes c over the opaque under, as it shows when drawn there.
func Opaque(c, under color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0xff {
		return n
	}
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	mix := func(a, b uint8) uint8 {
		return uint8((int(a)*int(n.A) + int(b)*(255-int(n.A)) + 127) / 255)
	}
	return color.NRGBA{R: mix(n.R, u.R), G: mix(n.G, u.G), B: mix(n.B, u.B), A: 0xff}
}

// toHSL returns the hue (0-6), saturation and lightness (0-1) of c.
func toHSL(c color.NRGBA) (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	d := mx - mn
	if d == 0 {
		return 0, 0, l
	}
	s = d / (1 - math.Abs(2*l-1))
	switch mx {
	case r:
		h = math.Mod((g-b)/d+6, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h, s, l
}

// fromHSL is the opaque colour of hue h (0-6), saturation s and lightness l.
func fromHSL(h, s, l float64) color.NRGBA {
	ch := (1 - math.Abs(2*l-1)) * s
	x := ch * (1 - math.Abs(math.Mod(h, 2)-1))
	var r, g, b float64
	switch {
	case h < 1:
		r, g = ch, x
	case h < 2:
		r, g = x, ch
	case h < 3:
		g, b = ch, x
	case h < 4:
		g, b = x, ch
	case h < 5:
		r, b = x, ch
	default:
		r, b = ch, x
	}
	m := l - ch/2
	to8 := func(v float64) uint8 { return uint8(math.Round(math.Min(math.Max(v+m, 0), 1) * 255)) }
	return color.NRGBA{R: to8(r), G: to8(g), B: to8(b), A: 0xff}
}
