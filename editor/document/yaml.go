package document

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlFM is YAML front matter: its text, its node tree (for positions) and
// the fields read from it.
type yamlFM struct {
	src    []byte
	fmLine int
	nl     string
	root   *yaml.Node // the top-level mapping; nil for an empty front matter
	lines  []int      // byte offset of each line's start
	flds   []Field
	lazy   bool // root and lines are not built yet (see tree)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads YAML front matter. The common flat shape is read by
// fastYAML without building yaml.v3's node tree (which costs most of a
// folder scan); the tree is built on the first edit. Everything else goes
// through yaml.v3 at once.
func parseYAML(src []byte, fmLine int, nl string) (*yamlFM, error) {
	if flds, ok := fastYAML(src, fmLine); ok {
		if len(flds) == 0 {
			flds = nil
		}
		return &yamlFM{src: src, fmLine: fmLine, nl: nl, flds: flds, lazy: true}, nil
	}
	return parseYAMLTree(src, fmLine, nl)
}

// tree builds the node tree and line index the edit methods need, for
// front matter the fast path read.
func (y *yamlFM) tree() error {
	if !y.lazy {
		return nil
	}
	t, err := parseYAMLTree(y.src, y.fmLine, y.nl)
	if err != nil {
		return err // not expected: FuzzFastYAML checks yaml.v3 accepts what the fast path does
	}
	y.root, y.lines, y.lazy = t.root, t.lines, false
	return nil
}

// parseYAMLTree reads YAML front matter with yaml.v3, keeping its node
// tree for positions.
func parseYAMLTree(src []byte, fmLine int, nl string) (*yamlFM, error) {
	if err := checkDepth(src, fmLine, YAML); err != nil {
		return nil, err
	}
	y := &yamlFM{src: src, fmLine: fmLine, nl: nl, lines: lineStarts(src)}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		if line, ok := unclosedQuote(src); ok {
			return nil, &ParseError{Line: fmLine + line - 1, Msg: "YAML: unclosed quote"}
		}
		return nil, y.parseError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return y, nil // empty, or only comments
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return y, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &ParseError{Line: fmLine + root.Line - 1, Msg: "front matter must be a mapping of keys to values"}
	}
	if err := duplicateKey(root, fmLine); err != nil {
		return nil, err
	}
	y.root = root
	conv := &yamlConverter{fmLine: fmLine}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		val, err := conv.value(v)
		if err != nil {
			return nil, err
		}
		y.flds = append(y.flds, Field{Key: k.Value, Value: val})
	}
	return y, nil
}

// duplicateKey reports the second occurrence of a key in any mapping:
// readers disagree on which value wins (yaml.v3 and Hugo refuse the file,
// others take the first or the last), so Folio names it instead of guessing.
func duplicateKey(n *yaml.Node, fmLine int) error {
	if n.Kind == yaml.MappingNode {
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				if first, ok := seen[k.Value]; ok {
					return &ParseError{Line: fmLine + k.Line - 1,
						Msg: fmt.Sprintf("YAML: duplicate key %q (first on line %d)", k.Value, fmLine+first-1)}
				}
				seen[k.Value] = k.Line
			}
		}
	}
	for _, c := range n.Content {
		if err := duplicateKey(c, fmLine); err != nil {
			return err
		}
	}
	return nil
}

// maxAliasBytes is the budget of what alias expansion may produce, counted
// as the values and text it copies: plenty for real use (a shared list of
// authors), far too little for an alias bomb. It does not grow with the
// front matter's size, so padding the anchors cannot raise it.
const maxAliasBytes = 8 << 20

// valueCost is what one Value costs in memory, for the alias budget.
const valueCost = 96

// yamlConverter turns nodes into Values, expanding aliases with a guard
// against an alias that contains itself, a budget against alias bombs and
// the nesting limit MaxDepth (an alias nests its target's depth).
type yamlConverter struct {
	fmLine   int
	inAlias  int // > 0 while an alias is being expanded
	produced int // bytes produced by alias expansion so far
	depth    int
	visiting map[*yaml.Node]bool
}

