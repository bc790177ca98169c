package buffer

import (
	"strings"
	"testing"
)

func TestPositions(t *testing.T) {
	b := New("ab\n中文\n\nxyz")
	tests := []struct {
		off int
		pos Pos
	}{
		{0, Pos{0, 0}}, {2, Pos{0, 2}}, {3, Pos{1, 0}}, {6, Pos{1, 3}}, {9, Pos{1, 6}},
		{10, Pos{2, 0}}, {11, Pos{3, 0}}, {14, Pos{3, 3}}, {99, Pos{3, 3}}, {-1, Pos{0, 0}},
	}
	for _, tt := range tests {
		if got := b.OffsetToPos(tt.off); got != tt.pos {
			t.Errorf("OffsetToPos(%d) = %v, want %v", tt.off, got, tt.pos)
		}
		if tt.off >= 0 && tt.off <= b.Len() {
			if got := b.PosToOffset(tt.pos); got != tt.off {
				t.Errorf("PosToOffset(%v) = %d, want %d", tt.pos, got, tt.off)
			}
		}
	}
	if b.LineCount() != 4 || b.Len() != 14 {
		t.Fatalf("LineCount %d Len %d", b.LineCount(), b.Len())
	}
	if got := b.RuneOffset(9); got != 5 {
		t.Errorf("RuneOffset(9) = %d, want 5", got)
	}
	if got := b.ByteOffset(5); got != 9 {
		t.Errorf("ByteOffset(5) = %d, want 9", got)
	}
	if got := b.ByteOffset(4); got != 6 {
		t.Errorf("ByteOffset(4) = %d, want 6", got)
	}
	if got := b.ByteOffset(100); got != 14 {
		t.Errorf("ByteOffset(100) = %d", got)
	}
	if got := b.Slice(1, 12); got != "b\n中文\n\nx" {
		t.Errorf("Slice = %q", got)
	}
}

func TestReplace(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		start, end int
		ins, want  string
		ch         Change
	}{
		{"insert in line", "abc\ndef", 1, 1, "X", "aXbc\ndef", Change{0, 1, 1, 1, 1, 2}},
		{"insert newline", "abc\ndef", 1, 1, "\n", "a\nbc\ndef", Change{0, 1, 2, 1, 1, 2}},
		{"join lines", "abc\ndef", 3, 4, "", "abcdef", Change{0, 2, 1, 3, 4, 3}},
		{"multi-line replace", "a\nb\nc\nd", 2, 5, "X\nY\nZ", "a\nX\nY\nZ\nd", Change{1, 2, 3, 2, 5, 7}},
		{"at end", "ab", 2, 2, "中", "ab中", Change{0, 1, 1, 2, 2, 5}},
		{"empty text", "", 0, 0, "x\n", "x\n", Change{0, 1, 2, 0, 0, 2}},
		{"delete all", "a\nb", 0, 3, "", "", Change{0, 2, 1, 0, 3, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New(tt.text)
			ch := b.Replace(tt.start, tt.end, tt.ins, EditOther, Selection{})
			if got := b.Text(); got != tt.want {
				t.Fatalf("text = %q, want %q", got, tt.want)
			}
			if ch != tt.ch {
				t.Errorf("change = %+v, want %+v", ch, tt.ch)
			}
			checkIndex(t, b)
			if _, _, ok := b.Undo(); !ok || b.Text() != tt.text {
				t.Fatalf("undo gave %q", b.Text())
			}
			checkIndex(t, b)
		})
	}
}

func checkIndex(t *testing.T, b *Buffer) {
	t.Helper()
	text := b.Text()
	if b.Len() != len(text) {
		t.Fatalf("Len %d, text %d", b.Len(), len(text))
	}
	lines := strings.Split(text, "\n")
	if len(lines) != b.LineCount() {
		t.Fatalf("LineCount %d, want %d", b.LineCount(), len(lines))
	}
	off := 0
	for i, l := range lines {
		if b.Line(i) != l || b.LineStart(i) != off {
			t.Fatalf("line %d = %q at %d, want %q at %d", i, b.Line(i), b.LineStart(i), l, off)
		}
		off += len(l) + 1
	}
}

