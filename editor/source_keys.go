package editor

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"folio/editor/buffer"
)

// indentUnit is what Tab adds in front of a line and Shift+Tab removes.
const indentUnit = "  "

var (
	_ fyne.Focusable    = (*Source)(nil)
	_ fyne.Shortcutable = (*Source)(nil)
	_ fyne.Tabbable     = (*Source)(nil)
	_ desktop.Keyable   = (*Source)(nil)
)

// FocusGained implements fyne.Focusable.
func (s *Source) FocusGained() {
	s.focused = true
	s.Refresh()
	s.fieldFocus(true)
}

// FocusLost implements fyne.Focusable.
func (s *Source) FocusLost() {
	s.focused = false
	s.shift = false
	s.Refresh()
	s.fieldFocus(false)
}

// AcceptsTab implements fyne.Tabbable: Tab indents instead of moving focus
// (in a form's field it moves the focus).
func (s *Source) AcceptsTab() bool { return s.field == nil }

// KeyDown implements desktop.Keyable to track Shift for selections.
func (s *Source) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (s *Source) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = false
	}
}

// TypedRune implements fyne.Focusable: committed text from the keyboard or
// an input method replaces the selection.
func (s *Source) TypedRune(r rune) {
	if s.readOnly {
		return
	}
	sel := s.Selection()
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	kind := buffer.EditTyping
	if sel.Start != sel.End {
		kind = buffer.EditOther
	}
	s.userEdit(sel.Start, sel.End, string(buf[:n]), kind)
}

// TypedKey implements fyne.Focusable.
func (s *Source) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		s.moveH(-1, false, s.shift)
	case fyne.KeyRight:
		s.moveH(1, false, s.shift)
	case fyne.KeyUp:
		s.moveV(-1, s.shift)
	case fyne.KeyDown:
		s.moveV(1, s.shift)
	case fyne.KeyPageUp:
		s.moveV(-s.pageLines(), s.shift)
	case fyne.KeyPageDown:
		s.moveV(s.pageLines(), s.shift)
	case fyne.KeyHome:
		s.home(s.shift)
	case fyne.KeyEnd:
		s.end(s.shift)
	case fyne.KeyBackspace:
		s.deleteBack(false)
	case fyne.KeyDelete:
		s.deleteForward(false)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.field != nil {
			s.fieldNewline()
			return
		}
		s.newline()
	case fyne.KeyTab:
		if s.field != nil {
			return // the window moves the focus
		}
		if s.shift {
			s.outdent()
		} else {
			s.indent()
		}
	default:
		if s.OnOtherKey != nil {
			s.OnOtherKey(ev)
		}
	}
}

// TypedShortcut implements fyne.Shortcutable.
func (s *Source) TypedShortcut(sc fyne.Shortcut) {
	if s.fieldShortcut(sc) {
		return
	}
	switch sc := sc.(type) {
	case *fyne.ShortcutCopy:
		s.Copy()
	case *fyne.ShortcutCut:
		s.Cut()
	case *fyne.ShortcutPaste:
		s.Paste()
	case *fyne.ShortcutSelectAll:
		s.SelectAll()
	case *fyne.ShortcutUndo:
		s.Undo()
	case *fyne.ShortcutRedo:
		s.Redo()
	case *desktop.CustomShortcut:
		s.customShortcut(sc)
	}
}

func (s *Source) customShortcut(sc *desktop.CustomShortcut) {
	ctrl := sc.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0
	shift := sc.Modifier&fyne.KeyModifierShift != 0
	if !ctrl {
		return
	}
	switch sc.KeyName {
	case fyne.KeyLeft:
		s.moveH(-1, true, shift)
	case fyne.KeyRight:
		s.moveH(1, true, shift)
	case fyne.KeyHome:
		s.moveTo(0, shift)
	case fyne.KeyEnd:
		s.moveTo(s.buf.Len(), shift)
	case fyne.KeyBackspace:
		s.deleteBack(true)
	case fyne.KeyDelete:
		s.deleteForward(true)
	case fyne.KeyZ:
		if shift {
			s.Redo()
		}
	case fyne.KeyB:
		s.wrapSelection("**", "**")
	case fyne.KeyI:
		s.wrapSelection("*", "*")
	case fyne.KeyBackTick:
		s.wrapSelection("`", "`")
	case fyne.KeyK:
		s.insertLink()
	}
}

// SelectAll selects the whole text.
func (s *Source) SelectAll() {
	s.setSelection(buffer.Selection{Anchor: 0, Cursor: s.buf.Len()}, false)
}

