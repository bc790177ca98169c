package app

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"folio/app/library"
	"folio/app/theme"
	"folio/editor"
	"folio/editor/merge"
)

func TestMergeMarks(t *testing.T) {
	type m = editor.Mark
	tests := []struct {
		name                string
		base, mine, theirs  string
		want                []m
		wantText, wantLines string // wantLines: the marked lines, "|"-joined, to check the mapping against the text
	}{
		{
			name:      "Chinese, disjoint lines",
			base:      "标题\n第一段\n第二段\n第三段\n",
			mine:      "标题\n第一段（我改的）\n第二段\n第三段\n",
			theirs:    "标题\n第一段\n第二段\n第三段（他们改的）\n",
			want:      []m{{FromLine: 1, ToLine: 2, Kind: editor.MarkMine}, {FromLine: 3, ToLine: 4, Kind: editor.MarkTheirs}},
			wantLines: "第一段（我改的）|第三段（他们改的）",
		},
		{
			name:      "CRLF conflict keeps CRLF markers",
			base:      "甲\r\n乙\r\n丙\r\n",
			mine:      "甲\r\n我的乙\r\n丙\r\n",
			theirs:    "甲\r\n他们的乙\r\n丙\r\n",
			want:      []m{{FromLine: 1, ToLine: 6, Kind: editor.MarkConflict}},
			wantText:  "甲\r\n<<<<<<< mine\r\n我的乙\r\n=======\r\n他们的乙\r\n>>>>>>> theirs\r\n丙\r\n",
			wantLines: "<<<<<<< mine\r|我的乙\r|=======\r|他们的乙\r|>>>>>>> theirs\r",
		},
		{
			name:      "CRLF, disjoint, the last line without an ending",
			base:      "一\r\n二\r\n三\r\n四",
			mine:      "一改\r\n二\r\n三\r\n四",
			theirs:    "一\r\n二\r\n三\r\n四改",
			want:      []m{{FromLine: 0, ToLine: 1, Kind: editor.MarkMine}, {FromLine: 3, ToLine: 4, Kind: editor.MarkTheirs}},
			wantLines: "一改\r|四改",
		},
		{
			name:      "an insertion of mine and a deletion of theirs",
			base:      "a\nb\nc\nd\n",
			mine:      "a\n新的一行\n另一行\nb\nc\nd\n",
			theirs:    "a\nb\nc\n",
			want:      []m{{FromLine: 1, ToLine: 3, Kind: editor.MarkMine}},
			wantText:  "a\n新的一行\n另一行\nb\nc\n",
			wantLines: "新的一行|另一行",
		},
		{
			name:   "the same change on both sides is not marked",
			base:   "一\n二\n",
			mine:   "一\n二改\n",
			theirs: "一\n二改\n",
		},
		{
			name:      "a conflict and a clean change of theirs after it",
			base:      "标题\n正文\n\n中\n\n结尾\n",
			mine:      "标题\n我的正文\n\n中\n\n结尾\n",
			theirs:    "标题\n他们的正文\n\n中\n\n他们的结尾\n",
			want:      []m{{FromLine: 1, ToLine: 6, Kind: editor.MarkConflict}, {FromLine: 9, ToLine: 10, Kind: editor.MarkTheirs}},
			wantLines: "<<<<<<< mine|我的正文|=======|他们的正文|>>>>>>> theirs|他们的结尾",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := merge.Merge(tt.base, tt.mine, tt.theirs)
			if tt.wantText != "" && res.Text != tt.wantText {
				t.Fatalf("merged %q, want %q", res.Text, tt.wantText)
			}
			got := mergeMarks(res)
			if !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("marks %v, want %v\n%q", got, tt.want, res.Text)
			}
			lines := strings.Split(res.Text, "\n")
			var marked []string
			for _, mk := range got {
				marked = append(marked, lines[mk.FromLine:mk.ToLine]...)
			}
			if g := strings.Join(marked, "|"); g != tt.wantLines {
				t.Errorf("marked lines %q, want %q", g, tt.wantLines)
			}
		})
	}
}