func (c *yamlConverter) value(n *yaml.Node) (Value, error) {
	if c.inAlias > 0 {
		if c.produced += valueCost + len(n.Value); c.produced > maxAliasBytes {
			return Value{}, &ParseError{Line: c.fmLine + n.Line - 1, Msg: "YAML: aliases expand to too many values"}
		}
	}
	if c.depth++; c.depth > MaxDepth {
		return Value{}, &ParseError{Line: c.fmLine + n.Line - 1, Msg: fmt.Sprintf("YAML: values nest deeper than %d levels", MaxDepth)}
	}
	defer func() { c.depth-- }()
	line := c.fmLine + n.Line - 1
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if c.visiting[n.Alias] {
			return Value{}, &ParseError{Line: line, Msg: fmt.Sprintf("YAML: alias *%s refers to itself", n.Value)}
		}
		if c.visiting == nil {
			c.visiting = map[*yaml.Node]bool{}
		}
		c.visiting[n.Alias] = true
		c.inAlias++
		c.depth-- // the alias and its target are one level
		v, err := c.value(n.Alias)
		c.depth++
		c.inAlias--
		delete(c.visiting, n.Alias)
		v.Line = line
		return v, err
	}
	switch n.Kind {
	case yaml.SequenceNode:
		v := Value{Kind: List, Line: line, Items: make([]Value, 0, len(n.Content))}
		for _, ch := range n.Content {
			it, err := c.value(ch)
			if err != nil {
				return Value{}, err
			}
			v.Items = append(v.Items, it)
		}
		return v, nil
	case yaml.MappingNode:
		v := Value{Kind: Map, Line: line}
		for i := 0; i+1 < len(n.Content); i += 2 {
			f, err := c.value(n.Content[i+1])
			if err != nil {
				return Value{}, err
			}
			v.Fields = append(v.Fields, Field{Key: n.Content[i].Value, Value: f})
		}
		return v, nil
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return c.value(n.Content[0])
		}
		return Value{Kind: Null, Line: line}, nil
	}
	return scalarValue(n, line), nil
}

// unclosedQuote finds a line whose value opens a quote that the rest of the
// text never closes; yaml reports such errors at the end of the stream.
func unclosedQuote(src []byte) (int, bool) {
	line := 1
	for pos := 0; pos < len(src); line++ {
		l, next := lineAt(src, pos)
		if c, ok := scanKeyColon(src, pos); ok && c < pos+len(l) {
			v := skipSpaces(src, c+1, lineEnd(src, pos))
			if v < len(src) && (src[v] == '"' || src[v] == '\'') && scanQuoted(src, v, len(src)) == len(src) && src[len(src)-1] != src[v] {
				return line, true
			}
		}
		pos = next
	}
	return 0, false
}

// parseError turns a yaml error into a *ParseError with a file line.
func (y *yamlFM) parseError(err error) error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		if yamlParserError(m[2]) {
			// the parser's marks count lines from 0 (the scanner's
			// errors add one, its own do not): "tags: [a, b" unclosed on
			// the second line was reported on the first (QA F4)
			n++
		}
		if last := len(y.lines); n > last && last > 0 {
			n = last // an error at the end: on the last line
		}
		return &ParseError{Line: y.fmLine + n - 1, Msg: "YAML: " + m[2]}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if m := regexp.MustCompile(`^line (\d+): (.*)$`).FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			return &ParseError{Line: y.fmLine + n - 1, Msg: "YAML: " + m[2]}
		}
	}
	return &ParseError{Line: y.fmLine + lineOfProblem(y.src, msg) - 1, Msg: "YAML: " + msg}
}

