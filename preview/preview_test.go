package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"folio/preview/markdown"
)

// uiQueue stands in for the UI goroutine: functions handed to fyne.Do
// wait in it until the test goroutine runs them.
type uiQueue chan func()

func (q uiQueue) do(f func()) { q <- f }

// runUntil runs queued UI functions until cond holds or time runs out.
func (q uiQueue) runUntil(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-deadline:
			t.Fatal("timed out waiting for the UI")
		}
	}
}

// showPreview puts a new preview in an 800×600 test window.
func showPreview(t testing.TB) *Preview {
	t.Helper()
	test.NewTempApp(t)
	p := New()
	q := make(uiQueue, 16)
	p.do, p.images.do = q.do, q.do
	uiQueues[p] = q
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(800, 600))
	return p
}

// texts collects the strings of every canvas.Text under o, in order.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *canvas.Text:
			out = append(out, t.Text)
			return
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func visibleText(p *Preview) string {
	var b strings.Builder
	for _, o := range p.content.objs {
		b.WriteString(strings.Join(texts(o), ""))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestPreviewShowsSeedWithHeaderCard(t *testing.T) {
	p := showPreview(t)
	fm, body, first := splitSeed(t)
	p.updateNow(body, MetaFromMap(fm), "../assets/samples", first)
	if p.items[0].block != nil {
		t.Fatal("first item is not the header card")
	}
	got := visibleText(p)
	for _, want := range []string{"2024年AI技术发展趋势预测", "李华 · 2024-01-10 · 12分钟", "#AI趋势", "★ Featured", "行业洞察", "随着2024年的到来"} {
		if !strings.Contains(got, want) {
			t.Errorf("visible text lacks %q:\n%s", want, got)
		}
	}
	if len(p.content.objs) >= len(p.items) {
		t.Errorf("all %d items were built; want only the visible ones", len(p.items))
	}
}

func TestPreviewVirtualisesLongArticle(t *testing.T) {
	p := showPreview(t)
	body := seedOfSize(t, 1<<20)
	p.updateNow(body, Meta{}, "", 1)
	if len(p.items) < 5000 {
		t.Fatalf("1 MB gave only %d blocks", len(p.items))
	}
	if len(p.built) > 40 {
		t.Errorf("%d block widgets built for a 600-unit viewport", len(p.built))
	}
	// Scrolling to the end builds the end, not everything in between.
	p.ScrollToSourceLine(bytes.Count(body, []byte{'\n'}))
	if len(p.built) > 80 {
		t.Errorf("%d block widgets after scrolling to the end", len(p.built))
	}
	last := p.items[len(p.items)-1].block
	if p.states[last].obj == nil {
		t.Error("the last block was not built after scrolling to the end")
	}
	// Scrolling through everything keeps only a bounded number of widgets.
	for line := 1; line < bytes.Count(body, []byte{'\n'}); line += 40 {
		p.ScrollToSourceLine(line)
	}
	if len(p.built) > maxBuilt+40 {
		t.Errorf("%d widgets kept after scrolling through the article, cap is %d", len(p.built), maxBuilt)
	}
}

func TestPreviewEditRebuildsOnlyTheChangedBlock(t *testing.T) {
	p := showPreview(t)
	_, body, _ := splitSeed(t)
	p.updateNow(body, Meta{}, "", 1)
	before := map[*Block]fyne.CanvasObject{}
	for _, b := range p.built {
		before[b] = p.states[b].obj
	}
	i := bytes.Index(body, []byte("人工智能技术正站在"))
	edited := append(append(append([]byte(nil), body[:i]...), "新的"...), body[i:]...)
	res := p.updateNow(edited, Meta{}, "", 1)
	if !res.incremental {
		t.Fatal("one edit was not incremental")
	}
	rebuilt := 0
	for _, b := range p.built {
		if old, ok := before[b]; !ok || old != p.states[b].obj {
			rebuilt++
		}
	}
	if rebuilt != 1 {
		t.Errorf("%d widgets rebuilt after a one-word edit, want 1", rebuilt)
	}
	if !strings.Contains(visibleText(p), "新的人工智能技术正站在") {
		t.Error("the edit is not shown")
	}
}

func TestPreviewUpdateDebouncesAndDropsStale(t *testing.T) {
	p := showPreview(t)
	p.debounce = 20 * time.Millisecond
	for _, s := range []string{"# one", "# two", "# three"} {
		p.Update([]byte(s), Meta{}, "", 1)
	}
	q := uiQueues[p]
	q.runUntil(t, func() bool { return p.applied > 0 })
	time.Sleep(60 * time.Millisecond)
	select {
	case f := <-q:
		f()
	default:
	}
	if p.applied != 3 {
		t.Fatalf("applied generation %d, want only the last (3)", p.applied)
	}
	if got := visibleText(p); !strings.Contains(got, "three") || strings.Contains(got, "one") {
		t.Fatalf("shows %q, want the last update", got)
	}
	// A result that arrives late must not replace the newer one.
	stale := &result{gen: 2, req: &request{body: []byte("# stale")}, blocks: markdown.NewDocument(newMarkdown()).Set([]byte("# stale"))}
	p.apply(stale)
	if strings.Contains(visibleText(p), "stale") {
		t.Error("a stale result overwrote a newer one")
	}
}

func TestPreviewScrollToSourceLine(t *testing.T) {
	p := showPreview(t)
	fm, body, first := splitSeed(t)
	p.updateNow(body, MetaFromMap(fm), "", first)
	// Line of "## 行业应用前景" in the source file (front matter included).
	i := bytes.Index(body, []byte("## 行业应用前景"))
	line := first + bytes.Count(body[:i], []byte{'\n'})
	if p.itemForLine(line+1) != p.itemForLine(line) {
		t.Error("the blank line after a heading maps to another block")
	}
	p.ScrollToSourceLine(line)
	idx := p.itemForLine(line)
	it := p.items[idx]
	if it.block == nil || it.block.Kind != KindHeading || it.block.Fill().Inlines[0].Text != "行业应用前景" {
		t.Fatalf("line %d maps to %+v", line, it.block)
	}
	if p.scroll.Offset.Y != p.offsets[idx] {
		t.Errorf("scrolled to %v, want the block's top %v", p.scroll.Offset.Y, p.offsets[idx])
	}
	if got := strings.Join(texts(p.content.objs[0]), ""); got != "行业应用前景" {
		t.Errorf("first visible object shows %q", got)
	}
	// A line halfway down a long block (one not cut into parts) scrolls
	// partway into it.
	long := []byte("# top\n\n```\n" + strings.Repeat("code line\n", 90) + "```\n\nafter\n")
	p.updateNow(long, Meta{}, "", 5)
	p.ScrollToSourceLine(5 + 2 + 45)
	code := p.items[1]
	if code.block.Kind != KindCode {
		t.Fatalf("item 1 is %v", code.block.Kind)
	}
	top, bottom := p.offsets[1], p.offsets[2]
	if y := p.scroll.Offset.Y; y <= top+(bottom-top)/4 || y >= bottom-(bottom-top)/4 {
		t.Errorf("line 45 of a 90-line block scrolled to %v, block spans %v–%v", y, top, bottom)
	}
	p.ScrollToSourceLine(1) // before the body: the top
	if p.scroll.Offset.Y != 0 {
		t.Errorf("front matter line scrolled to %v", p.scroll.Offset.Y)
	}
}

func TestTextFlowAddsNoSpacesAndWrapsCJK(t *testing.T) {
	test.NewTempApp(t)
	blocks := markdown.NewDocument(newMarkdown()).Set([]byte("中文**粗体**中文，这是一个很长的句子用来测试换行是否发生在汉字之间而且标点不在行首。"))
	f := builder{}.block(blocks[0].Block).(*textFlow)
	f.Resize(fyne.NewSize(2000, 100))
	if got := strings.Join(texts(f), "|"); got != "中文|粗体|中文，这是一个很长的句子用来测试换行是否发生在汉字之间而且标点不在行首。" {
		t.Errorf("one line renders as %q", got)
	}
	f.Resize(fyne.NewSize(120, 100))
	if len(f.lines) < 3 {
		t.Fatalf("narrow flow has %d lines", len(f.lines))
	}
	var joined strings.Builder
	for _, l := range f.lines {
		var line strings.Builder
		for _, p := range l.pieces {
			line.WriteString(p.text)
		}
		s := line.String()
		if strings.HasPrefix(s, "，") || strings.HasPrefix(s, "。") || strings.HasPrefix(s, " ") {
			t.Errorf("line starts with punctuation or space: %q", s)
		}
		if l.width > 120 {
			t.Errorf("line %q is %v wide, over 120", s, l.width)
		}
		joined.WriteString(s)
	}
	if joined.String() != f.plainText() {
		t.Errorf("wrapping changed the text: %q", joined.String())
	}
}

func TestTextFlowWrapsMixedTextBetweenCJKNotAtFirstSpace(t *testing.T) {
	test.NewTempApp(t)
	f := newTextFlow([]flowRun{{text: "使用 Go 语言编写一个非常长的中文段落来检查换行的位置是否合理"}}, nil)
	f.Resize(fyne.NewSize(200, 100))
	first := ""
	for _, p := range f.lines[0].pieces {
		first += p.text
	}
	if strings.TrimSpace(first) == "使用 Go" {
		t.Errorf("first line broke at the last space, leaving it short: %q", first)
	}
}

func TestLinkTapOpensArticle(t *testing.T) {
	p := showPreview(t)
	var opened string
	p.OnOpenArticle = func(path string) { opened = path }
	p.updateNow([]byte("[下一篇](next.md)"), Meta{}, "/articles/2024", 1)
	f := p.content.objs[0].(*textFlow)
	test.TapAt(f, fyne.NewPos(5, 5))
	if want := filepath.Join("/articles/2024", "next.md"); opened != want {
		t.Errorf("tap opened %q, want %q", opened, want)
	}
}

func TestClassifyLink(t *testing.T) {
	base := filepath.FromSlash("/blog/posts")
	for _, tc := range []struct {
		dest   string
		kind   linkKind
		target string
	}{
		{"https://example.com/a?b#c", linkBrowser, "https://example.com/a?b#c"},
		{"http://example.com", linkBrowser, "http://example.com"},
		{"mailto:a@b.c", linkBrowser, "mailto:a@b.c"},
		{"other.md", linkArticle, filepath.Join(base, "other.md")},
		{"../x/y.markdown#part", linkArticle, filepath.Join(base, "../x/y.markdown")},
		{"%E4%B8%AD%E6%96%87.md", linkArticle, filepath.Join(base, "中文.md")},
		{"image.png", linkInert, ""},
		{"javascript:alert(1)", linkInert, ""},
		{"file:///etc/passwd", linkInert, ""},
		{"ftp://f.example/x.md", linkInert, ""},
		{"#top", linkAnchor, "top"},
		{"#%E6%A0%87%E9%A2%98", linkAnchor, "标题"},
		{"/docs/x.md", linkArticle, filepath.Join(filepath.FromSlash("/site"), "content", "docs", "x.md")},
		{"#fn:2", linkFootnote, "#fn:2"},
		{"//host/x.md", linkInert, ""},
		{"http:///nohost", linkInert, ""},
	} {
		kind, target := classifyLink(tc.dest, markdown.Resolver{Dir: base, Root: filepath.FromSlash("/site")})
		if kind != tc.kind || target != tc.target {
			t.Errorf("classifyLink(%q) = %v %q, want %v %q", tc.dest, kind, target, tc.kind, tc.target)
		}
	}
}

var uiQueues = map[*Preview]uiQueue{}

// waitImage runs the UI queue until an image box's load has been applied.
func waitImage(t *testing.T, q uiQueue, b *imageBox) {
	t.Helper()
	q.runUntil(t, func() bool { return b.img != nil || b.err != nil })
}

func testLoader() (*imageLoader, uiQueue) {
	l := newImageLoader()
	q := make(uiQueue, 16)
	l.do = q.do
	return l, q
}

func TestImages(t *testing.T) {
	test.NewTempApp(t)
	l, q := testLoader()
	present := newImageBox(Inline{Kind: InlineImage, Dest: "pic.png"}, markdown.Resolver{Dir: "testdata"}, l, nil, nil)
	waitImage(t, q, present)
	if present.img == nil || present.heightFor(400) != 20 {
		t.Errorf("pic.png: img %v err %v height %v, want 40×20", present.img != nil, present.err, present.heightFor(400))
	}
	if h := present.heightFor(20); h != 10 {
		t.Errorf("scaled to width 20 the height is %v, want 10", h)
	}
	// <img width>: drawn that wide (smaller or larger), still within the pane.
	for _, tc := range []struct {
		width uint16
		pane  float32
		want  fyne.Size
	}{{20, 400, fyne.NewSize(20, 10)}, {80, 400, fyne.NewSize(80, 40)}, {80, 60, fyne.NewSize(60, 30)}} {
		sized := newImageBox(Inline{Kind: InlineImage, Dest: "pic.png", Width: tc.width}, markdown.Resolver{Dir: "testdata"}, l, nil, nil)
		waitImage(t, q, sized)
		if got := sized.fit(tc.pane); got != tc.want {
			t.Errorf("width=%d in a %v pane: %v, want %v", tc.width, tc.pane, got, tc.want)
		}
	}
	missing := newImageBox(Inline{Kind: InlineImage, Dest: "missing/nope.png"}, markdown.Resolver{Dir: "testdata"}, l, nil, nil)
	waitImage(t, q, missing)
	if ph := missing.placeholder(); !strings.Contains(ph, "missing/nope.png") || !strings.Contains(ph, "missing") {
		t.Errorf("placeholder %q does not name the path", ph)
	}
	if got := strings.Join(texts(missing), ""); !strings.Contains(got, "missing/nope.png") {
		t.Errorf("placeholder widget shows %q", got)
	}
}

func TestRemoteImages(t *testing.T) {
	test.NewTempApp(t)
	var pic bytes.Buffer
	_ = png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 8, 4)))
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/huge.png" {
			w.Write(make([]byte, maxImageBytes+1))
			return
		}
		w.Write(pic.Bytes())
	}))
	defer srv.Close()
	l, q := testLoader()
	off := newImageBox(Inline{Kind: InlineImage, Dest: srv.URL + "/a.png"}, markdown.Resolver{Dir: ""}, l, nil, nil)
	if hits.Load() != 0 || off.err == nil || !strings.Contains(off.placeholder(), "remote images are off") {
		t.Fatalf("remote image fetched while off (hits %d, err %v)", hits.Load(), off.err)
	}
	l.setAllowRemote(true)
	on := newImageBox(Inline{Kind: InlineImage, Dest: srv.URL + "/a.png"}, markdown.Resolver{Dir: ""}, l, nil, nil)
	waitImage(t, q, on)
	if on.img == nil || on.img.Bounds().Dx() != 8 {
		t.Errorf("remote image not loaded: %v", on.err)
	}
	huge := newImageBox(Inline{Kind: InlineImage, Dest: srv.URL + "/huge.png"}, markdown.Resolver{Dir: ""}, l, nil, nil)
	waitImage(t, q, huge)
	if huge.img != nil || huge.err == nil || !strings.Contains(huge.err.Error(), "larger than") {
		t.Errorf("over-cap image: img %v err %v", huge.img != nil, huge.err)
	}
}

