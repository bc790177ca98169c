package document

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Scratch is one goroutine's memory for FastYAML, reused call after call
// so that reading many front matters (a folder's load) allocates less: the
// fields and list items of each call are cut from slices the Scratch
// keeps, and short strings that repeat across files (keys, categories,
// authors, tags, booleans) are made once and shared.
//
// The fields FastYAML returns with a Scratch, and their lists' Items, are
// valid only until the next call with the same Scratch, which overwrites
// them: a caller that keeps anything copies it first (its strings may be
// kept as they are: they never share memory with src, nor change). The
// zero Scratch is ready to use; a Scratch is not safe for concurrent use.
type Scratch struct {
	fields []Field
	items  []Value
	strs   map[string]string

	// Intern, when set, gives the string to share for a short b (at most
	// 40 bytes), the first time the Scratch meets it (and each time once
	// the Scratch keeps as many strings as it may): every key and value
	// text of at most 40 bytes FastYAML returns is then Intern's. Intern
	// must not keep b (a copy of it, if need be). A caller that shares
	// strings among several Scratches (one per goroutine) so need not
	// look up each string again, nor make a string it has already.
	Intern func(b []byte) string

	// recent holds the string last given for each of a few hashes of a
	// short b: the keys and values that come in every front matter
	// (title, date, tags, true) are found there with one compare, not a
	// map's hash and probe.
	recent   [1024]string
	noRecent bool // for the benchmark's peer: the map alone
}

const (
	// scratchMaxLen is the longest string a Scratch interns: titles and
	// summaries are mostly unique and not worth a map entry.
	scratchMaxLen = 40
	// scratchMaxStrs caps the strings a Scratch keeps.
	scratchMaxStrs = 1 << 12
)

// NewScratch returns a Scratch with room for a usual front matter.
func NewScratch() *Scratch {
	return &Scratch{items: make([]Value, 0, 64), strs: make(map[string]string, 256)}
}

