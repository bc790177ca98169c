package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark/text"
)

// Hugo docs' include shortcode ({{% include "_common/x.md" %}}, its
// layouts/_shortcodes/include.html: the page GetPage finds relative to the
// page, else from the content root, rendered with RenderShortcodes) and
// glossary-term ({{% glossary-term "media type" %}}: the page
// /quick-reference/glossary/media-type, rendered the same way). The named
// file's body, without its front matter, is parsed and converted in place
// with the article's configuration, as a transparent group of blocks.
//
// RenderShortcodes hands the included Markdown to the including page, so
// its links and images resolve against the article, as the rest of the
// article's do: nothing is rewritten. A file that cannot be found, is too
// big, or includes itself (directly or not) is a chip saying so. The file
// is read when the block is converted: a block holding an include is never
// reused from an earlier parse (Document.reuse), so a full parse (opening
// the article, a reload) or an edit of the block shows the file as it is.

// The limits of includes.
const (
	// MaxIncludeBytes is the largest file an include renders.
	MaxIncludeBytes = 1 << 20
	// MaxIncludeDepth is how deep includes may nest.
	MaxIncludeDepth = 8
)

// includeCtx is what includes resolve against: the article's folder and
// site, and the files being included around the block converted.
type includeCtx struct {
	res   Resolver
	chain []string // the files included so far, outermost first
	// dir is where a page-relative include is looked up: the article's
	// folder, or the included page's for an include inside it (Hugo runs
	// its shortcodes with it as their page)
	dir string
	// seen are the files read, shared by the document's contexts
	seen *includeStamps
}

// includeStamps are the files includes read, with their size and time
// when read: a change to one makes the next Set parse the whole body.
type includeStamps struct {
	mu sync.Mutex // Fill reads files on the UI goroutine, Set checks them on the parser's
	m  map[string]fileStamp
}

type fileStamp struct {
	size int64
	mod  time.Time
}

// add records file as read with info.
func (s *includeStamps) add(file string, info os.FileInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]fileStamp{}
	}
	s.m[file] = fileStamp{info.Size(), info.ModTime()}
}

// changed reports whether a file read since the last call that said so
// changed (or went); it then forgets them all.
func (s *includeStamps) changed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for file, st := range s.m {
		info, err := os.Stat(file)
		if err != nil || info.Size() != st.size || !info.ModTime().Equal(st.mod) {
			s.m = nil
			return true
		}
	}
	return false
}

// SetArticleDir tells the document the folder of the article it parses,
// so that Hugo's include and glossary-term shortcodes find their files
// (with the site holding it: its content folders). A change of folder
// makes the next Set parse the whole body again. An empty dir: includes
// are chips.
func (d *Document) SetArticleDir(dir string) {
	if d.inc != nil && d.inc.res.Dir == dir || d.inc == nil && dir == "" {
		return
	}
	d.inc = nil
	if dir != "" {
		root := FindSiteRoot(dir, "")
		d.inc = &includeCtx{res: Resolver{Dir: dir, Root: root, Site: LoadSite(root)}, dir: dir, seen: &includeStamps{}}
		warmDocs(root)
	}
	d.whole = true
}

// takeWhole reports (once) that the next Set must parse the whole body:
// the article's folder changed, or a file an include read did.
func (d *Document) takeWhole() bool {
	w := d.whole || d.inc != nil && d.inc.seen.changed()
	d.whole = false
	return w
}

// holdsInclude reports whether a top-level block of kind k and source
// src may hold an include: such a block is converted afresh on every
// parse. Paragraphs, headings, code and tables hold none, so a big one is
// not scanned.
func holdsInclude(k Kind, src []byte) bool {
	switch k {
	case KindTabs, KindList, KindQuote, KindDetails, KindDefList, KindFootnotes:
		return bytes.Contains(src, []byte("include")) || bytes.Contains(src, []byte("glossary-term"))
	}
	return false
}

