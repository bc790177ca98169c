package lexers

import (
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// HTML lexer, built on first use (Folio: it was parsed at program start).
var HTML = sync.OnceValue(func() chroma.Lexer {
	return chroma.MustNewXMLLexer(embedded, "embedded/html.xml")
})
