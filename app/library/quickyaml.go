package library

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"folio/editor/document"
)

// headScratch is one load worker's memory for reading front matter with
// quickFrontMatter, reused file after file: the fields and list items of
// a file's front matter are only read by summarize, which copies what the
// row keeps, and short strings that repeat across articles (keys,
// categories, authors, tags, booleans) are made once.
type headScratch struct {
	fields []document.Field
	items  []document.Value
	strs   map[string]string
}

// maxScratchStrs caps the strings a headScratch keeps.
const maxScratchStrs = 1 << 12

func newHeadScratch() *headScratch {
	return &headScratch{items: make([]document.Value, 0, 64), strs: make(map[string]string, 256)}
}

// str returns b as a string, the same one for equal short b (nil sc: a new
// string each time).
func (sc *headScratch) str(b []byte) string {
	if sc == nil || len(b) > maxInterned {
		return string(b)
	}
	if s, ok := sc.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(sc.strs) < maxScratchStrs {
		sc.strs[s] = s
	}
	return s
}

// fieldsFor returns an empty slice of room for n fields.
func (sc *headScratch) fieldsFor(n int) []document.Field {
	if sc == nil {
		return make([]document.Field, 0, n)
	}
	if cap(sc.fields) < n {
		sc.fields = make([]document.Field, 0, max(n, 32))
	}
	return sc.fields[:0]
}

// quickYAML reads YAML front matter of the common flat shape, exactly as
// document's own fast YAML reader does (which is held to yaml.v3 by its
// fuzz target), and refusing what it refuses; src is already known to be
// text (document.CheckText). It allocates less: fields, list items and
// repeated short strings come from sc when not nil. The fields are valid
// until sc reads the next front matter.
func quickYAML(src []byte, fmLine int, sc *headScratch) (fields []document.Field, ok bool) {
	keys := 0
	for i := 0; i < len(src); i++ {
		if (i == 0 || src[i-1] == '\n') && src[i] != ' ' && src[i] != '#' && src[i] != '\n' && src[i] != '\r' && src[i] != '-' {
			keys++
		}
	}
	fields = sc.fieldsFor(keys)
	var items []document.Value // the items of the block list being read
	if sc != nil {
		items = sc.items[:0]
	}
	pending := -1   // index in fields of a "key:" with no value yet, or -1
	seqIndent := -1 // indentation of the block list under the pending key
	first := -1     // index in items of the pending key's first item, or -1
	finish := func() {
		if pending < 0 {
			return
		}
		if first >= 0 {
			list := items[first:len(items):len(items)]
			fields[pending].Value = document.Value{Kind: document.List, Items: list, Line: list[0].Line}
		}
		pending, seqIndent, first = -1, -1, -1
	}
	line := fmLine - 1
	for len(src) > 0 {
		var l []byte
		l, src = cutLine(src)
		line++
		if !plainText(l) {
			return nil, false
		}
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		if ind == len(l) || l[ind] == '#' {
			continue // blank or comment
		}
		if l[ind] == '-' && (ind+1 == len(l) || l[ind+1] == ' ') {
			// A block list item: only under a "key:" with nothing after it.
			if pending < 0 || seqIndent >= 0 && ind != seqIndent {
				return nil, false
			}
			seqIndent = ind
			v, ok := yScalarAt(l, ind+1, line, sc)
			if !ok {
				return nil, false
			}
			if first < 0 {
				if sc == nil {
					items = make([]document.Value, 0, 4)
				}
				first = len(items)
			}
			items = append(items, v)
			continue
		}
		if ind > 0 {
			return nil, false // nested map, continuation line, …
		}
		finish()
		if bytes.HasPrefix(l, []byte("---")) || bytes.HasPrefix(l, []byte("...")) {
			return nil, false
		}
		colon := yKeyEnd(l)
		if colon < 0 || colon > 1000 { // libyaml limits simple keys to 1024 characters
			return nil, false
		}
		for _, f := range fields {
			if f.Key == string(l[:colon]) {
				return nil, false // a duplicate key is an error
			}
		}
		key := sc.str(l[:colon])
		rest := l[colon+1:]
		i := 0
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
		if i == len(rest) || rest[i] == '#' && i > 0 {
			fields = append(fields, document.Field{Key: key, Value: document.Value{Kind: document.Null, Line: line}})
			pending = len(fields) - 1
			continue
		}
		if i == 0 {
			return nil, false // "key:value" is not a mapping
		}
		var v document.Value
		if rest[i] == '[' {
			start := len(items)
			if sc == nil {
				items, start = make([]document.Value, 0, 4), 0
			}
			items, ok = yFlowList(rest, i, items, sc)
			if !ok {
				return nil, false
			}
			v = document.Value{Kind: document.List, Line: line, Items: items[start:len(items):len(items)]}
			for j := range v.Items {
				v.Items[j].Line = line
			}
		} else {
			v, ok = yScalarAt(rest, i, line, sc)
			if !ok {
				return nil, false
			}
		}
		fields = append(fields, document.Field{Key: key, Value: v})
	}
	finish()
	if sc != nil {
		sc.fields, sc.items = fields[:0], items[:0]
	}
	if len(fields) == 0 {
		return nil, true
	}
	return fields, true
}

