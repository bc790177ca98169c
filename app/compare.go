package app

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/editor"
	"folio/editor/merge"
)

// compareDisk shows the editor's text (mine) against the file on disk
// (theirs): an inline diff, line by line, with the words and Chinese
// characters that changed inside a changed line marked.
func (ws *workspace) compareDisk() {
	if !ws.art.HasFile() {
		return
	}
	name := filepath.Base(ws.art.Path())
	data, _, err := library.Read(ws.art.Path())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": err}))
		return
	}
	view := diffView(merge.Diff(string(data), ws.art.Text()))
	title := lang.L("Compare {{.Name}}: on disk (−) and mine (+)", map[string]any{"Name": name})
	d := dialog.NewCustom(title, lang.L("Close"), container.NewVScroll(view), ws.win)
	d.Resize(fyne.NewSize(900, 640))
	d.Show()
}

// diffView renders line hunks as rich text: deleted lines marked "−" in the
// error colour, inserted lines "+" in the success colour, and inside a
// changed pair of lines the changed words and characters in bold.
func diffView(hunks []merge.Hunk) *widget.RichText {
	var segs []widget.RichTextSegment
	add := func(prefix, text string, color fyne.ThemeColorName, bold bool) {
		segs = append(segs, &widget.TextSegment{Text: prefix + text, Style: widget.RichTextStyle{
			Inline: true, ColorName: color, TextStyle: fyne.TextStyle{Monospace: true, Bold: bold}}})
	}
	line := func(prefix string, color fyne.ThemeColorName, parts []merge.Hunk, keep merge.Op) {
		// The sign goes with the first piece.
		for _, p := range parts {
			if p.Op != merge.Equal && p.Op != keep {
				continue
			}
			add(prefix, strings.TrimRight(p.Text, "\r\n"), color, p.Op == keep && keep != merge.Equal)
			prefix = ""
		}
		if prefix != "" {
			add(prefix, "", color, false) // an empty line
		}
		segs = append(segs, &widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
	}
	for i := 0; i < len(hunks); i++ {
		h := hunks[i]
		switch h.Op {
		case merge.Equal:
			for _, l := range merge.SplitLines(h.Text) {
				line("\u00a0\u00a0", "", []merge.Hunk{{Op: merge.Equal, Text: l}}, merge.Equal)
			}
		case merge.Delete:
			del := merge.SplitLines(h.Text)
			var ins []string
			if i+1 < len(hunks) && hunks[i+1].Op == merge.Insert {
				i++
				ins = merge.SplitLines(hunks[i].Text)
			}
			// Lines changed in place are compared word by word.
			for k, l := range del {
				parts := []merge.Hunk{{Op: merge.Delete, Text: l}}
				if k < len(ins) {
					parts = merge.DiffInline(l, ins[k])
				}
				line("−\u00a0", fynetheme.ColorNameError, parts, merge.Delete)
			}
			for k, l := range ins {
				parts := []merge.Hunk{{Op: merge.Insert, Text: l}}
				if k < len(del) {
					parts = merge.DiffInline(del[k], l)
				}
				line("+\u00a0", fynetheme.ColorNameSuccess, parts, merge.Insert)
			}
		case merge.Insert:
			for _, l := range merge.SplitLines(h.Text) {
				line("+\u00a0", fynetheme.ColorNameSuccess, []merge.Hunk{{Op: merge.Insert, Text: l}}, merge.Insert)
			}
		}
	}
	rt := widget.NewRichText(segs...)
	// Break anywhere: word wrapping treats a long line of Chinese as one
	// word and moves it off the line with its sign.
	rt.Wrapping = fyne.TextWrapBreak
	return rt
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
	art.Merged(res.Text, string(data), sum)
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
	ws.conflict.showMerged(len(old))
	if n := len(res.Conflicts); n > 0 {
		ws.src.SetCursorOffset(res.Conflicts[0].Start)
		ws.status.problem(lang.L("Merged {{.Name}}: {{.Count}} conflicts are marked in the text (<<<<<<< mine … >>>>>>> theirs)", map[string]any{"Name": name, "Count": n}))
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
