package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GitHub alerts ("> [!NOTE]" …) and Hugo shortcodes ("{{< name >}}",
// "{{% name %}}"), part of the one configuration (New).

// AlertKinds are the GitHub alert types, in lower case.
var AlertKinds = []string{"note", "tip", "important", "warning", "caution"}

// AlertOf is the alert type ("note", "tip", …) of a blockquote node marked
// by New's parser, or "".
func AlertOf(n ast.Node) string {
	if v, ok := n.AttributeString("data-alert"); ok {
		if s, ok := v.([]byte); ok {
			return string(s)
		}
	}
	return ""
}

// alerts marks blockquotes whose first line is "[!TYPE]" with the type and
// removes that line.
type alerts struct{}

// Transform implements parser.ASTTransformer.
func (alerts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 || AlertOf(q) != "" {
			continue
		}
		if kind, title, ok := labelAlert(para, src); ok {
			q.RemoveChild(q, para)
			q.SetAttributeString("data-alert", []byte(kind))
			q.SetAttributeString("data-alert-title", []byte(title))
			continue
		}
		first := para.Lines().At(0)
		line := bytes.TrimSpace(first.Value(src))
		if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
			continue
		}
		kind := strings.ToLower(string(line[2 : len(line)-1]))
		known := false
		for _, k := range AlertKinds {
			known = known || k == kind
		}
		if !known {
			continue
		}
		// drop the inline nodes of the first line
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			t, isText := c.(*ast.Text)
			if isText && t.Segment.Start >= first.Stop {
				break
			}
			if !isText && c.Pos() >= first.Stop {
				break
			}
			para.RemoveChild(para, c)
			if isText && (t.SoftLineBreak() || t.HardLineBreak()) {
				break
			}
			c = next
		}
		if para.ChildCount() == 0 {
			q.RemoveChild(q, para)
		} else {
			lines := para.Lines()
			rest := text.NewSegments()
			for i := 1; i < lines.Len(); i++ {
				rest.Append(lines.At(i))
			}
			para.SetLines(rest)
		}
		q.SetAttributeString("data-alert", []byte(kind))
	}
}

// labelAlerts are the bold labels that open a callout in documentation
// sites' Markdown ("> **注意：**" in docs-cn, "> **Note:**"), by alert type.
var labelAlerts = map[string]string{
	"注意": "note", "注": "note", "说明": "note", "note": "note",
	"提示": "tip", "建议": "tip", "tip": "tip",
	"重要": "important", "important": "important",
	"警告": "warning", "warning": "warning",
	"小心": "caution", "危险": "caution", "caution": "caution", "danger": "caution",
}

// labelAlert reads a quote's first paragraph that is only a bold label
// with an optional colon ("**注意：**", "**Note:**", "**Warning**:"): the
// alert type and the label as written, without its colon.
func labelAlert(para *ast.Paragraph, src []byte) (kind, title string, ok bool) {
	em, isEm := para.FirstChild().(*ast.Emphasis)
	if !isEm || em.Level != 2 {
		return "", "", false
	}
	rest := ""
	for n := em.NextSibling(); n != nil; n = n.NextSibling() {
		t, isText := n.(*ast.Text)
		if !isText {
			return "", "", false
		}
		rest += string(t.Segment.Value(src))
	}
	if r := strings.TrimSpace(rest); r != "" && r != ":" && r != "：" {
		return "", "", false
	}
	label := strings.TrimSpace(PlainText(em, src))
	label = strings.TrimSpace(strings.TrimRight(label, ":："))
	kind, ok = labelAlerts[strings.ToLower(label)]
	return kind, label, ok
}

// KindShortcode is the node kind of a Hugo shortcode.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Shortcode is a Hugo shortcode call: "{{< name args >}}" or
// "{{% name args %}}", or its closing "{{< /name >}}".
type Shortcode struct {
	ast.BaseInline
	Name    string // "figure", "/tabs"
	Args    string // the rest, trimmed
	Markup  bool   // {{% … %}}: its content is Markdown
	Closing bool
}

// Kind implements ast.Node.
func (s *Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (s *Shortcode) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Name, "Args": s.Args}, nil)
}

// Label is the short text a chip shows: the name and the start of the
// arguments.
func (s *Shortcode) Label() string {
	l := s.Name
	if s.Args != "" {
		args := s.Args
		if r := []rune(args); len(r) > 40 {
			args = string(r[:40]) + "…"
		}
		l += " " + args
	}
	return l
}

// shortcodeParser reads a shortcode call that opens and closes on one line.
type shortcodeParser struct{}

