package buffer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// withRopeMin lowers RopeMin and the chunk size for one test.
func withRopeMin(t testing.TB, n int) {
	old, oldChunk := RopeMin, ChunkSize
	RopeMin, ChunkSize = n, 2*n
	t.Cleanup(func() { RopeMin, ChunkSize = old, oldChunk })
}

// FuzzRopeEdits is FuzzEditScript with every edited line of 8 bytes or
// more stored as a rope, and checks LineSlice and IndexInLine against the
// model on every line.
func FuzzRopeEdits(f *testing.F) {
	f.Add(strings.Repeat("中文段落很长ＡＢＣ，。ab `x` ", 900), []byte{0, 128, 0, 1, 0, 129, 3, 0, 1, 64, 9, 3, 2, 200, 15, 0})
	f.Add("a\nb\nc\n", []byte{0, 0, 0, 0, 0, 1, 1, 1})
	f.Fuzz(func(t *testing.T, initial string, script []byte) {
		if !utf8.ValidString(initial) {
			return
		}
		withRopeMin(t, 8)
		b := New(initial)
		model := initial
		inserts := []string{"a", "中", "\n", "文字\n", "", "x\ny\n\nz", "，", "`*_", strings.Repeat("长", 5000)}
		for len(script) >= 4 {
			op, p1, p2, p3 := script[0], int(script[1]), int(script[2]), int(script[3])
			script = script[4:]
			start := snap(model, p1*len(model)/256)
			end := snap(model, start+p2%16*(1+p2/16*600))
			ins := inserts[p3%len(inserts)]
			b.Replace(start, end, ins, EditKind(op%3), Selection{start, end})
			model = model[:start] + ins + model[end:]
			checkRope(t, b, model, p3)
		}
		for b.CanUndo() {
			b.Undo()
		}
		checkRope(t, b, initial, 7)
	})
}

func checkRope(t *testing.T, b *Buffer, model string, seed int) {
	t.Helper()
	lines := strings.Split(model, "\n")
	if b.LineCount() != len(lines) || b.Len() != len(model) {
		t.Fatalf("lines %d/%d len %d/%d", b.LineCount(), len(lines), b.Len(), len(model))
	}
	for i, l := range lines {
		if b.LineLen(i) != len(l) {
			t.Fatalf("LineLen(%d) = %d, want %d", i, b.LineLen(i), len(l))
		}
		for k := 0; k < 6; k++ {
			a := (seed*7919 + k*104729) % (len(l) + 1)
			e := min(len(l), a+(seed*31+k*977)%9000)
			if got := b.LineSlice(i, a, e); got != l[a:e] {
				t.Fatalf("LineSlice(%d, %d, %d) wrong", i, a, e)
			}
			for _, pat := range []string{"`", "**", "中文", "，。a"} {
				want := strings.Index(l[a:], pat)
				if want >= 0 {
					want += a
				}
				if got := b.IndexInLine(i, a, pat); got != want {
					t.Fatalf("IndexInLine(%d, %d, %q) = %d, want %d", i, a, pat, got, want)
				}
			}
		}
	}
	if got := b.Text(); got != model {
		t.Fatal("Text differs from the model")
	}
	checkModel(t, b, model)
}

// TestRopeKeepsChunksSmall types into the middle of a 900 KB line and
// checks the line became a rope whose chunks stay bounded.
func TestRopeKeepsChunksSmall(t *testing.T) {
	line := strings.Repeat("中文段落很长没有换行ＡＢＣ，。", 900<<10/45)
	b := New(line + "\nnext")
	at := len(line) / 2 / 3 * 3
	for k := range 3000 {
		b.Replace(at+3*k, at+3*k, "字", EditTyping, Selection{})
	}
	r := b.ropes[0]
	if r == nil {
		t.Fatal("a 900 KB edited line is not a rope")
	}
	for _, c := range r.chunks {
		if len(c) > 2*ChunkSize {
			t.Fatalf("chunk of %d bytes", len(c))
		}
	}
	want := line[:at] + strings.Repeat("字", 3000) + line[at:]
	if b.Line(0) != want || b.Line(1) != "next" {
		t.Fatal("text after typing differs")
	}
}
