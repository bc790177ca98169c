package markdown

import (
	"fmt"
	"strings"
	"testing"

	"folio/preview/markdown/internal/lexers"
)

// TestPairsOf: a keyword list is tried only at the pairs its words start
// with; \s holds .NET's \v; patterns Go reads otherwise than .NET, or
// that can match nothing, are always tried.
func TestPairsOf(t *testing.T) {
	p := pairsOf(`(var|func|for|go|x)\b`, "m")
	if p == nil {
		t.Fatal("a keyword list has no pairs")
	}
	for _, c := range []struct {
		at   string
		want bool
	}{{"fmt", false}, {"func", true}, {"fo", true}, {"go", true}, {"gx", false}, {"x", true}, {"x1", true}, {"va", true}, {"vb", false}, {"f", false}, {"f中", true}, {"中", true}} {
		if got := p.may([]rune(c.at), 0); got != c.want {
			t.Errorf("at %q: may %v; want %v", c.at, got, c.want)
		}
	}
	if p := pairsOf(`(VAR|Func)\b`, "mi"); p == nil || !p.may([]rune("var"), 0) || !p.may([]rune("FUNC"), 0) || p.may([]rune("fa"), 0) {
		t.Error("a case-blind keyword list is not matched case-blind")
	}
	if p := pairsOf(`\s+x`, ""); p != nil {
		t.Error("a pattern with a repeat has pairs")
	}
	if p := pairsOf(`[\s]x`, ""); p == nil || !p.may([]rune("\vx"), 0) || p.may([]rune("ax"), 0) {
		t.Error(`\s does not hold \v`)
	}
	if f := firstSet(`[^\W\d]\w*`, "m"); !f.may('2') {
		t.Error(`[^\W\d] is filtered at a digit (regexp2 matches it)`)
	}
	for _, pat := range []string{`[^\W\d]x`, `[[:alpha:]]x`, `[a-z-[aeiou]]x`, `(a|)`, `\bx?`, `(?<=a)b`, `a.`} {
		if pairsOf(pat, "m") != nil {
			t.Errorf("%q has pairs; want it always tried", pat)
		}
	}
}

// TestManyLexersAsChroma: common languages' lexers give chroma's tokens
// on a text of many languages' keywords, punctuation and Chinese (the
// first character and pair filters only skip rules that cannot match).
func TestManyLexersAsChroma(t *testing.T) {
	code := strings.Join([]string{
		"#include <stdio.h>", "package main", "import os, sys", "def f(x): return x ** 2  # 注释",
		"func main() { fmt.Println(\"中文\", 0x1F, 'c', 1.5e3) } // c", "SELECT a FROM b WHERE c = 'x' -- d",
		"<p class=\"x\">hi</p>", "let s = r#\"raw\"#; /* c */", "if [ -f x ]; then echo \"$x\"; fi",
		"key: value", "[section]", "a = 1 && b || !c", "  end", "BEGIN\tEND", "@decorator", "a\vb\fc",
		"var x = function() {}; const y = `t${x}`;", "public static void Main(string[] args)", "%% comment",
		"(define (f x) (* x x))", "«中文» ⇒ ① x", ".class { color: red; }", "fn f<'a>(x: &'a str) -> i32",
	}, "\n") + "\n"
	checked := 0
	for _, name := range []string{"go", "python", "c", "cpp", "java", "javascript", "typescript", "rust", "ruby", "php",
		"bash", "powershell", "sql", "mysql", "postgresql", "yaml", "toml", "ini", "json", "xml", "html", "css", "scss",
		"markdown", "lua", "perl", "r", "kotlin", "swift", "scala", "haskell", "elixir", "erlang", "clojure", "lisp",
		"csharp", "fsharp", "dockerfile", "makefile", "nginx", "diff", "protobuf", "graphql", "vim", "tex", "matlab",
		"julia", "dart", "zig", "nim", "ocaml", "fortran", "cobol", "abnf", "kdl", "cassandra", "crystal", "nu"} {
		if lexers.Get(name) == nil {
			t.Errorf("no lexer %q", name)
			continue
		}
		f := fastLexerFor(name)
		if f == nil {
			continue
		}
		checked++
		got, want := merged(CodeTokens(name, code)), merged(chromaTokens(name, code))
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s:\n%s", name, firstDiff(g, w))
		}
	}
	if checked < 40 {
		t.Errorf("%d regex lexers checked", checked)
	}
}
