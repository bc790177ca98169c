// Package editor holds Folio's writing-room widgets. Source is the Markdown
// source editor: an own widget (not widget.Entry) whose cost per keystroke
// does not grow with the length of the article.
//
// # How Source stays fast
//
// The text lives in a buffer.Buffer (lines plus a prefix-sum line index).
// The widget wraps a line only when it is shown or the cursor walks through
// it, caches that wrap until the line or the width changes, and keeps a
// visual-line count per logical line (exact for wrapped lines, estimated
// from the byte mix for the others) in a prefix-sum tree, so the scroll
// height and "which line is at this pixel" cost O(log lines). The renderer
// only creates canvas objects for the visible visual lines and reuses them
// when scrolling. Rune advances are measured once per rune and face with
// fyne.MeasureText and memoised; Han ideographs share one measured advance.
// After a keystroke only the edited line is re-lexed, and its wrap is
// redone from the visual line before the edit until it lines up with the
// old breaks again.
//
// A long line (a 900 KB paragraph) costs a keystroke about what a short
// one does: the buffer keeps it as a rope of small chunks once edited, so
// typing copies one chunk; the highlighter resumes at a checkpoint before
// the edit and stops where it meets the old checkpoints again; and the line
// is wrapped only as far as the view, the cursor or a key (Down, End,
// Ctrl+End) needs, the rows after that counted from the old wrap until a
// row past them is asked for. Views read such a line through
// Buffer.LineSlice, never whole.
//
// # Keys
//
// Arrows, Home/End (visual line, then logical line), PageUp/PageDown,
// Ctrl+Home/End, Ctrl+Left/Right (a run of CJK characters is one word),
// Ctrl+Backspace/Delete, all with Shift to select; Ctrl+A, Ctrl+C/X/V,
// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y; Tab and Shift+Tab indent and outdent
// (list items and multi-line selections as whole lines); Enter continues
// "- ", "1. ", "- [ ] " and "> " prefixes and ends a list on an empty item;
// Ctrl+B, Ctrl+I, Ctrl+` wrap the selection in **, * or ` (or unwrap it),
// Ctrl+K makes a link. Double click selects a word, triple click a line.
//
// # Input methods
//
// Committed text from an input method (and from `xdotool type 中文`) arrives
// through TypedRune and is inserted normally. Fyne has no pre-edit (IME
// composition) API (upstream issue #618): the composition string is drawn by
// the input method itself and its candidate window is not placed at the
// text cursor, because the widget cannot tell the input method where the
// cursor is. This is a known limit until Fyne grows that API.
package editor

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/buffer"
)

// Range is a byte range [Start, End) of the editor's text.
type Range struct {
	Start, End int
}

// Source is a Markdown source editor widget with soft wrap for Chinese and
// English text, undo history, Markdown shortcuts and light highlighting.
// Create it with NewSource. Like all widgets it must only be used from the
// Fyne UI goroutine.
type Source struct {
	widget.BaseWidget

	// OnChanged is called after every edit by the user (typing, paste,
	// undo, replace). It is not called by SetText or ReplaceRange. Call
	// Text to read the new text; it costs O(length) so debounce it.
	OnChanged func()
	// OnCursorMoved is called when the cursor moves, with the 0-based line
	// and the 0-based column counted in runes.
	OnCursorMoved func(line, column int)
	// OnScrolled is called when the first visible line changes.
	OnScrolled func(firstLine int)
	// OnOtherKey is called with the keys the editor does not use (F2,
	// Escape, function keys), so the window can act on them while the
	// editor has the focus.
	OnOtherKey func(ev *fyne.KeyEvent)
	// OnPasteImage, when set, is called by Paste when the clipboard holds
	// an image and no text, with the image's bytes and extension (".png").
	// See source_image.go.
	OnPasteImage func(data []byte, ext string)
	// ClipboardImage reads an image from the clipboard for OnPasteImage,
	// on the UI goroutine (it must answer at once); nil uses
	// SystemClipboardImage, off the UI goroutine. Tests set it.
	ClipboardImage func() (data []byte, ext string, ok bool)
	// systemImage stands for SystemClipboardImage and do for fyne.Do
	// (the hand-over of its late answer, source_keys.go) when set: tests
	// set them.
	systemImage func() (data []byte, ext string, ok bool)
	do          func(func())
	// OnCaretMoved is called when the drawn caret appears or moves on
	// screen (typing, moving, scrolling, resizing, focus), with its top-left
	// corner in the widget's coordinates and its height. Input methods use
	// it to open their candidate window at the caret.
	OnCaretMoved func(pos fyne.Position, height float32)
	// OnTaggedStep, when set, is called after Undo or Redo of a step
	// tagged with TagLastStep (after OnChanged), with the tag and whether
	// the step was undone.
	OnTaggedStep func(tag any, undone bool)

	buf   *buffer.Buffer
	lay   layout
	sel   buffer.Selection
	prefX float32 // remembered x for vertical moves; <0 when unset
	// rowEnd puts a cursor that sits on a soft break at the end of the
	// upper visual line instead of the start of the lower one (after End,
	// or a click right of a wrapped line). wantRowEnd asks the next
	// setSelection for it.
	rowEnd, wantRowEnd bool
	readOnly           bool
	textSize           float32
	focused            bool
	shift              bool
	scrollY            float32
	viewSize           fyne.Size
	lastTop            int

	caret      fyne.Position // where the renderer last drew the caret
	caretH     float32       // its height; 0 while no caret is drawn
	caretShown bool

	matches []Range // highlighted find results
	col     colMemo // rune column of the latest asked position

	marks     []lineMark // tinted line ranges (source_marks.go)
	spanMarks []SpanMark // tinted character ranges (source_marks.go)

	clicks    int
	lastClick clickInfo
	pressed   bool // a primary MouseDown was seen and not yet ended by Tapped or DragEnd
	dragging  bool
	dragFrom  buffer.Selection

	field *fieldState // a form's field (SetField, source_field.go); nil: the editor
}