// plainText is document's plainLine for a line already known to be valid
// UTF-8 without NUL: no control character, C1 control, Unicode line or
// paragraph separator, byte order mark or non-character U+FFFE/U+FFFF.
func plainText(l []byte) bool {
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c < 0x20 || c == 0x7F:
			return false
		case c < 0xC2:
		case c == 0xC2:
			if l[i+1] < 0xA0 {
				return false
			}
		case c == 0xE2:
			if l[i+1] == 0x80 && (l[i+2] == 0xA8 || l[i+2] == 0xA9) {
				return false
			}
		case c == 0xEF:
			if l[i+1] == 0xBB && l[i+2] == 0xBF || l[i+1] == 0xBF && (l[i+2] == 0xBE || l[i+2] == 0xBF) {
				return false
			}
		}
	}
	return true
}

// yKeyEnd returns the index of the colon ending a simple key at the start
// of l ([A-Za-z0-9_.-] and non-ASCII letters, not starting with an
// indicator), or -1.
func yKeyEnd(l []byte) int {
	for i, c := range l {
		switch {
		case c == ':':
			if i == 0 || i+1 < len(l) && l[i+1] != ' ' {
				return -1
			}
			return i
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c >= 0x80:
		case (c == '-' || c == '.') && i > 0:
		default:
			return -1
		}
	}
	return -1
}

// yScalarAt reads the one-line scalar starting at l[i] (after spaces), up
// to the end of the line or a comment.
func yScalarAt(l []byte, i, line int, sc *headScratch) (document.Value, bool) {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i == len(l) {
		return document.Value{}, false
	}
	text, end, quoted, ok := yScanScalar(l, i, false, sc)
	if !ok || !yRestIsComment(l[end:]) {
		return document.Value{}, false
	}
	if quoted {
		return document.Value{Kind: document.String, Text: text, Line: line}, true
	}
	return document.Value{Kind: yPlainKind(text), Text: text, Line: line}, true
}

