package app

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
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

// foldSlow is fold without its CJK fast path, every rune beyond ASCII
// decoded (FuzzFold's reference): s itself when no rune changes, else the
// text up to the first change as it is, then every rune lower-cased where
// its script has case (a malformed byte becoming U+FFFD).
func foldSlow(s string) string {
	for i, r := range s {
		if hasCase(r) && unicode.ToLower(r) != r {
			b := []byte(s[:i])
			for _, r := range s[i:] {
				if hasCase(r) {
					r = unicode.ToLower(r)
				}
				b = utf8.AppendRune(b, r)
			}
			return string(b)
		}
	}
	return s
}

// TestFoldSkipsCJKRight checks fold's fast path over U+3000–U+9FFF
// against decoding every rune, as TestPlainFoldSkipsCJKRight does for
// plainFold, and that a text with nothing to fold is not copied.
func TestFoldSkipsCJKRight(t *testing.T) {
	for r := rune(0x2F00); r < 0xA100; r++ {
		for _, s := range []string{string(r), "A" + string(r) + "b", string(r) + "É", "Ａ" + string(r)} {
			if got, want := fold(s), foldSlow(s); got != want {
				t.Fatalf("fold(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xe4\xb8", "\xe4", "中\xe4\xb8X", "\xe4\x41\x80", "\xe4\xb8\x41", "\xe9\xbf\xc0", "\xe3\x80\x80中Ｚ", "中Ａ", "微服务 Go 指南"} {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
	if s := "微服务性能优化指南"; unsafe.StringData(fold(s)) != unsafe.StringData(s) {
		t.Error("a Chinese title with nothing to fold was copied")
	}
}

// FuzzFold checks fold against foldSlow on any text.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "微服务 Go 指南", "ΑΒΓ Москва", "\xe4\xb8X", "ＡＢＣ全角"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkFold folds a Chinese title with a Latin word, as the list does
// for every row, against decoding every rune (foldSlow, the peer).
func BenchmarkFold(b *testing.B) {
	const title = "微服务架构下的性能优化：从 Go 语言的并发模型谈起"
	want := strings.ToLower(title)
	for _, peer := range []struct {
		name string
		fn   func(string) string
	}{{"fold", fold}, {"decode-all", foldSlow}} {
		b.Run(peer.name, func(b *testing.B) {
			b.SetBytes(int64(len(title)))
			for b.Loop() {
				if peer.fn(title) != want {
					b.Fatal("folded wrong")
				}
			}
		})
	}
}
