package markdown

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"path"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTMLOptions tunes RenderHTML.
type HTMLOptions struct {
	// AssetPrefix is put before relative image paths, for a page written
	// away from the article's folder: the path from the page's folder to
	// the article's, with forward slashes ("../posts").
	AssetPrefix string
	// Emoji turns shortcodes (":smile:") into emoji, for a site whose
	// config has enableEmoji (SiteEmoji).
	Emoji bool
	// Site is the article's site (LoadSite), nil for none: its variables
	// ("{{{ .name }}}") are replaced by their values as the published site
	// does, before the Markdown is read, and its config's params feed the
	// param shortcode; its enableEmoji counts as Emoji.
	Site *Site
	// Page is the article's front matter params, which the param
	// shortcode ({{% param "name" %}}) looks at before the site's.
	Page map[string]any
	// Lang is the language of the article's content, which alert titles
	// follow; "" means ContentLang's (the site's config, else the body's
	// script).
	Lang string
}

// RenderHTML writes a body's HTML with the one configuration (New), as the
// export publishes it: code highlighted with chroma's classes (PageCSS has
// the styles), raw HTML kept to the safe set (SplitHTML) and otherwise
// escaped, GitHub alerts in GitHub's markup, shortcodes as chips.
func RenderHTML(w io.Writer, body []byte, opts HTMLOptions) error {
	site := &Site{Emoji: opts.Emoji}
	if opts.Site != nil {
		s := *opts.Site
		s.Emoji = s.Emoji || opts.Emoji
		site = &s
	}
	md := NewForPage(site, opts.Page)
	body = Sanitize(site.ExpandBytes(body))
	lang := opts.Lang
	if lang == "" {
		lang = ContentLang(opts.Site, body)
	}
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&exportRenderer{lang: lang}, 100)))
	doc := md.Parser().Parse(text.NewReader(body))
	params(doc, siteOf(md))
	if opts.AssetPrefix != "" {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if img, ok := n.(*ast.Image); ok && entering {
				img.Destination = []byte(PrefixAsset(opts.AssetPrefix, string(img.Destination)))
			}
			return ast.WalkContinue, nil
		})
	}
	headingIDs(doc, body, opts.Site != nil && SiteTermIDs(opts.Site.Root))
	if err := md.Renderer().Render(w, body, doc); err != nil {
		return fmt.Errorf("render markdown: %w", err)
	}
	return nil
}

// params replaces the param shortcodes whose value is known by their
// values (the native preview's converter does the same).
func params(doc ast.Node, sm *siteMarkdown) {
	if sm == nil {
		return
	}
	var found []*Shortcode
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if sc, ok := n.(*Shortcode); ok && entering && sc.Name == "param" {
			found = append(found, sc)
		}
		return ast.WalkContinue, nil
	})
	for _, sc := range found {
		if v, ok := sm.param(sc); ok && sc.Parent() != nil {
			sc.Parent().ReplaceChild(sc.Parent(), sc, ast.NewString([]byte(v)))
		}
	}
}