// yamlParserError reports whether a yaml.v3 message comes from its parser
// (not its scanner): the parser's line numbers start at 0.
func yamlParserError(msg string) bool {
	for _, p := range []string{
		"did not find expected key",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected node content",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found undefined tag handle",
		"found duplicate %TAG directive",
	} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

var unknownAnchorRE = regexp.MustCompile(`unknown anchor '([^']*)'`)

// lineOfProblem finds the line of a yaml error that carries no line: an
// unknown alias, a control character or invalid UTF-8. It is 1 when it
// cannot tell.
func lineOfProblem(src []byte, msg string) int {
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(src, []byte("*"+m[1])); i >= 0 {
			return lineOf(src, i)
		}
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 || r < 0x20 && r != '\n' && r != '\r' && r != '\t' || r == 0x7f {
			return lineOf(src, i)
		}
		i += size
	}
	return 1
}

func (y *yamlFM) fields() []Field { return y.flds }

// scalarValue reads a scalar node: its kind from the resolved tag, its
// text as spelled.
func scalarValue(n *yaml.Node, line int) Value {
	kind := String
	switch n.ShortTag() {
	case "!!timestamp":
		kind = Date
	case "!!bool":
		kind = Bool
	case "!!int":
		kind = Int
	case "!!float":
		kind = Float
	case "!!null":
		kind = Null
	}
	return Value{Kind: kind, Text: n.Value, Line: line}
}

// lineStarts returns the byte offset at which each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset converts a yaml.v3 position (1-based line, 1-based column counted
// in characters) to a byte offset in src.
func (y *yamlFM) offset(line, col int) int {
	if line < 1 || line > len(y.lines) {
		return len(y.src)
	}
	off := y.lines[line-1]
	for c := 1; c < col && off < len(y.src) && y.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(y.src[off:])
		off += size
	}
	return off
}

// lineEnd returns the offset of the end of the line holding off, before its
// line ending.
func lineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	end := off + i
	if end > off && src[end-1] == '\r' {
		end--
	}
	return end
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// entry describes where one top-level key and its value lie.
type entry struct {
	keyLine    int // offset of the start of the key's line
	afterColon int // offset just after the key's colon
	valStart   int // offset of the value's first character (after spaces) on the key's line, or afterColon
	valEnd     int // offset just after the value's text
	endLine    int // offset after the entry's last line (including its line ending)
}

var errUnsupportedKey = errors.New("complex YAML keys (?) cannot be edited here; edit them in the source")

// locate finds the text of the top-level pair at index i of root.Content.
func (y *yamlFM) locate(i int) (entry, error) {
	src := y.src
	kn, vn := y.root.Content[i], y.root.Content[i+1]
	kOff := y.offset(kn.Line, kn.Column)
	var e entry
	e.keyLine = lineStart(src, kOff)
	colon, ok := scanKeyColon(src, kOff)
	if !ok {
		return e, errUnsupportedKey
	}
	e.afterColon = colon + 1
	// The region ends before the next key's line, less trailing blank and
	// comment lines (they belong to what follows).
	limit := len(src)
	if i+2 < len(y.root.Content) {
		nk := y.root.Content[i+2]
		limit = lineStart(src, y.offset(nk.Line, nk.Column))
	}
	blockScalar := vn.Kind == yaml.ScalarNode && vn.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	keyLineEnd := lineEnd(src, kOff)
	end := keyLineEnd
	for pos := lineEndAfter(src, keyLineEnd); pos < limit; {
		l, next := lineAt(src, pos)
		t := bytes.TrimLeft(l, " \t")
		trimmed := bytes.TrimRight(t, " \t\r\n")
		indent := len(l) - len(t)
		isComment := len(trimmed) > 0 && trimmed[0] == '#' && (!blockScalar || indent == 0)
		if len(trimmed) > 0 && !isComment {
			end = lineEnd(src, pos)
		}
		pos = next
	}
	e.valEnd = end
	e.endLine = lineEndAfter(src, end)
	e.valStart = skipSpaces(src, e.afterColon, keyLineEnd)
	if end == keyLineEnd {
		// A value on the key's line alone: keep a trailing comment.
		e.valEnd = scanInlineValue(src, e.valStart, keyLineEnd)
	}
	return e, nil
}

