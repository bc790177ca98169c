package document

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCountText(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		hanzi, words int
	}{
		{"empty", "", 0, 0},
		{"blank lines", "  \n\t\r\n", 0, 0},
		{"latin then hanzi", "AI技术", 2, 1},
		{"digits then hanzi", "2024年", 1, 1},
		{"apostrophe", "don't", 0, 1},
		{"typographic apostrophe", "don’t stop", 0, 2},
		{"hyphen", "e-mail", 0, 1},
		{"decimal", "3.14", 0, 1},
		{"thousands", "1,000 items", 0, 2},
		{"comma between words splits", "a,b", 0, 2},
		{"snake case", "snake_case", 0, 1},
		{"dangling joiners", "dogs' end- x. -y", 0, 4},
		{"punctuation", "Hello, world! (yes)", 0, 3},
		{"chinese punctuation", "中文，标点。“引号”", 6, 0},
		{"ideographic space", "中文\u3000text", 2, 1},
		{"japanese", "日本語のテキスト", 8, 0},
		{"korean", "한국어", 3, 0},
		{"han range edges", "\u4E00\u9FFF\u3400\U00020000", 4, 0},
		{"next to han: hexagram, yi", "\u4DC0 \uA000", 0, 1},
		{"broken utf-8", "\xe4\xb8a\xe4\xb8\xe4\xb8\x80", 1, 1},
		{"accents", "café naïve Zürich", 0, 3},
		{"cyrillic", "привет мир", 0, 2},
		{"fullwidth latin", "Ａ１ ｂ", 0, 2},
		{"mixed sentence", "随着2024年的到来，AI技术正站在新的节点上。", 16, 2},
		{"heading", "# 标题\n## Sub title ##", 2, 2},
		{"unordered list", "- 第一\n* second\n+ third", 2, 2},
		{"ordered list", "1. 第一\n2) second\n10. third", 2, 2},
		{"number not a list marker", "1.5 percent", 0, 2},
		{"task list", "- [x] done\n- [ ] todo\n- [X] 完成", 2, 2},
		{"blockquote", "> 引用 text\n> > nested", 2, 2},
		{"emphasis", "**粗体**和*斜体*，__bold__ _it_ ~~gone~~", 5, 3},
		{"markup splits a word", "foo*bar*", 0, 2},
		{"escapes", `\*not emphasis\* \# x`, 0, 3},
		{"link text counts, url not", `[链接文字](https://example.com/path "a title") end`, 4, 1},
		{"link url with parens", "[Go](https://en.wikipedia.org/wiki/Go_(lang)) x", 0, 2},
		{"reference link", "[text][ref] and [collapsed][]", 0, 3},
		{"reference definition", "[ref]: https://example.com \"Title\"", 0, 0},
		{"image skipped", "![图片说明 alt](img/a.png \"t\")后", 1, 0},
		{"reference image", "![alt text][logo] 字", 1, 0},
		{"image inside link", "[![badge](b.svg)](https://ci) 字", 1, 0},
		{"footnote", "见注释[^note]。\n\n[^note]: 注释 text", 5, 1},
		{"html tags", `<div class="x">内容</div><br/>`, 2, 0},
		{"html tag across lines", "<img\n  src=\"a.png\">字", 1, 0},
		{"html comment", "<!-- 注释\n多行 words -->正文", 2, 0},
		{"unclosed comment hides the rest", "正<!-- 注释\n\n后面", 1, 0},
		{"stray less-than", "a < b, 1<2", 0, 4},
		{"entities", "a &amp; b&nbsp;c &#169; &#x2014;d", 0, 4},
		{"ampersand", "R&D & more", 0, 3},
		{"autolink", "<https://go.dev/doc> 官网", 2, 1},
		{"bare url", "访问https://example.com/a?b=c了解 more", 4, 2},
		{"inline code counts", "`fmt.Println` 输出", 2, 1},
		{"inline code keeps markup", "`<b>` and `[a](b)`", 0, 4},
		{"double backtick code", "``a ` b`` c", 0, 3},
		{"fenced code words count, fence not", "```go\nfunc main() {}\n```\n后", 1, 2},
		{"tilde fence keeps tags", "~~~\n<b>x</b>\n~~~", 0, 3},
		{"fence needs matching length", "````\n```\ncode\n````\n字", 1, 1},
		{"unclosed fence", "```\ncode here", 0, 2},
		{"backtick info string is not a fence", "```a` b", 0, 2},
		{"table", "| 名称 | Value |\n|---|:---:|\n| 甲 | 1 |", 3, 2},
		{"thematic break and setext", "Title\n=====\n***\n---", 0, 1},
		{"crlf", "a\r\nb\r\n", 0, 2},
		{"line break ends word", "line-\nbreak", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CountText([]byte(tt.in))
			want := TextStats{Hanzi: tt.hanzi, Words: tt.words, Total: tt.hanzi + tt.words}
			if got != want {
				t.Errorf("CountText(%q) = %+v, want %+v", tt.in, got, want)
			}
		})
	}
}