func TestMergeMarksTheEditorAndSaveClearsThem(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	// Mine: the title and the first paragraph; theirs: the first paragraph
	// (a conflict) and the tags (clean).
	ws.src.SetText(strings.Replace(strings.Replace(articleText, "第一段。", "我的第一段。", 1), "# 正文", "# 我的正文", 1))
	ws.edited()
	theirs := strings.Replace(strings.Replace(articleText, "第一段。", "他们的第一段。", 1), "tags: [a]", "tags: [a, 他们的]", 1)
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()

	marks := ws.src.Marks()
	kinds := map[editor.MarkKind]int{}
	for _, mk := range marks {
		kinds[mk.Kind]++
	}
	if kinds[editor.MarkMine] != 1 || kinds[editor.MarkConflict] != 1 || kinds[editor.MarkTheirs] != 1 {
		t.Fatalf("marks %v in\n%s", marks, ws.src.Text())
	}
	for _, mk := range marks {
		first := ws.src.Line(mk.FromLine)
		switch mk.Kind {
		case editor.MarkMine:
			if first != "# 我的正文" {
				t.Errorf("mine mark on %q", first)
			}
		case editor.MarkTheirs:
			if first != "tags: [a, 他们的]" || mk.ToLine != mk.FromLine+1 {
				t.Errorf("theirs mark on %q (%d lines)", first, mk.ToLine-mk.FromLine)
			}
		case editor.MarkConflict:
			if first != merge.MarkerMine || ws.src.Line(mk.ToLine-1) != merge.MarkerTheirs {
				t.Errorf("conflict mark on %q … %q", first, ws.src.Line(mk.ToLine-1))
			}
		}
	}
	// The merged text is journalled at once: a crash now must not bring
	// back the text from before the merge.
	journalled(t, ws, path, ws.src.Text())
	if ws.conflict.merged == nil || !ws.conflict.merged.Visible() {
		t.Fatal("no merged bar")
	}
	// Next conflict goes to the conflict block.
	ws.src.SetCursorOffset(0)
	ws.conflict.nextConflict()
	if got := ws.src.Line(ws.src.CursorLine()); got != merge.MarkerMine {
		t.Errorf("Next conflict put the cursor on %q", got)
	}
	// Settling the conflict by editing it removes its mark, not the others.
	ws.src.SetCursorOffset(ws.src.Len())
	for _, mk := range ws.src.Marks() {
		if mk.Kind == editor.MarkConflict {
			ws.src.SetCursorOffset(len(strings.Join(strings.SplitAfter(ws.src.Text(), "\n")[:mk.FromLine+1], "")))
		}
	}
	test.Type(ws.src, "x")
	kinds = map[editor.MarkKind]int{}
	for _, mk := range ws.src.Marks() {
		kinds[mk.Kind]++
	}
	if kinds[editor.MarkConflict] != 0 || kinds[editor.MarkMine] != 1 || kinds[editor.MarkTheirs] != 1 {
		t.Errorf("after editing the conflict: %v", ws.src.Marks())
	}
	if !ws.save() {
		t.Fatal("save failed")
	}
	if got, _ := os.ReadFile(path); string(got) != ws.src.Text() {
		t.Fatal("the merge was not saved")
	}
	if len(ws.src.Marks()) != 0 || ws.conflict.merged.Visible() {
		t.Errorf("after save: marks %v, bar %v", ws.src.Marks(), ws.conflict.merged.Visible())
	}
}

func TestConflictMarksFindTheBlocksLeftInTheText(t *testing.T) {
	res := merge.Merge("甲\r\n乙\r\n丙\r\n丁\r\n戊\r\n", "甲\r\n我的乙\r\n丙\r\n丁\r\n我的戊\r\n", "甲\r\n他们的乙\r\n丙\r\n丁\r\n他们的戊\r\n")
	if len(res.Conflicts) != 2 {
		t.Fatalf("want two conflicts: %q", res.Text)
	}
	var want []editor.Mark
	for _, mk := range mergeMarks(res) {
		if mk.Kind == editor.MarkConflict {
			want = append(want, mk)
		}
	}
	if got := conflictMarks(res.Text); !reflect.DeepEqual(got, want) {
		t.Fatalf("conflictMarks %v, mergeMarks' conflicts %v", got, want)
	}
	if got := conflictMarks("<<<<<<< mine\n没有结尾\n"); len(got) != 0 {
		t.Errorf("an unclosed block is marked: %v", got)
	}
}

