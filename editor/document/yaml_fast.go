package document

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// fastYAML reads the common, simple shape of YAML front matter without
// building a yaml.Node tree: top-level "key: value" lines whose values are
// plain, single- or double-quoted (no escapes) scalars on one line, flow
// lists of such scalars on one line, or block lists of such scalars;
// comments and blank lines. For anything else (nested maps, multi-line or
// block scalars, anchors, tags, escapes, tabs, duplicate keys, odd
// characters) it returns ok=false and the caller uses yaml.v3; when it
// returns ok=true its fields are exactly those parseYAMLTree reads with
// yaml.v3 (FuzzFastYAML checks this).
func fastYAML(src []byte, fmLine int) (fields []Field, ok bool) {
	// One field a line that starts at the margin, at most.
	keys := 0
	for i := 0; i < len(src); i++ {
		if (i == 0 || src[i-1] == '\n') && src[i] != ' ' && src[i] != '#' && src[i] != '\n' && src[i] != '\r' && src[i] != '-' {
			keys++
		}
	}
	fields = make([]Field, 0, keys)
	pending := -1   // index in fields of a "key:" with no value yet, or -1
	seqIndent := -1 // indentation of the block list under the pending key
	var items []Value
	finish := func() {
		if pending < 0 {
			return
		}
		if items != nil {
			fields[pending].Value = Value{Kind: List, Items: items, Line: items[0].Line}
		}
		pending, seqIndent, items = -1, -1, nil
	}
	// dup reports whether key was seen: a scan of the few fields of a
	// usual front matter, a map past 16 (many keys stay linear).
	var seen map[string]bool
	dup := func(key string) bool {
		if seen == nil {
			for _, f := range fields {
				if f.Key == key {
					return true
				}
			}
			if len(fields) >= 16 {
				seen = make(map[string]bool, keys)
				for _, f := range fields {
					seen[f.Key] = true
				}
				seen[key] = true
			}
			return false
		}
		if seen[key] {
			return true
		}
		seen[key] = true
		return false
	}
	line := fmLine - 1
	for len(src) > 0 {
		var l []byte
		if n := bytes.IndexByte(src, '\n'); n >= 0 {
			l, src = src[:n], src[n+1:]
		} else {
			l, src = src, nil
		}
		line++
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if !plainLine(l) {
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
			v, ok := scalarAt(l, ind+1, line, false)
			if !ok {
				return nil, false
			}
			if items == nil {
				items = make([]Value, 0, 4)
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
		colon := keyEnd(l)
		if colon < 0 || colon > 1000 { // libyaml limits simple keys to 1024 characters
			return nil, false
		}
		key := string(l[:colon])
		if dup(key) {
			return nil, false // parseYAMLTree reports duplicate keys
		}
		rest := l[colon+1:]
		i := 0
		for i < len(rest) && rest[i] == ' ' {
			i++
		}
		if i == len(rest) || rest[i] == '#' && i > 0 {
			fields = append(fields, Field{Key: key, Value: Value{Kind: Null, Line: line}})
			pending = len(fields) - 1
			continue
		}
		if i == 0 {
			return nil, false // "key:value" is not a mapping
		}
		var v Value
		if rest[i] == '[' {
			v, ok = flowList(rest, i, line)
		} else {
			v, ok = scalarAt(rest, i, line, false)
		}
		if !ok {
			return nil, false
		}
		fields = append(fields, Field{Key: key, Value: v})
	}
	finish()
	return fields, true
}

// plainLine reports whether l has only characters the fast path knows
// yaml.v3 reads plainly: printable, valid UTF-8, no tab, no BOM, no
// Unicode line break.
func plainLine(l []byte) bool {
	for i := 0; i < len(l); {
		c := l[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(l[i:])
		if r == utf8.RuneError && size == 1 || r < 0xA0 || r == 0x2028 || r == 0x2029 ||
			r == 0xFEFF || r >= 0xD800 && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// keyEnd returns the index of the colon ending a simple key at the start
// of l ([A-Za-z0-9_.-] and non-ASCII letters, not starting with an
// indicator), or -1.
func keyEnd(l []byte) int {
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

// scalarAt reads the one-line scalar starting at l[i] (after spaces), up
// to the end of the line or a comment. In a flow list (flow true) it stops
// at ',' or ']' and returns the index after the scalar in v.Line's place…
func scalarAt(l []byte, i, line int, flow bool) (Value, bool) {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i == len(l) {
		return Value{}, false
	}
	text, end, quoted, ok := scanScalar(l, i, false)
	if !ok {
		return Value{}, false
	}
	if !restIsComment(l[end:]) {
		return Value{}, false
	}
	if quoted {
		return Value{Kind: String, Text: text, Line: line}, true
	}
	return Value{Kind: plainKind(text), Text: text, Line: line}, true
}

// scanScalar reads a quoted or plain scalar at l[i] and returns its text,
// the index after it, and whether it was quoted. In a flow list a plain
// scalar ends before ',' or ']'.
func scanScalar(l []byte, i int, flow bool) (text string, end int, quoted, ok bool) {
	switch c := l[i]; c {
	case '"':
		j := bytes.IndexByte(l[i+1:], '"')
		if j < 0 || bytes.IndexByte(l[i+1:i+1+j], '\\') >= 0 {
			return "", 0, false, false
		}
		return string(l[i+1 : i+1+j]), i + j + 2, true, true
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
	return string(l[i:k]), j, false, true
}

// flowList reads "[a, 'b', "c"]" on one line.
func flowList(l []byte, i, line int) (Value, bool) {
	v := Value{Kind: List, Line: line, Items: make([]Value, 0, 4)}
	i++ // '['
	for {
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return Value{}, false // continues on the next line
		}
		if l[i] == ']' && len(v.Items) == 0 {
			i++
			break
		}
		text, end, quoted, ok := scanScalar(l, i, true)
		if !ok || !quoted && text == "" {
			return Value{}, false
		}
		it := Value{Kind: String, Text: text, Line: line}
		if !quoted {
			it.Kind = plainKind(text)
		}
		v.Items = append(v.Items, it)
		i = end
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i == len(l) {
			return Value{}, false
		}
		if l[i] == ']' {
			i++
			break
		}
		if l[i] != ',' {
			return Value{}, false
		}
		i++
		for i < len(l) && l[i] == ' ' {
			i++
		}
		if i < len(l) && l[i] == ']' {
			return Value{}, false // a trailing comma: leave it to yaml.v3
		}
	}
	if !restIsComment(l[i:]) {
		return Value{}, false
	}
	return v, true
}

// restIsComment reports whether what follows a value is only spaces and
// perhaps a comment (which needs a space before its '#').
func restIsComment(rest []byte) bool {
	i := 0
	for i < len(rest) && rest[i] == ' ' {
		i++
	}
	return i == len(rest) || rest[i] == '#' && i > 0
}

// plainKind is the kind yaml.v3 resolves a plain scalar to (its resolve
// function, reduced to the tag).
func plainKind(s string) Kind {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return Null
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return Bool
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return Float
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return Float
		}
		return String
	case c == '+' || c == '-' || '0' <= c && c <= '9':
	default:
		return String
	}
	if isTimestamp(s) {
		return Date
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return Int
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return Int
	}
	if yamlFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return Float
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
				return Int
			}
			if p.prefix[0] != '-' {
				if _, err := strconv.ParseUint(digits, p.base, 64); err == nil {
					return Int
				}
			}
		}
	}
	return String
}

// isTimestamp is yaml.v3's parseTimestamp, reduced to its answer.
func isTimestamp(s string) bool {
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

// yamlFloat matches yaml.v3's float pattern
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ without a regexp.
func yamlFloat(s string) bool {
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
