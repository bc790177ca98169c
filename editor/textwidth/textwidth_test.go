package textwidth

import "testing"

func TestColumns(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want int
	}{
		{'a', 1}, {' ', 1}, {'\t', 0}, {'中', 2}, {'，', 2}, {'。', 2}, {'Ａ', 2}, {'ｱ', 1},
		{'한', 2}, {'ア', 2}, {'─', 1}, {'│', 1}, {'└', 1}, {'├', 1}, {'é', 1}, {'\u0301', 0},
		{'\u200b', 0}, {'😀', 2}, {'𠀀', 2}, {'→', 1}, {'…', 1},
	} {
		if got := Columns(c.r); got != c.want {
			t.Errorf("Columns(%q) = %d, want %d", c.r, got, c.want)
		}
	}
	if got := StringColumns("└─ 中文 a"); got != 9 {
		t.Errorf("StringColumns = %d, want 9", got)
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range "中文，。「」한ア々〇ｱ" {
		if !IsCJK(r) {
			t.Errorf("IsCJK(%q) = false", r)
		}
	}
	for _, r := range "aé─😀→ " {
		if IsCJK(r) {
			t.Errorf("IsCJK(%q) = true", r)
		}
	}
	for r, want := range map[rune]bool{'中': true, 'ア': true, '한': true, '，': false, '。': false, '々': true, '〇': true, 'a': false} {
		if got := IsHan(r); got != want {
			t.Errorf("IsHan(%q) = %v", r, got)
		}
	}
}

func FuzzColumns(f *testing.F) {
	f.Add("中文 └─ a\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		for _, r := range s {
			c := Columns(r)
			if c < 0 || c > 2 {
				t.Fatalf("Columns(%q) = %d", r, c)
			}
			n += c
		}
		if n != StringColumns(s) {
			t.Fatalf("StringColumns disagrees")
		}
	})
}