// Copy puts the selection on the clipboard.
func (s *Source) Copy() {
	if t := s.SelectedText(); t != "" {
		fyne.CurrentApp().Clipboard().SetContent(t)
	}
}

// Cut moves the selection to the clipboard.
func (s *Source) Cut() {
	r := s.Selection()
	if r.Start == r.End || s.readOnly {
		return
	}
	s.Copy()
	s.userEdit(r.Start, r.End, "", buffer.EditOther)
}

// Paste replaces the selection with the clipboard text; with no text on
// the clipboard it looks for an image (pasteImage).
func (s *Source) Paste() {
	t := fyne.CurrentApp().Clipboard().Content()
	if t == "" && !s.readOnly && s.OnPasteImage != nil {
		s.pasteImage()
		return
	}
	if t == "" || s.readOnly {
		return
	}
	r := s.Selection()
	s.userEdit(r.Start, r.End, s.withLineEndings(t, r.Start), buffer.EditOther)
}

// lineEndingAt is the line ending of the line holding off: its own, or for
// the last line (which has none) the one of the line above.
func (s *Source) lineEndingAt(off int) string {
	p := s.buf.OffsetToPos(off)
	l := p.Line
	if l == s.buf.LineCount()-1 && l > 0 {
		l--
	}
	if s.endsInCR(l) {
		return "\r\n"
	}
	return "\n"
}

// withLineEndings gives pasted text the line endings of the place it goes
// to, so a paste never leaves a file with mixed endings.
func (s *Source) withLineEndings(t string, at int) string {
	if !strings.ContainsAny(t, "\r\n") {
		return t
	}
	t = strings.ReplaceAll(t, "\r\n", "\n")
	t = strings.ReplaceAll(t, "\r", "\n")
	if s.lineEndingAt(at) == "\r\n" {
		t = strings.ReplaceAll(t, "\n", "\r\n")
	}
	return t
}

// moveTo moves the cursor to off, extending the selection if extend.
// A pending wantRowEnd is kept for this move.
func (s *Source) moveTo(off int, extend bool) {
	sel := buffer.Selection{Anchor: off, Cursor: off}
	if extend {
		sel.Anchor = s.sel.Anchor
	}
	s.prefX = -1
	s.setSelection(sel, true)
}

// moveH moves one rune (or one word) left or right.
func (s *Source) moveH(dir int, word, extend bool) {
	r := s.Selection()
	if !extend && !word && r.Start != r.End {
		// collapse the selection to its edge
		if dir < 0 {
			s.moveTo(r.Start, false)
		} else {
			s.moveTo(r.End, false)
		}
		return
	}
	p := s.buf.OffsetToPos(s.sel.Cursor)
	off := s.sel.Cursor
	switch {
	case dir < 0 && p.Col == 0:
		off = max(off-1, 0)
		if p.Line > 0 && s.endsInCR(p.Line-1) {
			off--
		}
	case dir > 0 && p.Col >= s.lay.dispLen(p.Line):
		off = s.buf.LineStart(p.Line + 1)
	case word && dir < 0:
		off = s.buf.LineStart(p.Line) + buffer.PrevWord(s.buf.Line(p.Line), p.Col)
	case word:
		off = s.buf.LineStart(p.Line) + buffer.NextWord(displayLine(s.buf.Line(p.Line)), p.Col)
	case dir < 0:
		off -= s.runeSizeBefore(p)
	default:
		off += s.runeSizeAt(p)
	}
	s.moveTo(off, extend)
}

// moveV moves n visual lines up (n<0) or down, keeping the x position.
func (s *Source) moveV(n int, extend bool) {
	r := s.Selection()
	if !extend && r.Start != r.End {
		if n < 0 {
			s.sel = buffer.Selection{Anchor: r.Start, Cursor: r.Start}
		} else {
			s.sel = buffer.Selection{Anchor: r.End, Cursor: r.End}
		}
	}
	line, sub, x := s.cursorVisual()
	s.wantRowEnd = false
	if s.prefX >= 0 {
		x = s.prefX
	}
	// walk line by line so every line passed gets its exact wrap (a long
	// line only as far as the walk goes)
	l, sb := line, sub
	k := n
	for k != 0 {
		if k > 0 {
			if s.lay.hasRow(l, sb+1) {
				sb++
			} else if l+1 < s.buf.LineCount() {
				l, sb = l+1, 0
			} else {
				break
			}
			k--
		} else {
			if sb > 0 {
				sb--
			} else if l > 0 {
				l--
				sb = s.lay.rowCount(l) - 1
			} else {
				break
			}
			k++
		}
	}
	var off int
	switch {
	case k < 0: // above the first visual line
		off = 0
	case k > 0: // below the last
		off = s.buf.Len()
	default:
		vs, ve := s.lay.visualRange(l, sb)
		col, atEnd := s.lay.colAt(l, vs, ve, x)
		off = s.buf.LineStart(l) + col
		s.wantRowEnd = atEnd
	}
	sel := buffer.Selection{Anchor: off, Cursor: off}
	if extend {
		sel.Anchor = s.sel.Anchor
	}
	s.setSelection(sel, true)
	s.prefX = x
}

