package editor

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
	"folio/editor/textwidth"
)

// Cases found in review: each once corrupted or lost text.

func TestIndentOfWholeLinesKeepsTheSelection(t *testing.T) {
	s, _ := newTestSource(t, "aa\nbb\n中文")
	s.Select(Range{0, 6}) // two whole lines, ending at the start of the third
	key(s, fyne.KeyTab)
	if s.Text() != "  aa\n  bb\n中文" {
		t.Fatalf("indent: %q", s.Text())
	}
	if got := s.SelectedText(); got != "aa\n  bb\n" {
		t.Fatalf("selection after indent = %q", got)
	}
	test.Type(s, "X")
	if !utf8.ValidString(s.Text()) || s.Text() != "  X中文" {
		t.Fatalf("typing over the selection gave %q", s.Text())
	}
	s2, _ := newTestSource(t, "- a\n- b\n- c\n- d\n")
	s2.Select(Range{0, 8}) // "- a\n- b\n"
	key(s2, fyne.KeyTab)
	key(s2, fyne.KeyTab)
	if s2.Text() != "    - a\n    - b\n- c\n- d\n" {
		t.Fatalf("two tabs indented lines outside the selection: %q", s2.Text())
	}
}

func TestEnterKeepsACRLFFileCRLF(t *testing.T) {
	s, _ := newTestSource(t, "a\r\nb")
	s.SetCursorOffset(s.Len())
	key(s, fyne.KeyReturn)
	test.Type(s, "c")
	if s.Text() != "a\r\nb\r\nc" {
		t.Fatalf("text = %q, want CRLF throughout", s.Text())
	}
}

func TestEnterOnAnIndentedBlankLineBreaksIt(t *testing.T) {
	s, _ := newTestSource(t, "code:\n    \nend")
	s.SetCursorOffset(len("code:\n    "))
	key(s, fyne.KeyReturn)
	if s.Text() != "code:\n    \n    \nend" {
		t.Fatalf("text = %q, want a new line keeping the indentation", s.Text())
	}
}

func TestItalicInsideBoldAddsItalic(t *testing.T) {
	s, _ := newTestSource(t, "x **bold** y")
	s.Select(Range{4, 8})
	ctrl(s, fyne.KeyI)
	if s.Text() != "x ***bold*** y" {
		t.Fatalf("Ctrl+I in bold: %q", s.Text())
	}
	ctrl(s, fyne.KeyI) // and again takes the italic off
	if s.Text() != "x **bold** y" {
		t.Fatalf("second Ctrl+I: %q", s.Text())
	}
}

func TestGroupEditsKeepWrapCachesExact(t *testing.T) {
	words := []string{"word ", "中文", "，", "ab ", "x", "longerword ", "（括号）", "  "}
	for seed := range 120 {
		r := uint64(seed*7919 + 1)
		next := func(n int) int { r = r*6364136223846793005 + 1442695040888963407; return int((r >> 33) % uint64(n)) }
		var b strings.Builder
		for range 8 {
			b.WriteString(strings.Repeat(" ", next(5)))
			for w := next(40); w > 0; w-- {
				b.WriteString(words[next(len(words))])
			}
			b.WriteString("\n")
		}
		s := newNarrowSource(t, b.String(), 10+next(15))
		s.Refresh() // lay out (and cache) the visible wraps
		a, c := next(s.Len()+1), next(s.Len()+1)
		s.Select(Range{s.snap(a), s.snap(c)})
		switch next(4) {
		case 0:
			shiftKey(s, fyne.KeyTab)
		case 1:
			key(s, fyne.KeyTab)
		case 2:
			s.ReplaceAll("word", "w", FindOptions{})
		default:
			s.ReplaceAll("a", "", FindOptions{})
		}
		s.Refresh()
		checkCaches(t, s, seed)
		s.Undo()
		s.Refresh()
		checkCaches(t, s, 1000+seed)
		s.Redo()
		s.Refresh()
		checkCaches(t, s, 2000+seed)
		if t.Failed() {
			return
		}
	}
}

func TestPasteTakesTheLineEndingsOfTheText(t *testing.T) {
	s, _ := newTestSource(t, "a\r\nb")
	s.SetCursorOffset(s.Len())
	fyne.CurrentApp().Clipboard().SetContent("x\ny\r\nz")
	s.Paste()
	if s.Text() != "a\r\nbx\r\ny\r\nz" {
		t.Fatalf("paste into CRLF: %q", s.Text())
	}
	s2, _ := newTestSource(t, "a\nb")
	fyne.CurrentApp().Clipboard().SetContent("x\r\ny")
	s2.SetCursorOffset(1)
	s2.Paste()
	if s2.Text() != "ax\ny\nb" {
		t.Fatalf("paste into LF: %q", s2.Text())
	}
}

