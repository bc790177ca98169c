package buffer

import "strings"

// EditKind tells the history how an edit may be grouped with the previous
// one into a single undo step.
type EditKind int

const (
	// EditOther is never merged: paste, cut, indent, replace, shortcuts.
	EditOther EditKind = iota
	// EditTyping merges a run of typed text inserted at one advancing
	// cursor into one step. A newline ends the run.
	EditTyping
	// EditDeleting merges a run of Backspace or Delete presses.
	EditDeleting
)

// Selection is an anchor and a cursor byte offset; the selected range is
// between them. An empty selection is a plain cursor.
type Selection struct {
	Anchor, Cursor int
}

// maxTypingRun is the most bytes one typing undo step collects.
const maxTypingRun = 4096

type edit struct {
	off      int
	del, ins string
}

type step struct {
	edits  []edit
	kind   EditKind
	before Selection
	after  Selection
	open   bool // may still merge with the next edit
	tag    any  // set by TagLast; reported by AppliedTag
}

// The undo history is capped by the bytes its steps hold (a Replace All
// on 1 MB holds about 2 MB): past MaxUndoBytes the oldest steps go, but
// the latest MinUndoSteps are always kept.
const (
	MaxUndoBytes = 32 << 20
	MinUndoSteps = 100
)

type history struct {
	undo, redo []step
	undoBytes  int // bytes held by the steps in undo
	applied    any // the tag of the step the latest Undo or Redo applied
}

func (h *history) reset() {
	h.undo, h.redo, h.undoBytes = nil, nil, 0
}

// size is the bytes a step holds.
func (s *step) size() int {
	n := 0
	for _, e := range s.edits {
		n += len(e.del) + len(e.ins)
	}
	return n
}

// push adds a step to the undo list and drops the oldest past the cap.
func (h *history) push(st step) {
	h.undo = append(h.undo, st)
	h.undoBytes += st.size()
	h.trim()
}

// trim drops the oldest undo steps while the list holds more than
// MaxUndoBytes and more than MinUndoSteps steps.
func (h *history) trim() {
	drop, bytes := 0, h.undoBytes
	for bytes > MaxUndoBytes && len(h.undo)-drop > MinUndoSteps {
		bytes -= h.undo[drop].size()
		drop++
	}
	if drop == 0 {
		return
	}
	n := copy(h.undo, h.undo[drop:])
	clear(h.undo[n:])
	h.undo = h.undo[:n]
	h.undoBytes = bytes
}

// Replace replaces the bytes [start, end) with text and records the edit in
// the undo history. before is the selection to restore when the step is
// undone. Typed or deleted runs of the same kind are merged (see EditKind).
func (b *Buffer) Replace(start, end int, text string, kind EditKind, before Selection) Change {
	start, end = b.clampRange(start, end)
	e := edit{off: start, del: b.Slice(start, end), ins: text}
	ch := b.replace(start, end, text)
	after := Selection{ch.NewEnd, ch.NewEnd}
	b.hist.redo = b.hist.redo[:0]
	if n := len(b.hist.undo); n > 0 && b.hist.undo[n-1].open && b.hist.undo[n-1].kind == kind && kind != EditOther {
		st := &b.hist.undo[n-1]
		last := &st.edits[len(st.edits)-1]
		switch {
		case kind == EditTyping && e.del == "" && last.del == "" && e.off == last.off+len(last.ins):
			last.ins += e.ins
			b.hist.undoBytes += len(e.ins)
			st.after = after
			// A newline ends the run; so does a very long run, which keeps
			// this append cheap.
			if strings.IndexByte(text, '\n') >= 0 || len(last.ins) >= maxTypingRun {
				st.open = false
			}
			return ch
		case kind == EditDeleting && e.ins == "" && last.ins == "" && e.off+len(e.del) == last.off: // backspace
			last.off = e.off
			last.del = e.del + last.del
			b.hist.undoBytes += len(e.del)
			st.after = after
			return ch
		case kind == EditDeleting && e.ins == "" && last.ins == "" && e.off == last.off: // delete forward
			last.del += e.del
			b.hist.undoBytes += len(e.del)
			st.after = after
			return ch
		}
	}
	b.hist.push(step{
		edits:  []edit{e},
		kind:   kind,
		before: before,
		after:  after,
		open:   kind != EditOther && strings.IndexByte(text, '\n') < 0,
	})
	return ch
}

