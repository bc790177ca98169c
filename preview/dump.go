package preview

import (
	"fmt"
	"strings"
)

// dumpDocument is the golden-test view of a parsed body: each top-level
// block with its first body line, then its rendered tree.
func dumpDocument(blocks []*topBlock) string {
	var b strings.Builder
	for _, tb := range blocks {
		if tb.block.Kind == KindNone {
			continue
		}
		fmt.Fprintf(&b, "@%d ", tb.line)
		var inner strings.Builder
		dumpBlock(&inner, tb.block, "")
		b.WriteString(inner.String())
	}
	return b.String()
}
