package buffer

import (
	"strings"
	"testing"
)

// unit widths: ASCII 1, CJK 2
func testAdvance(_ int, r rune) float32 {
	if IsCJK(r) {
		return 2
	}
	return 1
}

func splitAt(text string, breaks []int) []string {
	var out []string
	prev := 0
	for _, b := range breaks {
		out = append(out, text[prev:b])
		prev = b
	}
	return append(out, text[prev:])
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"fits", "hello world", 20, []string{"hello world"}},
		{"english exact fit", "hello world foo bar", 11, []string{"hello world ", "foo bar"}},
		{"english at spaces", "hello world foo bar", 10, []string{"hello ", "world foo ", "bar"}},
		{"spaces hang", "abc    def", 4, []string{"abc    ", "def"}},
		{"chinese between chars", "随着人工智能技术", 6, []string{"随着人", "工智能", "技术"}},
		{"no comma at line start", "随着人，工智能", 6, []string{"随着", "人，工", "智能"}},
		{"no full stop at line start", "一二三。四五", 6, []string{"一二", "三。四", "五"}},
		{"no closing bracket at start", "一二三）四", 6, []string{"一二", "三）四"}},
		{"no opening bracket at end", "一二「三四」", 6, []string{"一二", "「三", "四」"}},
		{"book title brackets", "一《二三》四", 6, []string{"一《二", "三》四"}},
		{"opening bracket moves down", "一二三《四》", 6, []string{"一二三", "《四》"}},
		{"mixed latin then cjk", "AI技术的发展", 6, []string{"AI技术", "的发展"}},
		{"latin word kept whole in cjk", "中文hello中文", 8, []string{"中文", "hello中", "文"}},
		{"long latin run by char", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long url then words", "see https://example.com/x ok", 8, []string{"see ", "https://", "example.", "com/x ok"}},
		{"dash stays together", "一二——三", 5, []string{"一二", "——三"}},
		{"width smaller than a char", "中文", 1, []string{"中", "文"}},
		{"empty", "", 5, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitAt(tt.text, Wrap(tt.text, tt.width, testAdvance))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestCanBreak(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'中', '文', true}, {'a', 'b', false}, {' ', 'b', true}, {'a', ' ', false},
		{'中', '，', false}, {'（', '中', false}, {'a', '中', true}, {'中', 'a', true},
		{'。', '中', true}, {'中', '」', false}, {'》', '中', true},
	}
	for _, tt := range tests {
		if got := CanBreak(tt.a, tt.b); got != tt.want {
			t.Errorf("CanBreak(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	line := "hello 世界和平，foo_bar  baz"
	tests := []struct {
		col, start, end int
	}{
		{0, 0, 5}, {2, 0, 5}, {5, 5, 6}, {6, 6, 18}, {9, 6, 18}, {18, 18, 21}, {21, 21, 28}, {len(line), 30, 33},
	}
	for _, tt := range tests {
		s, e := WordAt(line, tt.col)
		if s != tt.start || e != tt.end {
			t.Errorf("WordAt(%d) = %d,%d (%q), want %d,%d", tt.col, s, e, line[s:e], tt.start, tt.end)
		}
	}
	var stops []int
	for c := 0; c < len(line); {
		c = NextWord(line, c)
		stops = append(stops, c)
	}
	if got, want := stops, []int{5, 18, 21, 28, 33}; !equalInts(got, want) {
		t.Errorf("NextWord stops %v, want %v", got, want)
	}
	stops = nil
	for c := len(line); c > 0; {
		c = PrevWord(line, c)
		stops = append(stops, c)
	}
	if got, want := stops, []int{30, 21, 18, 6, 0}; !equalInts(got, want) {
		t.Errorf("PrevWord stops %v, want %v", got, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