func TestWithConflictsPutsTheBlocksOverTheOtherMarks(t *testing.T) {
	mk := func(from, to int, k editor.MarkKind) editor.Mark {
		return editor.Mark{FromLine: from, ToLine: to, Kind: k}
	}
	type m = editor.Mark
	mine, theirs, conflict := editor.MarkMine, editor.MarkTheirs, editor.MarkConflict
	got := withConflicts(
		[]m{mk(0, 2, theirs), mk(3, 10, mine), mk(12, 14, mine)},
		[]m{mk(1, 2, conflict), mk(5, 7, conflict), mk(20, 25, conflict)})
	want := []m{mk(0, 1, theirs), mk(1, 2, conflict), mk(3, 5, mine), mk(5, 7, conflict), mk(7, 10, mine), mk(12, 14, mine), mk(20, 25, conflict)}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
}

func TestMergeAgainKeepsTheUnsettledConflictsMarked(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetText(strings.Replace(articleText, "第一段。", "我的第一段。", 1))
	ws.edited()
	write(t, path, strings.Replace(articleText, "第一段。", "他们的第一段。", 1))
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	// The other program changes the title; the first conflict is not settled.
	write(t, path, strings.Replace(strings.Replace(articleText, "第一段。", "他们的第一段。", 1), "旧标题", "新标题", 1))
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	want := conflictMarks(ws.src.Text())
	if len(want) != 1 {
		t.Fatalf("the text lost its conflict block:\n%s", ws.src.Text())
	}
	var got []editor.Mark
	for _, mk := range ws.src.Marks() {
		if mk.Kind == editor.MarkConflict {
			got = append(got, mk)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("conflict marks %v, want %v (all: %v)", got, want, ws.src.Marks())
	}
}

// spanTexts is the text under each span mark but the gutters', "|"-joined,
// with its kind.
func spanTexts(dv diffText) string {
	var out []string
	for _, sp := range dv.spans {
		if t := dv.text[sp.Start:sp.End]; t == signAdded || t == signDeleted {
			continue
		}
		sign := "+"
		if sp.Kind == editor.MarkDeleted {
			sign = "−"
		}
		out = append(out, sign+dv.text[sp.Start:sp.End])
	}
	return strings.Join(out, "|")
}

func TestCompareMarksChangedCharacters(t *testing.T) {
	tests := []struct {
		name, disk, mine string
		lines, spans     string
		first            int
	}{
		{"a year in Chinese", "标题\n随着2024年的到来\n", "标题\n随着2025年的到来\n",
			"\u3000│标题|－│随着2024年的到来|＋│随着2025年的到来", "−2024|+2025", 1},
		{"one Han character", "一\n二\n第一段。\n", "一\n二\n第二段。\n",
			"\u3000│一|\u3000│二|－│第一段。|＋│第二段。", "−一|+二", 2},
		{"CRLF, an insertion inside", "甲\r\n乙丙\r\n", "甲\r\n乙和丙\r\n",
			"\u3000│甲|－│乙丙|＋│乙和丙", "+和", 1},
		{"a whole new line is tinted, not marked", "a\n", "a\n新的一行\n",
			"\u3000│a|＋│新的一行", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dv := buildDiff(merge.Diff(tt.disk, tt.mine))
			if got := strings.ReplaceAll(dv.text, "\n", "|"); got != tt.lines {
				t.Fatalf("lines %q, want %q", got, tt.lines)
			}
			if got := spanTexts(dv); got != tt.spans {
				t.Errorf("marked %q, want %q", got, tt.spans)
			}
			if dv.first != tt.first || !strings.HasPrefix(dv.text[dv.firstOffset:], signDeleted) && !strings.HasPrefix(dv.text[dv.firstOffset:], signAdded) {
				t.Errorf("first difference at line %d (offset %d), want line %d", dv.first, dv.firstOffset, tt.first)
			}
			for _, m := range dv.lines {
				for l := m.FromLine; l < m.ToLine; l++ {
					line := strings.Split(dv.text, "\n")[l]
					if want := map[editor.MarkKind]string{editor.MarkDeleted: signDeleted, editor.MarkInserted: signAdded}[m.Kind]; !strings.HasPrefix(line, want) {
						t.Errorf("line %d %q tinted as %v", l, line, m.Kind)
					}
				}
			}
		})
	}
}

