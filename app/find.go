package app

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/editor"
	"folio/preview/markdown"
)

// The writing room's finding aids: the find bar above the editor (Ctrl+F,
// Ctrl+H), the outline of the open article (Ctrl+Shift+O) and the folder
// search (Ctrl+Shift+F), the last two as tabs of the left pane beside the
// article list.

// lineOffset is the byte offset where the editor's 0-based line starts.
func lineOffset(src *editor.Source, line int) int {
	off := 0
	for i := 0; i < line && i < src.LineCount(); i++ {
		off += len(src.Line(i)) + 1
	}
	return min(off, src.Len())
}

// gotoLine puts the caret at the start of the editor's 0-based line,
// scrolls the editor and the preview there and focuses the editor.
func (ws *workspace) gotoLine(line int) {
	ws.src.SetCursorOffset(lineOffset(ws.src, line))
	ws.src.ScrollToLine(max(0, line-3))
	ws.prev.ScrollToSourceLine(line + 1)
	ws.win.Canvas().Focus(ws.src)
}

// newOutline makes the outline tab's widget: it shows the headings of each
// parse, read as the preview draws them, follows the caret, and a tap
// jumps there.
func (ws *workspace) newOutline() *editor.Outline {
	o := editor.NewOutline()
	o.OnSelected = ws.gotoLine
	var (
		texts     *markdown.HeadingTexts
		textsSite *markdown.Site
	)
	o.Plain = func(raws []string) []string {
		// the article's site, as the preview reads it (emoji shortcodes
		// when its config enables them, its variables)
		if site := ws.articleSite(); texts == nil || site != textsSite {
			texts, textsSite = markdown.NewHeadingTexts(site), site
		}
		return texts.Texts(raws)
	}
	return o
}

// outlineParsed refreshes the outline from the article's newest parse.
func (ws *workspace) outlineParsed() {
	ws.outline.SetHeadings(editor.Headings(ws.art.Doc().Bytes(), 0))
	ws.outline.Follow(ws.src.CursorLine())
}

// searchPane is the folder search: a query with its options, and the hits
// streaming in from library.Search, off the UI goroutine.
type searchPane struct {
	ws                     *workspace
	query                  *widget.Entry
	matchCase, word, regex *widget.Check
	results                *editor.SearchResults
	note                   *widget.Label
	box                    fyne.CanvasObject

	cancel context.CancelFunc
	gen    int // the search whose hits are shown
}

func newSearchPane(ws *workspace) *searchPane {
	p := &searchPane{ws: ws, query: widget.NewEntry(), results: editor.NewSearchResults(), note: widget.NewLabel("")}
	p.query.SetPlaceHolder(lang.L("Search the folder (Enter)"))
	p.query.OnSubmitted = func(string) { p.run() }
	p.matchCase = widget.NewCheck(lang.L("Match case"), func(bool) { p.run() })
	p.word = widget.NewCheck(lang.L("Whole word"), func(bool) { p.run() })
	p.regex = widget.NewCheck(lang.L("Regular expression"), func(bool) { p.run() })
	p.note.Importance = widget.DangerImportance
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Hide()
	p.results.OnOpenHit = func(h editor.SearchHit) { ws.openAt(h.Abs, h.Line-1, h.Col, h.Len) }
	top := container.NewVBox(p.query, container.NewGridWithColumns(2, p.matchCase, p.word, p.regex), p.note)
	p.box = container.NewBorder(top, nil, nil, nil, p.results)
	return p
}

// focus puts the keyboard in the query, its text selected.
func (p *searchPane) focus() {
	if sel := p.ws.src.SelectedText(); sel != "" && len(sel) < 200 {
		p.query.SetText(sel)
	}
	p.ws.win.Canvas().Focus(p.query)
	p.query.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// run starts a search for the query (cancelling the one under way); hits
// reach the UI in batches.
// hitsEvery is the longest a search hit waits to be shown with others.
const hitsEvery = 60 * time.Millisecond

func (p *searchPane) run() {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.gen++
	gen := p.gen
	p.results.Clear()
	p.note.Hide()
	q := p.query.Text
	if q == "" {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	// what the pane says until the search ends: not a summary of nothing
	// yet found (QA F25: "No results" while it was still searching)
	p.note.Importance = widget.LowImportance
	p.note.SetText(lang.L("Searching…"))
	p.note.Show()
	opts := library.SearchOptions{CaseSensitive: p.matchCase.Checked, WholeWord: p.word.Checked, Regexp: p.regex.Checked}
	root := p.ws.root
	out := make(chan library.Hit, 256)
	done := make(chan error, 1)
	go func() { done <- library.Search(ctx, root, q, opts, out) }()
	go func() {
		// Hits reach the list in batches, at most hitsEvery after the
		// first of a batch: a timer runs only while hits wait (none
		// while a search finds nothing for a while).
		var batch []editor.SearchHit
		var due <-chan time.Time
		wait := time.NewTimer(time.Hour)
		wait.Stop()
		defer wait.Stop()
		flush := func() {
			due = nil
			if len(batch) == 0 {
				return
			}
			hits := batch
			batch = nil
			p.ws.do(func() {
				if gen == p.gen {
					p.results.Add(hits...)
				}
			})
		}
		for open := true; open; {
			select {
			case h, ok := <-out:
				if !ok {
					open = false
					break
				}
				batch = append(batch, editor.SearchHit(h))
				if len(batch) >= 500 {
					wait.Stop()
					flush()
				} else if due == nil {
					wait.Reset(hitsEvery)
					due = wait.C
				}
			case <-due:
				flush()
			}
		}
		flush()
		err := <-done
		p.ws.do(func() {
			if gen != p.gen {
				return
			}
			p.results.Done(errors.Is(err, library.ErrHitLimit))
			p.note.Hide()
			if err != nil && !errors.Is(err, library.ErrHitLimit) && !errors.Is(err, context.Canceled) {
				p.note.Importance = widget.DangerImportance
				p.note.SetText(err.Error())
				p.note.Show()
			}
		})
	}()
}

// openAt opens the article abs (asking about unsaved changes) and selects
// the match at byte col of its 0-based line.
func (ws *workspace) openAt(abs string, line, col, n int) {
	show := func() {
		off := lineOffset(ws.src, line) + col
		ws.src.Select(editor.Range{Start: off, End: min(off+n, ws.src.Len())})
		ws.src.ScrollToLine(max(0, line-3))
		ws.prev.ScrollToSourceLine(line + 1)
		ws.win.Canvas().Focus(ws.src)
	}
	if abs == ws.art.Path() {
		show()
		return
	}
	ws.confirmLeave(func() {
		ws.load(abs)
		if ws.art.Path() == abs {
			show()
		}
	}, ws.list.selectCurrent)
}
