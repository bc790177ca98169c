package app

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainFoldSlow is plainFold without its CJK fast path: every rune
// beyond ASCII decoded.
func plainFoldSlow(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (r >= utf8.RuneSelf && unicode.ToLower(r) != r) {
			return false
		}
		i += n
	}
	return true
}

// TestPlainFoldSkipsCJKRight checks plainFold's fast path over
// U+3000–U+9FFF against decoding every rune: each rune alone and among
// others, and cut or malformed sequences with the same lead bytes.
func TestPlainFoldSkipsCJKRight(t *testing.T) {
	for r := rune(0x2F00); r < 0xA100; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "B", string(r) + "É"} {
			if got, want := plainFold(s), plainFoldSlow(s); got != want {
				t.Fatalf("plainFold(%q) = %v, want %v", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xe4\xb8", "\xe4", "中\xe4\xb8", "\xe4\x41\x80", "\xe4\xb8\x41", "\xe9\xbf\xc0", "\xe3\x80\x80中", "中Ａ"} {
		if got, want := plainFold(s), plainFoldSlow(s); got != want {
			t.Errorf("plainFold(%q) = %v, want %v", s, got, want)
		}
	}
	if plainFold("中\xe4\xb8") || !plainFold("中文 Title") {
		t.Error("positive control")
	}
}
