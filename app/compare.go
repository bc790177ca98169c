package app

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"folio/app/library"
	"folio/editor"
	"folio/editor/merge"
)

// compareDisk shows the editor's text (mine) against the file on disk
// (theirs): an inline diff, line by line, with the words and Chinese
// characters that changed inside a changed line marked, opened at the
// first difference. Every line is drawn in the monospace face (a Han
// character two columns), so the columns of the lines line up.
func (ws *workspace) compareDisk() { ws.showCompare() }

// showCompare shows the comparison dialog and returns its view (nil when
// there is nothing to compare).
func (ws *workspace) showCompare() *editor.Source {
	if !ws.art.HasFile() {
		return nil
	}
	name := filepath.Base(ws.art.Path())
	data, _, err := library.Read(ws.art.Path())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": err}))
		return nil
	}
	dv := buildDiff(merge.Diff(string(data), ws.art.Text()))
	view := editor.NewSource()
	view.SetReadOnly(true)
	view.SetMonospace(true) // the lines line up column by column, Chinese included
	view.SetText(dv.text)
	view.SetMarks(dv.lines)
	view.SetSpanMarks(dv.spans)
	title := lang.L("Compare {{.Name}}: on disk (−) and mine (+)", map[string]any{"Name": name})
	d := dialog.NewCustom(title, lang.L("Close"), view, ws.win)
	d.Resize(fyne.NewSize(900, 640))
	d.SetOnClosed(ws.focusEditor) // the keyboard back where the user writes
	view.OnOtherKey = func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.Hide()
		}
	}
	d.Show()
	// The keys scroll the comparison (Page Down, arrows) and Escape closes it.
	if c := ws.win.Canvas(); c != nil {
		c.Focus(view)
	}
	if dv.first >= 0 {
		// A few lines of context above the first difference.
		view.ScrollToLine(max(dv.first-compareContext, 0))
		view.SetCursorOffset(dv.firstOffset)
	}
	return view
}

// compareContext is how many unchanged lines show above the first
// difference when the comparison opens.
const compareContext = 3

// diffText is a comparison as the text of a read-only editor: every line
// after a gutter, its sign and a bar ("　│" the same, "－│" on disk only,
// "＋│" mine only), the changed lines tinted (deleted in the error colour, inserted in the
// success colour), and inside a line changed in place the words and
// characters (runes, each Han character alone: merge.DiffInline) that
// changed, marked stronger.
type diffText struct {
	text  string
	lines []editor.Mark
	spans []editor.SpanMark
	// first is the first changed line (-1: none), starting at firstOffset
	first, firstOffset int
}

// The gutters of the comparison's lines: a full-width sign (an ideographic
// space, "－" or "＋", each two columns of the monospace face, as every
// Han character) and a bar, so the gutter cannot be read as the line's own
// text (QA F6: a Markdown item "+ [link]" looked like an added line). A
// changed line's gutter is marked in its colour too (gutterLen bytes).
const (
	signSame    = "\u3000│"
	signDeleted = "－│"
	signAdded   = "＋│"
	gutterLen   = len(signAdded)
)

// buildDiff lays out line hunks as a diffText.
func buildDiff(hunks []merge.Hunk) diffText {
	var b strings.Builder
	dv := diffText{first: -1}
	line := 0
	put := func(sign, text string, parts []merge.Hunk, kind editor.MarkKind, changed merge.Op) {
		if kind != 0 {
			if n := len(dv.lines); n > 0 && dv.lines[n-1].Kind == kind && dv.lines[n-1].ToLine == line {
				dv.lines[n-1].ToLine++
			} else {
				dv.lines = append(dv.lines, editor.Mark{FromLine: line, ToLine: line + 1, Kind: kind})
			}
			if dv.first < 0 {
				dv.first, dv.firstOffset = line, b.Len()
			}
		}
		if kind != 0 {
			at := b.Len()
			dv.spans = append(dv.spans, editor.SpanMark{Range: editor.Range{Start: at, End: at + len(sign)}, Kind: kind})
		}
		b.WriteString(sign)
		if parts == nil {
			b.WriteString(strings.TrimRight(text, "\r\n"))
		} else {
			same := false
			for _, p := range parts {
				same = same || p.Op == merge.Equal && strings.TrimSpace(p.Text) != ""
			}
			for _, p := range parts {
				if p.Op != merge.Equal && p.Op != changed {
					continue
				}
				t := strings.TrimRight(p.Text, "\r\n")
				if p.Op == changed && same && t != "" {
					at := b.Len()
					dv.spans = append(dv.spans, editor.SpanMark{Range: editor.Range{Start: at, End: at + len(t)}, Kind: kind})
				}
				b.WriteString(t)
			}
		}
		b.WriteByte('\n')
		line++
	}
	for i := 0; i < len(hunks); i++ {
		h := hunks[i]
		switch h.Op {
		case merge.Equal:
			for _, l := range merge.SplitLines(h.Text) {
				put(signSame, l, nil, 0, merge.Equal)
			}
		case merge.Delete:
			del := merge.SplitLines(h.Text)
			var ins []string
			if i+1 < len(hunks) && hunks[i+1].Op == merge.Insert {
				i++
				ins = merge.SplitLines(hunks[i].Text)
			}
			// Lines changed in place are compared word by word (each Han
			// character on its own).
			inline := make([][]merge.Hunk, min(len(del), len(ins)))
			for k := range inline {
				inline[k] = merge.DiffInline(strings.TrimRight(del[k], "\r\n"), strings.TrimRight(ins[k], "\r\n"))
			}
			for k, l := range del {
				var parts []merge.Hunk
				if k < len(inline) {
					parts = inline[k]
				}
				put(signDeleted, l, parts, editor.MarkDeleted, merge.Delete)
			}
			for k, l := range ins {
				var parts []merge.Hunk
				if k < len(inline) {
					parts = inline[k]
				}
				put(signAdded, l, parts, editor.MarkInserted, merge.Insert)
			}
		case merge.Insert:
			for _, l := range merge.SplitLines(h.Text) {
				put(signAdded, l, nil, editor.MarkInserted, merge.Insert)
			}
		}
	}
	dv.text = strings.TrimSuffix(b.String(), "\n")
	return dv
}

