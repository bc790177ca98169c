package markdown

import (
	"runtime"
	"strings"
	"testing"
)

// paraOfLines is one paragraph of n source lines (no blank line between
// them), as a big paste of text.
func paraOfLines(n int) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString("Line ")
		b.WriteString(strings.Repeat("word ", 15))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// convertedBytes is how many bytes the conversion of a paragraph's
// content (Fill) allocates.
func convertedBytes(t *testing.T, src []byte) (uint64, *Block) {
	t.Helper()
	blocks := NewDocument(New()).Set(src)
	if len(blocks) != 1 || blocks[0].Block.Kind != KindParagraph {
		t.Fatalf("want one paragraph, got %d blocks", len(blocks))
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	b := blocks[0].Block.Fill()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc, b
}

// TestParagraphConversionLinear: converting a paragraph of 2N lines
// allocates about twice what N lines do, not four times (each line's
// text was appended to the run before by copying it: a 3 MB paste of
// 33,600 lines froze the preview for minutes).
func TestParagraphConversionLinear(t *testing.T) {
	const n = 4000
	small, bs := convertedBytes(t, paraOfLines(n))
	big, bb := convertedBytes(t, paraOfLines(2*n))
	if ratio := float64(big) / float64(small); ratio > 3 {
		t.Errorf("converting %d lines allocates %d bytes, %d lines %d: ratio %.1f, want about 2 (linear)", n, small, 2*n, big, ratio)
	}
	// and it is still one run of text, lines joined with spaces
	for _, b := range []*Block{bs, bb} {
		if len(b.Inlines) != 1 {
			t.Fatalf("got %d runs, want 1", len(b.Inlines))
		}
	}
	if got, want := bs.Inlines[0].Text, strings.ReplaceAll(strings.TrimSuffix(string(paraOfLines(n)), "\n"), "\n", " "); got != want {
		t.Errorf("text differs: got %d bytes %.60q…, want %d bytes", len(got), got, len(want))
	}
}

// TestMergeRuns: neighbouring runs of one look are joined, others kept.
func TestMergeRuns(t *testing.T) {
	in := []Inline{{Text: "a"}, {Text: "b"}, {Style: Bold, Text: "c"}, {Style: Bold, Text: "d"}, {Kind: InlineBreak}, {Text: "e"}, {Link: "x", Text: "f"}, {Link: "x", Text: "g"}}
	got := mergeRuns(in)
	want := []Inline{{Text: "ab"}, {Style: Bold, Text: "cd"}, {Kind: InlineBreak}, {Text: "e"}, {Link: "x", Text: "fg"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
