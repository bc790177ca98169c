package markdown

import (
	"bytes"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Heading is one heading of a document, for the outline and for anchor
// links.
type Heading struct {
	Level  int    // 1–6
	Text   string // the heading's plain text
	Line   int    // 1-based line in the source given to Headings
	Anchor string // the id a published page gives it (GitHub and Hugo style), unique in the document
}

// Headings lists the headings of a Markdown body in document order,
// nested ones (in quotes and lists) included. A trailing "{#id}" sets the
// anchor, as in Hugo.
func Headings(src []byte) []Heading {
	return anchors(src, func(n ast.Node) (int, bool) {
		if h, ok := n.(*ast.Heading); ok {
			return h.Level, true
		}
		return 0, false
	})
}

// DefinitionTerms lists the terms of a Markdown body's definition lists
// ("baseURL" on a line, ": its meaning" on the next) as headings of level
// 0, with the ids Hugo gives them when autoDefinitionTermID is on (Hugo's
// docs link to them: /configuration/all/#baseurl), so an anchor no heading
// has can still land on its term.
func DefinitionTerms(src []byte) []Heading {
	if !bytes.Contains(src, []byte("\n:")) { // no definition
		return nil
	}
	return anchors(src, func(n ast.Node) (int, bool) {
		_, ok := n.(*east.DefinitionTerm)
		return 0, ok
	})
}

// Anchors lists a Markdown body's headings and, with terms, its
// definition list terms (level 0), in document order with ids made unique
// among them all: Hugo gives headings and terms ids from one set when
// autoDefinitionTermID is on (SiteTermIDs), so on hugoDocs' deployment
// page the term "matchers" is #matchers and the later heading "Matchers"
// #matchers-1. Without terms it is Headings.
func Anchors(src []byte, terms bool) []Heading {
	if !terms || !bytes.Contains(src, []byte("\n:")) {
		return Headings(src)
	}
	return anchors(src, func(n ast.Node) (int, bool) {
		switch h := n.(type) {
		case *ast.Heading:
			return h.Level, true
		case *east.DefinitionTerm:
			return 0, true
		}
		return 0, false
	})
}

// SiteTermIDs reports whether the Hugo site at root gives definition
// terms ids (markup.goldmark.parser.autoDefinitionTermID in its config;
// Hugo's default is off).
func SiteTermIDs(root string) bool {
	if root == "" {
		return false
	}
	for _, sub := range []string{"", filepath.Join("config", "_default")} {
		names := hugoConfigs
		if sub != "" {
			names = append([]string{"markup.toml", "markup.yaml", "markup.yml", "markup.json"}, hugoConfigs...)
		}
		for _, name := range names {
			cfg := readSiteConfig(filepath.Join(root, sub, name))
			if cfg == nil {
				continue
			}
			if strings.HasPrefix(name, "markup.") {
				cfg = map[string]any{"markup": cfg}
			}
			var v any = cfg
			for _, k := range []string{"markup", "goldmark", "parser", "autodefinitiontermid"} {
				m, ok := v.(map[string]any)
				if !ok {
					v = nil
					break
				}
				v = m[k]
			}
			if on, ok := v.(bool); ok {
				return on
			}
			if !strings.HasPrefix(name, "markup.") {
				return false // the site's config, without the setting
			}
		}
	}
	return false
}

// anchors lists the nodes of a Markdown body that pick accepts, with the
// level it gives, their plain text, line and the anchor a published page
// gives them; a heading's trailing "{#id}" sets its anchor, as in Hugo.
func anchors(src []byte, pick func(ast.Node) (level int, ok bool)) []Heading {
	src = Sanitize(src)
	doc := New().Parser().Parse(text.NewReader(src))
	starts := lineStarts(src)
	slugs := NewSlugger()
	var out []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		level, ok := pick(n)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		txt := strings.TrimSpace(PlainText(n, src))
		id := ""
		if _, heading := n.(*ast.Heading); heading {
			if body, attrID, ok := cutHeadingAttrs(txt); ok {
				txt, id = body, attrID // "{#id .class}": Hugo's attributes; "{.class}" sets no id
			}
		}
		line := 1
		if n.Lines().Len() > 0 {
			line = lineOf(starts, n.Lines().At(0).Start)
		} else if p := n.Pos(); p >= 0 {
			line = lineOf(starts, p)
		}
		if id == "" {
			id = slugs.Slug(txt)
		} else {
			slugs.seen[id]++
		}
		out = append(out, Heading{Level: level, Text: txt, Line: line, Anchor: id})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// PlainText is the text content of a node's inline subtree: escapes and
// character references resolved, markup dropped.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Value(src)) //nolint:staticcheck // the decoded text is what a reader sees
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for c := t.FirstChild(); c != nil; c = c.NextSibling() {
				if tt, ok := c.(*ast.Text); ok {
					b.Write(tt.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Slugger makes heading anchors unique within one document.
type Slugger struct{ seen map[string]int }

// NewSlugger returns a Slugger that has seen no anchor.
func NewSlugger() *Slugger { return &Slugger{seen: map[string]int{}} }

// Slug is Anchor(text), with "-1", "-2"… added to repeats.
func (s *Slugger) Slug(text string) string {
	base := Anchor(text)
	id := base
	for n := s.seen[base]; s.seen[id] > 0; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.seen[base]++
	if id != base {
		s.seen[id]++
	}
	return id
}

// Anchor is the id GitHub and Hugo give a heading: lower case, spaces
// become hyphens, punctuation other than '-' and '_' is dropped; letters
// and digits of every script (Chinese included) are kept.
func Anchor(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func lineStarts(b []byte) []int {
	starts := make([]int, 1, bytes.Count(b, []byte{'\n'})+1)
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

// HeadingTexts reads headings' source texts as the preview draws them, for
// the outline: the runs of a heading block's model (Document, converted
// as the preview converts it) joined as plain text, an image by its alt
// text, without a trailing Hugo attribute list ("{#id}", "{.class}": the
// preview draws only the first). It is made for one site (NewFor: emoji
// shortcodes when its config enables them) and remembers what it read. It
// is not safe for concurrent use.
type HeadingTexts struct {
	md    goldmark.Markdown
	marks string // the bytes that may make a heading's text differ from its source
	cache map[string]string
}

// headingTextsKept is how many texts a HeadingTexts remembers before it
// starts afresh (an article has a few hundred headings at most; typing
// in one makes a new text per parse).
const headingTextsKept = 4096

// NewHeadingTexts returns a HeadingTexts for the articles of site s (nil:
// none). Site-dependent readings of a heading (emoji shortcodes, and
// whatever else NewFor makes of the site) come from NewFor.
func NewHeadingTexts(s *Site) *HeadingTexts {
	marks := "\\`*_~[]<>&!{}\n@:/"
	return &HeadingTexts{md: NewFor(s), marks: marks, cache: map[string]string{}}
}

// Text is the plain text of the heading whose source text is raw: an ATX
// heading's text after its #s (a closing run of #s dropped), or a setext
// heading's lines joined by "\n".
func (h *HeadingTexts) Text(raw string) string {
	return h.Texts([]string{raw})[0]
}

// Texts is Text of each of raws. The texts it has not read before are
// read in one parse (a heading's text cannot reach into the next), so an
// article's first outline costs one small parse, not one per heading.
func (h *HeadingTexts) Texts(raws []string) []string {
	out := make([]string, len(raws))
	var todo []int
	for i, raw := range raws {
		if t, ok := h.cache[raw]; ok {
			out[i] = t
		} else if !strings.ContainsAny(raw, h.marks) && !strings.Contains(raw, "www.") {
			// no markup, no autolink: the text as written (most headings)
			out[i] = strings.Join(strings.Fields(raw), " ")
		} else {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out
	}
	if len(h.cache)+len(todo) > headingTextsKept {
		clear(h.cache)
	}
	var src strings.Builder
	for _, i := range todo {
		src.WriteString(headingSource(raws[i]))
		src.WriteString("\n")
	}
	blocks := NewDocument(h.md).Set([]byte(src.String()))
	one := len(blocks) != len(todo) // not one block a heading: read each alone
	for k, i := range todo {
		t, ok := "", false
		if !one {
			t, ok = blockText(blocks[k].Block)
		}
		if !ok {
			t = headingText(h.md, raws[i])
		}
		h.cache[raws[i]] = t
		out[i] = t
	}
	return out
}

// headingSource is a heading whose source text is raw, alone: "# raw", or
// a setext heading for lines, ending in a line break.
func headingSource(raw string) string {
	raw = strings.TrimSpace(raw)
	if body, _, ok := cutHeadingAttrs(raw); ok {
		raw = body
	}
	if strings.Contains(raw, "\n") {
		return raw + "\n===\n" // its lines' breaks read as the preview reads them
	}
	return "# " + raw + "\n"
}

// blockText is the plain text of a heading block, and whether b is one.
func blockText(b *Block) (string, bool) {
	b = b.Fill()
	if b.Kind != KindHeading {
		return "", false
	}
	var sb strings.Builder
	for _, in := range b.Inlines {
		if in.Kind == InlineBreak {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(in.Text)
		}
	}
	return strings.Join(strings.Fields(sb.String()), " "), true
}

// headingText is Text, uncached, read alone.
func headingText(md goldmark.Markdown, raw string) string {
	for _, tb := range NewDocument(md).Set([]byte(headingSource(raw))) {
		if t, ok := blockText(tb.Block); ok {
			return t
		}
	}
	return strings.Join(strings.Fields(raw), " ")
}

// cutHeadingAttrs cuts a trailing Hugo attribute list off a heading's
// text ("Title {#id .class key=value}"): the text before it, the id it
// sets ("" for none), and whether there was one. Hugo reads such a list as
// attributes and drops it from the heading.
func cutHeadingAttrs(t string) (string, string, bool) {
	t = strings.TrimRight(t, " \t")
	if !strings.HasSuffix(t, "}") {
		return t, "", false
	}
	i := strings.LastIndexByte(t, '{')
	if i < 0 {
		return t, "", false
	}
	id := ""
	fields := strings.Fields(t[i+1 : len(t)-1])
	if len(fields) == 0 {
		return t, "", false
	}
	for _, f := range fields {
		switch {
		case len(f) > 1 && (f[0] == '#' || f[0] == '.') && attrName(f[1:]):
			if f[0] == '#' {
				id = f[1:]
			}
		case strings.Contains(f, "=") && attrName(f[:strings.IndexByte(f, '=')]):
		default:
			return t, "", false
		}
	}
	return strings.TrimRight(t[:i], " \t"), id, true
}

// attrName reports whether s is a name an attribute list may use.
func attrName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == ':') {
			return false
		}
	}
	return true
}