func TestUndoGrouping(t *testing.T) {
	b := New("x")
	// type "中文 ab" one rune at a time at the end
	for _, r := range "中文 ab" {
		off := b.Len()
		b.Replace(off, off, string(r), EditTyping, Selection{off, off})
	}
	if b.Text() != "x中文 ab" {
		t.Fatal(b.Text())
	}
	// a newline closes the run
	b.Replace(b.Len(), b.Len(), "\n", EditTyping, Selection{b.Len(), b.Len()})
	b.Replace(b.Len(), b.Len(), "c", EditTyping, Selection{b.Len(), b.Len()})
	_, sel, _ := b.Undo()
	if b.Text() != "x中文 ab\n" || sel.Cursor != b.Len()+0 {
		t.Fatalf("after undo 1: %q sel %v", b.Text(), sel)
	}
	_, sel, _ = b.Undo()
	if b.Text() != "x" || sel != (Selection{1, 1}) {
		t.Fatalf("after undo 2: %q sel %v", b.Text(), sel)
	}
	_, sel, _ = b.Redo()
	if b.Text() != "x中文 ab\n" || sel.Cursor != len("x中文 ab\n") {
		t.Fatalf("after redo: %q sel %v", b.Text(), sel)
	}
	// backspaces group, and a break stops the group
	b.BreakUndoGroup()
	for range 3 {
		off := b.Len()
		r, n := runeBefore(b.Text(), off)
		_ = r
		b.Replace(off-n, off, "", EditDeleting, Selection{off, off})
	}
	if b.Text() != "x中文 " {
		t.Fatal(b.Text())
	}
	b.Undo()
	if b.Text() != "x中文 ab\n" {
		t.Fatalf("undo deletes: %q", b.Text())
	}
	if b.CanRedo() != true {
		t.Fatal("redo expected")
	}
	b.Replace(0, 0, "y", EditOther, Selection{})
	if b.CanRedo() {
		t.Fatal("new edit must clear redo")
	}
	b.SetText("fresh")
	if b.CanUndo() || b.CanRedo() {
		t.Fatal("SetText must clear history")
	}
}

func TestReplaceGroup(t *testing.T) {
	b := New("a-b-c")
	b.ReplaceGroup([][2]int{{1, 2}, {3, 4}}, []string{"==", "\n"}, Selection{0, 0})
	if b.Text() != "a==b\nc" {
		t.Fatal(b.Text())
	}
	b.Undo()
	if b.Text() != "a-b-c" {
		t.Fatal(b.Text())
	}
	b.Redo()
	if b.Text() != "a==b\nc" {
		t.Fatal(b.Text())
	}
}

func TestPrefixSums(t *testing.T) {
	p := NewPrefixSums([]int{3, 0, 2, 5})
	for pos, want := range []int{0, 0, 0, 2, 2, 3, 3, 3, 3, 3, 3} {
		if got := p.Find(pos); got != want {
			t.Errorf("Find(%d) = %d, want %d", pos, got, want)
		}
	}
	p.Splice(1, 2, []int{1, 1, 1})
	if p.Total() != 11 || p.Sum(4) != 6 || p.Len() != 5 {
		t.Fatalf("after splice total %d sum4 %d", p.Total(), p.Sum(4))
	}
	p.Set(0, 0)
	if p.Find(0) != 1 {
		t.Fatalf("Find(0) = %d", p.Find(0))
	}
}

// TestUndoIsCappedByBytes: Replace All on a big text keeps at most about
// MaxUndoBytes of history, yet never fewer than MinUndoSteps steps, and
// the steps kept still undo correctly.
func TestUndoIsCappedByBytes(t *testing.T) {
	big := strings.Repeat("中文abc\n", 10<<10) // 100 KB: 200 KB a step
	b := New(big)
	texts := []string{strings.ToUpper(big), big}
	for i := range 400 {
		b.Replace(0, b.Len(), texts[i%2], EditOther, Selection{})
	}
	if b.hist.undoBytes > MaxUndoBytes || len(b.hist.undo) < MinUndoSteps || len(b.hist.undo) == 400 {
		t.Errorf("history holds %d MB in %d steps", b.hist.undoBytes>>20, len(b.hist.undo))
	}
	if b.hist.undoBytes != sumSizes(b.hist.undo) {
		t.Errorf("undoBytes %d, steps hold %d", b.hist.undoBytes, sumSizes(b.hist.undo))
	}
	for i := 0; b.CanUndo(); i++ {
		b.Undo()
		if i > 400 {
			t.Fatal("endless undo")
		}
	}
	if got := b.Text(); got != big && got != strings.ToUpper(big) {
		t.Error("undoing every kept step gave neither text")
	}

	// small steps: many kept, never fewer than MinUndoSteps
	s := New("")
	for i := range 1000 {
		s.Replace(s.Len(), s.Len(), "x\n", EditOther, Selection{})
		_ = i
	}
	if len(s.hist.undo) != 1000 {
		t.Errorf("%d small steps kept, want all 1000", len(s.hist.undo))
	}
	huge := New("")
	chunk := strings.Repeat("y", MaxUndoBytes/150)
	for range MinUndoSteps + 5 {
		huge.Replace(0, huge.Len(), chunk, EditOther, Selection{})
	}
	if len(huge.hist.undo) < MinUndoSteps {
		t.Errorf("only %d steps kept; the floor is %d", len(huge.hist.undo), MinUndoSteps)
	}
}

func sumSizes(steps []step) int {
	n := 0
	for i := range steps {
		n += steps[i].size()
	}
	return n
}