// yScanScalar reads a quoted or plain scalar at l[i] and returns its
// text, the index after it, and whether it was quoted. In a flow list a
// plain scalar ends before ',' or ']'.
func yScanScalar(l []byte, i int, flow bool, sc *headScratch) (text string, end int, quoted, ok bool) {
	switch c := l[i]; c {
	case '"':
		j := bytes.IndexByte(l[i+1:], '"')
		if j < 0 || bytes.IndexByte(l[i+1:i+1+j], '\\') >= 0 {
			return "", 0, false, false
		}
		return sc.str(l[i+1 : i+1+j]), i + j + 2, true, true
	case '\'':
		var b strings.Builder
		for j := i + 1; j < len(l); j++ {
			if l[j] != '\'' {
				continue
			}
			if j+1 < len(l) && l[j+1] == '\'' {
				b.Write(l[i+1 : j+1])
				i = j + 1
				j++
				continue
			}
			b.Write(l[i+1 : j])
			return b.String(), j + 1, true, true
		}
		return "", 0, false, false
	case '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '<':
		return "", 0, false, false
	case '?', ':':
		return "", 0, false, false
	case '-':
		if i+1 == len(l) || l[i+1] == ' ' || flow && !('0' <= l[i+1] && l[i+1] <= '9' || l[i+1] == '.') {
			return "", 0, false, false
		}
	}
	j := i
	for ; j < len(l); j++ {
		c := l[j]
		if c == ':' && (j+1 == len(l) || l[j+1] == ' ' || flow && (l[j+1] == ',' || l[j+1] == ']')) {
			return "", 0, false, false // a mapping inside the value
		}
		if c == '#' && l[j-1] == ' ' {
			break
		}
		if flow {
			if c == ',' || c == ']' {
				break
			}
			if strings.IndexByte("?:#[{}&*!|>%@`\"'", c) >= 0 {
				return "", 0, false, false // unusual in a flow list: leave it to yaml.v3
			}
		}
	}
	k := j
	for k > i && l[k-1] == ' ' {
		k--
	}
	return sc.str(l[i:k]), j, false, true
}

// yFlowList reads "[a, 'b', "c"]" on one line, appending its items to
// items (their Line is the caller's to set).
func yFlowList(l []byte, i int, items []document.Value, sc *headScratch) ([]document.Value, bool) {
	i++ // '['
	n := 0
	for {
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return nil, false // continues on the next line
		}
		if l[i] == ']' && n == 0 {
			i++
			break
		}
		text, end, quoted, ok := yScanScalar(l, i, true, sc)
		if !ok || !quoted && text == "" {
			return nil, false
		}
		it := document.Value{Kind: document.String, Text: text}
		if !quoted {
			it.Kind = yPlainKind(text)
		}
		items = append(items, it)
		n++
		i = end
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return nil, false
		}
		if l[i] == ']' {
			i++
			break
		}
		if l[i] != ',' {
			return nil, false
		}
		i++
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i < len(l) && l[i] == ']' {
			return nil, false // a trailing comma: leave it to yaml.v3
		}
	}
	if !yRestIsComment(l[i:]) {
		return nil, false
	}
	return items, true
}

// yRestIsComment reports whether what follows a value is only spaces and
// perhaps a comment (which needs a space before its '#').
func yRestIsComment(rest []byte) bool {
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	return i == len(rest) || rest[i] == '#' && i > 0
}

// yPlainKind is the kind yaml.v3 resolves a plain scalar to (its resolve
// function, reduced to the tag).
func yPlainKind(s string) document.Kind {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return document.Null
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return document.Bool
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return document.Float
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return document.Float
		}
		return document.String
	case c == '+' || c == '-' || '0' <= c && c <= '9':
	default:
		return document.String
	}
	if yIsTimestamp(s) {
		return document.Date
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return document.Int
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return document.Int
	}
	if yFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return document.Float
		}
	}
	for _, p := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
		if strings.HasPrefix(plain, p.prefix) {
			digits := plain[len(p.prefix):]
			if p.prefix[0] == '-' {
				digits = "-" + digits
			}
			if _, err := strconv.ParseInt(digits, p.base, 64); err == nil {
				return document.Int
			}
			if p.prefix[0] != '-' {
				if _, err := strconv.ParseUint(digits, p.base, 64); err == nil {
					return document.Int
				}
			}
		}
	}
	return document.String
}

// yIsTimestamp is yaml.v3's parseTimestamp, reduced to its answer.
func yIsTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
		"2006-1-2",
	} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// yFloat matches yaml.v3's float pattern
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ without a regexp.
func yFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
