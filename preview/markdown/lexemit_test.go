package markdown

import (
	"fmt"
	"testing"
)

// TestPlainRulesAreMadeDirectly: Go's rules of one token type and its
// ByGroups of token types are made by the lexer loop, rules with a
// mutator by chroma's emitters; the tokens are chroma's either way
// (TestCodeTokensAsChroma, FuzzCodeTokens).
func TestPlainRulesAreMadeDirectly(t *testing.T) {
	f := fastLexerFor("go")
	count := map[emitKind]int{}
	for state, rules := range f.rules {
		for i, r := range rules {
			p := f.emit[state][i]
			count[p.kind]++
			if r.Mutator != nil && p.kind != emitChroma {
				t.Errorf("%s rule %d %q has a mutator but is made directly", state, i, r.Pattern)
			}
		}
	}
	if count[emitWhole] == 0 || count[emitGroups] == 0 {
		t.Errorf("plans for Go: %v; want whole-match and by-groups rules", count)
	}
	// a call of a function: ByGroups(NameFunction, UsingSelf, Punctuation)
	// or of token types only, either way the same tokens as chroma's
	code := "fmt.Println (x)\n"
	if got, want := fmt.Sprint(merged(CodeTokens("go", code))), fmt.Sprint(merged(chromaTokens("go", code))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
