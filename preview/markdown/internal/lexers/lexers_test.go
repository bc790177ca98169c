package lexers

import (
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// The lexers built on first use (RegisterLazy, and the HTML lexer they
// delegate to) are found by their names and aliases and tokenise.
func TestLazyLexers(t *testing.T) {
	for alias, name := range map[string]string{
		"go-html-template": "Go HTML Template", "go-text-template": "Go Text Template", "erb": "ERB",
		"phtml": "PHTML", "svelte": "Svelte", "common-lisp": "Common Lisp", "elisp": "EmacsLisp",
		"yaml+jinja": "YAML+Jinja", "go": "Go", "html": "HTML",
	} {
		l := Get(alias)
		if l == nil || l.Config().Name != name {
			t.Errorf("Get(%q) = %v, want the %s lexer", alias, l, name)
		}
	}
	for _, tc := range []struct {
		lexer, code string
		want        chroma.Token
	}{
		// Go's raw strings go through the Go Text Template lexer.
		{"go", "var s = `raw {{ .X }}`\n", chroma.Token{Type: chroma.LiteralString, Value: "`"}},
		// ERB, Svelte and PHTML delegate their markup to the HTML lexer.
		{"erb", "<p><%= name %></p>\n", chroma.Token{Type: chroma.NameTag, Value: "p"}},
		{"svelte", "<div>{#if x}y{/if}</div>\n", chroma.Token{Type: chroma.NameTag, Value: "div"}},
		{"phtml", "<b><?php echo 1; ?></b>\n", chroma.Token{Type: chroma.NameTag, Value: "b"}},
		{"go-html-template", "<i>{{ .Title }}</i>\n", chroma.Token{Type: chroma.NameTag, Value: "i"}},
		{"common-lisp", "(defun f (x) (car x))\n", chroma.Token{Type: chroma.NameFunction, Value: "car"}},
		{"yaml+jinja", "a: {{ b }}\n", chroma.Token{Type: chroma.NameVariable, Value: "b"}},
	} {
		it, err := Get(tc.lexer).Tokenise(nil, tc.code)
		if err != nil {
			t.Errorf("%s: %v", tc.lexer, err)
			continue
		}
		tokens := it.Tokens()
		if !slices.Contains(tokens, tc.want) {
			t.Errorf("%s tokenises %q as %v; want a %v", tc.lexer, tc.code, tokens, tc.want)
		}
	}
}