// Text widths outlive rebuilds for other reasons (another folder, remote
// images toggled) but not a theme change: the fonts may differ.
func TestMeasureCacheDroppedOnlyWithTheTheme(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("Some words to measure.\n"), Meta{}, "", 1)
	mc := p.measure
	if len(mc.m) == 0 {
		t.Fatal("nothing measured")
	}
	p.SetAllowRemoteImages(true)
	p.updateNow([]byte("Some words to measure.\n"), Meta{}, t.TempDir(), 1)
	if p.measure != mc {
		t.Error("widths dropped without a theme change")
	}
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	p.Refresh()
	if p.measure == mc {
		t.Error("widths kept across a theme change")
	}
}

func TestThemeChangeRebuildsWidgets(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("```go\nfunc f() {}\n```\n"), Meta{}, "", 1)
	before := p.content.objs[0]
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	p.Refresh()
	if p.content.objs[0] == before {
		t.Error("code block not rebuilt after the theme changed")
	}
	if cb, ok := p.content.objs[0].(*codeBlock); !ok || !cb.dark {
		t.Errorf("code block after switching to dark: %#v", p.content.objs[0])
	}
}

func TestEveryConstructBuilds(t *testing.T) {
	p := showPreview(t)
	src := corpus(t)
	p.updateNow(src, Meta{Title: "t"}, "testdata", 1)
	for i := range p.items {
		o := p.objectFor(i)
		if h := heightOf(o, 600); h <= 0 && p.items[i].block.Kind != KindNone {
			t.Errorf("item %d (%v) has height %v", i, p.items[i].block.Kind, h)
		}
	}
}

