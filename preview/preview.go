package preview

import (
	"bytes"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"

	"folio/preview/markdown"
)

// DefaultDebounce is how long Update waits for typing to pause.
const DefaultDebounce = 100 * time.Millisecond

// maxReadingWidth keeps lines at a readable length on wide windows.
const maxReadingWidth = 860

// Preview shows a Markdown article as the published page would: a header
// card from the front matter, then the body. It is a Fyne widget.
//
// Update may be called from any goroutine; parsing runs on a worker and
// the result is applied on the UI goroutine. Only the blocks on screen
// have widgets, and after an edit only the changed top-level blocks are
// rebuilt.
type Preview struct {
	widget.BaseWidget

	// OnError is called on the UI goroutine when parsing or showing an
	// article failed with a defect (a recovered panic); the preview keeps
	// what it showed and goes on with the next Update.
	OnError func(err error)

	// OnOpenArticle is called on the UI goroutine when the reader taps a
	// relative link to a Markdown file; path is resolved against the
	// article's folder.
	OnOpenArticle func(path string)

	// OnOpenArticleAt, when set, is called instead of OnOpenArticle, with
	// the link's #fragment (unescaped; "" when it has none).
	OnOpenArticleAt func(path, anchor string)

	// OnInertLink is called on the UI goroutine when the reader taps a
	// link that leads nowhere Folio can go (not an article, heading or web
	// address), with its destination as written and why.
	OnInertLink func(dest string, why InertReason)

	// OnToggleTask is called on the UI goroutine when the reader clicks a
	// task list box: the edit that checks or unchecks it in the body last
	// given to Update. Apply it as one undo step if the body still holds
	// edit.Old at that place; the preview shows the result when the
	// changed body comes back through Update.
	OnToggleTask func(edit TaskEdit)

	md       goldmark.Markdown
	mdFor    siteMarkdown // the folder and site options md was made for (emoji.go)
	images   *imageLoader
	debounce time.Duration
	do       func(func()) // runs a function on the UI goroutine: fyne.Do

	mu      sync.Mutex // guards gen, pending, timer
	gen     uint64
	pending *request
	timer   *time.Timer

	lang string     // the shown content's language (alert titles)
	work sync.Mutex // serialises parsing; guards doc
	doc  *markdown.Document

	// UI goroutine only.
	landGen   uint64 // ScrollToSourceLineOnShow: landLine, once gen landGen is shown
	landLine  int
	applied   uint64
	items     []vitem
	offsets   []float32 // offsets[i] is the top of items[i]; one more entry for the end
	meta      Meta
	headerObj fyne.CanvasObject
	baseDir   string
	siteRoot  string // set by SetSiteRoot, or found from baseDir
	rootSet   bool   // siteRoot was set by SetSiteRoot
	rootFor   string // the baseDir siteRoot was found for
	// site is what siteRoot's config and link render hook say, read for
	// siteFor (see resolver)
	site      *markdown.Site
	siteFor   string
	firstLine int
	built     []*Block // blocks whose widget is cached in their state's obj
	states    map[*Block]*uiState
	// spareStates is an empty map for the next update's states
	spareStates map[*Block]*uiState
	header      uiState
	themeKey    string
	scroll      *container.Scroll
	content     *vcontent
	width       float32
	visible     map[int]bool
	ext         float32 // the scrolled content's height (extent)
	measure     *measureCache
	flows       flowPool  // flows of dropped widgets, made into new ones
	sel         selection // the selected text (selection.go)
	// codeGroups are the shared sideways scrolls of big code blocks'
	// parts, by the block's start (codegroup.go)
	codeGroups map[int]*codeGroup
	// jump is the source line the last ScrollToSourceLine (or heading
	// anchor) put at the top of the view, kept there while blocks change
	// height (images loading above it) until the user scrolls; 0: none.
	// settling is set while the preview scrolls itself.
	jump     int
	settling bool
}

type vitem struct {
	block *Block // nil for the header card
	line  int    // 1-based body line
	start int    // byte offset in the body of the top-level block it belongs to
	st    *uiState
}

type request struct {
	body      []byte
	meta      Meta
	baseDir   string
	siteRoot  string // set by SetSiteRoot, or found from baseDir
	rootSet   bool   // siteRoot was set by SetSiteRoot
	rootFor   string // the baseDir siteRoot was found for
	firstLine int
}

type result struct {
	gen         uint64
	blocks      []*markdown.TopBlock
	req         *request
	incremental bool
	first       bool   // only the start of a big article, shown while the rest parses
	script      string // the body's language by its script (markdown.ScriptLang)
}

