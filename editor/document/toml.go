package document

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// tomlFM is TOML front matter. Values are read with BurntSushi/toml; the
// text of each top-level "key = value" line is found by a small scanner so
// edits touch only that text.
type tomlFM struct {
	src     []byte
	fmLine  int
	nl      string
	entries []tomlEntry
	tables  int // offset of the first [table] header (len(src) if none)
	flds    []Field
}

// tomlEntry is one top-level "key = value" in the text.
type tomlEntry struct {
	key        string
	lineStart  int
	valStart   int
	valEnd     int
	endLine    int // after the line ending of the value's last line
	line       int // 1-based line within the front matter
	singleQuot bool
}

func parseTOML(src []byte, fmLine int, nl string) (*tomlFM, error) {
	t := &tomlFM{src: src, fmLine: fmLine, nl: nl}
	var data map[string]any
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&data)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &ParseError{Line: fmLine + pe.Position.Line - 1, Msg: "TOML: " + pe.Message}
		}
		return nil, &ParseError{Line: fmLine, Msg: "TOML: " + err.Error()}
	}
	t.entries, t.tables = scanTOML(src)
	// Order keys as they appear in the file.
	order := map[string]int{}
	for i, k := range md.Keys() {
		s := k.String()
		if _, ok := order[s]; !ok {
			order[s] = i
		}
	}
	byKey := map[string]tomlEntry{}
	for _, e := range t.entries {
		byKey[e.key] = e
	}
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sortByOrder(keys, "", order)
	var headers map[string]int // table name → line of its first header, built when needed
	for _, k := range keys {
		v := tomlValue(data[k], k, order, fmLine)
		if e, ok := byKey[k]; ok {
			v = withSpelling(v, string(src[e.valStart:e.valEnd]))
			v.Line = fmLine + e.line - 1
		} else {
			if headers == nil {
				headers = tomlTableLines(src)
			}
			v.Line = fmLine + max(headers[k], 1) - 1
		}
		t.flds = append(t.flds, Field{Key: k, Value: v})
	}
	return t, nil
}

func (t *tomlFM) fields() []Field { return t.flds }

// sortByOrder sorts keys (children of prefix) by first appearance.
func sortByOrder(keys []string, prefix string, order map[string]int) {
	pos := func(k string) int {
		full := k
		if prefix != "" {
			full = prefix + "." + k
		}
		if p, ok := order[full]; ok {
			return p
		}
		if p, ok := order[strconv.Quote(full)]; ok {
			return p
		}
		return 1 << 30
	}
	// Each key's position is looked up once, not at every comparison.
	type keyPos struct {
		key string
		pos int
	}
	kp := make([]keyPos, len(keys))
	for i, k := range keys {
		kp[i] = keyPos{k, pos(k)}
	}
	sort.Slice(kp, func(i, j int) bool {
		if kp[i].pos != kp[j].pos {
			return kp[i].pos < kp[j].pos
		}
		return kp[i].key < kp[j].key
	})
	for i := range kp {
		keys[i] = kp[i].key
	}
}

// tomlValue converts a decoded TOML value.
func tomlValue(x any, path string, order map[string]int, fmLine int) Value {
	switch t := x.(type) {
	case string:
		return S(t)
	case bool:
		return Value{Kind: Bool, Text: strconv.FormatBool(t)}
	case int64:
		return Value{Kind: Int, Text: strconv.FormatInt(t, 10)}
	case float64:
		return Value{Kind: Float, Text: strconv.FormatFloat(t, 'g', -1, 64)}
	case time.Time:
		return Value{Kind: Date, Text: tomlTime(t)}
	case []any:
		v := Value{Kind: List, Items: make([]Value, len(t))}
		for i, it := range t {
			v.Items[i] = tomlValue(it, path, order, fmLine)
		}
		return v
	case []map[string]any:
		v := Value{Kind: List, Items: make([]Value, len(t))}
		for i, it := range t {
			v.Items[i] = tomlValue(it, path, order, fmLine)
		}
		return v
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sortByOrder(keys, path, order)
		v := Value{Kind: Map}
		for _, k := range keys {
			v.Fields = append(v.Fields, Field{Key: k, Value: tomlValue(t[k], path+"."+k, order, fmLine)})
		}
		return v
	}
	return S(fmt.Sprint(x))
}

