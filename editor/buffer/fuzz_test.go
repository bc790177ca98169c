package buffer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEditScript drives a Buffer and a plain string model with the same
// random edit script, checks they agree after every edit, then undoes back
// to the start and redoes to the end.
func FuzzEditScript(f *testing.F) {
	f.Add("hello\n世界", []byte{0, 3, 1, 'a', 2, 5, 7, 9})
	f.Add("", []byte{1, 0, 0, '\n', 1, 1, 1, 'x'})
	f.Add("a\nb\nc\n", []byte{3, 0, 9, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, initial string, script []byte) {
		if !utf8.ValidString(initial) {
			return
		}
		b := New(initial)
		model := initial
		inserts := []string{"a", "中", "\n", "文字\n", "", "x\ny\n\nz", "，"}
		for len(script) >= 4 {
			op, p1, p2, p3 := script[0], int(script[1]), int(script[2]), int(script[3])
			script = script[4:]
			start := snap(model, p1*len(model)/256)
			end := snap(model, start+p2%16)
			ins := inserts[p3%len(inserts)]
			kind := EditKind(op % 3)
			if kind == EditTyping {
				end = start
			}
			if kind == EditDeleting {
				ins = ""
			}
			if op&0x80 != 0 {
				b.BreakUndoGroup()
			}
			b.Replace(start, end, ins, kind, Selection{start, end})
			model = model[:start] + ins + model[end:]
			if got := b.Text(); got != model {
				t.Fatalf("text %q, model %q", got, model)
			}
			checkModel(t, b, model)
		}
		for b.CanUndo() {
			b.Undo()
		}
		if got := b.Text(); got != initial {
			t.Fatalf("after undo all: %q, want %q", got, initial)
		}
		checkModel(t, b, initial)
		for b.CanRedo() {
			b.Redo()
		}
		if got := b.Text(); got != model {
			t.Fatalf("after redo all: %q, want %q", got, model)
		}
	})
}

func snap(s string, i int) int {
	i = min(max(i, 0), len(s))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func checkModel(t *testing.T, b *Buffer, model string) {
	t.Helper()
	lines := strings.Split(model, "\n")
	if b.LineCount() != len(lines) || b.Len() != len(model) {
		t.Fatalf("lines %d/%d len %d/%d", b.LineCount(), len(lines), b.Len(), len(model))
	}
	off := 0
	for i, l := range lines {
		if b.Line(i) != l || b.LineStart(i) != off {
			t.Fatalf("line %d mismatch", i)
		}
		if p := b.OffsetToPos(off + len(l)); p != (Pos{i, len(l)}) {
			t.Fatalf("OffsetToPos(%d) = %v", off+len(l), p)
		}
		off += len(l) + 1
	}
}

// FuzzWrap checks that Wrap returns increasing rune-boundary offsets, and
// never starts a visual line with closing punctuation after a possible
// break.
func FuzzWrap(f *testing.F) {
	f.Add("随着2024年的到来，人工智能（AI）技术正站在一个新的历史节点上。", uint8(7))
	f.Add("hello world https://example.com/very/long/url", uint8(3))
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\n') {
			return
		}
		width := float32(w%40 + 1)
		breaks := Wrap(text, width, testAdvance)
		prev := 0
		for _, bp := range breaks {
			if bp <= prev || bp >= len(text) || !utf8.RuneStart(text[bp]) {
				t.Fatalf("bad break %d after %d in %q: %v", bp, prev, text, breaks)
			}
			prev = bp
		}
	})
}

// FuzzRewrap checks that Rewrap after an edit equals a full Wrap.
func FuzzRewrap(f *testing.F) {
	f.Add("随着2024年的到来，人工智能（AI）技术正站在一个新的历史节点上。", uint8(7), uint8(10), uint8(2), "，。")
	f.Add("hello world https://example.com/very/long/url and more words", uint8(9), uint8(3), uint8(0), "x y")
	f.Fuzz(func(t *testing.T, text string, w, at, del uint8, ins string) {
		if !utf8.ValidString(text) || !utf8.ValidString(ins) || strings.ContainsRune(text+ins, '\n') {
			return
		}
		width := float32(w%30 + 1)
		start := snap(text, int(at)*len(text)/256)
		end := snap(text, start+int(del%8))
		old := WrapLine(text, width, testAdvance)
		edited := text[:start] + ins + text[end:]
		got := Rewrap(edited, width, testAdvance, old, start, end-start, len(ins))
		want := WrapLine(edited, width, testAdvance)
		if !equalInts(got.At, want.At) || !equalInts(got.Decided, want.Decided) {
			t.Fatalf("Rewrap(%q -> %q, w=%v) = %v, want %v", text, edited, width, got, want)
		}
	})
}
