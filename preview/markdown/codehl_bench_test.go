package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// bigGoCode is about n bytes of Go, as the preview's code1MB benchmark.
func bigGoCode(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "fmt.Println(%d, \"中文输出\") // line %d\n", i, i)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// BenchmarkCodeParts is what a full update of an article holding a 1 MB
// Go code block does with it: cut it into parts (split), and the quick
// highlighting pass over the parts just cut (quick).
func BenchmarkCodeParts(b *testing.B) {
	text := bigGoCode(1 << 20)
	lines := strings.Count(text, "\n") + 1
	cut := func() *Block {
		blk := &Block{Kind: KindCode, Lang: "go", Text: text, lines: lines}
		blk.filled.Store(true)
		SplitParts(blk)
		return blk
	}
	b.Run("split", func(b *testing.B) {
		for b.Loop() {
			cut()
		}
	})
	b.Run("quick", func(b *testing.B) {
		blk := cut()
		for b.Loop() {
			for _, p := range blk.parts {
				p.hl.Store(nil)
			}
			HighlightParts([]*TopBlock{{Block: blk}}, true, func() bool { return false })
		}
	})
}
