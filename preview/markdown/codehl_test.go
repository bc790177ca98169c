package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// merged joins neighbouring tokens of one type, and drops a final newline,
// so token lists cut differently compare.
func merged(tokens []chroma.Token) []chroma.Token {
	var out []chroma.Token
	for _, t := range tokens {
		if t.Value == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Type == t.Type {
			out[n-1].Value += t.Value
			continue
		}
		out = append(out, t)
	}
	if n := len(out); n > 0 {
		out[n-1].Value = strings.TrimSuffix(out[n-1].Value, "\n")
		if out[n-1].Value == "" {
			out = out[:n-1]
		}
	}
	return out
}

func chromaTokens(lang, code string) []chroma.Token {
	var out []chroma.Token
	it := Tokens(lang, code)
	for t := it(); t != chroma.EOF; t = it() {
		out = append(out, t)
	}
	return out
}

var samples = map[string]string{
	"go":         "package main\n\nimport \"fmt\"\n\n/* a\n   block comment */\nfunc main() {\n\ts := `raw\nstring`\n\tfmt.Println(s, 中文, 0x1F, 'c') // 注释\n}\n",
	"python":     "def f(x):\n    \"\"\"doc\n    string\"\"\"\n    return x ** 2  # 注释\n\nclass A(object):\n    pass\n",
	"sql":        "SELECT 中文列, b FROM 表 WHERE a = 'x' -- c\n/* multi\nline */ ORDER BY 1;\n",
	"bash":       "#!/bin/sh\nfor f in *.md; do\n  echo \"$f\" | wc -l  # count\ndone\ncat <<EOF\nhere $x\nEOF\n",
	"yaml":       "a: 1\nb:\n  - x\n  - 'y'\nc: |\n  text\n  more\n",
	"json":       "{\"a\": [1, 2.5, true, null], \"b\": {\"c\": \"中文\"}}\n",
	"html":       "<!doctype html>\n<p class=\"x\">hi <b>there</b></p>\n<script>var x = 1;</script>\n<style>p { color: red }</style>\n",
	"javascript": "const a = `tpl ${x}\nline`; // c\nfunction f() { return /re+/g.test(a) }\n",
	"rust":       "fn main() {\n    let s = r#\"raw\"#; /* c */\n    println!(\"{}\", s);\n}\n",
	"toml":       "[a]\nb = \"\"\"\nmulti\n\"\"\"\nc = 1\n",
	"c":          "#include <stdio.h>\nint main(void) { /* c\n */ printf(\"%d\\n\", 1); }\n",
	"":           "plain text\n  with lines\n",
}

// TestCodeTokensAsChroma: Folio's lexer loop (with its first-character
// filter) gives the tokens chroma's gives, on samples and on real files
// of the repository (Go, JSON, XML, Markdown with code blocks in it).
func TestCodeTokensAsChroma(t *testing.T) {
	files := map[string]string{"go": "lex.go", "json": "../../assets/i18n/zh_Hans.json", "xml": "chromastyles/github.xml", "markdown": "../../README.md"}
	for lang, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		code := string(data)
		if len(code) > 12000 { // chroma's own loop is quadratic in the length
			code = code[:strings.LastIndexByte(code[:12000], '\n')+1]
		}
		got, want := merged(CodeTokens(lang, code)), merged(chromaTokens(lang, code))
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s (%s):\n%s", lang, path, firstDiff(g, w))
		}
	}
	for lang, code := range samples {
		got, want := merged(CodeTokens(lang, code)), merged(chromaTokens(lang, code))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got  %v\n want %v", lang, got, want)
		}
	}
}

