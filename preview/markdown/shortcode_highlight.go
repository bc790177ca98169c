package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo's highlight shortcode as gohugo.io shows it: the block form
// ({{< highlight go "linenos=inline, hl_Lines=3 6-8" >}} … {{<
// /highlight >}}) is the code with its line numbers and marked lines and
// no chip; the inline form ({{< highlight go "hl_inline=true" >}}code{{<
// /highlight >}} within a line) is inline code.

// CodeOpts are a code block's display options: line numbers and marked
// lines (Hugo's linenos, linenostart and hl_lines).
type CodeOpts struct {
	// Numbered tells that lines are numbered, from LineStart.
	Numbered  bool
	LineStart int
	// Copy asks for a copy button (docs-cn's {{< copyable >}} before the
	// block).
	Copy bool
	// Marked are the marked lines' ranges, 1-based and inclusive, counted
	// from the block's first line (as Hugo counts hl_lines).
	Marked [][2]int
}

// IsMarked reports whether the 1-based line i is marked.
func (o *CodeOpts) IsMarked(i int) bool {
	if o == nil {
		return false
	}
	for _, r := range o.Marked {
		if i >= r[0] && i <= r[1] {
			return true
		}
	}
	return false
}

// highlightOpts reads the options argument of a highlight shortcode
// ("linenos=inline, hl_Lines=3 6-8, style=emacs"): keys in any letter
// case, separated by commas (or spaces between key=value pairs); nil when
// it asks for neither line numbers nor marked lines.
func highlightOpts(args string) *CodeOpts {
	fields := splitHighlightArgs(args)
	if len(fields) < 2 {
		return nil
	}
	return codeOpts(parseHighlightOpts(fields[1]))
}

// codeOpts reads Hugo's highlighting options (keys lower-cased; hl_lines
// as "3 6-8"); nil when they ask for neither line numbers nor marked
// lines.
func codeOpts(opts map[string]string) *CodeOpts {
	o := &CodeOpts{LineStart: 1}
	for k, v := range opts {
		switch k {
		case "linenos":
			o.Numbered = v != "" && v != "false"
		case "linenostart":
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				o.LineStart = n
			}
		case "hl_lines":
			for _, r := range strings.Fields(v) {
				from, to, isRange := strings.Cut(r, "-")
				a, err1 := strconv.Atoi(from)
				b := a
				var err2 error
				if isRange {
					b, err2 = strconv.Atoi(to)
				}
				if err1 == nil && err2 == nil && a > 0 && b >= a {
					o.Marked = append(o.Marked, [2]int{a, b})
				}
			}
		}
	}
	if !o.Numbered && len(o.Marked) == 0 {
		return nil
	}
	return o
}

// splitHighlightArgs splits a highlight call's arguments: the language
// and the quoted options.
func splitHighlightArgs(args string) []string {
	var out []string
	for rest := strings.TrimSpace(args); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] == '"' || rest[0] == '`' {
			end := strings.IndexByte(rest[1:], rest[0])
			if end < 0 {
				out = append(out, rest[1:])
				break
			}
			out = append(out, rest[1:1+end])
			rest = rest[2+end:]
			continue
		}
		f, r, _ := strings.Cut(rest, " ")
		out = append(out, f)
		rest = r
	}
	return out
}

// parseHighlightOpts reads "k=v, k2=v2 v3" into lower-cased keys.
func parseHighlightOpts(s string) map[string]string {
	m := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	return m
}

// shortcodeBlock converts a code shortcode: code-toggle's tabs, or
// highlight's code with its options.
func shortcodeBlock(sc *ShortcodeBlock, body string) *Block {
	if sc.Name == "code-toggle" {
		return toggleBlock(sc, body)
	}
	return &Block{Kind: KindCode, Lang: sc.Lang(body), Text: body, Opts: highlightOpts(sc.Args)}
}

// inlineHighlightParser reads highlight's inline form, {{< highlight go
// "hl_inline=true" >}}code{{< /highlight >}} on one line, as a code span.
type inlineHighlightParser struct{}

// Trigger implements parser.InlineParser.
func (inlineHighlightParser) Trigger() []byte { return []byte{'{'} }

var (
	highlightOpen  = []byte("{{< highlight ")
	highlightClose = []byte("{{< /highlight >}}")
)

// Parse implements parser.InlineParser.
func (inlineHighlightParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, highlightOpen) {
		return nil
	}
	end := bytes.Index(line, []byte(">}}"))
	if end < 0 {
		return nil
	}
	args := string(line[len(highlightOpen):end])
	fields := splitHighlightArgs(args)
	if len(fields) < 2 || parseHighlightOpts(fields[1])["hl_inline"] != "true" {
		return nil
	}
	from := end + 3
	stop := bytes.Index(line[from:], highlightClose)
	if stop < 0 {
		return nil
	}
	span := ast.NewCodeSpan()
	code := seg.Start + from
	span.AppendChild(span, ast.NewRawTextSegment(text.NewSegment(code, code+stop)))
	block.Advance(from + stop + len(highlightClose))
	return span
}

// fenceOpts are a fenced code block's options: Hugo's attributes after
// its language (```go {linenos=inline hl_lines=[3,"6-8"]}) and docs-cn's
// {{< copyable >}} on the line before it; nil when neither says anything.
func fenceOpts(n *ast.FencedCodeBlock, src []byte) *CodeOpts {
	var o *CodeOpts
	if n.Info != nil {
		info := n.Info.Segment.Value(src)
		if i := bytes.IndexByte(info, '{'); i >= 0 && bytes.HasSuffix(bytes.TrimSpace(info), []byte("}")) {
			o = codeOpts(fenceAttrs(string(bytes.TrimSpace(info[i+1:]))))
		}
	}
	if sc, ok := n.PreviousSibling().(*LineShortcode); ok && sc.Name == "copyable" {
		if o == nil {
			o = &CodeOpts{LineStart: 1}
		}
		o.Copy = true
	}
	return o
}

// fenceAttrs reads a fence's attribute list ("linenos=inline,
// hl_lines=[3, "6-8"] style=emacs}"): keys lower-cased, hl_lines's list
// written as "3 6-8".
func fenceAttrs(s string) map[string]string {
	s = strings.TrimSuffix(strings.TrimSpace(s), "}")
	m := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimLeft(s, " \t,") {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			break
		}
		key := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimLeft(s[eq+1:], " \t")
		var val string
		switch {
		case strings.HasPrefix(s, "["):
			end := strings.IndexByte(s, ']')
			if end < 0 {
				end = len(s) - 1
			}
			val, s = s[1:end], s[end+1:]
			val = strings.Join(strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' || r == '"' || r == '\'' }), " ")
		case strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "'"):
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		default:
			end := strings.IndexAny(s, " \t,")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		m[key] = val
	}
	return m
}