// mergeDisk merges the outside change into the editor's text: a three-way
// merge with the text as last loaded as the base. Changes to different
// lines are all kept; overlapping ones are marked in the text with both
// versions (<<<<<<< mine, =======, >>>>>>> theirs) for the user to settle.
// The editor tints the lines that came from each side and the conflict
// blocks (see mergeMarks), and the merged bar counts them with Next
// conflict. The file on disk becomes the version the next Save replaces.
func (ws *workspace) mergeDisk() {
	art := ws.art
	if !art.HasFile() {
		return
	}
	name := filepath.Base(art.Path())
	data, sum, err := library.Read(art.Path())
	if err != nil {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": err}))
		return
	}
	res := merge.Merge(art.Saved(), art.Text(), string(data))
	t := ws.replaceFromDisk(res.Text, string(data), sum) // one undoable step (QA G18)
	mine, theirs := 0, 0
	for _, r := range res.Regions {
		switch r.Origin {
		case merge.Mine:
			mine++
		case merge.Theirs:
			theirs++
		}
	}
	// Conflict blocks already in the text (an earlier merge not settled
	// yet) came from one side as plain lines: they are conflicts still.
	old := conflictMarks(res.Text)
	ws.src.SetMarks(withConflicts(mergeMarks(res), old))
	ws.hot.write() // the tints with the merged text, should Folio not live to the next keystroke
	ws.conflict.showMerged(len(old))
	t.marksAfter, t.mergedAfter = ws.src.Marks(), len(old) // for its redo
	if n := len(res.Conflicts); n > 0 {
		ws.src.SetCursorOffset(res.Conflicts[0].Start)
		msg := lang.L("Merged {{.Name}}: 1 conflict is marked in the text (<<<<<<< mine … >>>>>>> theirs)", map[string]any{"Name": name})
		if n > 1 {
			msg = lang.L("Merged {{.Name}}: {{.Count}} conflicts are marked in the text (<<<<<<< mine … >>>>>>> theirs)", map[string]any{"Name": name, "Count": n})
		}
		ws.status.problem(msg)
	} else {
		ws.status.say(lang.L("Merged {{.Name}}: {{.Mine}} of your changes and {{.Theirs}} from the other program", map[string]any{"Name": name, "Mine": mine, "Theirs": theirs}))
	}
}

// mergeMarks maps a merge's regions to the editor's line marks: the lines
// only I changed, the lines only they changed, and each conflict block,
// its markers included. Lines both sides left alone or changed alike are
// not marked. Line endings may be LF or CRLF (both end in "\n").
func mergeMarks(res merge.Result) []editor.Mark {
	var out []editor.Mark
	line, at := 0, 0 // the line that starts at byte at of the merged text
	for _, r := range res.Regions {
		from := line + strings.Count(res.Text[at:r.Start], "\n")
		to := from + strings.Count(res.Text[r.Start:r.End], "\n")
		line, at = to, r.End
		if r.End > r.Start && res.Text[r.End-1] != '\n' {
			to++ // the last line, without a line ending
		}
		var k editor.MarkKind
		switch r.Origin {
		case merge.Mine:
			k = editor.MarkMine
		case merge.Theirs:
			k = editor.MarkTheirs
		case merge.Conflicted:
			k = editor.MarkConflict
		default:
			continue
		}
		if to > from {
			out = append(out, editor.Mark{FromLine: from, ToLine: to, Kind: k})
		}
	}
	return out
}

// conflictMarks finds the conflict blocks a merge left in text
// (<<<<<<< mine … >>>>>>> theirs, each marker a whole line) and returns
// them as conflict marks: text restored from the journal after a crash
// shows its unsettled conflicts again.
func conflictMarks(text string) []editor.Mark {
	var out []editor.Mark
	open := -1
	for i, l := range strings.Split(text, "\n") {
		switch strings.TrimSuffix(l, "\r") {
		case merge.MarkerMine:
			open = i
		case merge.MarkerTheirs:
			if open >= 0 {
				out = append(out, editor.Mark{FromLine: open, ToLine: i + 1, Kind: editor.MarkConflict})
				open = -1
			}
		}
	}
	return out
}

// withConflicts returns marks with the conflict blocks over them: a mark
// overlapping a block loses the lines the block covers (it may split in
// two), and the blocks are added.
func withConflicts(marks, blocks []editor.Mark) []editor.Mark {
	out := make([]editor.Mark, 0, len(marks)+len(blocks))
	for _, m := range marks {
		parts := []editor.Mark{m}
		for _, b := range blocks {
			var next []editor.Mark
			for _, p := range parts {
				if p.ToLine <= b.FromLine || p.FromLine >= b.ToLine {
					next = append(next, p)
					continue
				}
				if p.FromLine < b.FromLine {
					next = append(next, editor.Mark{FromLine: p.FromLine, ToLine: b.FromLine, Kind: p.Kind})
				}
				if p.ToLine > b.ToLine {
					next = append(next, editor.Mark{FromLine: b.ToLine, ToLine: p.ToLine, Kind: p.Kind})
				}
			}
			parts = next
		}
		out = append(out, parts...)
	}
	out = append(out, blocks...)
	sort.Slice(out, func(i, j int) bool { return out[i].FromLine < out[j].FromLine })
	return out
}