// lineEndAfter returns the offset after the line ending at end.
func lineEndAfter(src []byte, end int) int {
	if end < len(src) && src[end] == '\r' {
		end++
	}
	if end < len(src) && src[end] == '\n' {
		end++
	}
	return end
}

func skipSpaces(src []byte, pos, limit int) int {
	for pos < limit && (src[pos] == ' ' || src[pos] == '\t') {
		pos++
	}
	return pos
}

// scanKeyColon finds the colon after a key starting at off.
func scanKeyColon(src []byte, off int) (int, bool) {
	end := lineEnd(src, off)
	pos := off
	if pos < end && (src[pos] == '"' || src[pos] == '\'') {
		pos = scanQuoted(src, pos, len(src))
	}
	if pos < end && src[pos] == '?' {
		return 0, false
	}
	for ; pos < end; pos++ {
		if src[pos] == ':' && (pos+1 == len(src) || pos+1 >= end || src[pos+1] == ' ' || src[pos+1] == '\t' || src[pos+1] == '\r' || src[pos+1] == '\n') {
			return pos, true
		}
	}
	return 0, false
}

// scanQuoted returns the offset after a quoted scalar starting at pos.
func scanQuoted(src []byte, pos, limit int) int {
	q := src[pos]
	for i := pos + 1; i < limit; i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < limit && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1
		}
	}
	return limit
}

// scanInlineValue returns where a value starting at pos ends on its line,
// so that a following comment can be kept.
func scanInlineValue(src []byte, pos, end int) int {
	if pos >= end {
		return pos
	}
	// Anchors and tags come before the value.
	for pos < end && (src[pos] == '&' || src[pos] == '!') {
		for pos < end && src[pos] != ' ' && src[pos] != '\t' {
			pos++
		}
		pos = skipSpaces(src, pos, end)
	}
	if pos >= end {
		return pos
	}
	switch src[pos] {
	case '"', '\'':
		return scanQuoted(src, pos, end)
	case '[', '{':
		depth := 0
		for i := pos; i < end; i++ {
			switch src[i] {
			case '"', '\'':
				i = scanQuoted(src, i, end) - 1
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return end
	}
	i := pos
	for ; i < end; i++ {
		if src[i] == '#' && (src[i-1] == ' ' || src[i-1] == '\t') {
			break
		}
	}
	for i > pos && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	return i
}

// yamlStyle is how a front matter writes things, so new text matches it.
type yamlStyle struct {
	quote      byte   // 0 plain, '"' or '\'' for strings
	flowLists  bool   // [a, b] rather than block lists
	itemIndent string // indentation before "- " in block lists
	itemQuote  byte   // quoting of list items
}

// style infers the front matter's habits from its fields.
func (y *yamlFM) style() yamlStyle {
	s := yamlStyle{quote: 0, flowLists: true, itemIndent: "  ", itemQuote: 0}
	quotes := map[byte]int{}
	var sawList bool
	if y.root == nil {
		return yamlStyle{quote: '"', flowLists: true, itemIndent: "  ", itemQuote: '"'}
	}
	for i := 0; i+1 < len(y.root.Content); i += 2 {
		v := y.root.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			if v.ShortTag() == "!!str" {
				quotes[quoteOf(v)]++
			}
		case yaml.SequenceNode:
			if !sawList && (len(v.Content) > 0 || v.Style&yaml.FlowStyle == 0) { // "[]" is how any style writes an empty list
				sawList = true
				s.flowLists = v.Style&yaml.FlowStyle != 0
				if len(v.Content) > 0 {
					s.itemQuote = quoteOf(v.Content[0])
					if !s.flowLists && v.Content[0].Column >= 3 { // an empty item ("-") has no column of its own
						s.itemIndent = strings.Repeat(" ", v.Content[0].Column-3)
					}
				}
			}
		}
	}
	best := -1
	for _, q := range []byte{0, '"', '\''} {
		if quotes[q] > best {
			s.quote, best = q, quotes[q]
		}
	}
	if !sawList {
		s.itemQuote = s.quote
	}
	return s
}

func quoteOf(n *yaml.Node) byte {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return '"'
	case n.Style&yaml.SingleQuotedStyle != 0:
		return '\''
	}
	return 0
}

