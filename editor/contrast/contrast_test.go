package contrast

import (
	"image/color"
	"math"
	"testing"
)

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
		got := color.NRGBAModel.Convert(ReadableOn(tc.fg, tc.bg)).(color.NRGBA)
		if r := Ratio(got, tc.bg); r < MinText {
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
		if back := fromHSL(h1, s1, l1-step); Ratio(back, tc.bg) >= MinText+0.3 {
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