// New returns an empty preview.
func New() *Preview {
	p := &Preview{
		md:       newMarkdown(),
		images:   newImageLoader(),
		debounce: DefaultDebounce,
		do:       fyne.Do,
		measure:  newMeasureCache(),
		visible:  map[int]bool{},
	}
	p.doc = markdown.NewDocument(p.md)
	p.ExtendBaseWidget(p)
	return p
}

// SetUIRunner replaces fyne.Do as the way parsed results and loaded images
// reach the UI goroutine. Fyne's test driver runs fyne.Do's function at once
// on the calling goroutine, so tests that drive a window pass a runner that
// queues the function for the test goroutine instead.
func (p *Preview) SetUIRunner(do func(func())) {
	p.do, p.images.do = do, do
}

// SetDebounce sets how long Update waits for the calls to pause
// (DefaultDebounce unless set). With 0 every Update is parsed at once on a
// worker (the newest one when several come while it is busy): for a caller
// that debounces typing itself, so that an edit waits once, not twice, and
// a reload from disk is shown without a pause.
func (p *Preview) SetDebounce(d time.Duration) {
	p.mu.Lock()
	p.debounce = max(d, 0)
	p.mu.Unlock()
}

// Debounce returns how long Update waits for the calls to pause.
func (p *Preview) Debounce() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.debounce
}

// Update shows a new version of the article: its body (after the front
// matter), the front matter fields, the folder that relative image and
// article links resolve against, and the 1-based line of the source file
// where the body starts. Calls are debounced (see SetDebounce); body is
// copied, so the caller may reuse it.
func (p *Preview) Update(body []byte, meta Meta, baseDir string, bodyFirstLine int) {
	req := &request{body: bytes.Clone(body), meta: meta, baseDir: baseDir, firstLine: max(bodyFirstLine, 1)}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	p.pending = req
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	if p.debounce == 0 {
		go p.process() // takes the newest pending request; one that finds none returns
		return
	}
	p.timer = time.AfterFunc(p.debounce, p.process)
}

// nowBytes is the largest body ShowNow parses on the UI goroutine (a
// millisecond or two); a bigger one goes to the worker.
const nowBytes = 64 << 10

// ShowNow shows a new version of the article like Update, but parses and
// shows it on the calling goroutine, which must be the UI goroutine, when
// the body is small and the worker idle: a reload from disk then reaches
// the screen in the same frame as the editor's text and the window title,
// not one frame later. Otherwise it is Update.
func (p *Preview) ShowNow(body []byte, meta Meta, baseDir string, bodyFirstLine int) {
	if len(body) > nowBytes || !p.work.TryLock() {
		p.Update(body, meta, baseDir, bodyFirstLine)
		return
	}
	req := &request{body: bytes.Clone(body), meta: meta, baseDir: baseDir, firstLine: max(bodyFirstLine, 1)}
	p.mu.Lock()
	p.gen++
	gen := p.gen
	p.pending = nil // superseded
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	p.mu.Unlock()
	res, err := p.safeParse(func() *result { return p.parse(req, gen) })
	p.work.Unlock()
	if err != nil {
		p.failed(err)
		return
	}
	defer p.recoverInto(p.failed)
	p.apply(res)
}

// process parses the newest pending request and hands it to the UI.
func (p *Preview) process() {
	p.work.Lock()
	defer p.work.Unlock()
	p.mu.Lock()
	req, gen := p.pending, p.gen
	p.pending = nil
	p.mu.Unlock()
	if req == nil {
		return
	}
	show := func(res *result) {
		p.do(func() {
			defer p.recoverInto(p.failed)
			p.apply(res)
		})
	}
	switch first, err := p.safeParse(func() *result { return p.firstScreen(req, gen) }); {
	case err != nil:
		p.do(func() { p.failed(err) })
	case first != nil:
		show(first)
	}
	res, err := p.safeParse(func() *result { return p.parse(req, gen) })
	if err != nil {
		p.do(func() { p.failed(err) })
		return
	}
	show(res)
	p.highlightRest(res.blocks, gen)
}

// safeParse runs parse with a panic turned into an error (the incremental
// document is then started afresh: its state may be half updated).
func (p *Preview) safeParse(parse func() *result) (res *result, err error) {
	defer p.recoverInto(func(e error) {
		p.doc = markdown.NewDocument(p.md)
		err = e
	})
	return parse(), nil
}

// recoverInto, deferred, hands a panic to fail as an error.
func (p *Preview) recoverInto(fail func(error)) {
	if r := recover(); r != nil {
		fail(fmt.Errorf("the preview hit an internal error: %v", r))
	}
}

// failed reports an error to OnError.
func (p *Preview) failed(err error) {
	if p.OnError != nil {
		p.OnError(err)
	}
}

