package editor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor/buffer"
)

// refHangEnd is where the hanging indent of a line lexed with spans sp
// from state st ends, found plainly: after the list and quote markers that
// start a Markdown line (not a thematic break) and the spaces after them,
// or after the leading white space of any other line.
func refHangEnd(line string, st lexState, sp []span) int {
	p := 0
	if st&lexModeMask <= lexNormal && st&lexFence == 0 && !isThematicBreak(line) {
		k := 0
		if st == lexStart && strings.HasPrefix(line, utf8BOM) && len(sp) > 0 && sp[0].kind == hlText && sp[0].end == len(utf8BOM) {
			p, k = len(utf8BOM), 1
		}
		if k < len(sp) && sp[k].kind == hlMarker && sp[k].start == p {
			p = sp[k].end
		}
	}
	return min(p+len(line[p:])-len(strings.TrimLeft(line[p:], " \t")), maxHang)
}

// refHangWrap wraps line as the layout should: rows after the first are
// narrower by the width of the prefix up to refHangEnd (at most half the
// width), which takes no room on the first row.
func refHangWrap(l *layout, line string, st lexState, sp []span) buffer.Breaks {
	faceAt := func(off int) int {
		for _, x := range sp {
			if off >= x.start && off < x.end {
				return l.face(x.kind)
			}
		}
		return l.face(hlText)
	}
	end := refHangEnd(line, st, sp)
	var hang float32
	hangEnd := 0
	for off, r := range line[:end] {
		a := l.m.advance(r, faceAt(off))
		if hang+a > l.width/2 {
			break
		}
		hang += a
		hangEnd = off + utf8.RuneLen(r)
		if r == utf8.RuneError {
			hangEnd = off + 1
		}
	}
	adv := func(off int, r rune) float32 {
		if off < hangEnd {
			return 0
		}
		return l.m.advance(r, faceAt(off))
	}
	return buffer.WrapLine(displayLine(line), l.width-hang, adv)
}

// rowX returns the smallest x of the text drawn on visual row sub of the
// view (rows counted from the top, all lines shown).
func rowX(t *testing.T, s *Source, sub int) float32 {
	t.Helper()
	r := test.WidgetRenderer(s).(*sourceRenderer)
	y := padTop + float32(sub)*s.metrics().lineH - s.scrollY
	x := float32(-1)
	for _, tx := range r.texts {
		if tx.Visible() && tx.Position().Y == y && (x < 0 || tx.Position().X < x) {
			x = tx.Position().X
		}
	}
	if x < 0 {
		t.Fatalf("nothing drawn on row %d", sub)
	}
	return x
}

// TestWrappedListItemHangsUnderItsText is F32b: a list item's wrapped rows
// go on under its text, not at column 0, and the caret, clicks, Up/Down
// and the selection follow them there.
func TestWrappedListItemHangsUnderItsText(t *testing.T) {
	text := "+ 一二三四五六七八九十甲乙丙丁戊己庚辛壬癸\n尾"
	s := newNarrowSource(t, text, 8)
	m := s.metrics()
	hang := m.advance('+', faceBold) + m.advance(' ', faceBold)
	rows := s.VisualLines()
	if len(rows) < 4 || !strings.HasPrefix(rows[0], "+ 一") {
		t.Fatalf("rows %q", rows)
	}
	br := s.lay.wrap(0)
	if got := s.lay.rowIndent(0, br[0]); got != hang {
		t.Fatalf("row indent %v, want the marker's width %v", got, hang)
	}
	// every row holds as many ideographs as fit in the width less the hang
	per := int((s.lay.width - hang) / m.han[faceRegular])
	for k, row := range rows[:len(rows)-1] {
		n := utf8.RuneCountInString(strings.TrimPrefix(row, "+ "))
		if k < len(rows)-2 && n != per {
			t.Errorf("row %d %q holds %d ideographs, want %d", k, row, n, per)
		}
	}
	pad := s.padLeft()
	if x0, x1 := rowX(t, s, 0), rowX(t, s, 1); x0 != pad || x1 != pad+hang {
		t.Fatalf("rows drawn at x %v and %v, want %v and %v", x0, x1, pad, pad+hang)
	}
	if x := rowX(t, s, len(rows)-1); x != pad {
		t.Fatalf("the next line drawn at x %v, want %v", x, pad)
	}
	// the caret at the start of row 1 is drawn after the hang
	s.SetCursorOffset(br[0])
	if _, sub, x := s.cursorVisual(); sub != 1 || x != hang {
		t.Fatalf("caret at row 1's start: row %d x %v, want row 1 x %v", sub, x, hang)
	}
	// clicks: in the hang, and on the second ideograph of row 1
	lh := m.lineH
	s.Tapped(&fyne.PointEvent{Position: fyne.NewPos(pad+1, padTop+1.5*lh)})
	if got := s.CursorOffset(); got != br[0] {
		t.Fatalf("click in the hang: offset %d, want row 1's start %d", got, br[0])
	}
	s.Tapped(&fyne.PointEvent{Position: fyne.NewPos(pad+hang+1.2*m.han[faceRegular], padTop+1.5*lh)})
	if got := s.CursorOffset(); got != br[0]+3 {
		t.Fatalf("click on row 1's second ideograph: offset %d, want %d", got, br[0]+3)
	}
	// Up and Down keep the x: after 一 on row 0 is after the first
	// ideograph of row 1
	s.SetCursorOffset(len("+ 一"))
	key(s, fyne.KeyDown)
	if got := s.CursorOffset(); got != br[0]+3 {
		t.Fatalf("Down from after 一: offset %d, want %d", got, br[0]+3)
	}
	key(s, fyne.KeyUp)
	if got := s.CursorOffset(); got != len("+ 一") {
		t.Fatalf("Up back: offset %d, want %d", got, len("+ 一"))
	}
	// Home on row 1 goes to its start, past the hang
	s.SetCursorOffset(br[0] + 6)
	key(s, fyne.KeyHome)
	if got := s.CursorOffset(); got != br[0] {
		t.Fatalf("Home on row 1: offset %d, want %d", got, br[0])
	}
	// a selection over row 1 is drawn from the hang on
	s.Select(Range{Start: br[0], End: br[1]})
	r := test.WidgetRenderer(s).(*sourceRenderer)
	found := false
	for _, rc := range r.rects {
		if rc.Visible() && rc.Position().Y == padTop+lh && rc.Size().Height == lh {
			found = true
			if rc.Position().X != pad+hang {
				t.Fatalf("selection on row 1 drawn from x %v, want %v", rc.Position().X, pad+hang)
			}
		}
	}
	if !found {
		t.Fatalf("no selection drawn on row 1")
	}
}

