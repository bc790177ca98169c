// Package lexers is chroma's lexers package (v2.27.0, MIT licence, see
// COPYING) with one change for Folio: the registry is built on first use
// instead of at program start, so a program that links it does not pay at
// start-up for parsing some 250 lexer definitions (XML) it may never use;
// that includes the lexers defined in Go on top of an XML definition
// (RegisterLazy) and the HTML lexer they delegate to. The content
// analysers of the dns, mysql and zed lexers are left out (Folio never guesses
// a language from content).
package lexers

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// pending holds the lexers defined in Go, registered at package start (as
// functions that return them: those built from XML are built only then),
// until the registry is built.
var pending []func() chroma.Lexer

// registry builds the registry on first use: the embedded XML lexers, then
// those defined in Go (the order chroma registers them in).
var registry = sync.OnceValue(func() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		panic(err)
	}
	for _, path := range paths {
		reg.Register(chroma.MustNewXMLLexer(embedded, path))
	}
	for _, build := range pending {
		reg.Register(build())
	}
	return reg
})

// Names of all lexers, optionally including aliases.
func Names(withAliases bool) []string {
	return registry().Names(withAliases)
}

// Aliases of all the lexers, and skip those lexers who do not have any aliases,
// or show their name instead
func Aliases(skipWithoutAliases bool) []string {
	return registry().Aliases(skipWithoutAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	return registry().Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	return registry().MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	return registry().Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	pending = append(pending, func() chroma.Lexer { return lexer })
	return lexer
}

// RegisterLazy registers the Lexer build returns, calling build only when
// the registry is built (Folio: for the lexers defined in Go on top of an
// XML definition, which upstream parses at program start).
func RegisterLazy(build func() chroma.Lexer) struct{} {
	pending = append(pending, build)
	return struct{}{}
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	return registry().Analyse(text)
}

// PlaintextRules is used for the fallback lexer as well as the explicit
// plaintext lexer.
func PlaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{Pattern: `.+`, Type: chroma.Text, Mutator: nil},
			{Pattern: `\n`, Type: chroma.Text, Mutator: nil},
		},
	}
}

// Fallback lexer if no other is found.
var Fallback chroma.Lexer = chroma.MustNewLexer(&chroma.Config{
	Name:      "fallback",
	Filenames: []string{"*"},
	Priority:  -1,
}, PlaintextRules)

// Registry is the registry of all lexers (Folio: its own lexer loop sets it
// on the states it makes, for rules that lex a part with another lexer).
func Registry() *chroma.LexerRegistry {
	return registry()
}