func (s *Source) pageLines() int {
	m := s.metrics()
	return max(int(s.viewSize.Height/m.lineH)-1, 1)
}

// home goes to the start of the visual line, then of the logical line.
func (s *Source) home(extend bool) {
	line, sub, col := s.cursorRow()
	vs, _ := s.lay.visualRange(line, sub)
	if vs == col {
		vs = 0
	}
	s.moveTo(s.buf.LineStart(line)+vs, extend)
}

// end goes to the end of the visual line, then of the logical line.
func (s *Source) end(extend bool) {
	line, sub, col := s.cursorRow()
	_, ve := s.lay.visualRange(line, sub)
	ls := s.buf.LineStart(line)
	if n := s.lay.dispLen(line); ve < n && col != ve {
		s.wantRowEnd = true
		s.moveTo(ls+ve, extend)
		return
	}
	s.moveTo(ls+s.lay.dispLen(line), extend)
}

func (s *Source) deleteBack(word bool) {
	r := s.Selection()
	if r.Start != r.End {
		s.userEdit(r.Start, r.End, "", buffer.EditOther)
		return
	}
	if r.Start == 0 {
		return
	}
	p := s.buf.OffsetToPos(r.Start)
	start := r.Start - 1
	switch {
	case p.Col == 0:
		if p.Line > 0 && s.endsInCR(p.Line-1) {
			start--
		}
	case word:
		start = s.buf.LineStart(p.Line) + buffer.PrevWord(s.buf.Line(p.Line), p.Col)
	default:
		start = r.Start - s.runeSizeBefore(p)
	}
	s.userEdit(start, r.Start, "", buffer.EditDeleting)
}

func (s *Source) deleteForward(word bool) {
	r := s.Selection()
	if r.Start != r.End {
		s.userEdit(r.Start, r.End, "", buffer.EditOther)
		return
	}
	if r.Start >= s.buf.Len() {
		return
	}
	p := s.buf.OffsetToPos(r.Start)
	end := r.Start + 1
	switch {
	case p.Col >= s.lay.dispLen(p.Line):
		end = s.buf.LineStart(p.Line + 1)
	case word:
		end = s.buf.LineStart(p.Line) + buffer.NextWord(displayLine(s.buf.Line(p.Line)), p.Col)
	default:
		end = r.Start + s.runeSizeAt(p)
	}
	s.userEdit(r.Start, end, "", buffer.EditDeleting)
}