// crossing is a code block whose multi-line strings and comments run over
// part boundaries.
func crossing(lang string, lines int) string {
	var b strings.Builder
	for i := 0; i < lines; i++ {
		switch {
		case i%23 == 13 && lang == "python":
			b.WriteString("s = \"\"\"a string\nthat runs\nover lines\nand parts\n\"\"\"\n")
			i += 4
		case i%23 == 13:
			b.WriteString("/* a comment\nthat runs\nover lines\nand parts */\n")
			i += 3
		default:
			fmt.Fprintf(&b, "x = f(%d, \"中文\")\n", i)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestPartsHighlightAsTheWhole: the parts of a big code block, each
// highlighted from its start state, give the tokens of the whole block,
// where highlighting each part on its own (as before) does not.
func TestPartsHighlightAsTheWhole(t *testing.T) {
	for _, lang := range []string{"python", "go", "c", "sql"} {
		text := crossing(lang, 400)
		b := &Block{Kind: KindCode, Lang: lang, Text: text, lines: 402}
		b.filled.Store(true)
		SplitParts(b)
		if len(b.parts) < 10 {
			t.Fatalf("%s: %d parts", lang, len(b.parts))
		}
		if _, done := HighlightParts([]*TopBlock{{Block: b}}, false, func() bool { return false }); !done {
			t.Fatal("not done")
		}
		var all, alone []chroma.Token
		for _, p := range b.parts {
			if p.CodeHighlight() == nil {
				t.Fatalf("%s: a part has no highlighting", lang)
			}
			all = append(all, p.CodeHighlight()...) // ends with the part's newline
			alone = append(alone, CodeTokens(lang, p.Text)...)
			alone = append(alone, chroma.Token{Type: chroma.Text, Value: "\n"})
		}
		want := fmt.Sprint(merged(CodeTokens(lang, text)))
		if got := fmt.Sprint(merged(all)); got != want {
			t.Errorf("%s: parts highlight otherwise than the whole:\n%s", lang, firstDiff(got, want))
		}
		if fmt.Sprint(merged(alone)) == want {
			t.Errorf("%s: the test text crosses no part boundary in a string or comment", lang)
		}
	}
}

// TestEditRehighlightsOnlyWhatChanged: after an edit inside a big code
// block, HighlightParts lexes the changed part and its neighbour, not the
// block, and opening a comment re-colours the parts after it.
func TestEditRehighlightsOnlyWhatChanged(t *testing.T) {
	src := []byte("```go\n" + crossing("go", 600) + "\n```\n\nafter\n")
	d := NewDocument(New())
	blocks := d.Set(src)
	for _, tb := range blocks {
		SplitParts(tb.Block)
	}
	HighlightParts(blocks, false, func() bool { return false })

	lexed := 0
	count := func() bool { lexed++; return false }
	at := strings.Index(string(src), "f(500,")
	edited := append(append([]byte(nil), src[:at]...), append([]byte("g"), src[at:]...)...)
	blocks = d.Set(edited)
	if !d.lastQuickEdit {
		t.Fatal("the edit was parsed")
	}
	HighlightParts(blocks, false, count)
	if lexed == 0 || lexed > 3 {
		t.Errorf("%d parts lexed after a one-character edit", lexed)
	}
	checkWhole(t, blocks[0].Block)

	// open a comment that nothing closes until the next one's end
	at = strings.Index(string(edited), "f(100,")
	opened := append(append([]byte(nil), edited[:at]...), append([]byte("/* "), edited[at:]...)...)
	blocks = d.Set(opened)
	lexed = 0
	HighlightParts(blocks, false, count)
	if lexed < 2 {
		t.Errorf("opening a comment re-lexed %d parts", lexed)
	}
	checkWhole(t, blocks[0].Block)
}

func checkWhole(t *testing.T, b *Block) {
	t.Helper()
	var all []chroma.Token
	for _, p := range b.parts {
		all = append(all, p.CodeHighlight()...)
	}
	want := fmt.Sprint(merged(CodeTokens(b.Lang, b.Text)))
	if got := fmt.Sprint(merged(all)); got != want {
		t.Errorf("parts highlight otherwise than the whole:\n%s", firstDiff(got, want))
	}
}

// FuzzCodeTokens: on any text, Folio's lexer loop gives chroma's tokens
// (chroma's line ends, "\n" for a '\r': asChroma), and the tokens hold
// the text.
func FuzzCodeTokens(f *testing.F) {
	langs := []string{"go", "python", "sql", "bash", "c", "yaml", "html", "javascript", "markdown", "toml"}
	for lang, code := range samples {
		for i, l := range langs {
			if l == lang {
				f.Add(uint8(i), code)
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, code string) {
		if len(code) > 2000 || !utf8.ValidString(code) {
			return
		}
		lang := langs[int(which)%len(langs)]
		tokens := CodeTokens(lang, code)
		if got := joined(tokens); got != code && got != code+"\n" {
			t.Fatalf("%s %q: the tokens hold %q", lang, code, got)
		}
		got, want := merged(asChroma(tokens)), merged(chromaTokens(lang, code))
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s %q:\n%s", lang, code, firstDiff(g, w))
		}
	})
}

// TestPartRunesAsLookahead: the runes a part is lexed from are its text,
// a newline and the next parts' lines up to the first that reaches
// lookaheadBytes, each part converted once however the parts asked for
// skip ahead (as HighlightParts does after an edit), across buffer
// moves, with invalid UTF-8 and Chinese in the text.
func TestPartRunesAsLookahead(t *testing.T) {
	var parts []*Block
	total := 0
	for i := range 200 {
		text := strings.Repeat(fmt.Sprintf("line %d 中文 ", i), 1+i*7%300)
		if i%37 == 5 {
			text += "\xff\xfe"
		}
		parts = append(parts, &Block{Text: text})
		total += utf8.RuneCountInString(text) + 1
	}
	want := func(k int) ([]rune, int) {
		var more strings.Builder
		for _, p := range parts[k+1:] {
			more.WriteString(p.Text)
			more.WriteByte('\n')
			if more.Len() >= lookaheadBytes {
				break
			}
		}
		return []rune(parts[k].Text + "\n" + more.String()), utf8.RuneCountInString(parts[k].Text) + 1
	}
	for _, step := range []int{1, 2, 3, 7, 50, 120} {
		w := getPartRunes(parts)
		for k := 0; k < len(parts); k += 1 + (k*7+3)%step {
			rs, stop := w.span(k)
			wrs, wstop := want(k)
			if string(rs) != string(wrs) || stop != wstop {
				t.Fatalf("step %d, part %d: %d runes (stop %d); want %d (stop %d)", step, k, len(rs), stop, len(wrs), wstop)
			}
		}
		if w.converted > total {
			t.Errorf("step %d: %d runes converted for parts of %d", step, w.converted, total)
		}
		w.release()
	}
}
