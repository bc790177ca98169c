package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// asChroma is tokens with their line ends as chroma's tokens have them:
// "\r\n" and a bare '\r' as "\n".
func asChroma(tokens []chroma.Token) []chroma.Token {
	out := make([]chroma.Token, len(tokens))
	for i, t := range tokens {
		t.Value = strings.ReplaceAll(strings.ReplaceAll(t.Value, "\r\n", "\n"), "\r", "\n")
		out[i] = t
	}
	return out
}

// joined is the tokens' text.
func joined(tokens []chroma.Token) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteString(t.Value)
	}
	return b.String()
}

// TestCodeCRAsChroma: a '\r' (bare, or in "\r\n") ends a line as chroma
// lexes it (a comment stops there), and the tokens still hold the text's
// own runes, '\r' included; Go is lexed by Folio's loop, and a language
// chroma lexes itself is given its text back too.
func TestCodeCRAsChroma(t *testing.T) {
	for _, c := range []struct{ lang, code string }{
		{"python", "\r"},
		{"python", "# comment\rx = 1\r"},
		{"python", "# comment\r\nx = 1\r\n"},
		{"sql", "-- c\rSELECT 1;\r\n-- d\r\nSELECT '中\r文';"},
		{"go", "// c\rfunc f() {}\r\n/* a\r\nb */ x := \"s\rt\""},
		{"bash", "echo a # c\r\recho b\r\n"},
		{"yaml", "a: 1\r\nb: # c\r  - x\r"},
		{"html", "<p>a\r\n<b>x</b>\r</p>"},
		{"php", "<?php\r\n// c\recho 1;\r\n"},
	} {
		tokens := CodeTokens(c.lang, c.code)
		if got := joined(tokens); got != c.code && got != c.code+"\n" {
			t.Errorf("%s %q: the tokens hold %q", c.lang, c.code, got)
		}
		got, want := merged(asChroma(tokens)), merged(chromaTokens(c.lang, c.code))
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s %q:\n%s", c.lang, c.code, firstDiff(g, w))
		}
	}
}

// TestCodePartsCRLF: a big code block with "\r\n" line ends and bare
// '\r's, its comments running over part boundaries, is highlighted part by
// part as it is whole, and its parts' tokens hold their text.
func TestCodePartsCRLF(t *testing.T) {
	for _, lang := range []string{"go", "python"} {
		code := strings.ReplaceAll(crossing(lang, 1500), "\n", "\r\n")
		code = strings.ReplaceAll(code, "f(7", "f(\r7")
		src := "```" + lang + "\r\n" + code + "```\r\n"
		d := NewDocument(New())
		blocks := d.Set([]byte(src))
		SplitParts(blocks[0].Block)
		if len(blocks[0].Block.parts) < 2 {
			t.Fatalf("%s: %d parts", lang, len(blocks[0].Block.parts))
		}
		HighlightParts(blocks, false, func() bool { return false })
		for i, p := range blocks[0].Block.parts {
			if got := joined(p.CodeHighlight()); got != p.Text+"\n" && got != p.Text {
				t.Fatalf("%s: part %d's tokens hold %q, not its text", lang, i, got[:min(len(got), 80)])
			}
		}
		checkWhole(t, blocks[0].Block)
	}
}