// styleFor adapts the front matter's style to the node being replaced.
func (y *yamlFM) styleFor(old *yaml.Node) yamlStyle {
	s := y.style()
	if old == nil {
		return s
	}
	if old.Kind == yaml.AliasNode && old.Alias != nil {
		old = old.Alias
	}
	switch old.Kind {
	case yaml.ScalarNode:
		if old.ShortTag() == "!!str" || quoteOf(old) != 0 {
			s.quote = quoteOf(old)
		}
	case yaml.SequenceNode:
		if len(old.Content) > 0 || old.Style&yaml.FlowStyle == 0 { // an empty "[]" follows the file's lists
			s.flowLists = old.Style&yaml.FlowStyle != 0
		}
		if len(old.Content) > 0 {
			s.itemQuote = quoteOf(old.Content[0])
			if !s.flowLists && old.Content[0].Column >= 3 {
				s.itemIndent = strings.Repeat(" ", old.Content[0].Column-3)
			}
		}
	}
	return s
}

func (y *yamlFM) index(key string) int {
	if y.root == nil {
		return -1
	}
	for i := 0; i+1 < len(y.root.Content); i += 2 {
		if y.root.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func (y *yamlFM) set(key string, v Value) ([]byte, error) {
	if err := y.tree(); err != nil {
		return nil, err
	}
	i := y.index(key)
	if i < 0 {
		return y.insert(key, v)
	}
	e, err := y.locate(i)
	if err != nil {
		return nil, err
	}
	old := y.root.Content[i+1]
	st := y.styleFor(old)
	anchor := ""
	if old.Anchor != "" {
		anchor = "&" + old.Anchor + " "
	}
	text := anchor + renderYAML(v, st, y.nl)
	if old.Kind == yaml.SequenceNode && old.Style&yaml.FlowStyle == 0 && v.Kind == List && len(v.Items) > 0 && !st.flowLists {
		text = anchor + y.blockListKeeping(old, v, st)
	}
	return y.replaceValue(e, text), nil
}

// blockListKeeping renders v as a block list in place of the block list
// old, reusing the lines of old items that stay (same scalar value, each
// once): their spelling, indentation, trailing comments and the comment
// lines just above them are kept; new items are written in style st.
func (y *yamlFM) blockListKeeping(old *yaml.Node, v Value, st yamlStyle) string {
	type oldItem struct {
		val  Value
		text string // the comment lines above and the item's line, without the last line ending
		used bool
	}
	var olds []oldItem
	prevEnd := -1 // end of the previous item's line
	for _, n := range old.Content {
		if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || n.Anchor != "" || n.Line < 1 || n.Line > len(y.lines) {
			prevEnd = -1
			continue
		}
		start := y.lines[n.Line-1]
		end := lineEnd(y.src, start)
		line := strings.TrimRight(string(y.src[start:end]), "\r")
		if t := strings.TrimLeft(line, " "); !strings.HasPrefix(t, "- ") || end < y.offset(n.Line, n.Column) {
			prevEnd = -1
			continue
		}
		// Comment lines right above the item (after the previous item).
		from := start
		if prevEnd >= 0 {
			for p := lineEndAfter(y.src, prevEnd); p < start; {
				l, next := lineAt(y.src, p)
				if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
					from = start
					break
				}
				if from == start {
					from = p
				}
				p = next
			}
		}
		text := strings.TrimRight(string(y.src[from:end]), "\r")
		olds = append(olds, oldItem{val: scalarValue(n, 0), text: text})
		prevEnd = end
	}
	item := st
	item.quote = st.itemQuote
	var b strings.Builder
	for _, it := range v.Items {
		reused := false
		for i := range olds {
			if !olds[i].used && equalValue(olds[i].val, it) {
				olds[i].used, reused = true, true
				b.WriteString(y.nl + strings.ReplaceAll(strings.ReplaceAll(olds[i].text, "\r\n", "\n"), "\n", y.nl))
				break
			}
		}
		if !reused {
			b.WriteString(y.nl + st.itemIndent + "- " + renderYAMLInline(it, item))
		}
	}
	return b.String()
}

// replaceValue puts text where entry e's value is, keeping the spacing
// around it and a comment on the key's line, wherever the new value's
// shape (inline, block list, block scalar) needs that comment to go.
func (y *yamlFM) replaceValue(e entry, text string) []byte {
	src := y.src
	keyLineEnd := lineEnd(src, e.afterColon)
	singleLine := e.valEnd <= keyLineEnd
	lead := " " // between the colon and the value
	if e.valStart < keyLineEnd && src[e.valStart] != '#' && e.valStart > e.afterColon {
		lead = string(src[e.afterColon:e.valStart])
	}
	var comment []byte
	gap := " " // between the value and its comment
	tail := e.valEnd
	if singleLine {
		if h := yamlCommentAt(src, e.valEnd, keyLineEnd); h >= 0 {
			comment = src[h:keyLineEnd]
			if h > e.valEnd {
				gap = string(src[e.valEnd:h])
			}
			tail = keyLineEnd
		}
	} else {
		comment = keyLineComment(src, e.valStart, keyLineEnd)
	}
	var out bytes.Buffer
	out.Write(src[:e.afterColon])
	switch {
	case strings.HasPrefix(text, y.nl): // a block list starts on the next line
		if comment != nil {
			out.WriteString(" ")
			out.Write(comment)
		}
		out.WriteString(text)
	case strings.HasPrefix(text, "|"): // a block scalar's header, then its lines
		header, rest, _ := strings.Cut(text, y.nl)
		out.WriteString(" " + header)
		if comment != nil {
			out.WriteString(" ")
			out.Write(comment)
		}
		out.WriteString(y.nl + rest)
	default:
		out.WriteString(lead + text)
		if comment != nil {
			out.WriteString(gap)
			out.Write(comment)
		}
	}
	out.Write(src[tail:])
	return out.Bytes()
}

// yamlCommentAt returns the offset of a comment ("#" at the start or after
// white space) in src[from:to], or -1.
func yamlCommentAt(src []byte, from, to int) int {
	for i := from; i < to; i++ {
		if src[i] == '#' && (i == from || src[i-1] == ' ' || src[i-1] == '\t') {
			return i
		}
		if src[i] != ' ' && src[i] != '\t' {
			return -1 // text that is not a comment
		}
	}
	return -1
}

// keyLineComment finds the comment on the key's line of a value that
// continues on the following lines: after nothing, an anchor, or a block
// scalar header (| |- >+ …). A flow or quoted value that spans lines keeps
// its text as it is, so nil.
func keyLineComment(src []byte, from, to int) []byte {
	i := from
	if i < to && src[i] == '&' { // an anchor before the value
		for i < to && src[i] != ' ' && src[i] != '\t' {
			i++
		}
	}
	if i < to && (src[i] == '|' || src[i] == '>') { // a block scalar header
		for i < to && src[i] != ' ' && src[i] != '\t' {
			i++
		}
	}
	for i < to && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < to && src[i] == '#' {
		return src[i:to]
	}
	return nil
}

// insert adds key after the last top-level entry.
func (y *yamlFM) insert(key string, v Value) ([]byte, error) {
	line := yamlEntry(key, v, y.style(), y.nl) + y.nl
	at := 0
	if y.root != nil && len(y.root.Content) >= 2 {
		e, err := y.locate(len(y.root.Content) - 2)
		if err != nil {
			return nil, err
		}
		at = e.endLine
		if at == len(y.src) && at > 0 && y.src[at-1] != '\n' {
			line = y.nl + line
		}
	} else if len(y.src) > 0 && y.src[len(y.src)-1] != '\n' {
		at = len(y.src)
		line = y.nl + line
	} else {
		at = len(y.src)
	}
	out := make([]byte, 0, len(y.src)+len(line))
	out = append(out, y.src[:at]...)
	out = append(out, line...)
	return append(out, y.src[at:]...), nil
}

func (y *yamlFM) del(key string) ([]byte, error) {
	if err := y.tree(); err != nil {
		return nil, err
	}
	i := y.index(key)
	if i < 0 {
		return y.src, nil
	}
	e, err := y.locate(i)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(y.src))
	out = append(out, y.src[:e.keyLine]...)
	return append(out, y.src[e.endLine:]...), nil
}