func TestFootnoteLinkScrollsToNotes(t *testing.T) {
	p := showPreview(t)
	body := "Note[^1].\n\n" + strings.Repeat("filler paragraph\n\n", 200) + "[^1]: the note\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	p.openLink("#fn:1")
	last := len(p.items) - 1
	if p.items[last].block.Kind != KindFootnotes {
		t.Fatalf("last item is %v", p.items[last].block.Kind)
	}
	if !p.visible[last] {
		t.Errorf("footnotes not on screen after following [1] (offset %v)", p.scroll.Offset.Y)
	}
}

func TestLinkedImageTapFollowsLink(t *testing.T) {
	test.NewTempApp(t)
	var got string
	b := newImageBox(Inline{Kind: InlineImage, Dest: "x.png", Link: "other.md"}, markdown.Resolver{Dir: ""}, nil, func(l string) { got = l }, nil)
	test.Tap(b)
	if got != "other.md" {
		t.Errorf("tap followed %q", got)
	}
}

// TestWidgetGolden dumps the widgets built for each golden input: what the
// reader sees as text, block by block, including list markers.
func TestWidgetGolden(t *testing.T) {
	test.NewTempApp(t)
	for _, name := range []string{"blocks", "table", "cjk", "footnotes"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, tb := range markdown.NewDocument(newMarkdown()).Set(src) {
				if tb.Block.Kind == KindNone {
					continue
				}
				o := builder{}.block(tb.Block)
				o.Resize(fyne.NewSize(600, heightOf(o, 600)))
				fmt.Fprintf(&b, "%s: %s\n", tb.Block.Kind, strings.Join(texts(o), "|"))
			}
			checkGolden(t, "widgets-"+name, b.String())
		})
	}
}