// firstScreenBytes is how much of a big article is parsed first when it
// is opened, so its start shows at once (a 20,000-row table or a 20 MB
// article takes goldmark longer than a frame or ten).
const (
	firstScreenFrom  = 256 << 10
	firstScreenBytes = 16 << 10
)

// firstScreen parses the start of a big article being opened (nothing is
// parsed yet) into a throwaway document, or returns nil. The start is cut
// at a line end; a table or code block cut there shows its first rows.
func (p *Preview) firstScreen(req *request, gen uint64) *result {
	p.useSiteMarkdown(req.baseDir, req.meta.Params)
	if p.doc.Blocks() != nil || len(req.body) < firstScreenFrom {
		return nil
	}
	cut := bytes.IndexByte(req.body[firstScreenBytes:], '\n')
	if cut < 0 {
		return nil
	}
	head := req.body[:firstScreenBytes+cut+1]
	blocks := markdown.NewDocument(p.md).Set(head)
	for _, tb := range blocks {
		markdown.SplitParts(tb.Block)
	}
	return &result{gen: gen, blocks: blocks, req: req, first: true, script: markdown.ScriptLang(head)}
}

// parse runs off the UI goroutine (under p.work).
func (p *Preview) parse(req *request, gen uint64) *result {
	p.useSiteMarkdown(req.baseDir, req.meta.Params)
	p.doc.SetArticleDir(req.baseDir) // Hugo's include shortcode
	blocks := p.doc.Set(req.body)
	for _, tb := range blocks {
		markdown.SplitParts(tb.Block)
	}
	markdown.HighlightParts(blocks, true, within(highlightBudget))
	if req.meta.ReadTime == "" && !req.meta.IsZero() {
		req.meta.ReadTime = estimateReadTime(req.body)
	}
	return &result{gen: gen, blocks: append([]*markdown.TopBlock(nil), blocks...), req: req, incremental: p.doc.LastIncremental(), script: markdown.ScriptLang(req.body)}
}

// updateNow parses and applies synchronously, on the calling goroutine,
// which must be the UI goroutine (tests and benchmarks).
func (p *Preview) updateNow(body []byte, meta Meta, baseDir string, bodyFirstLine int) *result {
	p.mu.Lock()
	p.gen++
	gen := p.gen
	p.mu.Unlock()
	p.work.Lock()
	res := p.parse(&request{body: body, meta: meta, baseDir: baseDir, firstLine: max(bodyFirstLine, 1)}, gen)
	p.work.Unlock()
	p.apply(res)
	return res
}

// apply shows a parse result; a result older than the one shown is dropped.
func (p *Preview) apply(res *result) {
	if res.gen <= p.applied {
		return
	}
	if !res.first {
		p.applied = res.gen
	}
	req := res.req
	if req.baseDir != p.baseDir {
		p.dropBuilt() // image paths resolve differently
	}
	p.baseDir, p.firstLine = req.baseDir, req.firstLine
	if !p.rootSet && p.rootFor != p.baseDir {
		p.rootFor = p.baseDir
		p.siteRoot = ""
		if p.baseDir != "" {
			p.siteRoot = markdown.FindSiteRoot(p.baseDir, "")
		}
	}
	// the content's language, which alert titles follow: the site's
	// config, else the body's script
	lang := res.script
	if site := p.resolver().Site; site != nil && site.Lang != "" {
		lang = site.Lang
	}
	if lang != p.lang {
		p.lang = lang
		p.dropBuilt()
	}
	req.meta = withoutRepeatedTitle(req.meta, req.body, res.blocks) // header_dup.go; Fill on the UI goroutine
	if !reflect.DeepEqual(req.meta, p.meta) {
		p.meta = req.meta
		p.headerObj = nil
		p.header = uiState{}
	}
	items := p.items[:0]
	if !p.meta.IsZero() {
		items = append(items, vitem{st: &p.header})
	}
	// each shown block keeps its state (height, widget) across updates;
	// the map is the one of the update before last, emptied
	states := p.spareStates
	if states == nil {
		states = make(map[*Block]*uiState, len(res.blocks))
	}
	add := func(b *Block, line, start int) {
		st := p.states[b]
		if st == nil {
			st = &uiState{}
		}
		states[b] = st
		items = append(items, vitem{block: b, line: line, start: start, st: st})
	}
	for _, tb := range res.blocks {
		if tb.Block.Kind == KindNone {
			continue
		}
		if parts := tb.Block.Parts(); len(parts) > 0 {
			// a part's line is counted from the parts before it (they
			// are kept across edits that move them)
			line := tb.Line + 1 // a code block's first part starts after its fence
			for _, part := range parts {
				switch part.Kind {
				case KindCode:
					add(part, line, tb.Start)
					line += part.Lines()
				case KindTable:
					if part.Header != nil {
						line = tb.Line
					}
					add(part, line, tb.Start)
					if part.Header != nil {
						line += 2
					}
					line += part.RowCount()
				default:
					add(part, tb.Line+part.LineOff(), tb.Start)
				}
			}
			continue
		}
		add(tb.Block, tb.Line, tb.Start)
	}
	for i := len(items); i < len(p.items); i++ {
		p.items[i] = vitem{} // let dropped blocks go
	}
	p.items = items
	old := p.states
	p.states = states
	kept := p.built[:0]
	for _, b := range p.built {
		if states[b] != nil {
			kept = append(kept, b)
		} else if st := old[b]; st != nil && st.obj != nil {
			p.flows.put(st.obj) // gone from the article
			st.obj = nil
		}
	}
	clear(p.built[len(kept):])
	p.built = kept
	clear(old)
	p.spareStates = old
	p.offsets = make([]float32, len(items)+1)
	p.fixOffsets(0)
	p.remapSelection()
	p.pruneCodeGroups()
	p.refreshVisible()
	if p.landLine > 0 && !res.first && res.gen >= p.landGen {
		line := p.landLine
		p.landLine = 0
		p.ScrollToSourceLine(line)
	}
}

