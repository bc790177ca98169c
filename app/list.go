package app

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/editor/document"
)

// Preference keys of the list.
const (
	prefListSort  = "list.sort"  // int: sortKey
	prefListGroup = "list.group" // bool: group by folder
)

// articleList is the left pane: a filter box, the filter chips and order,
// and the folder's articles from the Index (title, then date · category ·
// tags or the file's error), optionally grouped by folder. It highlights
// the open article; the keys move a cursor row and Enter opens it.
type articleList struct {
	index   *library.Index
	prefs   fyne.Preferences
	onOpen  func(abs string)
	current func() string // the open article's path
	// otherKey gets the keys the list and the filter box do not use.
	otherKey func(*fyne.KeyEvent)
	// unsaved, when set, tells whether an article (by absolute path) has
	// unsaved text, restored from the crash journal or open and edited:
	// its row's title starts with ●.
	unsaved func(abs string) bool

	cat     *catalog
	catVer  uint64
	cats    catalogCache // the catalogs prepared off the UI goroutine
	q       listQuery
	lastQ   *listQuery // the query of lastIdx, for refining
	lastIdx []int
	rows    []listRow

	list     *keyList
	empty    *widget.Label // shown when the filter hides every article
	filter   *filterEntry
	count    *widget.RichText  // how many rows are shown (of how many): listcount.go
	chips    [3]*widget.Button // draft, featured, has errors
	sortSel  *widget.Select
	groupBtn *widget.Button
	box      *fyne.Container
	// relabels counts the row labels set anew (tests).
	relabels int
	// selecting is set while the selection is moved by Folio (following
	// the open article, or the keyboard cursor), so OnSelected does not
	// open the row.
	selecting bool
}

// sortNames are the order menu's entries, by sortKey.
func sortNames() []string {
	return []string{lang.L("By date"), lang.L("By title"), lang.L("By modified time"), lang.L("By path")}
}

func newArticleList(ix *library.Index, prefs fyne.Preferences, onOpen func(abs string)) *articleList {
	l := &articleList{index: ix, prefs: prefs, onOpen: onOpen, current: func() string { return "" }}
	l.q.sort = sortKey(prefs.IntWithFallback(prefListSort, int(byDate)))
	l.q.group = prefs.Bool(prefListGroup)

	l.list = newKeyList(l.length, l.create, l.update, l.key)
	l.list.OnSelected = func(id widget.ListItemID) {
		if l.selecting || id < 0 || id >= len(l.rows) {
			return
		}
		if r := l.rows[id]; r.header {
			l.selectCurrent()
			return
		}
		l.onOpen(l.index.Abs(l.rows[id].s.Path))
	}

	l.filter = newFilterEntry(l.key)
	l.filter.SetPlaceHolder(lang.L("Filter articles (Ctrl+P)"))
	l.filter.OnChanged = func(text string) {
		l.q.text = text
		l.apply()
		l.list.ScrollToTop() // the first match at the top (QA F3)
	}
	l.empty = widget.NewLabel(lang.L("No matching articles"))
	l.empty.Alignment = fyne.TextAlignCenter
	l.empty.Hide()
	l.count = newCount()

	for i, name := range []string{lang.L("Draft"), lang.L("Featured"), lang.L("Has errors")} {
		l.chips[i] = widget.NewButton(name, func() { l.toggleChip(i) })
	}
	l.sortSel = widget.NewSelect(sortNames(), nil)
	l.sortSel.SetSelectedIndex(int(l.q.sort))
	l.sortSel.OnChanged = func(string) { l.setSort(sortKey(l.sortSel.SelectedIndex())) }
	l.groupBtn = widget.NewButtonWithIcon("", fynetheme.FolderIcon(), func() { l.setGroup(!l.q.group) })
	l.paintChips()

	top := container.NewVBox(
		l.filter,
		container.NewBorder(nil, nil, nil, container.NewHBox(l.count, l.groupBtn), l.sortSel),
		container.NewGridWithColumns(3, l.chips[0], l.chips[1], l.chips[2]),
	)
	l.box = container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewVBox(l.empty)))
	return l
}

// setIndex shows another folder's Index.
func (l *articleList) setIndex(ix *library.Index) {
	l.index = ix
	l.cat, l.catVer = nil, 0
	l.show()
}

// preparedCatalog is a catalog of an Index built off the UI goroutine,
// with the Index version it reflects.
type preparedCatalog struct {
	ix  *library.Index
	cat *catalog
	ver uint64
}

// prepareCatalog builds the catalog of ix's rows (on any goroutine): the
// lower-casing and sorting of a large folder stay off the UI goroutine.
func prepareCatalog(ix *library.Index) preparedCatalog {
	ver := ix.Version() // before reading: a later change makes it stale, never wrongly current
	return preparedCatalog{ix: ix, cat: newCatalog(ix.Summaries()), ver: ver}
}