func TestImageCacheIsCapped(t *testing.T) {
	test.NewTempApp(t)
	l, q := testLoader()
	// many failures are capped by count and keep their results
	var boxes []*imageBox
	for i := 0; i < 200; i++ {
		b := newImageBox(Inline{Kind: InlineImage, Dest: fmt.Sprintf("missing-%d.png", i)}, markdown.Resolver{Dir: t.TempDir()}, l, nil, nil)
		waitImage(t, q, b)
		boxes = append(boxes, b)
	}
	if boxes[0].err == nil {
		t.Error("an entry lost the result its box already shows")
	}
	// a real image is not pushed out by 200 failures (it was, with a cap
	// of 64 entries)
	real := newImageBox(Inline{Kind: InlineImage, Dest: "pic.png"}, markdown.Resolver{Dir: "testdata"}, l, nil, nil)
	waitImage(t, q, real)
	for i := 0; i < 200; i++ {
		b := newImageBox(Inline{Kind: InlineImage, Dest: fmt.Sprintf("gone-%d.png", i)}, markdown.Resolver{Dir: t.TempDir()}, l, nil, nil)
		waitImage(t, q, b)
	}
	l.mu.Lock()
	_, kept := l.entries[real.src]
	n, size := len(l.entries), l.bytes
	l.mu.Unlock()
	if !kept {
		t.Error("failed lookups pushed a decoded image out of the cache")
	}
	if n > maxCachedEntries || size > maxCachedBytes || size != 40*20*4 {
		t.Errorf("%d entries, %d bytes cached", n, size)
	}
	// the byte cap: pretend the image is huge, and it goes
	l.mu.Lock()
	l.entries[real.src].size = maxCachedBytes + 1
	l.bytes += maxCachedBytes + 1 - 40*20*4
	l.trim()
	_, kept = l.entries[real.src]
	l.mu.Unlock()
	if kept {
		t.Error("an image over the byte cap stayed cached")
	}
}

