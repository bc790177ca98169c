package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// bom is the UTF-8 byte order mark some editors put at the top of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// layout says where the parts of an article lie in its bytes. Everything is
// an offset into the source, so the article can always be rebuilt exactly.
type layout struct {
	format    Format
	fmStart   int    // first byte of the front matter's content
	fmEnd     int    // end of the content (start of the closing delimiter line)
	bodyStart int    // first byte of the body
	fmLine    int    // 1-based line of the first content line
	bodyLine  int    // 1-based line of the body's first line
	nl        string // line ending used by the front matter ("\n" or "\r\n")
}

// split finds the front matter in src. A missing closing delimiter is a
// *ParseError; the layout then describes a document with no front matter.
//
// Like Hugo, it looks for the opening delimiter after any blank lines,
// spaces, tabs and byte order marks at the top of the file, so that a
// stray blank line never hides front matter (and an edit never adds a
// second block above it).
func split(src []byte) (layout, error) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	none := layout{format: None, fmStart: start, fmEnd: start, bodyStart: start, fmLine: 1, bodyLine: 1, nl: lineEnding(src)}
	open := skipLead(src, start)
	openLine := 1
	if open > start {
		openLine = lineOf(src, open)
	}
	first, next := lineAt(src, open)
	switch string(trimEOL(first)) { // no allocation: the conversion only feeds the switch
	case "---":
		return splitDelimited(src, open, next, openLine, YAML, "---", "...", none)
	case "+++":
		return splitDelimited(src, open, next, openLine, TOML, "+++", "", none)
	}
	if open < len(src) && src[open] == '{' && jsonObjectStart(src[open+1:]) {
		return splitJSON(src, open, none)
	}
	return none, nil
}

// skipLead returns the offset of the first byte of src from pos on that is
// not a space, tab, line break or byte order mark.
func skipLead(src []byte, pos int) int {
	for pos < len(src) {
		switch {
		case src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\r' || src[pos] == '\n':
			pos++
		case bytes.HasPrefix(src[pos:], bom):
			pos += len(bom)
		default:
			return pos
		}
	}
	return pos
}

// splitDelimited handles front matter between delimiter lines; the opening
// delimiter starts at offset start, on line openLine.
func splitDelimited(src []byte, start, contentStart, openLine int, f Format, closeA, closeB string, none layout) (layout, error) {
	nl := "\n"
	if first, _ := lineAt(src, start); bytes.HasSuffix(first, []byte("\r\n")) {
		nl = "\r\n"
	}
	line := openLine + 1
	for pos := contentStart; pos < len(src); line++ {
		l, next := lineAt(src, pos)
		if t := trimEOL(l); string(t) == closeA || (closeB != "" && string(t) == closeB) {
			return layout{format: f, fmStart: contentStart, fmEnd: pos, bodyStart: next,
				fmLine: openLine + 1, bodyLine: line + 1, nl: nl}, nil
		}
		pos = next
	}
	return none, &ParseError{Line: openLine, Msg: fmt.Sprintf("front matter opened with %q is never closed", closeA)}
}

// jsonObjectStart reports whether what follows a leading "{" looks like a
// JSON object (a key or its end), so that Markdown starting with a template
// tag such as {{< figure >}} or {% include %} is not taken for front matter.
func jsonObjectStart(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}

// splitJSON handles a JSON object at the top of the file. The body starts on
// the line after the object's closing brace.
func splitJSON(src []byte, start int, none layout) (layout, error) {
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = lineOf(src, start+int(se.Offset))
		} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			line = lineOf(src, len(src))
		}
		return none, &ParseError{Line: line, Msg: "JSON front matter: " + jsonMessage(err)}
	}
	end := start + int(dec.InputOffset())
	rest, next := lineAt(src, end)
	if len(bytes.TrimSpace(rest)) != 0 {
		return none, &ParseError{Line: lineOf(src, end), Msg: "JSON front matter must end its line after the closing brace"}
	}
	nl := lineEnding(src[start:end])
	return layout{format: JSON, fmStart: start, fmEnd: end, bodyStart: next,
		fmLine: lineOf(src, start), bodyLine: lineOf(src, next), nl: nl}, nil
}

func jsonMessage(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the object is never closed"
	}
	return err.Error()
}

// lineAt returns the line starting at pos (with its line ending) and the
// offset of the next line.
func lineAt(src []byte, pos int) ([]byte, int) {
	if pos >= len(src) {
		return nil, len(src)
	}
	if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
		return src[pos : pos+i+1], pos + i + 1
	}
	return src[pos:], len(src)
}

// trimEOL drops the line ending and trailing spaces and tabs of a line.
func trimEOL(l []byte) []byte {
	return bytes.TrimRight(l, " \t\r\n")
}

// lineOf returns the 1-based line that holds byte offset off.
func lineOf(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// lineEnding returns "\r\n" when the first line break of b is CRLF.
func lineEnding(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i > 0 && b[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
