//go:build !folio_cli

package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"folio/app/library"
	"folio/editor/document"
	"folio/preview/markdown"
)

// runCheck implements `folio check DIR`: it lints every Markdown article
// under DIR for front matter that does not parse, fields that break the
// folder's inferred schema, and relative links and image paths that point
// at nothing. It prints "FILE:LINE: error|warning: message" lines sorted by
// file and line, a summary on stderr, and exits 1 when there are errors.
func runCheck(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") && args[0] != "-" {
		fmt.Fprintln(stderr, "usage: folio check DIR")
		return 2
	}
	dir := args[0]
	defer batchGC()()
	roots := newSiteRoots(dir)
	arts, err := library.Visit(context.Background(), dir, func(f *library.File) checked { return checkFile(f, roots) })
	if err != nil {
		fmt.Fprintf(stderr, "folio check: %v\n", err)
		return 1
	}

	// The schema is what the folder's articles with front matter agree on.
	var all [][]document.Field
	for _, a := range arts {
		if a.parsed && a.format != document.None {
			all = append(all, a.fields)
		}
	}
	schema := document.InferSchema(all)

	var diags []diagnostic
	for _, a := range arts {
		diags = append(diags, a.diags...)
		if !a.parsed {
			continue
		}
		for _, p := range document.Validate(a.fields, schema) {
			diags = append(diags, diagnostic{
				file: a.path, line: p.Line, isErr: p.Severity == document.Error, msg: p.Msg,
			})
		}
	}
	slices.SortStableFunc(diags, func(a, b diagnostic) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
	})

	errs, warns := 0, 0
	var out bytes.Buffer
	for _, d := range diags {
		sev := "warning"
		if d.isErr {
			sev, errs = "error", errs+1
		} else {
			warns++
		}
		name := filepath.Join(dir, filepath.FromSlash(d.file))
		if d.line > 0 {
			fmt.Fprintf(&out, "%s:%d: %s: %s\n", name, d.line, sev, d.msg)
		} else {
			fmt.Fprintf(&out, "%s: %s: %s\n", name, sev, d.msg)
		}
	}
	stdout.Write(out.Bytes())
	fmt.Fprintf(stderr, "folio check: %d %s, %d %s, %d %s\n",
		len(arts), plural(len(arts), "article", "articles"),
		errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	if errs > 0 {
		return 1
	}
	return 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// diagnostic is one problem found by check.
type diagnostic struct {
	file  string // relative to the checked folder, slash-separated
	line  int    // 1-based, 0 when the problem is the whole file
	isErr bool
	msg   string
}

// checked is what checkFile learns about one article.
type checked struct {
	path   string
	parsed bool // front matter read without error
	format document.Format
	fields []document.Field
	diags  []diagnostic
}

// checkFile reads one visited article's fields and checks its body's links.
// It runs on Visit's workers.
func checkFile(f *library.File, roots *siteRoots) checked {
	c := checked{path: f.Path}
	if f.Err != nil {
		d := diagnostic{file: f.Path, isErr: true, msg: f.Err.Error()}
		if pe, ok := errors.AsType[*document.ParseError](f.Err); ok {
			d.line, d.msg = pe.Line, pe.Msg
		}
		switch {
		case errors.Is(f.Err, library.ErrBinary):
			// The line is that of the first NUL byte, wherever it is (the
			// one rule of document.CheckText); a guess of UTF-16 text
			// without a byte order mark keeps its own message.
			d.isErr = false
			if d.msg == document.ErrBinary.Error() {
				d.msg = "binary file (a NUL byte on this line), not checked"
			}
		case errors.Is(f.Err, library.ErrTooLarge):
			d.isErr, d.msg = false, "file larger than 16 MB, not checked"
		}
		c.diags = append(c.diags, d)
	}
	if f.Doc == nil {
		return c
	}
	if f.Err == nil {
		c.parsed = true
		c.format = f.Doc.Format()
		c.fields = f.Doc.Fields()
	}
	dir := filepath.Dir(f.Abs)
	res := markdown.Resolver{Dir: dir, Root: roots.of(dir), Site: roots.site(dir)}
	for _, l := range bodyLinks(f.Doc.Body(), f.Doc.BodyLine()) {
		// a site variable in a destination is its value, as the
		// published site and the preview have it ("{{{ .x }}}")
		l.dest = res.Site.Expand(l.dest)
		if msg := brokenLink(res, l); msg != "" {
			c.diags = append(c.diags, diagnostic{file: f.Path, line: l.line, isErr: true, msg: msg})
		}
	}
	// a reference to a site variable variables.json lacks is shown as
	// written, by the preview and (we assume) the published site
	if unknown := res.Site.UnknownVars(f.Doc.Body()); len(unknown) > 0 {
		body := f.Doc.Body()
		for _, u := range unknown {
			c.diags = append(c.diags, diagnostic{
				file: f.Path, line: f.Doc.BodyLine() + bytes.Count(body[:u.At], []byte{'\n'}),
				msg: fmt.Sprintf("unknown site variable %q (not in variables.json)", u.Name),
			})
		}
	}
	return c
}

// link is a destination found in an article's body.
type link struct {
	dest  string
	image bool
	line  int // in the file
}

// htmlRef finds src and href attributes in raw HTML.
var htmlRef = regexp.MustCompile(`(?is)<(img|a|source|video|audio)\b[^>]*?\s(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// bodyLinks returns the links and images of a Markdown body (Markdown
// links, images, reference definitions in use, and src/href attributes of
// raw HTML), with the file line each is on. firstLine is the file line the
// body starts on. Code spans and code blocks are not read.
func bodyLinks(body []byte, firstLine int) []link {
	body = markdown.Sanitize(body)
	doc := markdown.New().Parser().Parse(text.NewReader(body))
	lines := lineStarts(body)
	lineAt := func(off int) int {
		i, found := slices.BinarySearch(lines, off)
		if !found {
			i--
		}
		return firstLine + max(i, 0)
	}
	var out []link
	html := func(src []byte, base int) {
		for _, m := range htmlRef.FindAllSubmatchIndex(src, -1) {
			for g := 3; g <= 5; g++ {
				if m[2*g] >= 0 {
					out = append(out, link{
						dest:  string(src[m[2*g]:m[2*g+1]]),
						image: !strings.EqualFold(string(src[m[2]:m[3]]), "a"),
						line:  lineAt(base + m[0]),
					})
				}
			}
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, link{dest: string(n.Destination), line: lineAt(nodePos(n))})
		case *ast.Image:
			out = append(out, link{dest: string(n.Destination), image: true, line: lineAt(nodePos(n))})
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				html(n.Segments.Value(body), seg.Start)
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				html(seg.Value(body), seg.Start)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// nodePos is the offset of an inline node in the source, or of its block
// when the parser did not record one.
func nodePos(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			return p
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// lineStarts returns the offset of each line's first byte.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// brokenLink checks a link with the one resolver (markdown.Resolver) and
// returns a message when its target does not exist, "" otherwise. URLs with
// a scheme, protocol-relative paths, fragments, template code and
// site-absolute page URLs are not checked; site-absolute files ("/media/x.png",
// "/docs/a.md") are checked against the site root.
func brokenLink(r markdown.Resolver, l link) string {
	checked, ok := r.Check(l.dest, l.image)
	if !checked || ok {
		return ""
	}
	what := "link"
	if l.image {
		what = "image"
	}
	return fmt.Sprintf("broken %s: %s not found", what, strings.TrimSpace(l.dest))
}

// siteRoots finds and remembers the site root of each folder under the
// checked one (markdown.FindSiteRoot, not going above it), and the site
// (config and link render hooks) each folder belongs to.
type siteRoots struct {
	top   string
	mu    sync.Mutex
	known map[string]string
	sites map[string]*markdown.Site // by the site root found without a limit
}

func newSiteRoots(top string) *siteRoots {
	if abs, err := filepath.Abs(top); err == nil {
		top = abs
	}
	return &siteRoots{top: top, known: map[string]string{}, sites: map[string]*markdown.Site{}}
}

// site is the site holding dir: the nearest site root up the tree, even
// above the checked folder (`folio check content/` still follows the
// site's config and link render hooks, which give [term](g) and
// commands/x/ their meaning), else the checked folder.
func (s *siteRoots) site(dir string) *markdown.Site {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	root := markdown.FindSiteRoot(dir, "")
	if root == "" {
		root = s.of(dir) // the checked folder
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if site, ok := s.sites[root]; ok {
		return site
	}
	site := markdown.LoadSite(root)
	s.sites[root] = site
	return site
}

func (s *siteRoots) of(dir string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.known[dir]; ok {
		return r
	}
	r := markdown.FindSiteRoot(dir, s.top)
	s.known[dir] = r
	return r
}
