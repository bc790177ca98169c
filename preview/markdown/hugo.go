package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo's escaped shortcodes and its code shortcodes.
//
// Hugo's documentation writes a shortcode call it shows, rather than runs,
// as "{{</* name */>}}" (or "{{%/* name */%}}"); Hugo prints it as
// "{{< name >}}" everywhere, inside code spans and code blocks too
// (UnescapeHugo). A shortcode whose body is code, "{{< code-toggle >}}" or
// "{{< highlight go >}}" up to its closing call on a line of its own, is a
// code block with the call as a label chip (ShortcodeBlock).

// UnescapeHugo turns Hugo's escaped shortcode calls into what Hugo prints:
// "{{</* x */>}}" is "{{< x >}}", "{{%/* x */%}}" is "{{% x %}}". As in
// Hugo, the "/*" must follow the opening braces at once, and a call with
// no "*/>}}" after it is left alone.
func UnescapeHugo(s string) string {
	if !strings.Contains(s, "{{<") && !strings.Contains(s, "{{%") {
		return s
	}
	var b strings.Builder
	for {
		i := indexEscaped(s)
		if i < 0 {
			break
		}
		delim := s[i+2 : i+3] // "<" or "%"
		right := ">}}"
		if delim == "%" {
			right = "%}}"
		}
		closer := "*/" + right
		end := strings.Index(s[i+5:], closer)
		if end < 0 {
			break
		}
		b.WriteString(s[:i+3])          // "{{<"
		b.WriteString(s[i+5 : i+5+end]) // the call
		b.WriteString(right)
		s = s[i+5+end+len(closer):]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

// indexEscaped is the offset of the first "{{</*" or "{{%/*" in s, or -1.
func indexEscaped(s string) int {
	from := 0
	for {
		i := strings.Index(s[from:], "{{")
		if i < 0 {
			return -1
		}
		i += from
		if i+5 <= len(s) && (s[i+2] == '<' || s[i+2] == '%') && s[i+3] == '/' && s[i+4] == '*' {
			return i
		}
		from = i + 2
	}
}

// KindShortcodeBlock is the node kind of a code shortcode's block.
var KindShortcodeBlock = ast.NewNodeKind("ShortcodeBlock")

// ShortcodeBlock is a Hugo shortcode whose body is code, from its call to
// its closing call, each on a line of its own: "{{< code-toggle file=hugo
// >}}" (the body is site configuration in TOML, YAML or JSON) or
// "{{< highlight go >}}". Its lines are the body.
type ShortcodeBlock struct {
	ast.BaseBlock
	Name string // "code-toggle", "highlight"
	Args string
}

// Kind implements ast.Node.
func (s *ShortcodeBlock) Kind() ast.NodeKind { return KindShortcodeBlock }

// IsRaw implements ast.Node: the body is not Markdown.
func (s *ShortcodeBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (s *ShortcodeBlock) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Name, "Args": s.Args}, nil)
}

// Label is the chip shown above the code: the call without its braces.
func (s *ShortcodeBlock) Label() string {
	return (&Shortcode{Name: s.Name, Args: s.Args}).Label()
}

// Lang is the language the body is highlighted as: highlight's first
// argument, else code-toggle's lang= argument, else a guess among TOML,
// YAML and JSON.
func (s *ShortcodeBlock) Lang(body string) string {
	fields := strings.Fields(s.Args)
	if s.Name == "highlight" && len(fields) > 0 {
		return strings.Trim(fields[0], `"'`)
	}
	for _, f := range fields {
		if v, ok := strings.CutPrefix(f, "lang="); ok {
			return strings.Trim(v, `"'`)
		}
	}
	return guessConfigLang(body)
}

var (
	tomlLineRE = regexp.MustCompile(`^\s*(\[.*\]|[A-Za-z0-9_.'"-]+\s*=)`)
	yamlLineRE = regexp.MustCompile(`^\s*([A-Za-z0-9_.'"-]+\s*:(\s|$)|- )`)
)

// guessConfigLang tells TOML, YAML and JSON apart by the first line that
// says which it is.
func guessConfigLang(body string) string {
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "{"):
			return "json"
		case tomlLineRE.MatchString(line):
			return "toml"
		case yamlLineRE.MatchString(line):
			return "yaml"
		}
		return ""
	}
	return ""
}

// codeShortcodes are the shortcodes whose body is code.
var codeShortcodes = map[string]bool{"code-toggle": true, "highlight": true}

var shortcodeLineRE = regexp.MustCompile(`^ {0,3}\{\{([<%])\s*(/?)\s*([A-Za-z0-9_-]+)(.*?)\s*([>%])\}\}\s*$`)

// shortcodeLine reads a line that is one shortcode call: its name, its
// arguments, whether it is closing or self-closing ("/>}}").
func shortcodeLine(line []byte) (name, args string, closing, selfClosing, ok bool) {
	m := shortcodeLineRE.FindSubmatch(line)
	if m == nil || m[1][0] == '<' && m[5][0] != '>' || m[1][0] == '%' && m[5][0] != '%' {
		return "", "", false, false, false
	}
	args = strings.TrimSpace(string(m[4]))
	if rest, cut := strings.CutSuffix(args, "/"); cut {
		args, selfClosing = strings.TrimSpace(rest), true
	}
	return string(m[3]), args, len(m[2]) > 0, selfClosing, true
}

// shortcodeBlockParser reads a code shortcode's block.
type shortcodeBlockParser struct{}

// Trigger implements parser.BlockParser.
func (shortcodeBlockParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (shortcodeBlockParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	name, args, closing, self, ok := shortcodeLine(line)
	if !ok || closing || self || !codeShortcodes[name] {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &ShortcodeBlock{Name: name, Args: args}, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (shortcodeBlockParser) Continue(n ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	if name, _, closing, _, ok := shortcodeLine(line); ok && closing && name == n.(*ShortcodeBlock).Name {
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (shortcodeBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (shortcodeBlockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (shortcodeBlockParser) CanAcceptIndentedLine() bool { return false }

// shortcodeBody is a shortcode block's body as written.
func shortcodeBody(n *ShortcodeBlock, src []byte) string {
	var b bytes.Buffer
	writeLines(&b, n.Lines(), src)
	return strings.TrimSuffix(b.String(), "\n")
}
