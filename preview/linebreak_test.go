package preview

import "testing"

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