// TestMarkupSnapshot pins the rendered canvas of a small article (header
// card, heading, mixed paragraph, quote, task list) with Fyne's markup
// snapshots: testdata/markup/article.xml. ASCII only: glyph widths of
// CJK fall back to whatever fonts the machine has.
func TestMarkupSnapshot(t *testing.T) {
	test.NewTempApp(t)
	p := New()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(500, 420))
	p.updateNow([]byte("# Heading\n\nSome **bold** text and [a link](x.md).\n\n> quoted\n\n- [x] done\n- item\n"),
		Meta{Title: "Title", Author: "Li Hua", Date: "2024-01-10", ReadTime: "3 min", Tags: []string{"AI"}, Category: "News"}, "", 1)
	test.AssertRendersToMarkup(t, "markup/article.xml", w.Canvas())
}

func TestImageAppearingLaterIsLoaded(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "shot.png")
	l := newImageLoader()
	got := make(chan error, 2)
	if _, _, done := l.get(src, func(_ image.Image, err error) { got <- err }); done {
		t.Fatal("a first request cannot be done at once")
	}
	if err := <-got; err == nil {
		t.Fatal("a missing file loaded")
	}
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, _, done := l.get(src, func(_ image.Image, err error) { got <- err }); done {
		t.Fatal("the cached error was returned for a file that now exists")
	}
	if err := <-got; err != nil {
		t.Fatalf("the new file did not load: %v", err)
	}
	if im, err, done := l.get(src, nil); !done || err != nil || im.Bounds().Dx() != 4 {
		t.Fatalf("cached result: %v %v %v", im, err, done)
	}
}

