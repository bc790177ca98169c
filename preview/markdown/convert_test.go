package markdown

import (
	"strings"
	"testing"
)

// TestSourceUnits checks the word-at-a-time count against the byte rule:
// an ASCII byte is 0.55 em, a multi-byte character 1 (its lead byte).
func TestSourceUnits(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want float32
	}{
		{"", 0},
		{"abc", 3 * 0.55},
		{"abcdefgh", 8 * 0.55},
		{"abcdefghi", 9 * 0.55},
		{"中文", 2},
		{"ab中文cdefghijk", 2 + 11*0.55},
		{"abcdefg中", 1 + 7*0.55},
		{strings.Repeat("x", 100) + "你好" + strings.Repeat("y", 13), 2 + 113*0.55},
		{strings.Repeat("字", 40), 40},
		{"é\tü\n", 2 + 2*0.55},
	} {
		got := sourceUnits([]byte(tc.src))
		if d := got - tc.want; d > 1e-3 || d < -1e-3 {
			t.Errorf("sourceUnits(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