// catalogCache remembers the newest catalog prepared of an Index, so that
// the next one, after a change, is an update of it (see catalog.update).
type catalogCache struct {
	mu   sync.Mutex
	ix   *library.Index
	last *catalog
}

// prepare is prepareCatalog updating the last catalog prepared of ix (on
// any goroutine).
func (cc *catalogCache) prepare(ix *library.Index) preparedCatalog {
	ver := ix.Version()
	items := ix.Summaries()
	cc.mu.Lock()
	base := cc.last
	if cc.ix != ix {
		base = nil
	}
	cc.mu.Unlock()
	var c *catalog
	if base != nil {
		c = base.update(items)
	} else {
		c = newCatalog(items)
	}
	cc.mu.Lock()
	if cc.ix != ix || cc.last == base {
		cc.ix, cc.last = ix, c
	}
	cc.mu.Unlock()
	return preparedCatalog{ix: ix, cat: c, ver: ver}
}

// seed makes c, a catalog of ix's rows, the one the next prepare updates.
func (cc *catalogCache) seed(ix *library.Index, c *catalog) {
	cc.mu.Lock()
	cc.ix, cc.last = ix, c
	cc.mu.Unlock()
}

// prepare builds the catalog of ix's rows off the UI goroutine, updating
// the last one it built.
func (l *articleList) prepare(ix *library.Index) preparedCatalog { return l.cats.prepare(ix) }

// offer takes a prepared catalog if it is of the Index shown and newer
// than the one in use.
func (l *articleList) offer(p preparedCatalog) {
	if p.ix == l.index && (l.cat == nil || p.ver > l.catVer) {
		l.cat, l.catVer = p.cat, p.ver
		l.cat.order(l.q.sort, l.q.group)
		l.lastQ, l.lastIdx = nil, nil
	}
}

// show renders the index's rows now (after a change of the folder); the
// catalog is rebuilt here only when no newer one was offered.
func (l *articleList) show() {
	if l.cat == nil || l.catVer != l.index.Version() {
		l.catVer = l.index.Version()
		if l.cat != nil && len(l.cat.items) > 0 {
			l.cat = l.cat.update(l.index.Summaries())
		} else {
			l.cat = newCatalog(l.index.Summaries())
		}
		l.lastQ, l.lastIdx = nil, nil
	}
	l.apply()
}

// apply filters the catalog with the current query and redraws.
func (l *articleList) apply() {
	if l.cat == nil {
		l.show()
		return
	}
	q := l.q
	if q.broken {
		q.schema = l.index.Schema() // "Has errors" as `folio check` says
	}
	idx := l.cat.filter(q, l.lastQ, l.lastIdx)
	l.lastQ, l.lastIdx = &q, idx
	l.rows = l.cat.rows(q, idx)
	l.empty.Hidden = len(idx) > 0 || len(l.cat.items) == 0
	l.empty.Refresh()
	if len(idx) == len(l.cat.items) {
		setCount(l.count, fmt.Sprint(len(idx)))
	} else {
		setCount(l.count, fmt.Sprintf("%d / %d", len(idx), len(l.cat.items)))
	}
	l.list.Refresh()
	l.selectCurrent()
}

// reveal shows the index's rows and clears the filter (keeping the chips)
// when it would hide the article abs (one Folio just created).
func (l *articleList) reveal(abs string) {
	l.show()
	rel, ok := l.index.Rel(abs)
	if !ok {
		return
	}
	for _, r := range l.rows {
		if !r.header && r.s.Path == rel {
			return
		}
	}
	l.q.draft, l.q.featured, l.q.broken = false, false, false
	l.paintChips()
	if l.filter.Text == "" {
		l.apply()
	} else {
		l.filter.SetText("") // applies
	}
}

// articles are the summaries of the article rows shown, in order.
func (l *articleList) articles() []library.Summary {
	var out []library.Summary
	for _, r := range l.rows {
		if !r.header {
			out = append(out, *r.s)
		}
	}
	return out
}

func (l *articleList) toggleChip(i int) {
	switch i {
	case 0:
		l.q.draft = !l.q.draft
	case 1:
		l.q.featured = !l.q.featured
	case 2:
		l.q.broken = !l.q.broken
	}
	l.paintChips()
	l.apply()
	l.list.ScrollToTop()
}

// paintChips shows which chips and toggles are on.
func (l *articleList) paintChips() {
	for i, on := range []bool{l.q.draft, l.q.featured, l.q.broken} {
		imp := widget.MediumImportance
		if on {
			imp = widget.HighImportance
		}
		l.chips[i].Importance = imp
		l.chips[i].Refresh()
	}
	l.groupBtn.Importance = widget.MediumImportance
	if l.q.group {
		l.groupBtn.Importance = widget.HighImportance
	}
	l.groupBtn.Refresh()
}