// ScrollToSourceLineOnShow is ScrollToSourceLine, done again once the
// text last given to Update is shown: a big article is parsed off the UI
// goroutine, after this call. Call it on the UI goroutine.
func (p *Preview) ScrollToSourceLineOnShow(line int) {
	p.mu.Lock()
	gen := p.gen
	p.mu.Unlock()
	p.landGen, p.landLine = gen, line
	if gen <= p.applied {
		// That text is shown: land now, and not again on the next
		// article's text (seen: a link to all.md#baseurl, then another
		// article of the list opened scrolled to all.md's line).
		p.landLine = 0
	}
	p.ScrollToSourceLine(line)
}

// CreateRenderer implements fyne.Widget.
func (p *Preview) CreateRenderer() fyne.WidgetRenderer {
	p.content = &vcontent{p: p}
	p.content.ExtendBaseWidget(p.content)
	p.scroll = container.NewVScroll(p.content)
	p.scroll.OnScrolled = func(fyne.Position) {
		if !p.settling {
			p.jump = 0 // the user scrolled: keep what they see
		}
		p.refreshVisible()
	}
	p.themeKey = p.currentThemeKey()
	return &previewRenderer{p: p}
}

func (p *Preview) currentThemeKey() string {
	s := fyne.CurrentApp().Settings()
	return fmt.Sprintf("%p/%d/%v", s.Theme(), s.ThemeVariant(), theme.TextSize())
}

// isDark tells from the theme's background whether code should use the
// dark style (works for any theme, not just the variant).
func (p *Preview) isDark() bool {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	return (299*r+587*g+114*b)/1000 < 0x8000
}

// Refresh rebuilds the visible blocks when the theme changed.
func (p *Preview) Refresh() {
	if p.scroll != nil {
		if k := p.currentThemeKey(); k != p.themeKey {
			p.themeKey = k
			p.dropBuilt()
			p.flows = flowPool{}          // made under the old theme
			p.measure = newMeasureCache() // the fonts may have changed
			for _, it := range p.items {
				it.st.sized, it.st.sizedW = false, -1
			}
			p.offsets = nil
		}
	}
	p.refreshVisible()
	p.BaseWidget.Refresh()
}

// SetSiteRoot sets the folder a leading "/" in image and link paths
// resolves against (see markdown.Resolver): the site root the app found
// for the article, or the opened folder. Without it the preview looks for
// one up from the article's folder (markdown.FindSiteRoot). Call it on the
// UI goroutine.
func (p *Preview) SetSiteRoot(root string) {
	if p.rootSet && root == p.siteRoot {
		return
	}
	p.siteRoot, p.rootSet = root, true
	p.dropBuilt()
	p.refreshVisible()
}

// resolver is the link and image resolver for the article shown, with
// the site's config read once for its root.
func (p *Preview) resolver() markdown.Resolver {
	if p.site == nil || p.siteFor != p.siteRoot {
		p.site, p.siteFor = markdown.LoadSite(p.siteRoot), p.siteRoot
	}
	return markdown.Resolver{Dir: p.baseDir, Root: p.siteRoot, Site: p.site}
}

// SetAllowRemoteImages turns loading of http(s) images on or off (off by
// default). Call it on the UI goroutine.
func (p *Preview) SetAllowRemoteImages(on bool) {
	p.images.setAllowRemote(on)
	p.dropBuilt()
	p.refreshVisible()
}

