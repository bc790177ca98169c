package app

import (
	"cmp"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"folio/app/internal/parallel"
	"folio/app/library"
	"folio/editor/document"
)

// fold lower-cases s for matching, quickly: ASCII by hand, other runes
// through unicode.ToLower only where scripts have case (below U+2C00, and
// the fullwidth Latin letters); Chinese passes through untouched. A string
// with nothing to change is returned as is, without a copy.
func fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		if cjk3(s, i) {
			i += 3 // no case there: not decoded
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if hasCase(r) && unicode.ToLower(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		if cjk3(s, i) {
			b = append(b, s[i:i+3]...)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if hasCase(r) {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return string(b)
}

// cjk3 reports whether s holds at i a well-formed 3-byte sequence of
// U+3000–U+9FFF (CJK, kana: most of a Chinese text), which has no case
// (see hasCase) and so is passed over without decoding it.
func cjk3(s string, i int) bool {
	c := s[i]
	return 0xE3 <= c && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// hasCase reports whether r may be in a script with upper and lower case
// (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Glagolitic,
// Coptic, Deseret, Adlam… and the fullwidth Latin letters), so that the CJK
// blocks skip unicode.ToLower.
func hasCase(r rune) bool {
	return r < 0x2D30 || (0xA640 <= r && r < 0xA800) || (0xAB70 <= r && r < 0xABC0) ||
		(0xFF21 <= r && r <= 0xFF3A) || (0x10400 <= r && r < 0x1E960)
}

// sortKey is the article list's order.
type sortKey int

// The list orders.
const (
	byDate     sortKey = iota // newest date first; undated last
	byTitle                   // title (or file name), A to Z: pinyin, numbers by value (listcollate.go)
	byModified                // most recently modified file first
	byPath                    // relative path
)

// listQuery is what the list shows: the filter box's text (every word must
// appear in the title, path, tags, category or summary, case-insensitive),
// the filter chips, the order and whether rows are grouped by folder.
type listQuery struct {
	text                    string
	draft, featured, broken bool
	sort                    sortKey
	group                   bool
	// schema is the folder's schema, set while broken is: the chip shows
	// the articles `folio check` finds an error in (Summary.HasErrors).
	schema *document.Schema
}

// listRow is one row of the list: an article, or (grouped) a folder's
// heading.
type listRow struct {
	// folder is the heading's folder ("" for the top folder) when header.
	folder string
	header bool
	count  int // articles under a heading
	// s is the article of an article row.
	s *library.Summary
	// same is set when another shown article has the same title: the
	// row then names the article's folder too.
	same bool
}

// catalog is one snapshot of the Index prepared for filtering: each
// article's searchable text lower-cased once, and its orders computed once,
// so a keystroke costs one substring search per article and no sort.
type catalog struct {
	items []library.Summary
	// hay is per item: title, path, tags, category, summary, lower-cased;
	// "" when matching folds ASCII case on the fields themselves (hayOf).
	// Only hay[:hayN] is made (guarded by mu): the rest is made when a
	// filter text first needs it (see hays), not while a large folder's
	// rows stream in.
	hay   []string
	hayN  int
	same  []bool   // per item: another article has the same title
	title []string // per item: folded display title
	// tkey is per item: the title order's collation key (listcollate.go),
	// nil until the title order is first asked for (guarded by mu).
	tkey []string
	// titles maps a folded title to its first item, kept while a streamed
	// load extends the catalog (see extend), nil afterwards.
	titles map[string]int

	mu     sync.Mutex // guards orders, groups and hay's making: the UI and a list filler share them
	orders map[sortKey][]int
	groups map[sortKey][]int // by folder, then the key
}

// newCatalog prepares items (sorted by path) for filtering; mod gives a
// relative path's modification time.
func newCatalog(items []library.Summary) *catalog {
	c := (&catalog{}).extend(items)
	c.titles = nil
	return c
}

// extend returns the catalog of items, which are c's items followed by
// more (a streamed load appends rows in path order): only the new items
// are lower-cased, and the orders c computed are merged with the new
// items' instead of sorted afresh. c is not modified (the UI may be using
// it) and stays usable; only one catalog may be extended from c.
func (c *catalog) extend(items []library.Summary) *catalog {
	n := len(c.items)
	if n > len(items) || (n > 0 && items[n-1].Path != c.items[n-1].Path) || (n > 0 && c.titles == nil) {
		return (&catalog{}).extend(items) // not an extension: build afresh
	}
	m := len(items)
	c.mu.Lock()
	hay := c.hay[:c.hayN]
	c.mu.Unlock()
	x := &catalog{items: items, titles: c.titles,
		hay: grown(hay, m), hayN: len(hay), same: grown(c.same, m), title: grown(c.title, m),
		orders: map[sortKey][]int{}, groups: map[sortKey][]int{}}
	if x.titles == nil {
		x.titles = make(map[string]int, m)
	}
	x.title = x.title[:m]
	foldRows(n, m, func(i int, _ *strings.Builder) { x.title[i] = fold(displayTitle(&items[i])) })
	for i := n; i < m; i++ {
		ft := x.title[i]
		x.same = append(x.same, false)
		if j, ok := x.titles[ft]; ok {
			x.same[i], x.same[j] = true, true
		} else {
			x.titles[ft] = i
		}
	}
	if n == 0 {
		return x
	}
	c.mu.Lock()
	orders, groups, tkey := maps.Clone(c.orders), maps.Clone(c.groups), c.tkey
	c.mu.Unlock()
	if tkey != nil {
		x.tkey = append(grown(tkey, m), titleKeys(x.title[n:])...)
	}
	fresh := make([]int, m-n)
	for i := range fresh {
		fresh[i] = n + i
	}
	merge := func(k sortKey, o []int, group bool) []int {
		cmp := x.compare(k, group)
		var add []int
		switch {
		case extendSortsStably: // the benchmark's peer: as before
			add = slices.Clone(fresh)
			slices.SortStableFunc(add, cmp)
		case k == byDate && !group && len(fresh) > 1:
			add = dateOrder(x.items, n) // by buckets, as order does
		}
		if add == nil {
			// Every order ends with the path: a total order, so an
			// unstable sort gives the one result.
			add = slices.Clone(fresh)
			slices.SortFunc(add, cmp)
		}
		return mergeOrders(o, add, cmp)
	}
	for k, o := range orders {
		x.orders[k] = merge(k, o, false)
	}
	for k, o := range groups {
		x.groups[k] = merge(k, o, true)
	}
	return x
}

// foldRowsChunk is how many rows foldRows gives one goroutine at least:
// below it a goroutine costs more than it spares.
const foldRowsChunk = 4096

// foldRowsWorkers is how many goroutines foldRows may use (GOMAXPROCS;
// 1: the benchmark's peer).
var foldRowsWorkers = runtime.GOMAXPROCS

// extendSortsStably makes extend order the new rows with a stable sort,
// as it did before date buckets (BenchmarkCatalogExtendTail's peer).
var extendSortsStably = false

// foldRows calls do for each item from n to m (folding its text: see
// hayOf, fold), on several goroutines when there are many, each with its
// own scratch builder: the catalog of a large folder's last rows is built
// while the list waits for it, with the folder's readers done and their
// cores free.
func foldRows(n, m int, do func(i int, b *strings.Builder)) {
	parallel.Ranges(m-n, foldRowsChunk, foldRowsWorkers(0), func(lo, hi int) {
		var b strings.Builder
		for i := n + lo; i < n+hi; i++ {
			do(i, &b)
		}
	})
}

// hays returns every item's hay, making what is not made yet.
func (c *catalog) hays() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m := len(c.items); c.hayN < m {
		if cap(c.hay) < m {
			c.hay = grown(c.hay[:c.hayN], m)
		}
		c.hay = c.hay[:m]
		foldRows(c.hayN, m, func(i int, b *strings.Builder) { c.hay[i] = hayOf(&c.items[i], b) })
		c.hayN = m
	}
	return c.hay
}

// hayOf is the text the filter searches in an article: its title, path,
// tags, category and summary, lower-cased (b is scratch space). It is ""
// when ASCII case folding at match time finds the same (see plainFold):
// most articles keep no lower-cased copy of their text.
func hayOf(s *library.Summary, b *strings.Builder) string {
	if plainFold(s.Title) && plainFold(s.Path) && plainFold(s.Category) && plainFold(s.Description) &&
		!slices.ContainsFunc(s.Tags, func(t string) bool { return !plainFold(t) }) {
		return ""
	}
	b.Reset()
	b.WriteString(s.Title)
	b.WriteByte('\n')
	b.WriteString(s.Path)
	for _, t := range s.Tags {
		b.WriteByte('\n')
		b.WriteString(t)
	}
	b.WriteByte('\n')
	b.WriteString(s.Category)
	if s.Description != "" {
		b.WriteByte('\n')
		b.WriteString(s.Description)
	}
	return fold(b.String())
}

// update returns the catalog of items, the Index's rows after a change
// (sorted by path, as c's): the rows the catalog sees unchanged keep their
// lower-cased text and their places in the orders c computed, and only the
// changed rows are prepared and sorted in, so an outside write to one
// article of a large folder costs one pass over the rows, not a sort. c is
// not modified.
func (c *catalog) update(items []library.Summary) *catalog {
	if len(c.items) == 0 {
		return newCatalog(items)
	}
	n := len(items)
	x := &catalog{items: items, same: make([]bool, n), title: make([]string, n),
		orders: map[sortKey][]int{}, groups: map[sortKey][]int{}}
	// The hays are carried over and made for the changed rows only when c
	// has them all; else x makes them all when first asked (see hays).
	c.mu.Lock()
	withHay := c.hayN == len(c.items)
	c.mu.Unlock()
	if withHay {
		x.hay, x.hayN = make([]string, n), n
	}
	moved := make([]int32, len(c.items)) // old item → new item, or -1
	var fresh []int
	var b strings.Builder
	i := 0
	for j := range items {
		s := &items[j]
		for i < len(c.items) && c.items[i].Path < s.Path {
			moved[i] = -1
			i++
		}
		if i < len(c.items) && c.items[i].Path == s.Path {
			if sameForCatalog(&c.items[i], s) {
				if withHay {
					x.hay[j] = c.hay[i]
				}
				x.title[j] = c.title[i]
				moved[i] = int32(j)
				i++
				continue
			}
			moved[i] = -1
			i++
		}
		if withHay {
			x.hay[j] = hayOf(s, &b)
		}
		x.title[j] = fold(displayTitle(s))
		fresh = append(fresh, j)
	}
	for ; i < len(c.items); i++ {
		moved[i] = -1
	}
	first := make(map[string]int, n)
	for j, t := range x.title {
		if k, ok := first[t]; ok {
			x.same[j], x.same[k] = true, true
		} else {
			first[t] = j
		}
	}
	c.mu.Lock()
	orders, groups, tkey := maps.Clone(c.orders), maps.Clone(c.groups), c.tkey
	c.mu.Unlock()
	if tkey != nil {
		x.tkey = make([]string, n)
		for i, j := range moved {
			if j >= 0 {
				x.tkey[j] = tkey[i]
			}
		}
		k := newTitleKeyer()
		for _, j := range fresh {
			x.tkey[j] = k.key(x.title[j])
		}
	}
	remap := func(o []int, cmp func(a, b int) int) []int {
		kept := make([]int, 0, n)
		for _, oi := range o {
			if j := moved[oi]; j >= 0 {
				kept = append(kept, int(j))
			}
		}
		add := slices.Clone(fresh)
		slices.SortStableFunc(add, cmp)
		return mergeOrders(kept, add, cmp)
	}
	for k, o := range orders {
		x.orders[k] = remap(o, x.compare(k, false))
	}
	for k, o := range groups {
		x.groups[k] = remap(o, x.compare(k, true))
	}
	return x
}

// sameForCatalog reports whether two rows of one path are prepared and
// ordered alike (what the list shows is read from the row itself).
func sameForCatalog(a, b *library.Summary) bool {
	return a.Title == b.Title && a.Category == b.Category && a.Description == b.Description && a.Date == b.Date &&
		a.Modified.Equal(b.Modified) && slices.Equal(a.Tags, b.Tags)
}

// grown returns a copy of s with room for n elements.
func grown[T any](s []T, n int) []T {
	return append(make([]T, 0, n), s...)
}

// mergeOrders merges two orders of disjoint items, each sorted by cmp;
// on ties a's items come first (they have the smaller paths).
func mergeOrders(a, b []int, cmp func(x, y int) int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// displayTitle is the title the list shows: the title field, or the file
// name; a page bundle's index.md (or _index.md) is named by its folder.
func displayTitle(s *library.Summary) string {
	if s.Title != "" {
		return s.Title
	}
	base := path.Base(s.Path)
	if stem := strings.TrimSuffix(strings.ToLower(base), path.Ext(base)); (stem == "index" || stem == "_index") && path.Dir(s.Path) != "." {
		return path.Base(path.Dir(s.Path)) + "/" + base
	}
	return base
}

// folderOf is the slash folder of a relative path ("" at the top).
func folderOf(rel string) string {
	if d := path.Dir(rel); d != "." {
		return d
	}
	return ""
}

// order returns the item indices in the order k (grouped: by folder
// first), computed once per catalog.
func (c *catalog) order(k sortKey, group bool) []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.orders == nil {
		c.orders, c.groups = map[sortKey][]int{}, map[sortKey][]int{}
	}
	cache := c.orders
	if group {
		cache = c.groups
	}
	if o, ok := cache[k]; ok {
		return o
	}
	if k == byTitle && c.tkey == nil {
		c.tkey = titleKeys(c.title)
	}
	o := c.byDate(k, group)
	if o == nil {
		o = make([]int, len(c.items))
		for i := range o {
			o[i] = i
		}
		slices.SortFunc(o, c.compare(k, group)) // a total order: every key ends with the path
	}
	cache[k] = o
	return o
}

// byDate is the ungrouped order by date (the list's default) built by
// buckets: the items' distinct dates are sorted, newest first and the
// undated last, and each date's items follow in path order as they come,
// the order compareKey(byDate) gives. A folder has far fewer dates than
// articles (a few articles a day), so this sorts a few thousand strings,
// not 150,000 rows. It is nil for another order, or when the dates are
// mostly distinct (then the plain sort is as quick).
func (c *catalog) byDate(k sortKey, group bool) []int {
	if k != byDate || group || len(c.items) < 2 {
		return nil
	}
	return dateOrder(c.items, 0)
}

// dateOrder is byDate's order of items[from:] (their numbers in items),
// nil when their dates are mostly distinct.
func dateOrder(items []library.Summary, from int) []int {
	count := len(items) - from
	limit := count/4 + 16
	bucket := make(map[string]int32, min(limit, 4096)) // date → its number in dates
	var dates []string
	num := make([]int32, count) // each item's date's number
	for i := range num {
		d := items[from+i].Date
		n, ok := bucket[d]
		if !ok {
			if len(dates) == limit {
				return nil
			}
			n = int32(len(dates))
			bucket[d] = n
			dates = append(dates, d)
		}
		num[i] = n
	}
	rank := make([]int32, len(dates)) // a date's number → its place, newest first
	byRank := make([]int32, len(dates))
	for i := range byRank {
		byRank[i] = int32(i)
	}
	slices.SortFunc(byRank, func(a, b int32) int {
		da, db := dates[a], dates[b]
		switch {
		case da == "":
			return 1
		case db == "":
			return -1
		}
		return -strings.Compare(da, db)
	})
	for place, n := range byRank {
		rank[n] = int32(place)
	}
	start := make([]int, len(dates)+1) // where each place's items begin in o
	for _, n := range num {
		start[rank[n]+1]++
	}
	for p := 1; p < len(start); p++ {
		start[p] += start[p-1]
	}
	o := make([]int, count)
	for i, n := range num {
		p := rank[n]
		o[start[p]] = from + i
		start[p]++
	}
	return o
}

// compare orders two items by k (grouped: by folder first), then by path.
func (c *catalog) compare(k sortKey, group bool) func(a, b int) int {
	cmp := c.compareKey(k)
	if !group {
		return cmp
	}
	return func(a, b int) int {
		if r := strings.Compare(folderOf(c.items[a].Path), folderOf(c.items[b].Path)); r != 0 {
			return r
		}
		return cmp(a, b)
	}
}

// compareKey orders two items by k, then by path.
func (c *catalog) compareKey(k sortKey) func(a, b int) int {
	// The items are an Index's rows, sorted by path: comparing their
	// numbers compares their paths, without reading them.
	byPathCmp := func(a, b int) int { return cmp.Compare(a, b) }
	switch k {
	case byDate:
		return func(a, b int) int {
			da, db := c.items[a].Date, c.items[b].Date
			switch {
			case da == db:
				return byPathCmp(a, b)
			case da == "":
				return 1
			case db == "":
				return -1
			}
			return -strings.Compare(da, db)
		}
	case byTitle:
		return func(a, b int) int {
			if r := strings.Compare(c.tkey[a], c.tkey[b]); r != 0 {
				return r
			}
			return byPathCmp(a, b)
		}
	case byModified:
		return func(a, b int) int {
			if r := c.items[b].Modified.Compare(c.items[a].Modified); r != 0 {
				return r
			}
			return byPathCmp(a, b)
		}
	}
	return byPathCmp
}

// terms splits a filter text into lower-cased words.
func terms(text string) []string { return strings.Fields(fold(text)) }

// matches reports whether item i passes q's chips and every term; hay
// is c.hays() when there are terms.
func (c *catalog) matches(i int, q *listQuery, ts, hay []string) bool {
	s := &c.items[i]
	if (q.draft && !s.Draft) || (q.featured && !s.Featured) || (q.broken && !s.HasErrors(q.schema)) {
		return false
	}
	if len(ts) == 0 {
		return true
	}
	h := hay[i]
	for _, t := range ts {
		if h != "" {
			if !strings.Contains(h, t) {
				return false
			}
		} else if !fieldsContain(s, t) {
			return false
		}
	}
	return true
}

// fieldsContain reports whether the folded title, path, tags, category or
// summary of s, whose text plainFold accepts, contains the folded term t.
func fieldsContain(s *library.Summary, t string) bool {
	in := strings.Contains
	if hasASCIILetter(t) {
		in = containsFold
	}
	if in(s.Title, t) || in(s.Path, t) || in(s.Description, t) || in(s.Category, t) {
		return true
	}
	for _, tag := range s.Tags {
		if in(tag, t) {
			return true
		}
	}
	return false
}

// plainFold reports whether fold(s) is s with its ASCII letters
// lower-cased and nothing else changed: s is valid UTF-8 and has no rune
// beyond ASCII that fold changes. Such text is matched by containsFold
// without a lower-cased copy.
func plainFold(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if cjk3(s, i) { // no case there: not decoded
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (hasCase(r) && unicode.ToLower(r) != r) {
			return false
		}
		i += n
	}
	return true
}

// containsFold reports whether fold(h) contains t, for h that plainFold
// accepts and t already folded (a filter term): h's ASCII letters are
// lower-cased as they are compared. Candidate starts are found with
// strings.IndexByte for both cases of t's first byte.
func containsFold(h, t string) bool {
	n := len(t)
	if n == 0 {
		return true
	}
	last := len(h) - n // the last start that fits
	if last < 0 {
		return false
	}
	lower, upper := t[0], t[0]
	if 'a' <= lower && lower <= 'z' {
		upper = lower - ('a' - 'A')
	}
	next := func(from int, c byte) int { // the next start ≥ from with byte c, or past last
		if k := strings.IndexByte(h[from:last+1], c); k >= 0 {
			return from + k
		}
		return last + 1
	}
	lo, up := next(0, lower), last+1
	if upper != lower {
		up = next(0, upper)
	}
	for {
		j := min(lo, up)
		if j > last {
			return false
		}
		if equalFoldASCII(h[j+1:j+n], t[1:]) {
			return true
		}
		if j == lo {
			lo = next(j+1, lower)
		} else {
			up = next(j+1, upper)
		}
	}
}

// hasASCIILetter reports whether s has a letter a to z (either case).
func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | ('a' - 'A'); 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// equalFoldASCII reports whether a with its ASCII letters lower-cased is
// b (of the same length).
func equalFoldASCII(a, b string) bool {
	for k := 0; k < len(b); k++ {
		c := a[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[k] {
			return false
		}
	}
	return true
}

// filter returns the indices of the items q shows, in q's order. When
// prev is the result of a query narrower than q allows (prevQ's text is a
// prefix of q's, same chips and order), only prev is searched: typing one
// more character looks at the articles that still matched.
func (c *catalog) filter(q listQuery, prevQ *listQuery, prev []int) []int {
	ts := terms(q.text)
	src := c.order(q.sort, q.group)
	if prevQ != nil && prev != nil && prevQ.sort == q.sort && prevQ.group == q.group &&
		prevQ.draft == q.draft && prevQ.featured == q.featured && prevQ.broken == q.broken && prevQ.schema == q.schema &&
		strings.HasPrefix(fold(q.text), fold(prevQ.text)) {
		src = prev
	}
	var hay []string
	if len(ts) > 0 {
		hay = c.hays()
	}
	out := make([]int, 0, len(src))
	for _, i := range src {
		if c.matches(i, &q, ts, hay) {
			out = append(out, i)
		}
	}
	return out
}

// rows turns filtered indices into list rows: folder headings when
// grouped, and same-title articles marked so the row names their folder.
func (c *catalog) rows(q listQuery, idx []int) []listRow {
	out := make([]listRow, 0, len(idx)+8)
	head := -1
	for _, i := range idx {
		s := &c.items[i]
		same := c.same[i]
		if q.group {
			f := folderOf(s.Path)
			if head < 0 || out[head].folder != f {
				out = append(out, listRow{header: true, folder: f})
				head = len(out) - 1
			}
			out[head].count++
		}
		out = append(out, listRow{s: s, same: same})
	}
	return out
}