// tomlTime spells a decoded TOML date the way TOML writes it.
func tomlTime(t time.Time) string {
	// BurntSushi/toml marks local values with named zones.
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}

// withSpelling keeps a scalar's spelling from the text (1_000, 2025-06-02 08:00:00).
func withSpelling(v Value, raw string) Value {
	switch v.Kind {
	case Int, Float, Date, Bool:
		v.Text = raw
	}
	return v
}

// tomlTableLines returns the 1-based line of the first table header that
// names each top-level table ([key] or [key.sub]), in one pass over src.
func tomlTableLines(src []byte) map[string]int {
	lines := map[string]int{}
	line := 1
	for pos := 0; pos < len(src); line++ {
		l, next := lineAt(src, pos)
		t := strings.TrimSpace(string(l))
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(t, "[] \t")
			for _, k := range []string{name, strings.SplitN(name, ".", 2)[0]} {
				if _, ok := lines[k]; !ok {
					lines[k] = line
				}
			}
		}
		pos = next
	}
	return lines
}

// scanTOML finds the top-level key/value lines (those before the first
// table header) and where the first header is.
func scanTOML(src []byte) ([]tomlEntry, int) {
	var out []tomlEntry
	line := 1
	for pos := 0; pos < len(src); {
		l, next := lineAt(src, pos)
		t := bytes.TrimLeft(l, " \t")
		switch {
		case len(bytes.TrimSpace(t)) == 0 || t[0] == '#':
			pos, line = next, line+1
			continue
		case t[0] == '[':
			return out, pos
		}
		e, ok := scanTOMLEntry(src, pos)
		if !ok {
			pos, line = next, line+1
			continue
		}
		e.line = line
		line += bytes.Count(src[pos:e.endLine], []byte("\n"))
		if e.endLine == pos {
			e.endLine = next
		}
		out = append(out, e)
		pos = e.endLine
	}
	return out, len(src)
}

// scanTOMLEntry reads "key = value" starting at the line at pos.
func scanTOMLEntry(src []byte, pos int) (tomlEntry, bool) {
	e := tomlEntry{lineStart: pos}
	i := skipSpaces(src, pos, len(src))
	ks := i
	var key strings.Builder
	for i < len(src) && src[i] != '=' && src[i] != '\n' {
		switch src[i] {
		case '"', '\'':
			j := scanTOMLString(src, i)
			s, err := strconv.Unquote(string(src[i:j]))
			if src[i] == '\'' {
				s = string(src[i+1 : j-1])
			} else if err != nil {
				return e, false
			}
			key.WriteString(s)
			i = j
		case ' ', '\t':
			i++
		default:
			key.WriteByte(src[i])
			i++
		}
	}
	if i >= len(src) || src[i] != '=' || i == ks {
		return e, false
	}
	e.key = key.String()
	e.valStart = skipSpaces(src, i+1, len(src))
	e.valEnd = scanTOMLValue(src, e.valStart)
	e.singleQuot = e.valStart < len(src) && src[e.valStart] == '\''
	e.endLine = lineEndAfter(src, lineEnd(src, e.valEnd))
	return e, true
}

// scanTOMLString returns the offset after a TOML string starting at i.
func scanTOMLString(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		end := bytes.Index(src[i+3:], []byte{q, q, q})
		if end < 0 {
			return len(src)
		}
		j := i + 3 + end + 3
		for j < len(src) && src[j] == q { // """a"""" ends with a quote in the text
			j++
		}
		return j
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q, src[j] == '\n':
			return j + 1
		}
	}
	return len(src)
}