// ScrollToSourceLine scrolls to the block holding line (1-based, counted in
// the whole source file, front matter included). Call it on the UI
// goroutine.
func (p *Preview) ScrollToSourceLine(line int) {
	if p.scroll == nil || len(p.items) == 0 {
		return
	}
	i := p.itemForLine(line)
	p.ensureOffsets()
	p.jump = 0
	if i == 0 && p.items[0].block == nil || line < p.firstLine {
		p.settling = true
		p.scroll.ScrollToOffset(fyne.NewPos(0, 0))
		p.settling = false
		p.refreshVisible()
		return
	}
	p.jump = line
	// Within a long block, go the same fraction down as the line is.
	it := p.items[i]
	next := it.line
	if i+1 < len(p.items) {
		next = p.items[i+1].line
	}
	var frac float32
	body := line - p.firstLine + 1
	if next > it.line+1 && body > it.line {
		frac = float32(body-it.line) / float32(next-it.line)
	}
	p.settleAt(i, frac)
	if f, ok := p.termFraction(i, body); ok {
		p.settleAt(i, f)
	}
}

// termFraction is how far down item i, a definition list, the term on
// body line body is drawn, once the list is built (settleAt built it): a
// list's height is not shared evenly by its source lines (a term is one
// short line, a definition wraps), so the line's share of the list put
// the term a line or more above the view, its definition at the top (QA
// round 7: a link to /configuration/all/#baseurl). ok is false when no
// term starts on that line.
func (p *Preview) termFraction(i, body int) (float32, bool) {
	it := p.items[i]
	if it.block == nil || it.block.Kind != markdown.KindDefList || it.st.obj == nil {
		return 0, false
	}
	c, ok := it.st.obj.(*fyne.Container)
	h := it.st.h - p.itemGap(i)
	if !ok || len(c.Objects) != len(it.block.Items) || h <= 0 {
		return 0, false
	}
	for k, item := range it.block.Items {
		if item.Label != nil && it.line+item.Line == body {
			// refreshVisible put the list at its offset plus half a padding
			return min((c.Objects[k].Position().Y+theme.Padding()/2)/h, 1), true
		}
	}
	return 0, false
}

// settleAt scrolls item i's top, plus frac of its height, to the top of
// the view. Blocks seen for the first time there (images above all) are
// measured by refreshVisible and move the item from where their estimates
// put it: scroll again until it stays, so that a jump to a heading lands
// on it and not a screen or two above it.
func (p *Preview) settleAt(i int, frac float32) {
	p.ensureOffsets()
	p.settling = true
	defer func() { p.settling = false }()
	for range 8 {
		y := p.offsets[i] + frac*(p.items[i].st.h-p.itemGap(i))
		p.scroll.ScrollToOffset(fyne.NewPos(0, y))
		p.refreshVisible() // measures what is in view
		// Settled when the item stayed and the view reached it, or the
		// page's end (as it is now: measuring may have lengthened it).
		end := max(p.total(), p.scroll.Size().Height) - p.scroll.Size().Height
		if p.offsets[i]+frac*(p.items[i].st.h-p.itemGap(i)) == y && (p.scroll.Offset.Y == y || p.scroll.Offset.Y >= end-0.5) {
			break
		}
	}
}

// itemForLine is the index of the item holding the source file's line.
func (p *Preview) itemForLine(line int) int {
	body := line - p.firstLine + 1
	// the last item starting at or before body
	i := sort.Search(len(p.items), func(i int) bool {
		it := p.items[i]
		return it.block != nil && it.line > body
	})
	return max(i-1, 0)
}

func (p *Preview) builder() builder {
	return builder{lang: p.lang, onLink: p.openLink, images: p.images, resolver: p.resolver(), dark: p.isDark(), changed: p.objectResized, measure: p.measure, scrollPage: p.scrollPage, onTask: p.toggleTask, boxes: p.boxStates(), seq: new(int), codeGroup: p.codeGroupFor, flows: &p.flows}
}

// TaskEdit is the change that toggles a task list box: replace the body's
// bytes [Start, End), which should read Old, with New ("[ ]" ⇄ "[x]").
type TaskEdit struct {
	Start, End int
	Old, New   string
}

// toggleTask hands the edit for a clicked task box to OnToggleTask: at is
// its offset from the start of the top-level block of the shown item.
func (p *Preview) toggleTask(item *Block, at int, done bool) {
	if p.OnToggleTask == nil || at < 0 {
		return
	}
	found := false
	for _, it := range p.items {
		if it.block == item {
			at += it.start
			found = true
			break
		}
	}
	if !found {
		return
	}
	e := TaskEdit{Start: at, End: at + 3, Old: "[ ]", New: "[x]"}
	if done {
		e.Old, e.New = "[x]", "[ ]"
	}
	p.OnToggleTask(e)
}

// scrollPage scrolls the preview for a wheel event over a table or code
// block.
func (p *Preview) scrollPage(ev *fyne.ScrollEvent) {
	p.wheel(ev) // scaled as over the page (wheel.go)
}