func TestReadingMinutes(t *testing.T) {
	tests := []struct {
		s    TextStats
		want int
	}{
		{TextStats{}, 0},
		{TextStats{Hanzi: 1, Total: 1}, 1},
		{TextStats{Words: 1, Total: 1}, 1},
		{TextStats{Hanzi: 300, Total: 300}, 1},
		{TextStats{Hanzi: 301, Total: 301}, 2},
		{TextStats{Words: 238, Total: 238}, 1},
		{TextStats{Words: 239, Total: 239}, 2},
		{TextStats{Hanzi: 300, Words: 238, Total: 538}, 2},
		{TextStats{Hanzi: 150, Words: 119, Total: 269}, 1},
		{TextStats{Hanzi: 3000, Total: 3000}, 10},
		{TextStats{Hanzi: 3000, Words: 476, Total: 3476}, 12},
	}
	for _, tt := range tests {
		if got := tt.s.ReadingMinutes(); got != tt.want {
			t.Errorf("%+v.ReadingMinutes() = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestCountTextSeed checks the seed article's body against counts made by
// hand-independent means: its CJK characters, less those in image alt text
// and link destinations (it has none), must all be counted.
func TestCountTextSeed(t *testing.T) {
	body := seedBody(t)
	got := CountText(body)
	hanzi := 0
	for _, r := range string(body) {
		if isHanzi(r) {
			hanzi++
		}
	}
	if got.Hanzi != hanzi {
		t.Errorf("seed: Hanzi = %d, want every CJK character (%d)", got.Hanzi, hanzi)
	}
	if got.Words < 50 || got.Words > 400 {
		t.Errorf("seed: Words = %d, want a plausible count for a Chinese article with some English", got.Words)
	}
	if m := got.ReadingMinutes(); m < 5 || m > 15 {
		t.Errorf("seed: ReadingMinutes = %d, want 5..15 for %d hanzi", m, got.Hanzi)
	}
}

func TestCountTextAllocs(t *testing.T) {
	body := bytes.Repeat(seedBody(t), 4)
	if n := testing.AllocsPerRun(10, func() { CountText(body) }); n != 0 {
		t.Errorf("CountText allocates %v times per call, want 0", n)
	}
}

// seedBody returns the seed article without its front matter.
func seedBody(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "assets", "samples", "2024-ai-trends.md"))
	if err != nil {
		tb.Fatalf("seed article: %v", err)
	}
	if bytes.HasPrefix(src, []byte("---\n")) {
		if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
			src = src[4+i+5:]
		}
	}
	return src
}

var (
	statsSink TextStats
	intSink   int
)

// benchBody is the seed body repeated to 1 MB.
func benchBody(b *testing.B) []byte {
	body := seedBody(b)
	const size = 1 << 20
	buf := bytes.Repeat(body, size/len(body)+1)
	return buf[:size]
}

func BenchmarkCountText(b *testing.B) {
	buf := benchBody(b)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		statsSink = CountText(buf)
	}
}