// scanTOMLValue returns the offset after a TOML value starting at i.
func scanTOMLValue(src []byte, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"', '\'':
		return scanTOMLString(src, i)
	case '[', '{':
		depth := 0
		for j := i; j < len(src); j++ {
			switch src[j] {
			case '"', '\'':
				j = scanTOMLString(src, j) - 1
			case '#':
				for j < len(src) && src[j] != '\n' {
					j++
				}
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(src)
	}
	j := i
	for j < len(src) && src[j] != '\n' && src[j] != '\r' && src[j] != '#' {
		j++
	}
	for j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	return j
}

func (t *tomlFM) find(key string) (tomlEntry, bool) {
	for _, e := range t.entries {
		if e.key == key {
			return e, true
		}
	}
	return tomlEntry{}, false
}

func (t *tomlFM) set(key string, v Value) ([]byte, error) {
	e, ok := t.find(key)
	if !ok {
		for _, f := range t.flds {
			if f.Key == key {
				return nil, fmt.Errorf("%s is a TOML table; edit it in the source", key)
			}
		}
		return t.insert(key, v)
	}
	text, err := renderTOML(v, e.singleQuot)
	if err != nil {
		return nil, err
	}
	if kept, ok := t.arrayKeeping(e, key, v); ok {
		text = kept
	}
	out := make([]byte, 0, len(t.src)+len(text))
	out = append(out, t.src[:e.valStart]...)
	out = append(out, text...)
	return append(out, t.src[e.valEnd:]...), nil
}

// tomlItem is one element of a multi-line array, one element to a line.
type tomlItem struct {
	val    Value
	from   int // start of the comment lines just above the element, or of its line
	end    int // just after the element's text
	after  int // just after its comma, or end if it has none
	next   int // after the line ending of the element's last line
	comma  bool
	indent string
}

// arrayKeeping renders the list v in place of entry e's value when that is
// a multi-line array with one element to a line: the lines of elements that
// stay (same value, each once) are kept with their comments and the blank
// and comment lines just above them, removed elements go with those lines,
// and new elements are written with the indentation, quoting and trailing
// comma of the array. ok is false when the array has another shape.
func (t *tomlFM) arrayKeeping(e tomlEntry, key string, v Value) (string, bool) {
	src := t.src
	if v.Kind != List || len(v.Items) == 0 || e.valEnd-e.valStart < 2 || src[e.valStart] != '[' || src[e.valEnd-1] != ']' ||
		bytes.IndexByte(src[e.valStart:e.valEnd], '\n') < 0 {
		return "", false
	}
	var old Value
	for _, f := range t.flds {
		if f.Key == key {
			old = f.Value
		}
	}
	closing := e.valEnd - 1
	var items []tomlItem
	lineStartAt := -1 // start of the current line if only spaces are before p on it, else -1
	open := false     // an element's line has not ended yet
	headEnd := -1     // after the line ending of the '[' line
	from := -1        // start of the first blank or comment line since the last element line
	for p := e.valStart + 1; p < closing; {
		switch c := src[p]; {
		case c == ' ' || c == '\t':
			p++
		case c == '#':
			if lineStartAt >= 0 && from < 0 {
				from = lineStartAt
			}
			lineStartAt = -1
			for p < closing && src[p] != '\n' && src[p] != '\r' {
				p++
			}
		case c == '\r' || c == '\n':
			if lineStartAt >= 0 && from < 0 { // a blank line goes with the element below it
				from = lineStartAt
			}
			p = lineEndAfter(src, p)
			if headEnd < 0 {
				headEnd = p
			}
			if open {
				items[len(items)-1].next = p
				open = false
			}
			lineStartAt = p
		case c == ',':
			if !open || len(items) == 0 || items[len(items)-1].comma {
				return "", false
			}
			it := &items[len(items)-1]
			it.comma, it.after = true, p+1
			p++
		default:
			if lineStartAt < 0 || open || headEnd < 0 {
				return "", false // not one element to a line
			}
			end := scanTOMLArrayElement(src, p, closing)
			if end > closing || end <= p {
				return "", false
			}
			if from < 0 {
				from = lineStartAt
			}
			items = append(items, tomlItem{from: from, end: end, after: end, indent: string(src[lineStartAt:p])})
			from, lineStartAt, open = -1, -1, true
			p = end
		}
	}
	// The closing bracket must open its line; every element line has ended.
	if open || len(items) == 0 || len(items) != len(old.Items) || lineStartAt < 0 {
		return "", false
	}
	literal := false
	for i := range items {
		items[i].val = old.Items[i]
		if i == 0 {
			literal = src[items[i].end-1] == '\''
		}
	}
	trailing := items[len(items)-1].comma
	used := make([]bool, len(items))
	var b strings.Builder
	b.Write(src[e.valStart:headEnd])
	for n, it := range v.Items {
		comma := n < len(v.Items)-1 || trailing
		reused := false
		for i := range items {
			if used[i] || !equalValue(items[i].val, it) {
				continue
			}
			used[i], reused = true, true
			o := items[i]
			b.Write(src[o.from:o.end])
			if comma {
				b.WriteByte(',')
			}
			b.Write(src[o.after:o.next])
			break
		}
		if reused {
			continue
		}
		s, err := renderTOML(it, literal)
		if err != nil {
			return "", false
		}
		b.WriteString(items[len(items)-1].indent + s)
		if comma {
			b.WriteByte(',')
		}
		b.WriteString(t.nl)
	}
	b.Write(src[items[len(items)-1].next:e.valEnd])
	return b.String(), true
}

// scanTOMLArrayElement returns the offset after an array element starting
// at i, before limit (the array's closing bracket).
func scanTOMLArrayElement(src []byte, i, limit int) int {
	switch src[i] {
	case '"', '\'', '[', '{':
		return scanTOMLValue(src, i)
	}
	j := i
	for j < limit && bytes.IndexByte([]byte(",#\r\n]"), src[j]) < 0 {
		j++
	}
	for j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	return j
}

func (t *tomlFM) insert(key string, v Value) ([]byte, error) {
	text, err := renderTOML(v, false)
	if err != nil {
		return nil, err
	}
	line := tomlKey(key) + " = " + text + t.nl
	at := 0
	if n := len(t.entries); n > 0 {
		at = t.entries[n-1].endLine
	} else if t.tables == len(t.src) {
		at = len(t.src)
	}
	if at > 0 && t.src[at-1] != '\n' {
		line = t.nl + line
	}
	out := make([]byte, 0, len(t.src)+len(line))
	out = append(out, t.src[:at]...)
	out = append(out, line...)
	return append(out, t.src[at:]...), nil
}

func (t *tomlFM) del(key string) ([]byte, error) {
	e, ok := t.find(key)
	if !ok {
		return nil, fmt.Errorf("%s is a TOML table; edit it in the source", key)
	}
	out := make([]byte, 0, len(t.src))
	out = append(out, t.src[:e.lineStart]...)
	return append(out, t.src[e.endLine:]...), nil
}

// tomlKey writes a key bare when TOML allows it, else quoted.
func tomlKey(k string) string {
	for _, r := range k {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlString(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// renderTOML writes v as a TOML value.
func renderTOML(v Value, literal bool) (string, error) {
	switch v.Kind {
	case Null:
		return "", errors.New("TOML has no null value")
	case Bool:
		return strings.ToLower(v.Text), nil
	case Int, Float:
		return v.Text, nil
	case Date:
		if isTOMLDate(v.Text) {
			return v.Text, nil
		}
		return tomlString(v.Text), nil
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			s, err := renderTOML(it, literal)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case Map:
		parts := make([]string, len(v.Fields))
		for i, f := range v.Fields {
			s, err := renderTOML(f.Value, literal)
			if err != nil {
				return "", err
			}
			parts[i] = tomlKey(f.Key) + " = " + s
		}
		return "{ " + strings.Join(parts, ", ") + " }", nil
	}
	if literal && !strings.ContainsAny(v.Text, "'\n\r") {
		return "'" + v.Text + "'", nil
	}
	return tomlString(v.Text), nil
}

// isTOMLDate reports whether s is a date or date-time TOML reads bare.
func isTOMLDate(s string) bool {
	var m map[string]any
	_, err := toml.Decode("d = "+s, &m)
	if err != nil {
		return false
	}
	_, ok := m["d"].(time.Time)
	return ok
}

// tomlString writes a TOML basic string, Unicode left as is.
func tomlString(s string) string { return quoteEscaped(s) }
