package library

import (
	"bytes"
	"time"

	"folio/editor/document"
)

// quickFrontMatter reads the front matter of src, the lines of a file up
// to the front matter's closing line (see headCut), when it is of the
// common flat shape, without document.Parse's TOML and JSON decoders
// (which cost a folder's load many times what its YAML costs) and with
// fewer allocations (sc, when not nil, is the worker's scratch: see
// headScratch): YAML that document's fast YAML reader takes (see
// document.FastYAML); TOML "key = value" lines of bare keys and strings without escapes,
// integers, local dates, booleans and one-line arrays of such strings;
// a JSON object of strings without escapes, numbers, booleans, null and
// arrays of those. For anything else ok is false and the caller parses.
// When ok is true, format and fields are exactly what document.Parse(src)
// gives and src[body:] is its Body (FuzzQuickFrontMatter checks this), and
// src is text (CheckText).
func quickFrontMatter(src []byte, sc *headScratch) (format document.Format, fields []document.Field, body int, ok bool) {
	open := skipLeadBlank(src)
	if open == len(src) {
		return document.None, nil, 0, false
	}
	line := 1 + bytes.Count(src[:open], []byte{'\n'}) // of the opening
	switch {
	case src[open] == '{':
		fields, end, ok := quickJSON(src[open:], line)
		if !ok {
			return document.None, nil, 0, false
		}
		// The object must end its line.
		i := open + end
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
			i++
		}
		if i == len(src) || src[i] != '\n' || document.CheckText(src) != nil {
			return document.None, nil, 0, false
		}
		return document.JSON, fields, i + 1, true
	case bytes.HasPrefix(src[open:], []byte("---")):
		start, last, ok := delimited(src, open, "---", "...")
		if !ok || document.CheckText(src) != nil {
			return document.None, nil, 0, false
		}
		fields, ok := document.FastYAML(src[start:last], line+1, sc)
		if !ok {
			return document.None, nil, 0, false
		}
		return document.YAML, fields, len(src), true
	case bytes.HasPrefix(src[open:], []byte("+++")):
		start, last, ok := delimited(src, open, "+++", "+++")
		if !ok {
			return document.None, nil, 0, false
		}
		fields, ok := quickTOML(src[start:last], line+1)
		if !ok || document.CheckText(src) != nil {
			return document.None, nil, 0, false
		}
		return document.TOML, fields, len(src), true
	}
	return document.None, nil, 0, false
}

// delimited finds the content of front matter opened at src[open] by a
// line that is delim and closed by src's last line (delim or alt): start
// is after the opening line, last the closing line's start.
func delimited(src []byte, open int, delim, alt string) (start, last int, ok bool) {
	nl := bytes.IndexByte(src[open:], '\n')
	if nl < 0 || string(bytes.TrimRight(src[open:open+nl], " \t\r")) != delim || src[len(src)-1] != '\n' {
		return 0, 0, false
	}
	start = open + nl + 1
	last = bytes.LastIndexByte(src[:len(src)-1], '\n') + 1
	if t := string(bytes.TrimRight(src[last:], " \t\r\n")); last < start || t != delim && t != alt {
		return 0, 0, false
	}
	return start, last, true
}

