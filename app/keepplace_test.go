package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKeepPlace(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, at, want string // at/want: the text right after the caret
	}{
		{"title grew (ASCII)", "title: QA 测试\n\nbody text here\n", "title: QAXXXX 测试\n\nbody text here\n", "text here", "text here"},
		{"title grew by two Chinese characters", "title: 测试\n\n正文在这里\n", "title: 测试文章\n\n正文在这里\n", "在这里", "在这里"},
		{"title shrank", "title: 测试文章\n\n正文在这里\n", "title: 测试\n\n正文在这里\n", "在这里", "在这里"},
		{"same length in characters, fewer bytes", "## 方框对齐\n\n```\ncode\n```\n", "## [未闭合\n\n```\ncode\n```\n", "code", "code"},
		{"change after the caret", "abc def\nghi\n", "abc def\nghiXYZ\n", "def", "def"},
		{"caret inside the change goes to its start", "one two three", "one 2 three", "wo three", "2 three"},
		{"caret at the end", "a\nb", "a\nbb", "", ""},
		{"whole text replaced", "abc", "xyz", "c", "xyz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			off := len(tc.old) - len(tc.at)
			if !strings.HasSuffix(tc.old, tc.at) {
				off = strings.Index(tc.old, tc.at)
			}
			got := keepPlace(tc.old, tc.new, off)
			if !utf8.RuneStart(tc.new[min(got, len(tc.new)-1)]) && got < len(tc.new) {
				t.Fatalf("offset %d cuts a character", got)
			}
			if !strings.HasPrefix(tc.new[got:], tc.want) {
				t.Errorf("caret before %q in old lands before %q in new, want before %q", tc.at, tc.new[got:], tc.want)
			}
		})
	}
}

// FuzzKeepPlace: the mapped offset is within the new text, on a
// character start, and text before the change keeps its offset.
func FuzzKeepPlace(f *testing.F) {
	f.Add("title: 测试\n\n正文", "title: 测试文章\n\n正文", 10)
	f.Add("abc", "", 2)
	f.Fuzz(func(t *testing.T, old, new string, off int) {
		if !utf8.ValidString(old) || !utf8.ValidString(new) || len(old) == 0 {
			return
		}
		off = (off%(len(old)+1) + len(old) + 1) % (len(old) + 1)
		for off < len(old) && !utf8.RuneStart(old[off]) {
			off++
		}
		got := keepPlace(old, new, off)
		if got < 0 || got > len(new) {
			t.Fatalf("offset %d outside 0..%d", got, len(new))
		}
		if got < len(new) && !utf8.RuneStart(new[got]) {
			t.Fatalf("offset %d cuts a character of %q", got, new)
		}
		if old == new && got != off {
			t.Fatalf("unchanged text moved the caret from %d to %d", off, got)
		}
	})
}

func TestLineOfAndStart(t *testing.T) {
	text := "a\nbb\n\nccc"
	for i, want := range []int{0, 2, 5, 6} {
		if got := lineStart(text, i); got != want {
			t.Errorf("lineStart(%d) = %d, want %d", i, got, want)
		}
		if got := lineOf(text, want); got != i {
			t.Errorf("lineOf(%d) = %d, want %d", want, got, i)
		}
	}
	if got := lineStart(text, 9); got != len(text) {
		t.Errorf("lineStart past the end = %d", got)
	}
}
