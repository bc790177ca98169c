package markdown

import (
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
)

// TestTokensKeepChinese: for every lexer, each character of the code comes
// out in a token drawn in a colour that differs from the background (an
// Error token in the github style is near-white, so Chinese in SQL
// vanished).
func TestTokensKeepChinese(t *testing.T) {
	code := "SELECT 中文列 FROM 表;\n# 井号注释中文\nmysql> 中文输出\n| 中文 | 列名 |\n"
	for _, lang := range []string{"sql", "mysql", "go", "python", "bash", "toml", "yaml", "json", "c", "rust", "", "nosuchlang"} {
		for _, dark := range []bool{false, true} {
			style := CodeStyle(dark)
			bg := style.Get(chroma.Background).Background
			var got strings.Builder
			it := Tokens(lang, code)
			for tok := it(); tok != chroma.EOF; tok = it() {
				got.WriteString(tok.Value)
				if strings.TrimSpace(tok.Value) == "" {
					continue
				}
				e := style.Get(tok.Type)
				if e.Colour.IsSet() && bg.IsSet() && e.Colour.Distance(bg) < 100 {
					t.Errorf("%s dark=%v: %q (%v) drawn in %s on %s", lang, dark, tok.Value, tok.Type, e.Colour, bg)
				}
			}
			if got.String() != code {
				t.Errorf("%s: tokens lose text: %q", lang, got.String())
			}
		}
	}
}

func TestLangIsBounded(t *testing.T) {
	if got := Lang("go {linenos=true}"); got != "go" {
		t.Errorf("Lang = %q", got)
	}
	long := strings.Repeat("x", 100_000)
	start := time.Now()
	if Lang(long) != "" {
		t.Error("a 100k-character info string names a language")
	}
	Lexer(long)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("looking up a 100k-character language took %v", d)
	}
}

// TestLexersStillHighlight: the lazily built registry still has chroma's
// XML lexers and those written in Go.
func TestLexersStillHighlight(t *testing.T) {
	for lang, code := range map[string]string{
		"go": "package main\nfunc main() {}\n", "sql": "SELECT 1;", "python": "def f(): pass",
		"html": "<div class=\"x\"></div>", "php": "<?php echo 1; ?>", "markdown": "# title\n\n**bold** `code` [a](b)\n", "http": "GET / HTTP/1.1\n",
	} {
		kinds := map[chroma.TokenType]bool{}
		it := Tokens(lang, code)
		for tok := it(); tok != chroma.EOF; tok = it() {
			kinds[tok.Type.Category()] = true
		}
		if len(kinds) < 2 {
			t.Errorf("%s: only %v token kinds: not highlighted", lang, kinds)
		}
	}
}