// yamlEntry renders "key: value" (without a final line ending).
func yamlEntry(key string, v Value, st yamlStyle, nl string) string {
	k := key
	if !plainSafe(key) {
		k = doubleQuote(key)
	}
	text := renderYAML(v, st, nl)
	if strings.HasPrefix(text, nl) {
		return k + ":" + text
	}
	return k + ": " + text
}

// renderYAML writes v in the given style. Block lists start with a line ending.
func renderYAML(v Value, st yamlStyle, nl string) string {
	switch v.Kind {
	case List:
		if len(v.Items) == 0 {
			return "[]"
		}
		item := st
		item.quote = st.itemQuote
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = renderYAMLInline(it, item)
		}
		if st.flowLists {
			return "[" + strings.Join(parts, ", ") + "]"
		}
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(nl + st.itemIndent + "- " + p)
		}
		return b.String()
	case String:
		if strings.Contains(v.Text, "\n") && st.quote == 0 {
			return blockScalar(v.Text, "  ", nl)
		}
	}
	return renderYAMLInline(v, st)
}

// renderYAMLInline writes v on one line (flow style for collections).
func renderYAMLInline(v Value, st yamlStyle) string {
	switch v.Kind {
	case Null:
		if v.Text != "" {
			return v.Text
		}
		return "null"
	case Bool, Int, Float:
		return v.Text
	case Date:
		if st.quote != 0 {
			return quoteWith(v.Text, st.quote)
		}
		return v.Text
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = renderYAMLInline(it, st)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case Map:
		parts := make([]string, len(v.Fields))
		for i, f := range v.Fields {
			k := f.Key
			if !plainSafe(k) || strings.ContainsAny(k, ",[]{}") {
				k = doubleQuote(k)
			}
			parts[i] = k + ": " + renderYAMLInline(f.Value, st)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	if st.quote == 0 && plainSafe(v.Text) && !strings.ContainsAny(v.Text, ",[]{}") {
		return v.Text
	}
	if st.quote == 0 {
		return doubleQuote(v.Text)
	}
	return quoteWith(v.Text, st.quote)
}

func quoteWith(s string, q byte) string {
	if q == '\'' && !strings.ContainsAny(s, "\n\t") && utf8.ValidString(s) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuote(s)
}

// doubleQuote writes s as a YAML double-quoted scalar, leaving printable
// Unicode (Chinese included) as it is.
func doubleQuote(s string) string { return quoteEscaped(s) }

// blockScalar writes a multi-line string as a literal block scalar.
func blockScalar(s, indent, nl string) string {
	chomp := "|-"
	body := s
	if strings.HasSuffix(s, "\n") {
		chomp = "|"
		body = strings.TrimSuffix(s, "\n")
		if strings.HasSuffix(body, "\n") {
			chomp = "|+"
			body = s
		}
	}
	if strings.HasPrefix(s, " ") {
		chomp = chomp[:1] + "2" + chomp[1:]
	}
	var b strings.Builder
	b.WriteString(chomp)
	for _, l := range strings.Split(body, "\n") {
		b.WriteString(nl)
		if l != "" {
			b.WriteString(indent + l)
		}
	}
	return b.String()
}

// plainSafe reports whether s can be written as a plain YAML scalar and
// read back as the same string.
func plainSafe(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r\t") {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") && !(len(s) > 1 && (s[0] == '-' || s[0] == '?' || s[0] == ':') && s[1] != ' ') {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off": // booleans to YAML 1.1 readers
		return false
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+s), &n); err != nil || len(n.Content) == 0 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == s
}