// TestNoGapBetweenPieces: text pieces of different faces meet exactly
// where the previous one's drawn (shaped) text ends: the editor showed a
// gap between ")" ending a link's URL and "也" (…/dev/)也需要).
func TestNoGapBetweenPieces(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	s := NewSource()
	s.SetText("相应地，[TiDB 英文文档](https://docs.pingcap.com/tidb/dev/)也需要频繁更新 `code()`也 **粗(体)**也\n")
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(1400, 300))
	var prev *canvas.Text
	pieces := 0
	for _, o := range test.WidgetRenderer(s).Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok || !tx.Visible() || tx.Text == "" {
			continue
		}
		if prev != nil && prev.Position().Y == tx.Position().Y {
			end := prev.Position().X + fyne.MeasureText(prev.Text, prev.TextSize, prev.TextStyle).Width
			if gap := tx.Position().X - end; gap > 0.01 || gap < -0.01 {
				t.Errorf("%.2f between %q and %q", gap, prev.Text, tx.Text)
			}
			pieces++
		}
		prev = tx
	}
	if pieces < 4 {
		t.Fatalf("only %d pieces compared", pieces)
	}
}

// TestBoxDrawingTakesOneColumn: in code, box drawing (─ │ └ ├ ┌ ┐) takes
// one monospace column like ASCII, and CJK two, so EXPLAIN output and
// ASCII diagrams line up as in the preview; each box character is drawn
// centred on its column.
func TestBoxDrawingTakesOneColumn(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	rows := []string{"+-- a|", "├── a│", "└── a┘", "┌┐│ a|", "中文a|"}
	s := NewSource()
	s.SetText("```\n" + strings.Join(rows, "\n") + "\n```\n")
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(900, 400))
	m := s.metrics()
	cell := fyne.MeasureText("M", m.size, fyne.TextStyle{Monospace: true}).Width
	for i, row := range rows {
		line := i + 1
		at := strings.Index(row, "a")
		if x := s.lay.measure(line, 0, at); math.Abs(float64(x-4*cell)) > 0.5 {
			t.Errorf("row %q: 'a' at %.2f, want 4 columns = %.2f", row, x, 4*cell)
		}
		if x := s.lay.measure(line, 0, len(row)); math.Abs(float64(x-6*cell)) > 0.5 {
			t.Errorf("row %q is %.2f wide, want 6 columns = %.2f", row, x, 6*cell)
		}
	}
	// drawn: every glyph's centre lies within its own column
	r := test.WidgetRenderer(s).(*sourceRenderer)
	pad := s.padLeft()
	seen := 0
	for _, tx := range r.texts {
		if !tx.Visible() || utf8.RuneCountInString(tx.Text) != 1 || tx.Text < "\u2500" || tx.Text > "\u257f" {
			continue
		}
		seen++
		adv := fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle).Width
		mid := tx.Position().X + adv/2 - pad
		col := int(mid / cell)
		if d := mid - (float32(col)+0.5)*cell; d > 0.5 || d < -0.5 {
			t.Errorf("%q drawn centred at %.2f, not on a column's centre (cell %.2f)", tx.Text, mid, cell)
		}
	}
	if seen < 8 {
		t.Errorf("only %d box characters drawn alone", seen)
	}
	// the caret after "├──" is where it is after "+--"
	if a, _ := s.lay.colAt(2, 0, len(rows[1]), 3*cell+1); a != len("├──") {
		b := len("├──")
		t.Errorf("click after 3 columns of %q lands at byte %d, want %d", rows[1], a, b)
	}
}

// QA: arrows, curly quotes and circled numbers in code are a full em wide
// in the CJK face; they are not drawn over their neighbours (box drawing
// still overlaps, so its lines join): those Fyne's Latin monospace face
// has (→ “ ” ×) are drawn from it at full size, at most its 0.6 em, centred
// on their column (QA7 H2: shrunk, the arrow was a speck), ① smaller to
// fit its column.
func TestWideSymbolsInCodeFitTheirColumn(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	s := NewSource()
	s.SetText("```\na → b “q” ① × ─\n```\n")
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(900, 400))
	m := s.metrics()
	cell := fyne.MeasureText("M", m.size, fyne.TextStyle{Monospace: true}).Width
	r := test.WidgetRenderer(s).(*sourceRenderer)
	pad := s.padLeft()
	fitted, latin := 0, 0
	for _, tx := range r.texts {
		c, _ := utf8.DecodeRuneInString(tx.Text)
		if !tx.Visible() || utf8.RuneCountInString(tx.Text) != 1 || c < 0x80 || textwidth.IsBoxDrawing(c) {
			continue
		}
		adv, _ := fyne.CurrentApp().Driver().RenderedTextSize(tx.Text, tx.TextSize, tx.TextStyle, tx.FontSource)
		switch {
		case tx.FontSource == latinMono():
			latin++
			if tx.TextSize != m.size || adv.Width > 0.61*m.size {
				t.Errorf("%q drawn from the Latin face at %.1f (text %.1f), %.1f wide", tx.Text, tx.TextSize, m.size, adv.Width)
			}
			mid := tx.Position().X + adv.Width/2 - pad
			if d := mid - (float32(int(mid/cell))+0.5)*cell; d > 0.5 || d < -0.5 {
				t.Errorf("%q drawn centred at %.2f, not on a column's centre (cell %.2f)", tx.Text, mid, cell)
			}
		case adv.Width > cell+0.5:
			t.Errorf("%q drawn %.1f wide over its %.1f column", tx.Text, adv.Width, cell)
		case tx.TextSize < m.size:
			fitted++
		}
	}
	if fitted != 1 || latin != 4 {
		t.Errorf("%d symbols drawn smaller (want ①), %d from the Latin face (want → “ ” ×)", fitted, latin)
	}
}