func TestCompareOpensAtTheFirstDifference(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "long.md")
	var b strings.Builder
	b.WriteString("---\ntitle: 长文\n---\n")
	for i := range 200 {
		b.WriteString("第" + strings.Repeat("段", i%7+1) + "。\n\n")
	}
	write(t, path, b.String())
	ws.load(path)
	lines := strings.Split(ws.src.Text(), "\n")
	lines[300] = "改过的一行。"
	ws.src.SetText(strings.Join(lines, "\n"))
	ws.edited()
	view := ws.showCompare()
	if view == nil {
		t.Fatal("no comparison shown")
	}
	top := view.FirstVisibleLine()
	if top < 290 || top > 300 {
		t.Fatalf("the comparison opens at line %d; the first difference is line 300", top)
	}
	if got := view.Line(view.CursorLine()); !strings.HasPrefix(got, signDeleted) {
		t.Errorf("the cursor is on %q, not on the first difference", got)
	}
}

// TestMergeTintsComeBackAfterACrash: the tints a merge leaves (mine,
// theirs, conflicts) are journalled with the merged text and come back
// with it after a crash, also those of lines both sides changed apart.
func TestMergeTintsComeBackAfterACrash(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 10 * time.Millisecond
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetText(strings.Replace(strings.Replace(articleText, "第一段。", "我的第一段。", 1), "# 正文", "# 我的正文", 1))
	ws.edited()
	theirs := strings.Replace(strings.Replace(articleText, "第一段。", "他们的第一段。", 1), "tags: [a]", "tags: [a, 他们的]", 1)
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	marks := ws.src.Marks()
	if len(marks) != 3 {
		t.Fatalf("merge marks %v", marks)
	}
	text := ws.src.Text()
	// No keystroke after the merge: the journal has the tints already.
	queues[ws].runUntil(t, func() bool {
		e, ok, _ := ws.hot.journal.Get(path)
		return ok && e.Text == text && len(e.Tints) == len(marks)
	})

	ws2 := restart(t, ws)
	ws2.load(path)
	if ws2.src.Text() != text || !ws2.art.Dirty() {
		t.Fatalf("restored %q dirty %v", ws2.src.Text(), ws2.art.Dirty())
	}
	if got := ws2.src.Marks(); !reflect.DeepEqual(got, marks) {
		t.Fatalf("tints after the restart %v, before %v", got, marks)
	}
	// QA: the bar after the restart had no Next conflict
	if !strings.Contains(barText(ws2), "[Next conflict]") {
		t.Fatalf("restored bar %q has no Next conflict", barText(ws2))
	}
	ws2.src.SetCursorOffset(0)
	pressButton(t, ws2.hot.restored, "Next conflict")
	if at := ws2.src.Text()[ws2.src.CursorOffset():]; !strings.HasPrefix(at, "<<<<<<<") {
		t.Errorf("Next conflict put the caret before %.20q", at)
	}
}

func TestCompareClosesWithEscape(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetText(ws.src.Text() + "我的一行\n")
	ws.edited()
	view := ws.showCompare()
	if view == nil || !view.Visible() {
		t.Fatal("no comparison shown")
	}
	if ws.win.Canvas().Focused() != view {
		t.Fatal("the comparison does not have the keyboard")
	}
	view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the comparison open")
	}
	if ws.win.Canvas().Focused() != ws.src {
		t.Error("after the comparison the keyboard is not back in the editor")
	}
}

