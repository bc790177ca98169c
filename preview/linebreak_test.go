package preview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestCanBreakBetween(t *testing.T) {
	for _, tc := range []struct {
		a, b rune
		want bool
	}{
		{'中', '文', true},
		{'文', 'A', true},
		{'A', '文', true},
		{'a', 'b', false},
		{' ', 'b', true},
		{'a', ' ', false},
		{'文', '，', false},
		{'，', '文', true},
		{'（', '文', false},
		{'文', '。', false},
		{'2', '0', false},
		{'年', 'A', true},
		{'a', ',', false},
	} {
		if got := canBreakBetween(tc.a, tc.b); got != tc.want {
			t.Errorf("canBreakBetween(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMeasureCacheSharesOneHanAdvance(t *testing.T) {
	test.NewTempApp(t)
	c := newMeasureCache()
	a := c.measure("字", 14, fyne.TextStyle{})
	for _, r := range "趋势预测人工智能" {
		if got := c.measure(string(r), 14, fyne.TextStyle{}); got != a {
			t.Fatalf("%c measures %v, 字 %v", r, got, a)
		}
	}
	if len(c.m)+len(c.han) != 1 {
		t.Errorf("cache holds %d entries for single ideographs, want 1", len(c.m)+len(c.han))
	}
	c.measure("ab", 14, fyne.TextStyle{})
	if len(c.m) != 1 {
		t.Error("Latin text must be measured on its own")
	}
}