// NewSource returns an empty editor.
func NewSource() *Source {
	s := &Source{buf: buffer.New(""), prefX: -1}
	s.lay.buf = s.buf
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer implements fyne.Widget.
func (s *Source) CreateRenderer() fyne.WidgetRenderer {
	return newSourceRenderer(s)
}

// SetText replaces the whole text, clears the undo history (a reload is not
// an undoable edit), puts the cursor at the start and scrolls to the top.
// OnChanged is not called. To keep the reader's place across a reload, read
// FirstVisibleLine and CursorOffset first and restore them with
// ScrollToLine and SetCursorOffset.
func (s *Source) SetText(text string) {
	s.buf.SetText(text)
	s.sel = buffer.Selection{}
	s.prefX = -1
	s.rowEnd = false
	s.scrollY = 0
	s.matches = nil
	s.marks = nil
	s.spanMarks = nil
	s.relayout()
	s.Refresh()
}

// Text returns the whole text. It costs O(length).
func (s *Source) Text() string { return s.buf.Text() }

// Len returns the text length in bytes.
func (s *Source) Len() int { return s.buf.Len() }

// LineCount returns the number of logical lines.
func (s *Source) LineCount() int { return s.buf.LineCount() }

// Line returns logical line i (0-based) without its newline.
func (s *Source) Line(i int) string { return s.buf.Line(i) }

// CursorOffset returns the cursor's byte offset.
func (s *Source) CursorOffset() int { return s.sel.Cursor }

// CursorLine returns the cursor's 0-based logical line.
func (s *Source) CursorLine() int { return s.buf.OffsetToPos(s.sel.Cursor).Line }

// CursorColumn returns the cursor's 0-based column in runes.
func (s *Source) CursorColumn() int {
	p := s.buf.OffsetToPos(s.sel.Cursor)
	return s.runeColumn(p)
}

// colMemo remembers the rune column of one position, so the column of a
// cursor deep in a long line is counted from there and not from the line
// start on every keystroke.
type colMemo struct {
	ver   uint64
	p     buffer.Pos
	runes int
}

// runeColumn returns the column of p counted in runes.
func (s *Source) runeColumn(p buffer.Pos) int {
	m := &s.col
	n := -1
	if m.ver == s.buf.Version() && m.p.Line == p.Line {
		switch {
		case p.Col >= m.p.Col:
			n = m.runes + utf8.RuneCountInString(s.buf.LineSlice(p.Line, m.p.Col, p.Col))
		case m.p.Col-p.Col < p.Col:
			n = m.runes - utf8.RuneCountInString(s.buf.LineSlice(p.Line, p.Col, m.p.Col))
		}
	}
	if n < 0 {
		n = utf8.RuneCountInString(s.buf.LineSlice(p.Line, 0, p.Col))
	}
	*m = colMemo{s.buf.Version(), p, n}
	return n
}

// colShift tells how the column memo moves over an edit of [start, end)
// into text, before it is made: keep is false when the memo must go.
func (s *Source) colShift(start, end int, text string) (keep bool, dCol, dRunes int) {
	m := &s.col
	if m.ver != s.buf.Version() {
		return false, 0, 0
	}
	sp, ep := s.buf.OffsetToPos(start), s.buf.OffsetToPos(end)
	oneLine := sp.Line == ep.Line && strings.IndexByte(text, '\n') < 0
	switch {
	case sp.Line > m.p.Line || sp.Line == m.p.Line && sp.Col >= m.p.Col:
		return true, 0, 0 // after the memo's place
	case oneLine && sp.Line < m.p.Line:
		return true, 0, 0 // inside a line above: line numbers stay
	case oneLine && sp.Line == m.p.Line && ep.Col <= m.p.Col:
		removed := utf8.RuneCountInString(s.buf.LineSlice(sp.Line, sp.Col, ep.Col))
		return true, len(text) - (end - start), utf8.RuneCountInString(text) - removed
	}
	return false, 0, 0
}

// SetCursorOffset moves the cursor to a byte offset (clamped, snapped to a
// rune start), clears the selection and scrolls it into view.
func (s *Source) SetCursorOffset(off int) {
	off = s.snap(off)
	s.setSelection(buffer.Selection{Anchor: off, Cursor: off}, true)
}

// Selection returns the selected byte range (Start <= End).
func (s *Source) Selection() Range {
	a, b := s.sel.Anchor, s.sel.Cursor
	if a > b {
		a, b = b, a
	}
	return Range{a, b}
}

// SelectedText returns the selected text.
func (s *Source) SelectedText() string {
	r := s.Selection()
	return s.buf.Slice(r.Start, r.End)
}

// Select selects r (the cursor goes to r.End) and scrolls it into view.
func (s *Source) Select(r Range) {
	s.setSelection(buffer.Selection{Anchor: s.snap(r.Start), Cursor: s.snap(r.End)}, true)
}

// SetReadOnly turns editing off or on. A read-only editor still scrolls,
// selects and copies.
func (s *Source) SetReadOnly(ro bool) {
	s.readOnly = ro
	s.Refresh()
}

// ReadOnly reports whether editing is off.
func (s *Source) ReadOnly() bool { return s.readOnly }

// SetTextSize sets the font size in points; 0 follows the theme.
func (s *Source) SetTextSize(size float32) {
	if size == s.textSize {
		return
	}
	s.textSize = size
	s.relayout()
	s.Refresh()
}

// TextSize returns the font size in use.
func (s *Source) TextSize() float32 {
	if s.textSize > 0 {
		return s.textSize
	}
	return s.Theme().Size(theme.SizeNameText)
}

// CanUndo reports whether Undo would do something.
func (s *Source) CanUndo() bool { return s.buf.CanUndo() }

// CanRedo reports whether Redo would do something.
func (s *Source) CanRedo() bool { return s.buf.CanRedo() }

// Undo reverts the latest edit step.
func (s *Source) Undo() {
	if s.readOnly {
		return
	}
	changes, sel, ok := s.buf.Undo()
	if !ok {
		return
	}
	s.afterChanges(changes, sel)
	s.tagged(true)
}

// TagLastStep attaches tag to the latest undo step (see OnTaggedStep).
func (s *Source) TagLastStep(tag any) { s.buf.TagLast(tag) }

func (s *Source) tagged(undone bool) {
	if t := s.buf.AppliedTag(); t != nil && s.OnTaggedStep != nil {
		s.OnTaggedStep(t, undone)
	}
}

// Redo re-applies the latest undone step.
func (s *Source) Redo() {
	if s.readOnly {
		return
	}
	changes, sel, ok := s.buf.Redo()
	if !ok {
		return
	}
	s.afterChanges(changes, sel)
	s.tagged(false)
}

func (s *Source) afterChanges(changes []buffer.Change, sel buffer.Selection) {
	s.lay.applyAll(changes)
	s.marksEdited(changes...)
	s.sel = buffer.Selection{Anchor: s.snap(sel.Anchor), Cursor: s.snap(sel.Cursor)}
	s.prefX = -1
	s.rowEnd = false
	s.matches = nil
	s.ensureCursorVisible()
	s.Refresh()
	s.changed()
	s.cursorMoved()
}

// ReplaceRange replaces r with text as one undoable step without calling
// OnChanged: for programmatic edits such as the front matter form. The
// selection keeps its place in the text around the edit.
func (s *Source) ReplaceRange(r Range, text string) {
	if r.Start > r.End {
		r.Start, r.End = r.End, r.Start
	}
	old := s.sel
	if !s.edit(r.Start, r.End, text, buffer.EditOther) {
		return
	}
	mapOff := func(off int) int {
		switch {
		case off >= r.End:
			return off + len(text) - (r.End - r.Start)
		case off > r.Start:
			return r.Start + len(text)
		}
		return off
	}
	s.sel = buffer.Selection{Anchor: mapOff(old.Anchor), Cursor: mapOff(old.Cursor)}
	s.buf.SetUndoAfter(s.sel)
	s.Refresh()
}

// FirstVisibleLine returns the logical line at the top of the view.
func (s *Source) FirstVisibleLine() int {
	i, _ := s.lay.lineAtVisual(s.topVisual())
	return i
}

// topVisual returns the global index of the visual line at the top edge.
func (s *Source) topVisual() int {
	return max(int((s.scrollY-padTop)/s.metrics().lineH+1e-3), 0)
}

// ScrollToLine scrolls so that logical line i is at the top of the view.
func (s *Source) ScrollToLine(i int) {
	i = min(max(i, 0), s.buf.LineCount()-1)
	m := s.metrics()
	s.scrollY = float32(s.lay.visualIndex(i, 0))*m.lineH + padTop
	s.clampScroll()
	s.Refresh()
	s.notifyScroll()
}

// edit applies one edit from a user action or the API, keeping caches and
// the cursor right. It returns false in read-only mode.
func (s *Source) edit(start, end int, text string, kind buffer.EditKind) bool {
	if s.readOnly {
		return false
	}
	keep, dCol, dRunes := s.colShift(start, end, text)
	ch := s.buf.Replace(start, end, text, kind, s.sel)
	if keep {
		s.col.ver = s.buf.Version()
		s.col.p.Col += dCol
		s.col.runes += dRunes
	}
	s.lay.apply(ch, true)
	s.marksEdited(ch)
	s.rowEnd = false
	s.sel = buffer.Selection{Anchor: ch.NewEnd, Cursor: ch.NewEnd}
	s.prefX = -1
	s.matches = nil
	return true
}

// userEdit is edit followed by the notifications a user action triggers.
func (s *Source) userEdit(start, end int, text string, kind buffer.EditKind) {
	if !s.edit(start, end, text, kind) {
		return
	}
	s.ensureCursorVisible()
	s.Refresh()
	s.changed()
	s.cursorMoved()
}

func (s *Source) changed() {
	if s.OnChanged != nil {
		s.OnChanged()
	}
}

func (s *Source) cursorMoved() {
	if s.OnCursorMoved != nil {
		p := s.buf.OffsetToPos(s.sel.Cursor)
		s.OnCursorMoved(p.Line, s.runeColumn(p))
	}
}

func (s *Source) notifyScroll() {
	if s.OnScrolled == nil {
		return
	}
	if top := s.FirstVisibleLine(); top != s.lastTop {
		s.lastTop = top
		s.OnScrolled(top)
	}
}

// setSelection moves the selection; reveal scrolls the cursor into view.
func (s *Source) setSelection(sel buffer.Selection, reveal bool) {
	moved := sel.Cursor != s.sel.Cursor || s.rowEnd != s.wantRowEnd
	s.rowEnd, s.wantRowEnd = s.wantRowEnd, false
	if sel != s.sel {
		s.buf.BreakUndoGroup()
	}
	s.sel = sel
	if reveal {
		s.ensureCursorVisible()
	}
	s.Refresh()
	if moved {
		s.cursorMoved()
	}
}

// snap clamps off to the text and moves it back to a rune start.
func (s *Source) snap(off int) int {
	p := s.buf.OffsetToPos(off)
	c := p.Col
	if c > 0 && c < s.buf.LineLen(p.Line) {
		// back to the start of the rune holding c (at most 3 bytes back)
		w := s.buf.LineSlice(p.Line, c-utf8.UTFMax+1, c+1)
		k := len(w) - 1
		for k > 0 && !utf8.RuneStart(w[k]) {
			k--
			c--
		}
	}
	return s.buf.PosToOffset(buffer.Pos{Line: p.Line, Col: c})
}

// metrics returns the rune advance cache for the current text size.
func (s *Source) metrics() *metrics {
	size := s.TextSize()
	if s.lay.m == nil || s.lay.m.size != size {
		s.lay.m = newMetrics(size)
		s.lay.reset(s.wrapWidth(), s.lay.m)
	}
	return s.lay.m
}

// relayout drops all wraps (text, size or width changed), keeping the top
// line in view.
func (s *Source) relayout() {
	top := 0
	if s.lay.m != nil && s.lay.counts.Len() == s.buf.LineCount() {
		top = s.FirstVisibleLine()
	}
	s.lay.m = nil
	m := s.metrics()
	if top > 0 {
		s.scrollY = float32(s.lay.visualIndex(top, 0))*m.lineH + padTop
	}
}

const (
	padTop  = 4
	barSize = 8
)

func (s *Source) padLeft() float32 { return s.Theme().Size(theme.SizeNameInnerPadding) }

// wrapWidth is the width available to text.
func (s *Source) wrapWidth() float32 {
	if s.viewSize.Width <= 0 {
		return 0
	}
	return max(s.viewSize.Width-2*s.padLeft()-barSize, 20)
}

// contentHeight is the height of all visual lines plus padding.
func (s *Source) contentHeight() float32 {
	return float32(s.lay.counts.Total())*s.metrics().lineH + 2*padTop
}

func (s *Source) clampScroll() {
	maxY := max(s.contentHeight()-s.viewSize.Height, 0)
	s.scrollY = min(max(s.scrollY, 0), maxY)
}

// cursorRow returns the cursor's logical line, visual sub-line and column,
// honouring rowEnd.
func (s *Source) cursorRow() (line, sub, col int) {
	p := s.buf.OffsetToPos(s.sel.Cursor)
	sub = s.lay.subOf(p.Line, p.Col)
	if s.rowEnd && sub > 0 {
		if vs, _ := s.lay.visualRange(p.Line, sub); vs == p.Col {
			sub--
		}
	}
	return p.Line, sub, p.Col
}

// cursorVisual returns the cursor's logical line, sub-line and x offset.
func (s *Source) cursorVisual() (line, sub int, x float32) {
	line, sub, col := s.cursorRow()
	vs, _ := s.lay.visualRange(line, sub)
	return line, sub, s.lay.xOf(line, vs, col)
}

// ensureCursorVisible scrolls the least needed to show the cursor.
func (s *Source) ensureCursorVisible() {
	if s.viewSize.Height <= 0 {
		return
	}
	m := s.metrics()
	line, sub, _ := s.cursorVisual()
	for range 4 {
		top := float32(s.lay.visualIndex(line, sub))*m.lineH + padTop
		bottom := top + m.lineH
		switch {
		case top < s.scrollY+padTop:
			s.scrollY = top - padTop
		case bottom > s.scrollY+s.viewSize.Height-padTop:
			s.scrollY = bottom - s.viewSize.Height + padTop
		}
		s.clampScroll()
		// The lines from the top of the view down to the cursor are drawn
		// row by row: make their counts exact (a long line's may be an
		// estimate past its wrapped rows) and look again if one changed.
		v := s.lay.visualIndex(line, sub)
		first, _ := s.lay.lineAtVisual(s.topVisual())
		for l := first; l < line && l-first < 256; l++ {
			s.lay.rowCount(l)
		}
		if s.lay.visualIndex(line, sub) == v {
			break
		}
	}
	s.notifyScroll()
}

// resized is called by the renderer's Layout.
func (s *Source) resized(size fyne.Size) {
	if size == s.viewSize {
		return
	}
	oldW := s.wrapWidth()
	// A bar shown above the editor makes it shorter: a caret that was in
	// view stays in view (QA: the line being typed went under the bar).
	keep := size.Height < s.viewSize.Height && s.cursorInView()
	s.viewSize = size
	if s.wrapWidth() != oldW {
		s.relayout()
	}
	s.clampScroll()
	if keep && !s.cursorInView() {
		s.ensureCursorVisible()
	}
}

// cursorInView reports whether the cursor's row is wholly within the view.
func (s *Source) cursorInView() bool {
	if s.viewSize.Height <= 0 {
		return false
	}
	m := s.metrics()
	line, sub, _ := s.cursorVisual()
	top := float32(s.lay.visualIndex(line, sub))*m.lineH + padTop
	return top >= s.scrollY+padTop && top+m.lineH <= s.scrollY+s.viewSize.Height-padTop
}

// CaretRect returns the caret's top-left corner in the widget's coordinates
// and its height, as last drawn; ok is false while no caret is shown (no
// focus, read-only, or the caret is scrolled out of view).
func (s *Source) CaretRect() (pos fyne.Position, height float32, ok bool) {
	return s.caret, s.caretH, s.caretShown
}

// caretDrawn records where the renderer drew the caret and tells
// OnCaretMoved when that changed.
func (s *Source) caretDrawn(pos fyne.Position, height float32, shown bool) {
	if pos == s.caret && height == s.caretH && shown == s.caretShown {
		return
	}
	s.caret, s.caretH, s.caretShown = pos, height, shown
	if shown && s.OnCaretMoved != nil {
		s.OnCaretMoved(pos, height)
	}
}