// BenchmarkCountTextPeerDecode is CountText's peer: the cheapest pass that
// decodes every character of the same text and tells CJK from the rest.
// (utf8.RuneCount is not used: it copies non-ASCII input into a string.)
func BenchmarkCountTextPeerDecode(b *testing.B) {
	buf := benchBody(b)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		for j := 0; j < len(buf); {
			if buf[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, size := utf8.DecodeRune(buf[j:])
			if isHanzi(r) {
				n++
			}
			j += size
		}
		intSink = n
	}
}

func FuzzCountText(f *testing.F) {
	f.Add([]byte("AI技术 don't e-mail 3.14\n# 标题\n- [x] item"), []byte("tail 尾"))
	f.Add([]byte("```go\ncode\n```\n<!-- c\n-->[a](b) ![c](d)"), []byte("<b>x</b>"))
	f.Add([]byte("<https://x.y> https://a.b/c 访问&amp;"), []byte("`x` [^1]"))
	f.Add([]byte("a\r\n\r\n> 1. [ref]: x"), []byte{0xff, 0xe4, 0xb8})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		sa := CountText(a)
		if sa.Total != sa.Hanzi+sa.Words {
			t.Fatalf("Total %d != Hanzi %d + Words %d", sa.Total, sa.Hanzi, sa.Words)
		}
		if sa.Hanzi < 0 || sa.Words < 0 {
			t.Fatalf("negative counts %+v", sa)
		}
		if max := cjkRunes(a); sa.Hanzi > max {
			t.Fatalf("Hanzi %d > %d CJK characters in input", sa.Hanzi, max)
		}
		if max := wordStarts(a); sa.Words > max {
			t.Fatalf("Words %d > %d possible word starts", sa.Words, max)
		}
		if m := sa.ReadingMinutes(); (m == 0) != (sa.Total == 0) || m < 0 {
			t.Fatalf("ReadingMinutes %d for %+v", m, sa)
		}

		// Appending a line never takes back what was counted, and adds at
		// most what the new line could hold.
		ab := append(append(append([]byte{}, a...), '\n'), b...)
		sab := CountText(ab)
		if sab.Hanzi < sa.Hanzi || sab.Words < sa.Words {
			t.Fatalf("CountText(a+\\n+b) = %+v < CountText(a) = %+v", sab, sa)
		}
		if sab.Hanzi > sa.Hanzi+cjkRunes(b) || sab.Words > sa.Words+wordStarts(b) {
			t.Fatalf("CountText(a+\\n+b) = %+v, more than a %+v plus b could hold", sab, sa)
		}

		// Text of letters, CJK and spaces only is counted exactly.
		plain := toPlain(a)
		sp := CountText(plain)
		if want := len(strings.Fields(strings.Map(func(r rune) rune {
			if isHanzi(r) {
				return ' '
			}
			return r
		}, string(plain)))); sp.Words != want {
			t.Fatalf("plain %q: Words = %d, want %d", plain, sp.Words, want)
		}
		if want := cjkRunes(plain); sp.Hanzi != want {
			t.Fatalf("plain %q: Hanzi = %d, want %d", plain, sp.Hanzi, want)
		}
	})
}

func cjkRunes(p []byte) int {
	n := 0
	for _, r := range string(p) {
		if isHanzi(r) {
			n++
		}
	}
	return n
}

// wordStarts counts the letters and digits that could start a word.
func wordStarts(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if wordAt(p, i) || (p[i] >= utf8.RuneSelf && !isHanzi(mustRune(p[i:]))) {
			n++
		}
		_, size := utf8.DecodeRune(p[i:])
		i += size
	}
	return n
}

func mustRune(p []byte) rune { r, _ := utf8.DecodeRune(p); return r }

// toPlain maps arbitrary bytes to text of ASCII letters, CJK and whitespace.
func toPlain(p []byte) []byte {
	alphabet := []string{"a", "b", "Z", "字", "の", " ", "\n", "\t", "한"}
	var out []byte
	for _, b := range p {
		out = append(out, alphabet[int(b)%len(alphabet)]...)
	}
	return out
}