// newline inserts a line break, continuing a list item or quote; on an
// empty item it ends the list instead.
func (s *Source) newline() {
	if s.readOnly {
		return
	}
	r := s.Selection()
	p := s.buf.OffsetToPos(r.Start)
	line := s.buf.Line(p.Line)
	nl := s.lineEndingAt(r.Start)
	prefix, next := listPrefix(line)
	// Only a list item or a quote ends on an empty line; plain indentation
	// is kept and the line breaks as usual.
	if r.Start == r.End && strings.TrimSpace(prefix) != "" {
		rest := strings.TrimSpace(displayLine(line)[len(prefix):])
		if rest == "" && p.Col >= len(prefix) {
			// empty item: end the list, keep the line
			start := s.buf.LineStart(p.Line)
			s.userEdit(start, start+len(displayLine(line)), "", buffer.EditOther)
			return
		}
	}
	if p.Col < len(prefix) {
		next = leadingSpace(line[:p.Col])
	}
	s.userEdit(r.Start, r.End, nl+next, buffer.EditOther)
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// listPrefix returns the list or quote prefix of line and the prefix the
// next item gets ("1. " becomes "2. ", a checked box an empty one). For
// plain lines both are the indentation.
func listPrefix(line string) (prefix, next string) {
	ind := leadingSpace(line)
	rest := line[len(ind):]
	q := ""
	for strings.HasPrefix(rest, ">") {
		n := 1
		if strings.HasPrefix(rest, "> ") {
			n = 2
		}
		q += rest[:n]
		rest = rest[n:]
	}
	m := listMarkerLen(rest)
	if m == 0 {
		return ind + q, ind + q
	}
	marker := rest[:m]
	nextMarker := marker
	if d := strings.IndexAny(marker, ".)"); d > 0 && marker[0] >= '0' && marker[0] <= '9' {
		if n, err := strconv.Atoi(marker[:d]); err == nil {
			nextMarker = strconv.Itoa(n+1) + marker[d:]
		}
	}
	nextMarker = strings.Replace(strings.Replace(nextMarker, "[x]", "[ ]", 1), "[X]", "[ ]", 1)
	return ind + q + marker, ind + q + nextMarker
}

// selectedLines returns the first and last logical lines the selection
// touches.
func (s *Source) selectedLines() (int, int) {
	r := s.Selection()
	a, b := s.buf.OffsetToPos(r.Start), s.buf.OffsetToPos(r.End)
	last := b.Line
	if b.Col == 0 && b.Line > a.Line {
		last--
	}
	return a.Line, last
}

// indent adds indentUnit before each selected line, or at the cursor when
// nothing is selected and the line is not a list item.
func (s *Source) indent() {
	if s.readOnly {
		return
	}
	r := s.Selection()
	first, last := s.selectedLines()
	if first == last && r.Start == r.End {
		if m := listMarkerLen(strings.TrimLeft(s.buf.Line(first), " \t")); m == 0 {
			s.userEdit(r.Start, r.End, indentUnit, buffer.EditOther)
			return
		}
	}
	var ranges [][2]int
	var texts []string
	for l := first; l <= last; l++ {
		off := s.buf.LineStart(l)
		ranges = append(ranges, [2]int{off, off})
		texts = append(texts, indentUnit)
	}
	// Every selected line gains one unit, so an offset on line l moves by
	// one unit per indented line up to and including l.
	// A selection that ends at the start of the next line, or the end of
	// the text, moves by the units of the lines above it, no more.
	mapOff := func(off int) int {
		n := min(s.buf.OffsetToPos(off).Line, last) - first + 1
		return off + len(indentUnit)*max(n, 0)
	}
	s.groupEdit(ranges, texts, mapOff)
}

// outdent removes up to one indentUnit (or a tab) from each selected line.
func (s *Source) outdent() {
	if s.readOnly {
		return
	}
	first, last := s.selectedLines()
	var ranges [][2]int
	var texts []string
	for l := first; l <= last; l++ {
		line := s.buf.Line(l)
		n := 0
		if strings.HasPrefix(line, "\t") {
			n = 1
		} else {
			for n < len(indentUnit) && n < len(line) && line[n] == ' ' {
				n++
			}
		}
		if n > 0 {
			off := s.buf.LineStart(l)
			ranges = append(ranges, [2]int{off, off + n})
			texts = append(texts, "")
		}
	}
	if len(ranges) == 0 {
		return
	}
	// map old offsets to new ones after the removals
	mapOff := func(off int) int {
		d := 0
		for _, rg := range ranges {
			switch {
			case off >= rg[1]:
				d += rg[1] - rg[0]
			case off > rg[0]:
				d += off - rg[0]
			}
		}
		return off - d
	}
	s.groupEdit(ranges, texts, mapOff)
}

// groupEdit applies several edits as one undo step and maps the selection
// through mapOff (old offset -> new offset).
func (s *Source) groupEdit(ranges [][2]int, texts []string, mapOff func(int) int) {
	before := s.sel
	// compute the new selection with the old line structure
	sel := buffer.Selection{Anchor: mapOff(before.Anchor), Cursor: mapOff(before.Cursor)}
	s.lay.applyAll(s.buf.ReplaceGroup(ranges, texts, before))
	s.sel = sel
	s.buf.SetUndoAfter(sel)
	s.prefX = -1
	s.matches = nil
	s.ensureCursorVisible()
	s.Refresh()
	s.changed()
	s.cursorMoved()
}

// wrapSelection surrounds the selection with open and close (Ctrl+B, I, `),
// or removes them if they are already there; with no selection it inserts
// the pair and puts the cursor between.
func (s *Source) wrapSelection(open, close string) {
	if s.readOnly {
		return
	}
	r := s.Selection()
	before, after := s.buf.Slice(r.Start-len(open), r.Start), s.buf.Slice(r.End, r.End+len(close))
	if r.Start != r.End && before == open && after == close && s.markerRunIs(r, open) {
		inner := s.buf.Slice(r.Start, r.End)
		s.replaceSelecting(r.Start-len(open), r.End+len(close), inner, 0, len(inner))
		return
	}
	inner := s.buf.Slice(r.Start, r.End)
	if r.Start == r.End {
		s.replaceSelecting(r.Start, r.End, open+close, len(open), len(open))
		return
	}
	s.replaceSelecting(r.Start, r.End, open+inner+close, len(open), len(open)+len(inner))
}

// markerRunIs reports whether the run of open's character around r is the
// marker itself (*x* for italic, **x** for bold) or bold and italic
// together (***x***), so that Ctrl+I inside **x** adds italic instead of
// taking one star of the bold away.
func (s *Source) markerRunIs(r Range, open string) bool {
	c := open[0]
	left := 0
	for i := r.Start - 1; i >= 0 && left < 4; i-- {
		if b := s.buf.Slice(i, i+1); b == "" || b[0] != c {
			break
		}
		left++
	}
	right := 0
	for i := r.End; i < s.buf.Len() && right < 4; i++ {
		if b := s.buf.Slice(i, i+1); b == "" || b[0] != c {
			break
		}
		right++
	}
	return left == right && (left == len(open) || c == '*' && left == 3)
}

// insertLink turns the selection into [selection](|) or inserts [|]().
func (s *Source) insertLink() {
	if s.readOnly {
		return
	}
	r := s.Selection()
	inner := s.buf.Slice(r.Start, r.End)
	if inner == "" {
		s.replaceSelecting(r.Start, r.End, "[]()", 1, 1)
		return
	}
	t := "[" + inner + "]()"
	s.replaceSelecting(r.Start, r.End, t, len(t)-1, len(t)-1)
}

// replaceSelecting replaces [start, end) with text as one undo step and
// selects text[selStart:selEnd].
func (s *Source) replaceSelecting(start, end int, text string, selStart, selEnd int) {
	if !s.edit(start, end, text, buffer.EditOther) {
		return
	}
	s.sel = buffer.Selection{Anchor: start + selStart, Cursor: start + selEnd}
	s.buf.SetUndoAfter(s.sel)
	s.ensureCursorVisible()
	s.Refresh()
	s.changed()
	s.cursorMoved()
}

// endsInCR reports whether line i ends with a CRLF's '\r'.
func (s *Source) endsInCR(i int) bool {
	n := s.buf.LineLen(i)
	return n > 0 && s.buf.LineSlice(i, n-1, n) == "\r"
}

// runeSizeBefore returns the size of the rune before position p in its
// line (p.Col > 0), reading only the bytes it needs.
func (s *Source) runeSizeBefore(p buffer.Pos) int {
	_, n := utf8.DecodeLastRuneInString(s.buf.LineSlice(p.Line, p.Col-utf8.UTFMax, p.Col))
	return n
}

// runeSizeAt returns the size of the rune at position p in its line.
func (s *Source) runeSizeAt(p buffer.Pos) int {
	_, n := utf8.DecodeRuneInString(s.buf.LineSlice(p.Line, p.Col, p.Col+utf8.UTFMax))
	return n
}

// pasteWait is how long Paste waits on the UI goroutine for the clipboard
// image probe (a frame): the probe runs a tool (xclip, up to
// clipboardTimeout when the clipboard's owner does not answer), so it
// runs on its own goroutine, and an answer later than this is handed back
// with fyne.Do.
const pasteWait = 16 * time.Millisecond

// clipImage is one answer of the clipboard image probe.
type clipImage struct {
	data []byte
	ext  string
	ok   bool
}

// pasteImage hands a clipboard image, if there is one, to OnPasteImage.
// A ClipboardImage set by the caller answers at once, on the UI
// goroutine. The system reader (a tool) runs on its own goroutine: its
// answer is handed over at once when it comes within pasteWait, else
// later through s.do (fyne.Do). Call it on the UI goroutine.
func (s *Source) pasteImage() {
	deliver := func(im clipImage) {
		if im.ok && len(im.data) > 0 && !s.readOnly && s.OnPasteImage != nil {
			s.OnPasteImage(im.data, im.ext)
		}
	}
	if s.ClipboardImage != nil {
		data, ext, ok := s.ClipboardImage()
		deliver(clipImage{data, ext, ok})
		return
	}
	read := s.systemImage
	if read == nil {
		read = SystemClipboardImage
	}
	answer := make(chan clipImage, 1)
	go func() {
		data, ext, ok := read()
		answer <- clipImage{data, ext, ok}
	}()
	wait := time.NewTimer(pasteWait)
	defer wait.Stop()
	select {
	case im := <-answer:
		deliver(im)
	case <-wait.C:
		do := s.do
		if do == nil {
			do = fyne.Do
		}
		go func() {
			im := <-answer
			do(func() { deliver(im) })
		}()
	}
}