// AlertTitle is the English title of an alert type ("note" → "Note").
func AlertTitle(kind string) string {
	if kind == "" {
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// PrefixAsset puts prefix before a relative path; URLs, absolute paths and
// "" are left alone.
func PrefixAsset(prefix, dest string) string {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.Contains(dest, ":") {
		return dest
	}
	return path.Join(prefix, dest)
}

func PageCSS() (string, error) {
	var b strings.Builder
	b.WriteString(baseCSS)
	f := chromahtml.New(chromahtml.WithClasses(true))
	var light, dark bytes.Buffer
	if err := f.WriteCSS(&light, CodeStyle(false)); err != nil {
		return "", fmt.Errorf("code css: %w", err)
	}
	if err := f.WriteCSS(&dark, CodeStyle(true)); err != nil {
		return "", fmt.Errorf("code css: %w", err)
	}
	b.Write(light.Bytes())
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.Write(dark.Bytes())
	b.WriteString("}\n")
	return b.String(), nil
}

const baseCSS = `:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --line: #d1d9e0; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d; --accent: #4493f8; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.75 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans SC", sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
a { color: var(--accent); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 1.25rem 1.5rem; margin-bottom: 2rem; }
.card .title { margin: .25rem 0; font-size: 2rem; line-height: 1.3; border: 0; }
.summary, .byline { color: var(--muted); margin: .5rem 0; }
.byline { font-size: .9rem; }
.badges, .tags { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; }
.badge, .tags li { font-size: .8rem; padding: .1rem .7rem; border-radius: 999px; background: var(--line); }
.badge.featured { background: var(--accent); color: #fff; font-weight: 600; }
.tags li { color: var(--accent); }
.cover { max-width: 100%; border-radius: 8px; margin-top: 1rem; }
h1, h2 { border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h6 { color: var(--muted); }
blockquote { margin: 1em 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: .9em; background: var(--card); padding: .15em .35em; border-radius: 4px; }
pre { padding: 1rem; overflow-x: auto; border-radius: 8px; border: 1px solid var(--line); line-height: 1.45; }
pre code { background: none; padding: 0; }
pre.raw-html, code.raw-html { color: var(--muted); }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .4rem .8rem; }
th { background: var(--card); }
img { max-width: 100%; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
.footnotes { font-size: .9rem; color: var(--muted); }
li.task { list-style: none; }
kbd { font: .85em ui-monospace, monospace; padding: .1em .4em; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; background: var(--card); }
mark { background: #ffd33d66; color: inherit; }
.shortcode, .media { font-size: .85em; padding: .1em .6em; border-radius: 999px; background: var(--card); border: 1px solid var(--line); color: var(--accent); }
.markdown-alert { margin: 1em 0; padding: .25em 1em; border-left: 4px solid var(--alert); }
.markdown-alert-title { font-weight: 600; color: var(--alert); margin: .5em 0; }
.markdown-alert-note { --alert: #0969da; } .markdown-alert-tip { --alert: #1a7f37; } .markdown-alert-important { --alert: #8250df; }
.markdown-alert-warning { --alert: #9a6700; } .markdown-alert-caution { --alert: #d1242f; } .markdown-alert-conflict { --alert: #bc4c00; }
details { margin: 1em 0; } summary { cursor: pointer; font-weight: 600; }
.tabs { border: 1px solid var(--line); border-radius: 8px; padding: 0 1em; margin: 1em 0; }
.tab + .tab { border-top: 1px solid var(--line); }
.tab-label, .label { display: inline-block; font-size: .8rem; font-weight: 600; padding: .1em .7em; border-radius: 999px; background: var(--card); border: 1px solid var(--line); }
.code-label { margin-bottom: -.5em; } .code-label + pre { margin-top: .75em; }
dt { font-weight: 600; } dd { margin: 0 0 .5em 2em; }
@media (prefers-color-scheme: dark) { .markdown-alert-note { --alert: #4493f8; } .markdown-alert-tip { --alert: #3fb950; } .markdown-alert-important { --alert: #ab7df8; } .markdown-alert-warning { --alert: #d29922; } .markdown-alert-caution { --alert: #f85149; } }
`

// exportRenderer overrides goldmark's HTML for raw HTML (escaped, shown
// literally) and code blocks (chroma-highlighted).
type exportRenderer struct {
	lang string // the content's language, for alert titles (AlertLabel)
}

func (r *exportRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindBlockquote, r.quote)
	reg.Register(ast.KindFencedCodeBlock, r.code)
	reg.Register(ast.KindCodeBlock, r.code)
	reg.Register(ast.KindCodeSpan, r.codeSpan)
	reg.Register(KindShortcodeBlock, r.shortcodeBlock)
}

// codeSpan writes inline code, Hugo's escaped shortcodes unescaped.
func (r *exportRenderer) codeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch t := ch.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
	}
	w.WriteString("<code>")
	w.WriteString(html.EscapeString(UnescapeHugo(strings.ReplaceAll(b.String(), "\n", " "))))
	w.WriteString("</code>")
	return ast.WalkSkipChildren, nil
}

