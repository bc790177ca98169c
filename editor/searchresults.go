package editor

import (
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SearchHit is one match of a folder-wide search. It has the fields of
// library.Hit in the same order, so the app converts one with
// editor.SearchHit(hit).
type SearchHit struct {
	// Path is the file's path relative to the searched folder (slashes);
	// Abs is its path on disk.
	Path, Abs string
	// Line is the 1-based line of the match.
	Line int
	// Col and Len are the match's byte offset in its line and its length.
	Col, Len int
	// Context is the match's line, shortened around it.
	Context string
	// ContextCol is the match's byte offset in Context.
	ContextCol int
}

// SearchResults shows the hits of a folder-wide search as they stream in,
// grouped by file in the order the files arrive: a header row per file
// (tap to fold or unfold it) and a row per hit with its line number and
// context, the match in bold. Tapping a hit calls OnOpen. Use it from the
// Fyne UI goroutine only; hand it hits with fyne.Do.
type SearchResults struct {
	widget.BaseWidget

	// OnOpen is called with the hit's Path and 1-based Line when the user
	// taps a hit.
	OnOpen func(path string, line int)
	// OnOpenHit, when set, is called instead of OnOpen with the whole hit
	// (to select the match itself).
	OnOpenHit func(hit SearchHit)

	groups  []*resultGroup
	byPath  map[string]*resultGroup
	rows    []resultRow // flattened, rebuilt when dirty
	dirty   bool
	hits    int
	gen     int // search generation: Clear starts a new one
	list    *widget.List
	summary *widget.Label
}

type resultGroup struct {
	path      string
	hits      []SearchHit
	collapsed bool
}

// resultRow is a row of the list: a group's header (hit < 0) or a hit.
type resultRow struct {
	group *resultGroup
	hit   int
}

// NewSearchResults returns an empty results view.
func NewSearchResults() *SearchResults {
	r := &SearchResults{byPath: map[string]*resultGroup{}}
	r.summary = widget.NewLabel("")
	r.summary.Importance = widget.LowImportance
	r.summary.Truncation = fyne.TextTruncateEllipsis
	r.list = widget.NewList(
		func() int { r.flatten(); return len(r.rows) },
		func() fyne.CanvasObject {
			left := widget.NewLabel("")
			left.Importance = widget.LowImportance
			text := widget.NewRichText()
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, left, nil, text)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			r.flatten()
			if id >= len(r.rows) {
				return
			}
			c := obj.(*fyne.Container)
			r.fillRow(r.rows[id], c.Objects[1].(*widget.Label), c.Objects[0].(*widget.RichText))
		},
	)
	r.list.OnSelected = func(id widget.ListItemID) {
		r.flatten()
		if id >= len(r.rows) {
			return
		}
		row := r.rows[id]
		if row.hit < 0 {
			row.group.collapsed = !row.group.collapsed
			r.dirty = true
			r.list.UnselectAll()
			r.list.Refresh()
			return
		}
		h := row.group.hits[row.hit]
		switch {
		case r.OnOpenHit != nil:
			r.OnOpenHit(h)
		case r.OnOpen != nil:
			r.OnOpen(h.Path, h.Line)
		}
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *SearchResults) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(r.summary, nil, nil, nil, r.list))
}

// Clear removes all results (before a new search).
func (r *SearchResults) Clear() {
	r.groups, r.byPath, r.rows, r.hits = nil, map[string]*resultGroup{}, nil, 0
	r.gen++
	r.dirty = false
	r.summary.SetText("")
	r.list.UnselectAll()
	r.list.Refresh()
	r.list.ScrollToTop()
}

// Add shows more hits. Hits of a file already shown join its group.
func (r *SearchResults) Add(hits ...SearchHit) {
	if len(hits) == 0 {
		return
	}
	for _, h := range hits {
		g := r.byPath[h.Path]
		if g == nil {
			g = &resultGroup{path: h.Path}
			r.byPath[h.Path] = g
			r.groups = append(r.groups, g)
		}
		g.hits = append(g.hits, h)
	}
	r.hits += len(hits)
	r.dirty = true
	r.showSummary(false)
	r.list.Refresh()
}

// Done says the search finished; limited tells that it stopped at its
// limit of hits.
func (r *SearchResults) Done(limited bool) { r.showSummary(limited) }

// Count returns the number of hits and of files shown.
func (r *SearchResults) Count() (hits, files int) { return r.hits, len(r.groups) }