// TestAnchorLinkScrollsToHeading: [x](#标题) scrolls to the heading with
// that id (GitHub/Hugo style, repeats numbered, {#id} honoured).
func TestAnchorLinkScrollsToHeading(t *testing.T) {
	p := showPreview(t)
	filler := strings.Repeat("filler paragraph\n\n", 150)
	body := "[go](#第二节-more) [again](#重复-1) [custom](#my-id)\n\n" + filler + "## 第二节 More\n\n" + filler + "## 重复\n\n" + filler + "## 重复\n\n" + filler + "## 自定义 {#my-id}\n\ntext\n\n" + filler
	p.updateNow([]byte(body), Meta{}, "", 1)
	for _, c := range []struct{ link, heading string }{{"#第二节-more", "第二节 More"}, {"#重复-1", "重复"}, {"#my-id", "自定义"}} {
		p.scroll.ScrollToOffset(fyne.NewPos(0, 0))
		p.refreshVisible()
		p.openLink(c.link)
		first := -1
		for i := range p.items {
			if p.visible[i] {
				first = i
				break
			}
		}
		if first < 0 || p.items[first].block.Kind != KindHeading || !strings.Contains(strings.Join(texts(p.states[p.items[first].block].obj), ""), c.heading) {
			t.Errorf("%s: first visible item is not the heading %q", c.link, c.heading)
		}
	}
	// the second "重复" is the one -1 names
	p.openLink("#重复-1")
	y := p.scroll.Offset.Y
	p.openLink("#重复")
	if p.scroll.Offset.Y >= y {
		t.Error("#重复 and #重复-1 scroll to the same heading")
	}
}

// findTaskBoxes collects the task boxes under o, in order.
func findTaskBoxes(o fyne.CanvasObject) []*taskBox { return findType[*taskBox](o) }

// TestTaskBoxTogglesTheText: clicking a task box asks for the edit that
// toggles exactly its "[ ]" or "[x]" in the body, also after text before
// the list moved it.
func TestTaskBoxTogglesTheText(t *testing.T) {
	p := showPreview(t)
	var edits []TaskEdit
	p.OnToggleTask = func(e TaskEdit) { edits = append(edits, e) }
	for _, body := range []string{
		"intro\n\n- [ ] one\n- [x] two\n  - [ ] 嵌套\n",
		"a longer intro, 中文\n\nintro\n\n- [ ] one\n- [x] two\n  - [ ] 嵌套\n",
	} {
		edits = nil
		p.updateNow([]byte(body), Meta{}, "", 1)
		var boxes []*taskBox
		for _, o := range p.content.objs {
			boxes = append(boxes, findTaskBoxes(o)...)
		}
		if len(boxes) != 3 {
			t.Fatalf("%d task boxes", len(boxes))
		}
		for _, b := range boxes {
			test.Tap(b)
		}
		want := []string{"[ ]>[x]", "[x]>[ ]", "[ ]>[x]"}
		for i, e := range edits {
			if body[e.Start:e.End] != e.Old || e.Old+">"+e.New != want[i] {
				t.Errorf("edit %d: %+v on %q", i, e, body[e.Start:e.End])
			}
		}
		if len(edits) != 3 {
			t.Errorf("%d edits for 3 taps", len(edits))
		}
	}
}