// QA: the comparison drew prose in the proportional face (only code was
// monospace), so its columns did not line up. Every line is now drawn in
// the monospace face, a Han character two columns wide: lines of the
// same width in columns end at the same x, whatever their characters.
func TestCompareDrawsEveryLineMonospace(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	applyTheme(fyne.CurrentApp(), theme.Options{}) // its CJK monospace font
	path := filepath.Join(dir, "cols.md")
	same := []string{"iiiiiiiiii", "MMMMMMMMMM", "中文中文中", "i**粗体**M", "# 标题"} // 10 columns but the last
	write(t, path, strings.Join(same, "\n")+"\n旧的一行ab\n")
	ws.load(path)
	ws.src.SetText(strings.Join(same, "\n") + "\n新的一行cd\n")
	// The deleted and the added line are 10 columns too: the gutters of
	// the three kinds of line are as wide (QA F6: "−" was not in the
	// monospace face and its line was shifted).
	tens := append(slices.Clone(same[:4]), "旧的一行ab", "新的一行cd")
	ws.edited()
	view := ws.showCompare()
	if view == nil {
		t.Fatal("no comparison shown")
	}
	if !view.Monospace() {
		t.Error("the comparison is not set monospace")
	}
	ends := map[float32]float32{} // a line's y: where its last text ends
	texts := map[float32]string{}
	for _, o := range test.TempWidgetRenderer(t, view).Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok || !tx.Visible() || tx.Text == "" {
			continue
		}
		if !tx.TextStyle.Monospace {
			t.Errorf("%q is drawn in %+v, not monospace", tx.Text, tx.TextStyle)
		}
		y := tx.Position().Y
		ends[y] = max(ends[y], tx.Position().X+tx.Size().Width)
		texts[y] += tx.Text
	}
	var want float32
	seen := 0
	for y, text := range texts {
		body := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(text, signSame), signDeleted), signAdded)
		if !slices.Contains(tens, body) {
			continue
		}
		seen++
		if want == 0 {
			want = ends[y]
		}
		if d := ends[y] - want; d > 0.5 || d < -0.5 {
			t.Errorf("%q ends at x=%.1f, another line of 10 columns at %.1f", text, ends[y], want)
		}
	}
	if seen != 6 {
		t.Fatalf("the lines were not drawn: %v", texts)
	}
}

// QA F6: an unchanged Markdown item "+ [link](…)" looked like an added
// line. Every line has a gutter (sign and bar) before its text, changed or
// not; only the changed lines are tinted and their gutters marked.
func TestCompareGutterIsNotTheLinesText(t *testing.T) {
	disk := "+ [概述](overview.md)\n- [安装](install.md)\n旧段落\n"
	mine := "+ [概述](overview.md)\n- [安装](install.md)\n新段落\n+ [新的](new.md)\n"
	dv := buildDiff(merge.Diff(disk, mine))
	lines := strings.Split(dv.text, "\n")
	want := []string{signSame + "+ [概述](overview.md)", signSame + "- [安装](install.md)", signDeleted + "旧段落", signAdded + "新段落", signAdded + "+ [新的](new.md)"}
	if !slices.Equal(lines, want) {
		t.Fatalf("lines %q, want %q", lines, want)
	}
	marked := map[int]editor.MarkKind{}
	for _, m := range dv.lines {
		for l := m.FromLine; l < m.ToLine; l++ {
			marked[l] = m.Kind
		}
	}
	if _, ok := marked[0]; ok {
		t.Error("the unchanged \"+ \" item is tinted as a change")
	}
	if marked[2] != editor.MarkDeleted || marked[3] != editor.MarkInserted || marked[4] != editor.MarkInserted {
		t.Errorf("tints %v", marked)
	}
	// Each changed line's gutter is marked in its colour.
	gutters := 0
	for _, sp := range dv.spans {
		if g := dv.text[sp.Start:sp.End]; g == signAdded || g == signDeleted {
			gutters++
			if (g == signAdded) != (sp.Kind == editor.MarkInserted) {
				t.Errorf("gutter %q marked %v", g, sp.Kind)
			}
		}
	}
	if gutters != 3 || gutterLen != len(signSame) || len(signDeleted) != gutterLen {
		t.Errorf("%d gutters marked, want 3 (lengths %d %d %d)", gutters, len(signSame), len(signDeleted), len(signAdded))
	}
	// No sign is a character a Markdown line starts with.
	for _, g := range []string{signSame, signDeleted, signAdded} {
		if strings.ContainsAny(g, "+-*> \t#") {
			t.Errorf("gutter %q has Markdown's own characters", g)
		}
	}
}
