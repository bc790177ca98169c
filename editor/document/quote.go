package document

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// quoteEscaped writes s between double quotes with the escapes YAML's
// double-quoted scalars and TOML's basic strings share (\" \\ \n \t \r
// and \uXXXX for other control characters and invalid bytes), leaving
// printable Unicode, Chinese included, as it is.
func quoteEscaped(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f || r == utf8.RuneError {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