// quickTOML reads flat TOML (see quickFrontMatter) whose first line is
// line fmLine of the file.
func quickTOML(src []byte, fmLine int) ([]document.Field, bool) {
	fields := make([]document.Field, 0, bytes.Count(src, []byte{'\n'}))
	line := fmLine - 1
	for len(src) > 0 {
		var l []byte
		l, src = cutLine(src)
		line++
		if len(bytes.TrimLeft(l, " ")) == 0 {
			continue
		}
		// A bare key at the margin, " = ", the value, nothing after it.
		k := 0
		for k < len(l) && bareKeyByte(l[k]) {
			k++
		}
		if k == 0 {
			return nil, false
		}
		key := l[:k]
		i := k
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) || l[i] != '=' {
			return nil, false
		}
		i++
		for i < len(l) && l[i] == ' ' {
			i++
		}
		rest := bytes.TrimRight(l[i:], " ")
		if len(rest) == 0 {
			return nil, false
		}
		var v document.Value
		switch c := rest[0]; {
		case c == '"' || c == '\'':
			s, n, ok := quickString(rest, c)
			if !ok || n != len(rest) {
				return nil, false
			}
			v = document.Value{Kind: document.String, Text: s}
		case c == '[':
			items, ok := quickTOMLArray(rest)
			if !ok {
				return nil, false
			}
			v = document.Value{Kind: document.List, Items: items}
		case string(rest) == "true" || string(rest) == "false":
			v = document.Value{Kind: document.Bool, Text: string(rest)}
		case tomlInt(rest):
			v = document.Value{Kind: document.Int, Text: string(rest)}
		case localDate(rest):
			v = document.Value{Kind: document.Date, Text: string(rest)}
		default:
			return nil, false
		}
		for _, f := range fields {
			if f.Key == string(key) {
				return nil, false // TOML refuses a key defined twice
			}
		}
		v.Line = line
		fields = append(fields, document.Field{Key: string(key), Value: v})
	}
	if len(fields) == 0 {
		return nil, true
	}
	return fields, true
}

// bareKeyByte reports whether c may be in a TOML bare key.
func bareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// quickString reads the string quoted by q at the start of l, when it is
// on one line, has no escape (no backslash) and no control character, and
// is not a multi-line TOML string (three quotes); n is the bytes read.
func quickString(l []byte, q byte) (s string, n int, ok bool) {
	if len(l) >= 3 && l[1] == q && l[2] == q {
		return "", 0, false // """ or ''': multi-line in TOML
	}
	for j := 1; j < len(l); j++ {
		switch c := l[j]; {
		case c == q:
			return string(l[1:j]), j + 1, true
		case c == '\\' || c < 0x20 || c == 0x7F:
			return "", 0, false
		}
	}
	return "", 0, false
}

// quickTOMLArray reads a one-line array of strings: [], ["a", 'b'].
func quickTOMLArray(l []byte) ([]document.Value, bool) {
	items := make([]document.Value, 0, 4)
	i := 1
	skip := func() {
		for i < len(l) && l[i] == ' ' {
			i++
		}
	}
	skip()
	if i < len(l) && l[i] == ']' {
		return items, i+1 == len(l)
	}
	for {
		if i == len(l) || l[i] != '"' && l[i] != '\'' {
			return nil, false
		}
		s, n, ok := quickString(l[i:], l[i])
		if !ok {
			return nil, false
		}
		items = append(items, document.Value{Kind: document.String, Text: s})
		i += n
		skip()
		if i == len(l) {
			return nil, false
		}
		if l[i] == ']' {
			return items, i+1 == len(l)
		}
		if l[i] != ',' {
			return nil, false
		}
		i++
		skip()
	}
}

// tomlInt reports whether s is a decimal TOML integer that fits in 64
// bits, with no sign but "-" and no underscores.
func tomlInt(s []byte) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// localDate reports whether s is a TOML local date (2024-06-02) of a
// real day.
func localDate(s []byte) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", string(s))
	return err == nil
}

// quickJSON reads a flat JSON object at the start of src (see
// quickFrontMatter) whose "{" is on line fmLine of the file; end is the
// offset after its "}".
func quickJSON(src []byte, fmLine int) (fields []document.Field, end int, ok bool) {
	line := fmLine
	i := 1
	skip := func() {
		for i < len(src) {
			switch src[i] {
			case '\n':
				line++
			case ' ', '\t', '\r':
			default:
				return
			}
			i++
		}
	}
	fields = make([]document.Field, 0, 12)
	skip()
	if i < len(src) && src[i] == '}' {
		return nil, i + 1, true
	}
	for {
		if i == len(src) || src[i] != '"' {
			return nil, 0, false
		}
		key, n, ok := jsonString(src[i:])
		if !ok {
			return nil, 0, false
		}
		i += n
		skip()
		if i == len(src) || src[i] != ':' {
			return nil, 0, false
		}
		i++
		skip()
		vline := line
		v, n, ok := jsonScalar(src[i:])
		if !ok && i < len(src) && src[i] == '[' {
			v, n, ok = jsonArray(src[i:], &line)
		}
		if !ok {
			return nil, 0, false
		}
		i += n
		for _, f := range fields {
			if f.Key == key {
				return nil, 0, false // a duplicate key is an error
			}
		}
		v.Line = vline
		fields = append(fields, document.Field{Key: key, Value: v})
		skip()
		if i == len(src) {
			return nil, 0, false
		}
		switch src[i] {
		case '}':
			return fields, i + 1, true
		case ',':
			i++
			skip()
		default:
			return nil, 0, false
		}
	}
}