func (r *SearchResults) showSummary(limited bool) {
	data := map[string]any{"Hits": r.hits, "Files": len(r.groups)}
	switch {
	case r.hits == 0:
		r.summary.SetText(lang.L("No results"))
	case limited && len(r.groups) == 1:
		r.summary.SetText(lang.L("Search stopped at {{.Hits}} matches in 1 file", data))
	case limited:
		r.summary.SetText(lang.L("Search stopped at {{.Hits}} matches in {{.Files}} files", data))
	case r.hits == 1:
		r.summary.SetText(lang.L("1 match in 1 file"))
	case len(r.groups) == 1:
		r.summary.SetText(lang.L("{{.Hits}} matches in 1 file", data))
	default:
		r.summary.SetText(lang.L("{{.Hits}} matches in {{.Files}} files", data))
	}
}

// flatten rebuilds the rows when groups changed.
func (r *SearchResults) flatten() {
	if !r.dirty {
		return
	}
	r.rows = r.rows[:0]
	for _, g := range r.groups {
		r.rows = append(r.rows, resultRow{group: g, hit: -1})
		if g.collapsed {
			continue
		}
		for i := range g.hits {
			r.rows = append(r.rows, resultRow{group: g, hit: i})
		}
	}
	r.dirty = false
}

// fillRow shows a header (fold mark, path, hit count) or a hit (line
// number, context with the match in bold).
func (r *SearchResults) fillRow(row resultRow, left *widget.Label, text *widget.RichText) {
	if row.hit < 0 {
		mark := "▾"
		if row.group.collapsed {
			mark = "▸"
		}
		left.SetText(mark)
		text.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: row.group.path, Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: "  " + strconv.Itoa(len(row.group.hits)), Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameDisabled}},
		}
		text.Refresh()
		return
	}
	h := row.group.hits[row.hit]
	left.SetText("   " + strconv.Itoa(h.Line))
	before, match, after := hitParts(h)
	inline := widget.RichTextStyleInline
	strong := widget.RichTextStyleStrong
	strong.Inline = true
	text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: before, Style: inline},
		&widget.TextSegment{Text: match, Style: strong},
		&widget.TextSegment{Text: after, Style: inline},
	}
	text.Refresh()
}

// HitFeed hands hits found on a search goroutine to a SearchResults in
// batches: Add may be called from any goroutine; it schedules at most one
// hand-over at a time through do (fyne.Do in the app), and hits arriving
// meanwhile join that batch, so a fast search costs a few list refreshes,
// not one per hit. Hits of a search started before the last Clear are
// dropped.
type HitFeed struct {
	r         *SearchResults
	do        func(func())
	gen       int
	mu        sync.Mutex
	pending   []SearchHit
	scheduled bool
}

// Feed returns a HitFeed for the search that starts now: call it right
// after Clear, on the UI goroutine.
func (r *SearchResults) Feed(do func(func())) *HitFeed {
	return &HitFeed{r: r, do: do, gen: r.gen}
}

// Add queues a hit for the results.
func (f *HitFeed) Add(h SearchHit) {
	f.mu.Lock()
	f.pending = append(f.pending, h)
	schedule := !f.scheduled
	f.scheduled = true
	f.mu.Unlock()
	if schedule {
		f.do(f.flush)
	}
}

// Done hands over what is left and tells the results the search ended
// (limited: it stopped at its limit of hits).
func (f *HitFeed) Done(limited bool) {
	f.do(func() {
		f.flush()
		if f.gen == f.r.gen {
			f.r.Done(limited)
		}
	})
}

// flush runs on the UI goroutine.
func (f *HitFeed) flush() {
	f.mu.Lock()
	batch := f.pending
	f.pending, f.scheduled = nil, false
	f.mu.Unlock()
	if f.gen == f.r.gen {
		f.r.Add(batch...)
	}
}

// Lead and tail of a hit row, in characters: the match stays in sight in a
// narrow pane.
const (
	hitLead = 16
	hitTail = 120
)

// hitParts splits a hit's context into the text before the match (its
// last hitLead characters, with "…" when cut), the match, and the text
// after it (at most hitTail characters, with "…" when cut).
func hitParts(h SearchHit) (before, match, after string) {
	a := min(max(h.ContextCol, 0), len(h.Context))
	b := min(a+max(h.Len, 0), len(h.Context))
	before, match, after = h.Context[:a], h.Context[a:b], h.Context[b:]
	if r := []rune(before); len(r) > hitLead {
		before = "…" + strings.TrimLeft(string(r[len(r)-hitLead:]), " \t")
	}
	if r := []rune(after); len(r) > hitTail {
		after = string(r[:hitTail]) + "…"
	}
	return before, match, after
}