// TestWrappedCodeLineInListItemHangs: a long code line in a fence nested
// in a list item goes on under its indent.
func TestWrappedCodeLineInListItemHangs(t *testing.T) {
	s := newNarrowSource(t, nestedFences, 20)
	m := s.metrics()
	i := lineIndex(t, s, "        curl --proto")
	br := s.lay.wrap(i)
	if len(br) == 0 {
		t.Fatalf("the curl line does not wrap")
	}
	if got, want := s.lay.rowIndent(i, br[0]), 8*m.advance(' ', faceMono); got != want {
		t.Fatalf("code row indent %v, want 8 monospace spaces %v", got, want)
	}
	// the rows after the first are no wider than the width less the hang
	for k := range br {
		end := s.lay.dispLen(i)
		if k+1 < len(br) {
			end = br[k+1]
		}
		if w := s.lay.measure(i, br[k], end); w > s.lay.width-8*m.cell+1 {
			t.Errorf("row %d is %v wide, room %v", k+1, w, s.lay.width-8*m.cell)
		}
	}
}

// TestWrappedChineseListItemKeepsKinsoku wraps a Chinese list item with
// its hang at many widths: no row after the first starts with closing
// punctuation, rows never overflow, and the rows rebuild the line.
func TestWrappedChineseListItemKeepsKinsoku(t *testing.T) {
	item := "  - 随着人工智能技术的快速发展，大模型（LLM）正在改变软件开发、数据分析和内容创作的方式。企业需要「可解释」的模型：透明、可控、可审计！"
	s := newNarrowSource(t, item, 6)
	for cols := 5; cols <= 16; cols++ {
		w := float32(cols)*s.metrics().han[faceRegular] + 0.5 + 2*s.padLeft() + barSize
		s.Resize(fyne.NewSize(w, 400))
		rows := s.VisualLines()
		if strings.Join(rows, "") != item {
			t.Fatalf("%d cols: rows %q do not rebuild the line", cols, rows)
		}
		br := s.lay.wrap(0)
		hang := s.lay.rowIndent(0, 1)
		if hang <= 0 || hang > s.lay.width/2 {
			t.Fatalf("%d cols: hang %v of width %v", cols, hang, s.lay.width)
		}
		for k, row := range rows[1:] {
			if r, _ := utf8.DecodeRuneInString(row); strings.ContainsRune("，。、）」：！", r) {
				t.Errorf("%d cols: row %d starts with %q: %q", cols, k+1, r, rows)
			}
			end := len(item)
			if k+1 < len(br) {
				end = br[k+1]
			}
			if x := s.lay.xOf(0, br[k], end); x > s.lay.width+0.01 && utf8.RuneCountInString(row) > 1 {
				t.Errorf("%d cols: row %d %q ends at x %v past the width %v", cols, k+1, row, x, s.lay.width)
			}
		}
	}
}

// TestHangIsAtMostHalfTheWidth: a deeply indented line keeps half the
// width for its text; a form's field has no hang.
func TestHangIsAtMostHalfTheWidth(t *testing.T) {
	line := strings.Repeat(" ", 80) + strings.Repeat("长", 40)
	s := newNarrowSource(t, line, 10)
	br := s.lay.wrap(0)
	if len(br) == 0 {
		t.Fatalf("no wrap")
	}
	if h := s.lay.rowIndent(0, br[0]); h <= 0 || h > s.lay.width/2 {
		t.Fatalf("hang %v of width %v", h, s.lay.width)
	}
	s.SetField(&FieldOptions{MinLines: 1, MaxLines: 40})
	s.SetText("- " + strings.Repeat("长", 40))
	br = s.lay.wrap(0)
	if len(br) == 0 {
		t.Fatalf("the field does not wrap")
	}
	if h := s.lay.rowIndent(0, br[0]); h != 0 {
		t.Fatalf("a field's row indent is %v", h)
	}
}