// QA G2: a code span in a heading (docs-cn's "### `tidb_slow_txn_log_threshold`
// <span>从 v7.0.0 版本开始引入</span>") is drawn at the heading's size, not
// smaller than the heading's other text; in a paragraph it stays a little
// smaller than the text around it.
func TestCodeInHeadingTakesTheHeadingSize(t *testing.T) {
	test.NewTempApp(t)
	blocks := markdown.NewDocument(newMarkdown()).Set([]byte("### `tidb_slow_txn_log_threshold` <span class=\"version-mark\">从 v7.0.0 版本开始引入</span>\n\ntext `code` text\n"))
	scales := func(i int) (code, other float32) {
		f := builder{}.block(blocks[i].Block).(*textFlow)
		for _, r := range f.runs {
			if r.code {
				code = r.scale
			} else if strings.TrimSpace(r.text) != "" {
				other = r.scale
			}
		}
		return code, other
	}
	if code, other := scales(0); code != other || code != headingScale[3] {
		t.Errorf("heading: code drawn at %v, its text at %v; want both %v", code, other, headingScale[3])
	}
	if code, other := scales(1); code >= other {
		t.Errorf("paragraph: code at %v, text at %v; want the code a little smaller", code, other)
	}
}

// QA G3: following a footnote reference lands on the footnotes even when
// the blocks before them (long tables whose cells wrap) are taller or
// shorter than their estimates: it settles as a heading jump does.
func TestFootnoteLinkLandsPastTables(t *testing.T) {
	p := showPreview(t)
	var b strings.Builder
	b.WriteString("| 功能 | 说明 |\n|---|---|\n| 字符集和排序规则[^1] | Y |\n\n")
	for range 6 {
		b.WriteString("| 功能 | 说明 |\n|---|---|\n")
		for r := range 40 {
			fmt.Fprintf(&b, "| 第 %d 行 | %s |\n", r, strings.Repeat("很长的说明文字会在窄的窗格里换行 ", 6))
		}
		b.WriteString("\n" + strings.Repeat("段落。\n\n", 5))
	}
	b.WriteString("[^1]: 注释\n")
	p.updateNow([]byte(b.String()), Meta{}, "", 1)
	p.scroll.ScrollToOffset(fyne.NewPos(0, 200))
	p.refreshVisible()
	p.openLink("#fn:1")
	last := len(p.items) - 1
	if p.items[last].block.Kind != KindFootnotes {
		t.Fatalf("last item is %v", p.items[last].block.Kind)
	}
	top, end := p.offsets[last], p.offsets[last+1]
	y, h := p.scroll.Offset.Y, p.scroll.Size().Height
	if !p.visible[last] || end < y || top > y+h {
		t.Errorf("footnotes at %v–%v, the view at %v–%v", top, end, y, y+h)
	}
}

// The space after a code span is not covered by the span's fill: the text
// after it starts past the fill's right edge as the span starts past the
// text before it (seen in hugoDocs' "The `collections.D` function": the
// space after the chip was hidden under it).
func TestCodeSpanFillCoversNoSpaceAfterIt(t *testing.T) {
	test.NewTempApp(t)
	blocks := markdown.NewDocument(newMarkdown()).Set([]byte("The `collections.D` function returns"))
	f := builder{}.block(blocks[0].Block).(*textFlow)
	f.Resize(fyne.NewSize(2000, 100))
	pieces := f.lines[0].pieces
	if len(pieces) != 3 || !f.runs[pieces[1].run].code {
		t.Fatalf("pieces %+v", pieces)
	}
	before, code, after := pieces[0], pieces[1], pieces[2]
	gapBefore := code.x - (before.x + before.w) // "The " ends in its space
	gapAfter := after.x - (code.x + code.w)     // " function" starts with its space
	if gapAfter != gapBefore {
		t.Errorf("the code span sits %v after the text before it and %v before the text after it", gapBefore, gapAfter)
	}
}
