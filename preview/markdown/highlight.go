package markdown

import (
	"bytes"
	"embed"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"

	"folio/preview/markdown/internal/lexers"
)

// Chroma styles for the two theme variants; the preview and the export use
// the same pair.
const (
	LightCodeStyle = "github"
	DarkCodeStyle  = "github-dark"
)

// The two styles are chroma's (MIT licence, chromastyles/COPYING), read on
// first use: chroma's styles package parses all of its seventy styles when
// the program starts, which every `folio get` would pay for.
//
//go:embed chromastyles/*.xml
var styleFiles embed.FS

var codeStyles = sync.OnceValue(func() [2]*chroma.Style {
	var out [2]*chroma.Style
	for i, name := range []string{LightCodeStyle, DarkCodeStyle} {
		data, err := styleFiles.ReadFile("chromastyles/" + name + ".xml")
		if err != nil {
			panic(err) // embedded: cannot happen
		}
		out[i] = chroma.MustNewXMLStyle(bytes.NewReader(data))
	}
	return out
})

// CodeStyle is the chroma style for code on a light or dark page.
func CodeStyle(dark bool) *chroma.Style {
	if dark {
		return codeStyles()[1]
	}
	return codeStyles()[0]
}

// Lang is a fence info string's language: its first word, or "" when that
// is longer than MaxLangLen (no lexer has such a name; looking one up by
// file pattern costs time in its length).
func Lang(info string) string {
	info = strings.TrimSpace(info)
	if i := strings.IndexAny(info, " \t{"); i >= 0 {
		info = info[:i]
	}
	if len(info) > MaxLangLen {
		return ""
	}
	return info
}

var lexerCache sync.Map // lang → chroma.Lexer

// Lexer is the coalescing lexer for a language, plain text when the
// language is unknown or empty.
func Lexer(lang string) chroma.Lexer {
	lang = Lang(lang)
	if l, ok := lexerCache.Load(lang); ok {
		return l.(chroma.Lexer)
	}
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil {
		lexer = lexers.Get("plaintext")
	}
	lexer = chroma.Coalesce(lexer)
	lexerCache.Store(lang, lexer)
	return lexer
}

// Tokens is code split into highlighted tokens. Tokens a lexer marks as
// errors (Chinese in an SQL statement, a stray '#' in Go) are plain text:
// the styles draw errors as light text on a red background, which a
// renderer that draws no token backgrounds shows as nothing at all.
func Tokens(lang, code string) chroma.Iterator {
	it, err := Lexer(lang).Tokenise(nil, code)
	if err != nil {
		return chroma.Literator(chroma.Token{Type: chroma.Text, Value: code})
	}
	return func() chroma.Token {
		t := it()
		if t.Type == chroma.Error {
			t.Type = chroma.Text
		}
		return t
	}
}