// objectResized runs when an image arrived or a <details> opened: visible
// heights are measured again. Each keeps its measured height until then
// (not an estimate), so the blocks above the one that changed stay where
// they are on screen: the summary clicked stays under the mouse (QA7 H1).
func (p *Preview) objectResized() {
	for i := range p.items {
		if p.visible[i] {
			p.items[i].st.sized = false
		}
	}
	p.offsets = nil
	if p.jump > 0 {
		// An image above the line jumped to loaded: land on it again
		// (the re-estimates of refreshVisible may clamp the view first).
		p.settling = true
		p.refreshVisible()
		p.settling = false
		p.ScrollToSourceLine(p.jump)
		return
	}
	p.refreshVisible()
}

func (p *Preview) objectFor(i int) fyne.CanvasObject {
	it := p.items[i]
	if it.block == nil {
		if p.headerObj == nil {
			p.headerObj = p.builder().header(p.meta)
		}
		return p.headerObj
	}
	if it.st.obj != nil {
		return it.st.obj
	}
	b := p.builder()
	b.item = it.block
	o := b.block(it.block)
	it.st.obj = o
	p.built = append(p.built, it.block)
	return o
}

// maxBuilt caps the widgets kept for blocks scrolled off screen.
const maxBuilt = 300

// evict drops the widgets of off-screen blocks once there are too many;
// their measured heights stay.
func (p *Preview) evict() {
	if len(p.built) <= maxBuilt {
		return
	}
	onScreen := make(map[*Block]bool, len(p.visible))
	for i := range p.visible {
		onScreen[p.items[i].block] = true
	}
	kept := p.built[:0]
	for _, b := range p.built {
		if onScreen[b] {
			kept = append(kept, b)
		} else if st := p.states[b]; st != nil && st.obj != nil {
			p.flows.put(st.obj)
			st.obj = nil
		}
	}
	for i := len(kept); i < len(p.built); i++ {
		p.built[i] = nil
	}
	p.built = kept
}

// dropBuilt forgets every built widget (theme or settings changed). The
// text widths are kept: they depend on the theme's fonts alone, and
// Refresh drops them when the theme changes.
func (p *Preview) dropBuilt() {
	for _, b := range p.built {
		if st := p.states[b]; st != nil && st.obj != nil {
			p.flows.put(st.obj)
			st.obj = nil
		}
	}
	p.built = nil
	p.headerObj = nil
}

func (p *Preview) gap() float32 { return theme.Padding() * 3 }

// itemGap is the space below item i: none between the parts of a big code
// block or paragraph, a grid line between table parts, a list's gap
// between list parts.
func (p *Preview) itemGap(i int) float32 {
	if b := p.items[i].block; b != nil && b.Cont()&markdown.ContBelow != 0 {
		switch b.Kind {
		case KindCode:
			return 0
		case KindTable:
			return 1
		case KindParagraph: // a big paragraph's next part goes on with the next line
			return 0
		}
		return theme.Padding()
	}
	return p.gap()
}

func (p *Preview) ensureOffsets() {
	if len(p.offsets) == len(p.items)+1 {
		return
	}
	p.offsets = make([]float32, len(p.items)+1)
	p.fixOffsets(0)
}

// fixOffsets recomputes offsets from item i on, estimating heights not
// yet measured at the current width.
func (p *Preview) fixOffsets(from int) {
	y := p.offsets[from]
	ts := theme.TextSize()
	for i := from; i < len(p.items); i++ {
		it := &p.items[i]
		if st := it.st; st.sizedW != p.width || st.h == 0 {
			st.sized, st.sizedW = false, p.width
			st.h = p.estimate(it, ts) + p.itemGap(i)
		}
		p.offsets[i] = y
		y += it.st.h
	}
	p.offsets[len(p.items)] = y
}

func (p *Preview) estimate(it *vitem, textSize float32) float32 {
	if it.block == nil {
		return 200
	}
	return estimateHeight(it.block, max(p.width, 100), textSize)
}

func (p *Preview) total() float32 {
	p.ensureOffsets()
	return p.offsets[len(p.items)] + theme.Padding()*4
}

// The scrolled content runs up to extentSlack past the article's end (see
// extent); an edit that moves the end by less than extentGrow down or
// extentSlack-extentGrow up leaves its height alone.
const (
	extentSlack = 192
	extentGrow  = 64
)