// ReplaceGroup applies several edits as one undo step. Ranges are given in
// the coordinates of the text before any of them applies and must not
// overlap; they are applied from the last to the first.
func (b *Buffer) ReplaceGroup(ranges [][2]int, texts []string, before Selection) []Change {
	if len(ranges) == 0 {
		return nil
	}
	st := step{kind: EditOther, before: before}
	changes := make([]Change, 0, len(ranges))
	for i := len(ranges) - 1; i >= 0; i-- {
		start, end := b.clampRange(ranges[i][0], ranges[i][1])
		st.edits = append(st.edits, edit{off: start, del: b.Slice(start, end), ins: texts[i]})
		changes = append(changes, b.replace(start, end, texts[i]))
	}
	first := st.edits[len(st.edits)-1]
	end := first.off + len(first.ins)
	// Later ranges lie after the first, so its end offset is final.
	st.after = Selection{end, end}
	b.hist.redo = b.hist.redo[:0]
	b.hist.push(st)
	return changes
}

// BreakUndoGroup stops the current typing or deleting run from absorbing
// later edits (call it when the cursor moves).
func (b *Buffer) BreakUndoGroup() {
	if n := len(b.hist.undo); n > 0 {
		b.hist.undo[n-1].open = false
	}
}

// SetUndoAfter records the selection that Redo restores for the latest
// step.
func (b *Buffer) SetUndoAfter(sel Selection) {
	if n := len(b.hist.undo); n > 0 {
		b.hist.undo[n-1].after = sel
	}
}

// TagLast attaches tag to the latest undo step: Undo and Redo of that
// step report it through AppliedTag, so that state kept outside the text
// can go back and forth with it.
func (b *Buffer) TagLast(tag any) {
	if n := len(b.hist.undo); n > 0 {
		b.hist.undo[n-1].tag = tag
	}
}

// AppliedTag is the tag (see TagLast) of the step the latest Undo or Redo
// applied; nil when that step had none.
func (b *Buffer) AppliedTag() any { return b.hist.applied }

// CanUndo reports whether there is a step to undo.
func (b *Buffer) CanUndo() bool { return len(b.hist.undo) > 0 }

// CanRedo reports whether there is a step to redo.
func (b *Buffer) CanRedo() bool { return len(b.hist.redo) > 0 }

// ClearHistory drops all undo and redo steps.
func (b *Buffer) ClearHistory() { b.hist.reset() }

// Undo reverts the latest step. It returns the line changes it made (in the
// order applied) and the selection to restore.
func (b *Buffer) Undo() ([]Change, Selection, bool) {
	n := len(b.hist.undo)
	if n == 0 {
		return nil, Selection{}, false
	}
	st := b.hist.undo[n-1]
	b.hist.undo[n-1] = step{}
	b.hist.undo = b.hist.undo[:n-1]
	b.hist.undoBytes -= st.size()
	changes := make([]Change, 0, len(st.edits))
	for i := len(st.edits) - 1; i >= 0; i-- {
		e := st.edits[i]
		changes = append(changes, b.replace(e.off, e.off+len(e.ins), e.del))
	}
	st.open = false
	b.hist.applied = st.tag
	b.hist.redo = append(b.hist.redo, st)
	return changes, st.before, true
}

// Redo re-applies the latest undone step.
func (b *Buffer) Redo() ([]Change, Selection, bool) {
	n := len(b.hist.redo)
	if n == 0 {
		return nil, Selection{}, false
	}
	st := b.hist.redo[n-1]
	b.hist.redo = b.hist.redo[:n-1]
	changes := make([]Change, 0, len(st.edits))
	for _, e := range st.edits {
		changes = append(changes, b.replace(e.off, e.off+len(e.del), e.ins))
	}
	b.hist.push(st)
	b.hist.applied = st.tag
	return changes, st.after, true
}