// includePath is the file an include or glossary-term call names, or "".
func (ic *includeCtx) includePath(n *LineShortcode) string {
	arg := firstArg(n.Args)
	if arg == "" {
		return ""
	}
	r := ic.res
	site := r.site()
	if n.Name == "glossary-term" {
		return r.page("/quick-reference/glossary/"+urlize(arg), site)
	}
	if !strings.HasPrefix(arg, "/") {
		if f := pageFile(ic.dir, arg, false); f != "" { // $.Page.GetPage
			return f
		}
	}
	return r.page("/"+strings.TrimPrefix(path.Clean("/"+arg), "/"), site) // site.GetPage
}

// firstArg is a shortcode's first positional argument, unquoted.
func firstArg(args string) string {
	args = strings.TrimSpace(args)
	if args == "" {
		return ""
	}
	switch args[0] {
	case '"', '`':
		if s, err := strconv.QuotedPrefix(args); err == nil {
			if u, err := strconv.Unquote(s); err == nil {
				return u
			}
		}
		return ""
	}
	f, _, _ := strings.Cut(args, " ")
	return f
}

// urlize is Hugo's urlize for a glossary term: spaces become hyphens.
func urlize(s string) string {
	return strings.Join(strings.Fields(s), "-")
}

// includeBlock converts an include or glossary-term call: the named
// file's body as a group of blocks, or a chip saying why it is not shown.
func (c *converter) includeBlock(n *LineShortcode) *Block {
	chip := func(why string) *Block {
		in := []Inline{{Style: Chip, Text: n.Label() + ": " + why}}
		return group([]*Block{{Kind: KindParagraph, Inlines: in, units: textUnits(in)}})
	}
	ic := c.inc
	if ic == nil { // no article folder known: the call, as other shortcodes
		in := []Inline{{Style: Chip, Text: n.Label()}}
		return group([]*Block{{Kind: KindParagraph, Inlines: in, units: textUnits(in)}})
	}
	if c.depth >= MaxDepth || len(ic.chain) >= MaxIncludeDepth {
		return chip("nested too deep")
	}
	file := ic.includePath(n)
	if file == "" {
		return chip("not found")
	}
	if slices.Contains(ic.chain, file) {
		return chip("includes itself")
	}
	body, err := readInclude(file, ic.seen)
	if err != nil {
		return chip(err.Error())
	}
	md := c.md
	if md == nil {
		md = New()
	}
	safe := Sanitize(body)
	root := md.Parser().Parse(text.NewReader(safe))
	sub := newConverter(safe)
	sub.md = md
	sub.depth = c.depth + 1
	sub.inc = &includeCtx{res: ic.res, chain: append(ic.chain[:len(ic.chain):len(ic.chain)], file), dir: filepath.Dir(file), seen: ic.seen}
	return group(sub.children(root))
}

// group is blocks shown one under the other, as a tabs block of one
// unlabelled item (drawn as its content alone).
func group(blocks []*Block) *Block {
	return &Block{Kind: KindTabs, Items: []*Item{{TaskAt: -1, Blocks: blocks}}}
}

// readInclude reads an included file's body: without its front matter,
// at most MaxIncludeBytes; seen records it.
func readInclude(file string, seen *includeStamps) ([]byte, error) {
	info, err := os.Stat(file)
	if err == nil {
		seen.add(file, info)
	}
	switch {
	case err != nil:
		return nil, fmt.Errorf("not found")
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("not a file")
	case info.Size() > MaxIncludeBytes:
		return nil, fmt.Errorf("too big (%d KB)", info.Size()>>10)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot be read")
	}
	if len(b) > MaxIncludeBytes {
		return nil, fmt.Errorf("too big (%d KB)", len(b)>>10)
	}
	return stripFrontMatter(b), nil
}

// stripFrontMatter is a page's text after its YAML (---), TOML (+++) or
// JSON ({ … } on lines of their own) front matter.
func stripFrontMatter(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	first, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return b
	}
	delim := string(bytes.TrimRight(first, " \t\r"))
	closer := delim
	switch delim {
	case "---", "+++":
	case "{":
		closer = "}"
	default:
		return b
	}
	for off := 0; off < len(rest); {
		line, _, _ := bytes.Cut(rest[off:], []byte("\n"))
		next := off + len(line) + 1
		if string(bytes.TrimRight(line, " \t\r")) == closer {
			if next > len(rest) {
				return nil
			}
			return rest[next:]
		}
		off = next
	}
	return b
}