// extent is the scrolled content's height: the article's (total) and a
// little more. It changes only when total leaves that band: Fyne lays a
// Scroll out again while it draws a frame when its content's minimum size
// changed, and the Scroll then refreshes, which draws a second frame of
// the whole window right after the first (issue 9). A title that wraps
// onto a second line, a paragraph one line longer, keep the height.
// refreshVisible settles it (p.ext) once the visible blocks are measured.
func (p *Preview) extent() float32 {
	t := p.total()
	var view float32
	if p.scroll != nil {
		view = p.scroll.Size().Height
	}
	switch {
	case t <= view: // it fits: no scroll bar, and no slack to scroll into
		return view
	case t > p.ext || t < p.ext-extentSlack:
		return t + extentGrow
	}
	return p.ext
}

// refreshVisible builds, measures and places the items in the viewport.
// A view at the content's end stays there: the items measured there may
// be taller than estimated (a long table's lower rows wrap), and the end
// of the scrollbar is the end of the article (QA G7).
func (p *Preview) refreshVisible() {
	for range 8 {
		if !p.refreshVisibleOnce() {
			return
		}
	}
}

// refreshVisibleOnce is one pass of refreshVisible; it tells whether the
// view was at the end and has been moved to the end that grew.
func (p *Preview) refreshVisibleOnce() (again bool) {
	if p.scroll == nil || p.content == nil {
		return false
	}
	size := p.scroll.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return false
	}
	atEnd := p.scroll.Offset.Y > 0 && p.scroll.Offset.Y >= p.content.Size().Height-size.Height-1
	pad := theme.Padding() * 4
	w := min(size.Width-2*pad-theme.ScrollBarSize(), maxReadingWidth)
	if w != p.width {
		p.width = w
		p.offsets = nil
	}
	p.ensureOffsets()
	if want := max(p.extent(), size.Height); p.content.Size().Height > want+0.5 {
		// the article got shorter: shrink the content first, so the
		// offset is clamped before the visible blocks are found
		p.content.Resize(fyne.NewSize(size.Width, want))
		if maxY := max(want-size.Height, 0); p.scroll.Offset.Y > maxY {
			p.scroll.ScrollToOffset(fyne.NewPos(0, maxY))
		}
	}
	x := max((size.Width-w)/2, pad)
	top := p.scroll.Offset.Y
	bottom := top + size.Height
	first := sort.Search(len(p.items), func(i int) bool { return p.offsets[i+1] > top })
	oldTotal := p.offsets[len(p.items)]
	objs := make([]fyne.CanvasObject, 0, 16)
	visible := make(map[int]bool, 16)
	for i := first; i < len(p.items) && p.offsets[i] < bottom; i++ {
		obj := p.objectFor(i)
		h := heightOf(obj, w)
		gap := p.itemGap(i)
		st := p.items[i].st
		if !st.sized || st.h != h+gap {
			st.h, st.sized, st.sizedW = h+gap, true, w
			p.fixOffsets(i)
		}
		obj.Move(fyne.NewPos(x, p.offsets[i]+pad/2))
		obj.Resize(fyne.NewSize(w, h))
		objs = append(objs, obj)
		visible[i] = true
	}
	p.visible = visible
	p.content.objs = objs
	p.paintSelection()
	p.evict()
	p.ext = p.extent() // the blocks on screen are measured now
	if p.offsets[len(p.items)] != oldTotal || p.content.Size().Height < p.extent() {
		p.content.Resize(fyne.NewSize(size.Width, max(p.extent(), size.Height)))
		p.scroll.Refresh()
	}
	canvas.Refresh(p.content)
	if maxY := p.content.Size().Height - size.Height; atEnd && maxY > p.scroll.Offset.Y+0.5 {
		p.scroll.ScrollToOffset(fyne.NewPos(p.scroll.Offset.X, maxY))
		return true
	}
	return false
}

// openLink acts on a tapped link, with the site's config and link render
// hook read again (they may have changed since the article was opened).
func (p *Preview) openLink(dest string) {
	p.site = nil
	kind, target := classifyLink(dest, p.resolver())
	switch kind {
	case linkBrowser:
		if u, err := url.Parse(target); err == nil {
			if err := fyne.CurrentApp().OpenURL(u); err != nil {
				fyne.LogError("open link", err)
			}
		}
	case linkArticle:
		if p.OnOpenArticleAt != nil {
			p.OnOpenArticleAt(target, p.resolver().Link(dest).Anchor)
		} else if p.OnOpenArticle != nil {
			p.OnOpenArticle(target)
		}
	case linkInert:
		if p.OnInertLink != nil {
			p.OnInertLink(dest, inertReason(dest, p.resolver()))
		}
	case linkAnchor:
		if !p.ScrollToAnchor(target) && p.OnInertLink != nil {
			p.OnInertLink(dest, InertNoHeading) // the app looks further (definition terms) or says so
		}
	case linkFootnote:
		for i, it := range p.items {
			if it.block != nil && it.block.Kind == KindFootnotes {
				// settle as a heading jump does: the blocks built on the
				// way are taller or shorter than estimated (QA G3: it
				// landed in the middle of a long table)
				p.settleAt(i, 0)
				return
			}
		}
	}
}