// Trigger implements parser.InlineParser.
func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.
func (shortcodeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 6 || line[1] != '{' || line[2] != '<' && line[2] != '%' {
		return nil
	}
	closer := []byte(">}}")
	if line[2] == '%' {
		closer = []byte("%}}")
	}
	if len(line) > 4 && line[3] == '/' && line[4] == '*' {
		// {{</* escaped */>}}: Hugo prints the call itself, {{< x >}}
		end := bytes.Index(line[5:], append([]byte("*/"), closer...))
		if end < 0 {
			return nil
		}
		s := ast.NewString([]byte(UnescapeHugo(string(line[:5+end+2+len(closer)]))))
		s.SetRaw(true)
		block.Advance(5 + end + 2 + len(closer))
		return s
	}
	end := bytes.Index(line[3:], closer)
	if end < 0 {
		return nil
	}
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(line[3:3+end])), "/")) // {{< x />}}
	if inner == "" {
		return nil
	}
	sc := &Shortcode{Markup: line[2] == '%'}
	name, args, _ := strings.Cut(inner, " ")
	sc.Name, sc.Args = name, strings.TrimSpace(args)
	sc.Closing = strings.HasPrefix(name, "/")
	block.Advance(3 + end + len(closer))
	return sc
}

// shortcodeHTML renders a shortcode as a labelled chip in the export.
func shortcodeHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		sc := n.(*Shortcode)
		if badge, link, ok := versionBadge(sc); ok {
			if badge != "" {
				_, _ = w.WriteString(`<span class="shortcode badge"><a href="` + htmlEscape(link) + `">` + htmlEscape(badge) + `</a></span>`)
			}
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(`<span class="shortcode">`)
		_, _ = w.WriteString(htmlEscape(sc.Label()))
		_, _ = w.WriteString(`</span>`)
	}
	return ast.WalkSkipChildren, nil
}

type shortcodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, shortcodeHTML)
	reg.Register(KindContainer, containerHTML)
	reg.Register(KindLabelChip, labelChipHTML)
	reg.Register(KindShortcodeBlock, shortcodeBlockHTML)
	reg.Register(KindLineShortcode, lineShortcodeHTML)
	reg.Register(KindShortcodeCall, shortcodeCallHTML)
}

// containerHTML writes a real <details> with its summary, and docs-cn's
// tabs as labelled sections.
func containerHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*Container)
	switch c.Tag {
	case ContainerDetails:
		if !entering {
			_, _ = w.WriteString("</details>\n")
			break
		}
		if c.Open {
			_, _ = w.WriteString("<details open>\n<summary>")
		} else {
			_, _ = w.WriteString("<details>\n<summary>")
		}
		if pieces, ok := SplitHTML(c.Label); ok && c.Label != "" {
			writeSafeHTML(w, pieces)
		} else if c.Label != "" {
			_, _ = w.WriteString(htmlEscape(c.Label))
		} else {
			_, _ = w.WriteString("Details")
		}
		_, _ = w.WriteString("</summary>\n")
	case ContainerComponent: // transparent
	case ContainerTabs:
		if entering {
			_, _ = w.WriteString("<div class=\"tabs\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	default:
		if entering {
			_, _ = w.WriteString("<div class=\"tab\">\n<p class=\"tab-label\">" + htmlEscape(c.Label) + "</p>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
	}
	return ast.WalkContinue, nil
}

// labelChipHTML writes a label chip.
func labelChipHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span class="label">` + htmlEscape(n.(*LabelChip).Label) + `</span>`)
	}
	return ast.WalkSkipChildren, nil
}

// shortcodeBlockHTML writes a code shortcode's body as a code block under
// its label.
func shortcodeBlockHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	sc := n.(*ShortcodeBlock)
	body := UnescapeHugo(shortcodeBody(sc, src))
	_, _ = w.WriteString(`<div class="code-label"><span class="shortcode">` + htmlEscape(sc.Label()) + "</span></div>\n")
	_, _ = w.WriteString(`<pre><code class="language-` + htmlEscape(sc.Lang(body)) + `">` + htmlEscape(body) + "\n</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// extras is the extension adding alerts and shortcodes.
type extras struct{}

// Extend implements goldmark.Extender.
func (extras) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(shortcodeParser{}, 90)),
		parser.WithInlineParsers(util.Prioritized(inlineHighlightParser{}, 89)),
		parser.WithBlockParsers(
			util.Prioritized(shortcodeBlockParser{}, 650),
			util.Prioritized(lineShortcodeParser{}, 651),
			util.Prioritized(detailsShortcodeParser{}, 652),
			util.Prioritized(shortcodeCallParser{}, 653),
			util.Prioritized(conflictParser{}, 50),
		),
		parser.WithASTTransformers(
			util.Prioritized(&containers{p: m.Parser()}, 800),
			util.Prioritized(alerts{}, 900),
		),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 500)))
}

func htmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")
	return r.Replace(s)
}
