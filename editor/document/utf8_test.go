package document

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var utf8Cases = []string{
	"", "a", "plain ASCII longer than eight bytes", "中文", "中文 mixed with ASCII and 标点，。",
	"\xe4\xb8", "\xe4\xb8\x41", "\xe4\x41\xad", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
	"\xef\xbf\xbf", "\xc2\x80", "\xc0\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\xff", "abcdefgh\x80",
	"abcdefghi中", "中abcdefgh\xe4", "\xe1\xc0\x80", "\xee\x80\xc0",
}

func TestValidUTF8MatchesTheStandardLibrary(t *testing.T) {
	cases := append([]string(nil), utf8Cases...)
	if data, err := os.ReadFile("../../assets/samples/2024-ai-trends.md"); err == nil {
		cases = append(cases, string(data), string(data)+"\xe4\xb8", strings.Replace(string(data), "。", "\xe3\x80", 1))
	} else {
		t.Fatal(err)
	}
	for _, s := range cases {
		if got, want := validUTF8([]byte(s)), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%q) = %v, want %v", s, got, want)
		}
	}
	// Every one- to three-byte string over the interesting bytes.
	bytes := []byte{0, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for _, a := range bytes {
		for _, b := range bytes {
			for _, c := range bytes {
				for _, s := range [][]byte{{a}, {a, b}, {a, b, c}, {'x', a, b, c, 'y'}} {
					if validUTF8(s) != utf8.Valid(s) {
						t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", s, validUTF8(s), utf8.Valid(s))
					}
				}
			}
		}
	}
}

// TestValidUTF8RunsOfChinese changes each byte of runs of Chinese
// characters, after 0 to 8 ASCII bytes and before some more, to each
// interesting byte: the run's loop that checks two characters at a time
// must agree with utf8.Valid wherever the change falls.
func TestValidUTF8RunsOfChinese(t *testing.T) {
	bytes := []byte{0, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for _, run := range []string{"中文字符测试，。", "\xed\x9f\xbf中\xe0\xa0\x80文\xef\xbf\xbf字"} {
		for lead := 0; lead <= 8; lead++ {
			for _, tail := range []string{"", "x", "abcdefgh", "中"} {
				base := []byte(strings.Repeat("a", lead) + run + tail)
				if !validUTF8(base) {
					t.Fatalf("validUTF8(%q) = false", base)
				}
				for j := range base {
					for _, b := range bytes {
						p := append([]byte(nil), base...)
						p[j] = b
						if validUTF8(p) != utf8.Valid(p) {
							t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", p, validUTF8(p), utf8.Valid(p))
						}
					}
				}
			}
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range utf8Cases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		if got, want := validUTF8(p), utf8.Valid(p); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", p, got, want)
		}
	})
}

func BenchmarkValidUTF8(b *testing.B) {
	data, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("validUTF8", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			validUTF8(data)
		}
	})
	b.Run("utf8.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			utf8.Valid(data)
		}
	})
}