// ScrollToAnchor scrolls to the heading whose id (markdown.Anchor, or a
// "{#id}" it sets) is anchor, or to the footnotes for "fn:N". It reports
// whether it found one. Call it on the UI goroutine.
func (p *Preview) ScrollToAnchor(anchor string) bool {
	if p.scroll == nil {
		return false
	}
	slugs := markdown.NewSlugger()
	for i, it := range p.items {
		if it.block == nil || it.block.Kind != KindHeading {
			continue
		}
		if headingAnchor(it.block.Fill(), slugs) == anchor {
			p.settleAt(i, 0)
			p.jump = p.firstLine + it.line - 1
			return true
		}
	}
	return false
}

// headingAnchor is a heading block's id, as markdown.Headings gives it.
func headingAnchor(b *Block, slugs *markdown.Slugger) string {
	if b.Label != "" {
		return b.Label // its {#id}
	}
	var sb strings.Builder
	for _, r := range b.Inlines {
		if r.Kind == InlineText {
			sb.WriteString(r.Text)
		}
	}
	txt := strings.TrimSpace(sb.String())
	if i := strings.LastIndex(txt, "{#"); i >= 0 && strings.HasSuffix(txt, "}") {
		return strings.TrimSpace(txt[i+2 : len(txt)-1])
	}
	return slugs.Slug(txt)
}

// estimateHeight guesses a block's height at width before it is built.
func estimateHeight(bl *Block, w, ts float32) float32 {
	line := ts * 1.45
	textH := func(units, scale float32) float32 {
		lines := float32(int(units*ts*scale/max(w, 1)) + 1)
		return lines * line * scale
	}
	if !bl.Converted() { // not converted yet: guess from the source
		lines := float32(max(bl.Lines(), 1))
		switch bl.Kind {
		case KindParagraph:
			return textH(bl.Units(), 1)
		case KindHeading:
			return textH(bl.Units(), headingScale[min(max(bl.Level, 1), 6)]) + 8
		case KindCode, KindHTML:
			return (lines-1)*ts*1.3 + 16
		case KindTable:
			return (lines - 2) * (line + 12)
		case KindRule:
			return 10
		}
		return max((lines-1)*line, textH(bl.Units(), 1))
	}
	switch bl.Kind {
	case KindParagraph:
		h := textH(bl.Units(), 1)
		for _, r := range bl.Inlines {
			if r.Kind == InlineImage {
				h += 200
			}
		}
		return h
	case KindHeading:
		return textH(bl.Units(), headingScale[min(max(bl.Level, 1), 6)]) + 8
	case KindQuote:
		h := float32(0)
		for _, c := range bl.Children {
			h += estimateHeight(c, w-24, ts) + 8
		}
		return h
	case KindList, KindFootnotes:
		h := float32(0)
		for _, it := range bl.Items {
			for _, c := range it.Blocks {
				h += estimateHeight(c, w-30, ts) + 4
			}
		}
		return h
	case KindTable:
		return float32(bl.RowCount()+1) * (line + 12)
	case KindCode, KindHTML:
		return float32(strings.Count(bl.Text, "\n")+1)*ts*1.3 + 16
	case KindRule:
		return 10
	}
	return line
}

// vcontent is the scrolled content: as tall as all blocks, holding only
// the visible ones.
type vcontent struct {
	widget.BaseWidget
	p    *Preview
	objs []fyne.CanvasObject
}

func (v *vcontent) MinSize() fyne.Size { return fyne.NewSize(0, v.p.extent()) }

func (v *vcontent) CreateRenderer() fyne.WidgetRenderer { return &vcontentRenderer{v: v} }

type vcontentRenderer struct{ v *vcontent }

func (r *vcontentRenderer) Layout(fyne.Size)             {}
func (r *vcontentRenderer) MinSize() fyne.Size           { return r.v.MinSize() }
func (r *vcontentRenderer) Refresh()                     { canvas.Refresh(r.v) }
func (r *vcontentRenderer) Objects() []fyne.CanvasObject { return r.v.objs }
func (r *vcontentRenderer) Destroy()                     {}

type previewRenderer struct{ p *Preview }

func (r *previewRenderer) Layout(s fyne.Size) {
	r.p.scroll.Resize(s)
	r.p.refreshVisible()
}
func (r *previewRenderer) MinSize() fyne.Size           { return fyne.NewSize(120, 120) }
func (r *previewRenderer) Refresh()                     { r.p.scroll.Refresh() }
func (r *previewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.scroll} }
func (r *previewRenderer) Destroy()                     {}