// shortcodeBlock writes a code shortcode's body highlighted, under its
// label chip.
func (r *exportRenderer) shortcodeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	sc := n.(*ShortcodeBlock)
	body := UnescapeHugo(shortcodeBody(sc, src))
	fmt.Fprintf(w, "<div class=\"code-label\"><span class=\"shortcode\">%s</span></div>\n", html.EscapeString(sc.Label()))
	if err := chromahtml.New(chromahtml.WithClasses(true)).Format(w, CodeStyle(false), Tokens(sc.Lang(body), body+"\n")); err != nil {
		return ast.WalkStop, fmt.Errorf("highlight code: %w", err)
	}
	w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

// quote writes a blockquote, or a GitHub alert as GitHub's markup does.
func (r *exportRenderer) quote(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	kind := AlertOf(n)
	if kind == "" {
		if entering {
			w.WriteString("<blockquote>\n")
		} else {
			w.WriteString("</blockquote>\n")
		}
		return ast.WalkContinue, nil
	}
	if entering {
		title := AlertLabel(kind, r.lang)
		if own := AlertTitleOf(n); own != "" {
			title = own
		}
		fmt.Fprintf(w, "<div class=\"markdown-alert markdown-alert-%s\">\n<p class=\"markdown-alert-title\">%s</p>\n", kind, html.EscapeString(title))
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// writeSafeHTML writes raw HTML made of safe tags with only their kept
// attributes, media as a placeholder naming its source, text escaped.
func writeSafeHTML(w util.BufWriter, pieces []HTMLPiece) {
	for _, p := range pieces {
		switch {
		case p.Tag == nil:
			w.WriteString(html.EscapeString(p.Text))
		case p.Tag.IsMedia():
			if src := p.Tag.MediaSource(); src != "" && !p.Tag.Closing {
				fmt.Fprintf(w, `<span class="media">▶ %s</span>`, html.EscapeString(src))
			}
		default:
			w.WriteString(p.Tag.Sanitized())
		}
	}
}

func (r *exportRenderer) htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var raw bytes.Buffer
	writeLines(&raw, b.Lines(), src)
	if b.HasClosure() {
		raw.Write(b.ClosureLine.Value(src))
	}
	if IsComment(raw.String()) {
		return ast.WalkSkipChildren, nil
	}
	if t, ok := parseHTMLTable(raw.String()); ok {
		writeHTMLTable(w, t)
		return ast.WalkSkipChildren, nil
	}
	if onlyComponents(raw.String()) {
		return ast.WalkSkipChildren, nil
	}
	if pieces, ok := SplitHTML(strings.TrimRight(raw.String(), "\n")); ok {
		writeSafeHTML(w, pieces)
		w.WriteByte('\n')
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<pre class="raw-html"><code>`)
	w.WriteString(html.EscapeString(strings.TrimRight(raw.String(), "\n")))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

func (r *exportRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := n.(*ast.RawHTML)
	var b bytes.Buffer
	for i := 0; i < raw.Segments.Len(); i++ {
		seg := raw.Segments.At(i)
		b.Write(seg.Value(src))
	}
	if IsComment(b.String()) {
		return ast.WalkSkipChildren, nil
	}
	if pieces, ok := SplitHTML(b.String()); ok {
		if t := pieces[0].Tag; len(pieces) != 1 || t == nil || !t.Closing || !pairedTag(t.Name) || openedBefore(raw, t.Name, src) {
			writeSafeHTML(w, pieces)
			return ast.WalkSkipChildren, nil
		}
	}
	w.WriteString(`<code class="raw-html">`)
	w.WriteString(html.EscapeString(b.String()))
	w.WriteString("</code>")
	return ast.WalkSkipChildren, nil
}

func (r *exportRenderer) code(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
		if file := fenceFile(f, src); file != "" {
			fmt.Fprintf(w, "<div class=\"code-label\"><span class=\"shortcode\">%s</span></div>\n", html.EscapeString(file))
		}
	}
	var code bytes.Buffer
	writeLines(&code, n.Lines(), src)
	it := Tokens(lang, UnescapeHugo(code.String()))
	if err := chromahtml.New(chromahtml.WithClasses(true)).Format(w, CodeStyle(false), it); err != nil {
		return ast.WalkStop, fmt.Errorf("highlight code: %w", err)
	}
	w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}

func writeLines(b *bytes.Buffer, lines *text.Segments, src []byte) {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}

// headingIDs gives every heading the id Headings gives it (its trailing
// "{#id}", cut from its text, or a slug of its text, unique in the page),
// so that in-page links ("#标题") work in the exported page as in the
// preview. With terms (the site's autoDefinitionTermID, SiteTermIDs)
// definition terms get ids too, from the same set in document order, as
// Hugo numbers them (Anchors): hugoDocs' "#options-1" is the heading after
// the term "options" (QA8 J8).
func headingIDs(doc ast.Node, src []byte, terms bool) {
	slugs := NewSlugger()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if dt, ok := n.(*east.DefinitionTerm); ok && terms && entering {
			dt.SetAttributeString("id", []byte(slugs.Slug(strings.TrimSpace(PlainText(dt, src)))))
			return ast.WalkSkipChildren, nil
		}
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id := ""
		if t, ok := h.LastChild().(*ast.Text); ok {
			v := string(t.Segment.Value(src))
			if i := strings.LastIndex(v, "{#"); i >= 0 && strings.HasSuffix(strings.TrimRight(v, " \t"), "}") {
				id = strings.TrimSpace(strings.TrimRight(v, " \t")[i+2 : len(strings.TrimRight(v, " \t"))-1])
				if id != "" {
					t.Segment = text.NewSegment(t.Segment.Start, t.Segment.Start+i)
					trimHeadingEnd(h, src)
				}
			}
		}
		if id == "" {
			id = slugs.Slug(strings.TrimSpace(PlainText(h, src)))
		} else {
			slugs.seen[id]++
		}
		h.SetAttributeString("id", []byte(id))
		return ast.WalkSkipChildren, nil
	})
}

// trimHeadingEnd drops the empty text nodes and the spaces a cut "{#id}"
// leaves at the end of heading h.
func trimHeadingEnd(h *ast.Heading, src []byte) {
	for {
		t, ok := h.LastChild().(*ast.Text)
		if !ok {
			return
		}
		v := t.Segment.Value(src)
		n := len(bytes.TrimRight(v, " \t"))
		t.Segment = text.NewSegment(t.Segment.Start, t.Segment.Start+n)
		t.SetSoftLineBreak(false)
		if n > 0 {
			return
		}
		h.RemoveChild(h, t)
	}
}

// openedBefore reports whether an inline HTML tag of that name is open
// where n, an inline raw HTML node, stands: opened by a safe tag earlier
// in its block and not closed since (what the preview's converter tracks).
func openedBefore(n *ast.RawHTML, name string, src []byte) bool {
	var block ast.Node = n
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil {
		return false
	}
	open := 0
	_ = ast.Walk(block, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
		if m == ast.Node(n) {
			return ast.WalkStop, nil
		}
		raw, ok := m.(*ast.RawHTML)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var b bytes.Buffer
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			b.Write(seg.Value(src))
		}
		pieces, ok := SplitHTML(b.String())
		if !ok || len(pieces) != 1 || pieces[0].Tag == nil || pieces[0].Tag.Name != name {
			return ast.WalkContinue, nil
		}
		switch t := pieces[0].Tag; {
		case t.Closing && open > 0:
			open--
		case !t.Closing && !t.SelfClosing:
			open++
		}
		return ast.WalkContinue, nil
	})
	return open > 0
}
