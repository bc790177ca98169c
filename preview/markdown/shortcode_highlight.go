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
	o := &CodeOpts{LineStart: 1}
	for k, v := range parseHighlightOpts(fields[1]) {
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
