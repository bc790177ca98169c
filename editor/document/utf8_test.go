package document

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	vecutf8 "github.com/segmentio/asm/utf8"
)

var utf8Cases = []string{
	"", "a", "plain ASCII longer than eight bytes", "中文", "中文 mixed with ASCII and 标点，。",
	"\xe4\xb8", "\xe4\xb8\x41", "\xe4\x41\xad", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
	"\xef\xbf\xbf", "\xc2\x80", "\xc0\x80", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\xff", "abcdefgh\x80",
	"abcdefghi中", "中abcdefgh\xe4", "\xe1\xc0\x80", "\xee\x80\xc0",
}

// validators are the checks validUTF8 chooses from; each must report
// exactly what utf8.Valid reports. The vector one is left out on a CPU
// without AVX2, where segmentio/asm falls back to utf8.Valid itself.
func validators(t testing.TB) map[string]func([]byte) bool {
	vs := map[string]func([]byte) bool{"validScalar": validScalar, "validUTF8": validUTF8}
	if vectorUTF8 {
		vs["vector"] = vecutf8.Valid
	} else {
		t.Log("no AVX2: the vector check is not tested on this CPU")
	}
	return vs
}

func TestValidUTF8MatchesTheStandardLibrary(t *testing.T) {
	cases := append([]string(nil), utf8Cases...)
	if data, err := os.ReadFile("../../assets/samples/2024-ai-trends.md"); err == nil {
		cases = append(cases, string(data), string(data)+"\xe4\xb8", strings.Replace(string(data), "。", "\xe3\x80", 1))
	} else {
		t.Fatal(err)
	}
	for name, valid := range validators(t) {
		for _, s := range cases {
			if got, want := valid([]byte(s)), utf8.ValidString(s); got != want {
				t.Errorf("%s(%q) = %v, want %v", name, s, got, want)
			}
		}
		// Every one- to three-byte string over the interesting bytes,
		// alone, between ASCII, and at the end of a 40-byte Chinese run
		// (the vector check's 32-byte blocks and their tail).
		long := "中文字符测试，。中文字符测试"[:40]
		for _, a := range interestingBytes {
			for _, b := range interestingBytes {
				for _, c := range interestingBytes {
					for _, s := range [][]byte{{a}, {a, b}, {a, b, c}, {'x', a, b, c, 'y'}, []byte(long + string([]byte{a, b, c}))} {
						if valid(s) != utf8.Valid(s) {
							t.Fatalf("%s(%q) = %v, utf8.Valid says %v", name, s, valid(s), utf8.Valid(s))
						}
					}
				}
			}
		}
	}
}

var interestingBytes = []byte{0, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff}

// TestValidUTF8RunsOfChinese changes each byte of runs of Chinese
// characters, after 0 to 8 ASCII bytes and before some more, to each
// interesting byte: the scalar check's loop that takes two characters at
// a time, and the vector check's 32-byte blocks (the runs repeated up to
// 150 bytes), must agree with utf8.Valid wherever the change falls.
func TestValidUTF8RunsOfChinese(t *testing.T) {
	for name, valid := range validators(t) {
		for _, run := range []string{"中文字符测试，。", "\xed\x9f\xbf中\xe0\xa0\x80文\xef\xbf\xbf字", "中\xf0\x9f\x98\x80é 字\xc2\x80"} {
			for _, times := range []int{1, 6} {
				for lead := 0; lead <= 8; lead++ {
					for _, tail := range []string{"", "x", "abcdefgh", "中"} {
						base := []byte(strings.Repeat("a", lead) + strings.Repeat(run, times) + tail)
						if !valid(base) {
							t.Fatalf("%s(%q) = false", name, base)
						}
						for j := range base {
							for _, b := range interestingBytes {
								p := append([]byte(nil), base...)
								p[j] = b
								if valid(p) != utf8.Valid(p) {
									t.Fatalf("%s(%q) = %v, utf8.Valid says %v", name, p, valid(p), utf8.Valid(p))
								}
							}
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
	data, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data[:200])
	vs := validators(f)
	f.Fuzz(func(t *testing.T, p []byte) {
		want := utf8.Valid(p)
		for name, valid := range vs {
			if got := valid(p); got != want {
				t.Fatalf("%s(%q) = %v, utf8.Valid says %v", name, p, got, want)
			}
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
	b.Run("validScalar", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			validScalar(data)
		}
	})
	b.Run("utf8.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			utf8.Valid(data)
		}
	})
}