// setSort changes the order and remembers it.
func (l *articleList) setSort(k sortKey) {
	if k < byDate || k > byPath {
		k = byDate
	}
	l.q.sort = k
	l.prefs.SetInt(prefListSort, int(k))
	if l.sortSel.SelectedIndex() != int(k) {
		l.sortSel.SetSelectedIndex(int(k))
	}
	l.apply()
}

// setGroup turns grouping by folder on or off and remembers it.
func (l *articleList) setGroup(on bool) {
	l.q.group = on
	l.prefs.SetBool(prefListGroup, on)
	l.paintChips()
	l.apply()
}

// reset clears the filter text and chips (for another folder).
func (l *articleList) reset() {
	l.q.text, l.q.draft, l.q.featured, l.q.broken = "", false, false, false
	l.filter.Text = ""
	l.filter.Refresh()
	l.paintChips()
	l.lastQ, l.lastIdx = nil, nil
}

// focusList puts the keyboard on the list itself: its keys then move the
// cursor (Home/End included) and Enter opens.
func (l *articleList) focusList(c fyne.Canvas) {
	c.Focus(l.list)
	if l.list.cursor < 0 {
		l.moveTo(l.step(-1, 1))
	}
}

// focusFilter puts the keyboard in the filter box, its text selected.
func (l *articleList) focusFilter(c fyne.Canvas) {
	c.Focus(l.filter)
	l.filter.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (l *articleList) length() int { return len(l.rows) }

func (l *articleList) create() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	return container.New(rowLayout{}, title, newSecondLine())
}

func (l *articleList) update(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	sub := box.Objects[1].(*widget.RichText)
	r := l.rows[id]
	if r.header {
		folder := r.folder
		if folder == "" {
			folder = lang.L("(top folder)")
		}
		l.setLabel(title, "▾ "+folder, title.Importance)
		if r.count == 1 {
			l.setSecondLine(sub, lang.L("1 article"), secondaryName())
		} else {
			l.setSecondLine(sub, lang.L("{{.Count}} articles", map[string]any{"Count": r.count}), secondaryName())
		}
		return
	}
	name := rowTitle(r, l.q.group)
	if l.unsaved != nil && l.unsaved(l.index.Abs(r.s.Path)) {
		name = "● " + name
	}
	l.setLabel(title, name, title.Importance)
	colour := secondaryName()
	if id == l.list.cursor {
		// On the selection's colour the secondary grey is harder to read:
		// the selected row's second line is drawn in the foreground colour.
		colour = lineCursor
	}
	if r.s.Err != nil {
		colour = lineError
	}
	l.setSecondLine(sub, secondLineText(r, l.q.group), colour)
}

// setLabel shows text in importance on a row's label, and leaves a label
// that shows them already alone: the list binds every visible row again on
// each refresh (an outside write refreshes it), and a label set anew lays
// its text out again (shaping, truncation), a good part of the UI
// goroutine's work per write in a large folder.
func (l *articleList) setLabel(lb *widget.Label, text string, importance widget.Importance) {
	if lb.Text == text && lb.Importance == importance {
		return
	}
	l.relabels++
	lb.Importance = importance
	if lb.Text != text {
		lb.SetText(text)
		return
	}
	lb.Refresh()
}

// rowTitle is an article row's first line: ★ for featured, the title, and
// for a title other articles share, the folder (unless grouped by it).
func rowTitle(r listRow, grouped bool) string {
	name := displayTitle(r.s)
	if r.same && !grouped {
		if f := folderOf(r.s.Path); f != "" {
			name += " — " + f + "/"
		} else {
			name += " — " + path.Base(r.s.Path)
		}
	}
	if r.s.Featured {
		name = "★ " + name
	}
	return name
}

// summaryLine is the list's second line: date · category · tags, or the
// article's error.
func summaryLine(s library.Summary) string {
	if s.Err != nil {
		if s.Line > 0 {
			msg := s.Err.Error()
			if pe, ok := errors.AsType[*document.ParseError](s.Err); ok {
				msg = pe.Msg // its Error() says "line N: " again
			}
			return fmt.Sprintf("⚠ %s:%d: %s", s.Path, s.Line, msg)
		}
		return fmt.Sprintf("⚠ %s: %v", s.Path, s.Err)
	}
	var parts []string
	for _, p := range []string{s.Date, s.Category, strings.Join(s.Tags, " ")} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.Draft {
		parts = append(parts, lang.L("draft"))
	}
	return strings.Join(parts, " · ")
}