// str returns b as a string, the same one for equal short b (nil sc: a new
// string each time).
func (sc *Scratch) str(b []byte) string {
	if sc == nil || len(b) > scratchMaxLen {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	h := (uint(len(b))*131 + uint(b[0])*31 + uint(b[len(b)/2])*7 + uint(b[len(b)-1])) % uint(len(sc.recent))
	if r := sc.recent[h]; r == string(b) && !sc.noRecent {
		return r
	}
	if s, ok := sc.strs[string(b)]; ok {
		sc.recent[h] = s
		return s
	}
	var s string
	if sc.Intern != nil {
		s = sc.Intern(b)
	} else {
		s = string(b)
	}
	if sc.strs == nil {
		sc.strs = make(map[string]string, 256)
	}
	if len(sc.strs) < scratchMaxStrs {
		sc.strs[s] = s
	}
	sc.recent[h] = s
	return s
}

// fieldsFor returns an empty slice of room for n fields.
func (sc *Scratch) fieldsFor(n int) []Field {
	if sc == nil {
		return make([]Field, 0, n)
	}
	if cap(sc.fields) < n {
		sc.fields = make([]Field, 0, max(n, 32))
	}
	return sc.fields[:0]
}

// itemsFor returns the slice list items are appended to: a new one for
// each list without a Scratch, sc's (reset) with one.
func (sc *Scratch) itemsFor() []Value {
	if sc == nil {
		return make([]Value, 0, 4)
	}
	if sc.items == nil {
		sc.items = make([]Value, 0, 64)
	}
	return sc.items[:0]
}

// fastYAML is FastYAML without a Scratch.
func fastYAML(src []byte, fmLine int) ([]Field, bool) {
	return FastYAML(src, fmLine, nil)
}

// FastYAML reads the common, simple shape of YAML front matter (src,
// whose first line is line fmLine of the file) without building a
// yaml.Node tree: top-level "key: value" lines whose values are plain,
// single- or double-quoted (no escapes) scalars on one line, flow lists
// of such scalars on one line, or block lists of such scalars; comments
// and blank lines. For anything else (nested maps, multi-line or block
// scalars, anchors, tags, escapes, tabs, duplicate keys, odd characters,
// bytes that are not UTF-8) it returns ok=false and the caller parses
// with Parse; when it returns ok=true its fields are exactly those Parse
// reads with yaml.v3 (FuzzFastYAML checks this), nil for none.
//
// sc, when not nil, is the caller's Scratch: the fields then come from it
// and are valid until its next use (see Scratch). Without one, the fields
// are the caller's to keep.
func FastYAML(src []byte, fmLine int, sc *Scratch) (fields []Field, ok bool) {
	// One field a line that starts at the margin, at most.
	keys := 0
	for i := 0; i < len(src); i++ {
		if (i == 0 || src[i-1] == '\n') && src[i] != ' ' && src[i] != '#' && src[i] != '\n' && src[i] != '\r' && src[i] != '-' {
			keys++
		}
	}
	fields = sc.fieldsFor(keys)
	var items []Value // the items of the lists read, when sc holds them
	if sc != nil {
		items = sc.itemsFor()
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
			fields[pending].Value = Value{Kind: List, Items: list, Line: list[0].Line}
		}
		pending, seqIndent, first = -1, -1, -1
	}
	// dup reports whether key was seen: a scan of the few fields of a
	// usual front matter, a map past 16 (many keys stay linear).
	var seen map[string]bool
	dup := func(key []byte) bool {
		if seen == nil {
			for _, f := range fields {
				if f.Key == string(key) {
					return true
				}
			}
			if len(fields) >= 16 {
				seen = make(map[string]bool, keys)
				for _, f := range fields {
					seen[f.Key] = true
				}
			}
			return false
		}
		return seen[string(key)]
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
			v, ok := scalarAt(l, ind+1, line, sc)
			if !ok {
				return nil, false
			}
			if first < 0 {
				if sc == nil {
					items = sc.itemsFor()
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
		colon := keyEnd(l)
		if colon < 0 || colon > 1000 { // libyaml limits simple keys to 1024 characters
			return nil, false
		}
		if dup(l[:colon]) {
			return nil, false // parseYAMLTree reports duplicate keys
		}
		key := sc.str(l[:colon])
		if seen != nil {
			seen[key] = true
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
			start := len(items)
			if sc == nil {
				items, start = sc.itemsFor(), 0
			}
			items, ok = flowList(rest, i, items, sc)
			if !ok {
				return nil, false
			}
			v = Value{Kind: List, Line: line, Items: items[start:len(items):len(items)]}
			for j := range v.Items {
				v.Items[j].Line = line
			}
		} else {
			v, ok = scalarAt(rest, i, line, sc)
			if !ok {
				return nil, false
			}
		}
		fields = append(fields, Field{Key: key, Value: v})
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

// plainLine reports whether l has only characters the fast path knows
// yaml.v3 reads plainly: printable, valid UTF-8, no tab, no C1 control, no
// BOM, no Unicode line break, no non-character U+FFFE/U+FFFF. Chinese
// text (three-byte characters other than the punctuation block's line
// separators) takes a short path: one pass, no decoding.
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
		if (c == 0xE1 || 0xE3 <= c && c <= 0xEC) && i+2 < len(l) && (uint16(l[i+1])|uint16(l[i+2])<<8)&0xC0C0 == 0x8080 {
			i += 3 // U+1000–U+1FFF, U+3000–U+CFFF: none of those refused
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
// to the end of the line or a comment.
func scalarAt(l []byte, i, line int, sc *Scratch) (Value, bool) {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i == len(l) {
		return Value{}, false
	}
	text, end, quoted, ok := scanScalar(l, i, false, sc)
	if !ok || !restIsComment(l[end:]) {
		return Value{}, false
	}
	if quoted {
		return Value{Kind: String, Text: text, Line: line}, true
	}
	return Value{Kind: plainKind(text), Text: text, Line: line}, true
}

// scanScalar reads a quoted or plain scalar at l[i] and returns its
// text, the index after it, and whether it was quoted. In a flow list a
// plain scalar ends before ',' or ']'.
func scanScalar(l []byte, i int, flow bool, sc *Scratch) (text string, end int, quoted, ok bool) {
	switch c := l[i]; c {
	case '"':
		j := bytes.IndexByte(l[i+1:], '"')
		if j < 0 || bytes.IndexByte(l[i+1:i+1+j], '\\') >= 0 {
			return "", 0, false, false
		}
		return sc.str(l[i+1 : i+1+j]), i + j + 2, true, true
	case '\'':
		var b []byte // the text so far, when it has a doubled quote
		start := i + 1
		for j := i + 1; j < len(l); j++ {
			if l[j] != '\'' {
				continue
			}
			if j+1 < len(l) && l[j+1] == '\'' {
				b = append(b, l[start:j+1]...)
				start = j + 2
				j++
				continue
			}
			if b == nil {
				return sc.str(l[start:j]), j + 1, true, true
			}
			return sc.str(append(b, l[start:j]...)), j + 1, true, true
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

// flowList reads "[a, 'b', "c"]" on one line, appending its items to
// items (their Line is the caller's to set).
func flowList(l []byte, i int, items []Value, sc *Scratch) ([]Value, bool) {
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
		text, end, quoted, ok := scanScalar(l, i, true, sc)
		if !ok || !quoted && text == "" {
			return nil, false
		}
		it := Value{Kind: String, Text: text}
		if !quoted {
			it.Kind = plainKind(text)
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
	if !restIsComment(l[i:]) {
		return nil, false
	}
	return items, true
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
	// Only the answer matters, not which format gives it: a string with
	// no T, t or space can match only the date alone, and one with them
	// only the three with a time (each failed parse costs an error).
	if !strings.ContainsAny(s, "Tt ") {
		_, err := time.Parse("2006-1-2", s)
		return err == nil
	}
	for _, format := range []string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
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