// jsonString reads a JSON string without escapes at the start of l.
func jsonString(l []byte) (s string, n int, ok bool) {
	for j := 1; j < len(l); j++ {
		switch c := l[j]; {
		case c == '"':
			return string(l[1:j]), j + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		}
	}
	return "", 0, false
}

// jsonScalar reads a string without escapes, a number, true, false or
// null at the start of l, as document's JSON reader gives them.
func jsonScalar(l []byte) (v document.Value, n int, ok bool) {
	if len(l) == 0 {
		return v, 0, false
	}
	switch c := l[0]; {
	case c == '"':
		s, n, ok := jsonString(l)
		return document.Value{Kind: document.String, Text: s}, n, ok
	case c == '-' || '0' <= c && c <= '9':
		n, float := jsonNumber(l)
		if n == 0 {
			return v, 0, false
		}
		k := document.Int
		if float {
			k = document.Float
		}
		return document.Value{Kind: k, Text: string(l[:n])}, n, true
	}
	for _, w := range [...]struct {
		word string
		v    document.Value
	}{
		{"true", document.Value{Kind: document.Bool, Text: "true"}},
		{"false", document.Value{Kind: document.Bool, Text: "false"}},
		{"null", document.Value{Kind: document.Null, Text: "null"}},
	} {
		if bytes.HasPrefix(l, []byte(w.word)) && (len(l) == len(w.word) || !wordByte(l[len(w.word)])) {
			return w.v, len(w.word), true
		}
	}
	return v, 0, false
}

// wordByte reports whether c would continue a JSON literal or number
// (which would make it invalid).
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c >= 0x80
}

// jsonNumber returns the length of the JSON number at the start of l (0
// when there is none, or it runs into a letter) and whether it has a
// fraction or exponent.
func jsonNumber(l []byte) (n int, float bool) {
	i := 0
	digits := func() int {
		j := i
		for i < len(l) && '0' <= l[i] && l[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(l) && l[i] == '-' {
		i++
	}
	switch {
	case i < len(l) && l[i] == '0':
		i++
	case digits() == 0:
		return 0, false
	}
	if i < len(l) && l[i] == '.' {
		i++
		float = true
		if digits() == 0 {
			return 0, false
		}
	}
	if i < len(l) && (l[i] == 'e' || l[i] == 'E') {
		i++
		float = true
		if i < len(l) && (l[i] == '+' || l[i] == '-') {
			i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	if i < len(l) && (wordByte(l[i]) || l[i] == '-' || l[i] == '+') {
		return 0, false
	}
	return i, float
}

// jsonArray reads an array of scalars at the start of l (on one or more
// lines: line is advanced past its line breaks).
func jsonArray(l []byte, line *int) (v document.Value, n int, ok bool) {
	v = document.Value{Kind: document.List, Items: []document.Value{}}
	i := 1
	skip := func() {
		for i < len(l) {
			switch l[i] {
			case '\n':
				*line++
			case ' ', '\t', '\r':
			default:
				return
			}
			i++
		}
	}
	skip()
	if i < len(l) && l[i] == ']' {
		return v, i + 1, true
	}
	for {
		it, n, ok := jsonScalar(l[i:])
		if !ok {
			return v, 0, false
		}
		v.Items = append(v.Items, it)
		i += n
		skip()
		if i == len(l) {
			return v, 0, false
		}
		switch l[i] {
		case ']':
			return v, i + 1, true
		case ',':
			i++
			skip()
		default:
			return v, 0, false
		}
	}
}

// cutLine returns src's first line, without its "\n" or "\r\n", and what
// follows it.
func cutLine(src []byte) (line, rest []byte) {
	if n := bytes.IndexByte(src, '\n'); n >= 0 {
		line, rest = src[:n], src[n+1:]
	} else {
		line = src
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, rest
}