// selectCurrent highlights the open article's row, or nothing when it has
// none (deleted, filtered out, or nothing open).
func (l *articleList) selectCurrent() {
	if rel, ok := l.index.Rel(l.current()); ok {
		for i, r := range l.rows {
			if !r.header && r.s.Path == rel {
				l.moveTo(i)
				return
			}
		}
	}
	l.list.cursor = -1
	l.selecting = true
	l.list.UnselectAll()
	l.selecting = false
}

// moveTo puts the cursor (the selection) on row i without opening it.
func (l *articleList) moveTo(i int) {
	l.list.cursor = i // first: Select redraws the rows with it
	l.selecting = true
	l.list.Select(i)
	l.selecting = false
}

// neighbour is the article shown after abs in the list (or before it, at
// the end), to open when abs goes away; "" when there is none.
func (l *articleList) neighbour(abs string) string {
	rel, ok := l.index.Rel(abs)
	if !ok {
		return ""
	}
	for i, r := range l.rows {
		if r.header || r.s.Path != rel {
			continue
		}
		if j := l.step(i, 1); j >= 0 && j != i {
			return l.index.Abs(l.rows[j].s.Path)
		}
		if j := l.step(i, -1); j >= 0 && j != i {
			return l.index.Abs(l.rows[j].s.Path)
		}
	}
	return ""
}

// pageRows is how many rows PageUp/PageDown move.
func (l *articleList) pageRows() int {
	h := l.list.Size().Height
	row := l.create().MinSize().Height
	if h <= 0 || row <= 0 {
		return 10
	}
	return max(1, int(h/row)-1)
}

// key handles the list keys (from the list or the filter box): Up, Down,
// PageUp, PageDown, Home, End move the cursor over article rows, Enter
// opens the cursor's article. It reports whether it used the key.
func (l *articleList) key(ev *fyne.KeyEvent, fromFilter bool) bool {
	n := len(l.rows)
	cur := l.list.cursor
	target := -2
	switch ev.Name {
	case fyne.KeyDown:
		target = l.step(cur, 1)
	case fyne.KeyUp:
		target = l.step(cur, -1)
	case fyne.KeyPageDown:
		target = l.step(min(n-1, max(cur, 0)+l.pageRows()-1), 1)
	case fyne.KeyPageUp:
		target = l.step(max(0, cur-l.pageRows()+1), -1)
	case fyne.KeyHome, fyne.KeyEnd:
		if fromFilter {
			return false // the filter box's own Home/End
		}
		if ev.Name == fyne.KeyHome {
			target = l.step(-1, 1)
		} else {
			target = l.step(n, -1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if fromFilter && (cur < 0 || cur >= n) {
			cur = l.step(-1, 1) // nothing chosen yet: the first match
		}
		if cur >= 0 && cur < n && !l.rows[cur].header {
			l.onOpen(l.index.Abs(l.rows[cur].s.Path))
		}
		return true
	case fyne.KeyEscape:
		if fromFilter && l.filter.Text != "" {
			l.filter.SetText("")
			return true
		}
		return false
	case fyne.KeyF2:
		if l.otherKey != nil {
			l.otherKey(ev)
		}
		return true
	default:
		return false
	}
	if target >= 0 && target < n {
		l.moveTo(target)
		l.list.ScrollTo(target)
	}
	return true
}

// step returns the first article row from i+dir onwards in direction dir
// (skipping headings), or the last valid one reached.
func (l *articleList) step(i, dir int) int {
	n := len(l.rows)
	last := -1
	if i >= 0 && i < n && !l.rows[i].header {
		last = i
	}
	for j := i + dir; j >= 0 && j < n; j += dir {
		if !l.rows[j].header {
			return j
		}
	}
	return last
}

// keyList is a widget.List that hands its keys to the article list first.
type keyList struct {
	widget.List
	onKey  func(ev *fyne.KeyEvent, fromFilter bool) bool
	cursor int
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject),
	onKey func(*fyne.KeyEvent, bool) bool) *keyList {
	k := &keyList{onKey: onKey, cursor: -1}
	k.Length, k.CreateItem, k.UpdateItem = length, create, update
	k.ExtendBaseWidget(k)
	return k
}

// TypedKey implements fyne.Focusable.
func (k *keyList) TypedKey(ev *fyne.KeyEvent) {
	if !k.onKey(ev, false) {
		k.List.TypedKey(ev)
	}
}

// filterEntry is the filter box: a one-line entry whose Up, Down, PageUp,
// PageDown, Enter and Escape drive the list.
type filterEntry struct {
	widget.Entry
	onKey func(ev *fyne.KeyEvent, fromFilter bool) bool
}

func newFilterEntry(onKey func(*fyne.KeyEvent, bool) bool) *filterEntry {
	e := &filterEntry{onKey: onKey}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *filterEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.onKey(ev, true) {
		e.Entry.TypedKey(ev)
	}
}
