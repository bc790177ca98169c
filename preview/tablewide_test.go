package preview

import (
	"bytes"
	"fmt"
)

// wideTable is a Markdown table of cols columns and rows body rows, with
// words, numbers and Chinese in its cells, between two paragraphs.
func wideTable(cols, rows int) []byte {
	var b bytes.Buffer
	b.WriteString("# Wide table\n\nBefore the table.\n\n|")
	for c := range cols {
		fmt.Fprintf(&b, " col%d 列%d |", c, c)
	}
	b.WriteString("\n|")
	for range cols {
		b.WriteString("---|")
	}
	b.WriteByte('\n')
	for r := range rows {
		b.WriteByte('|')
		for c := range cols {
			switch c % 3 {
			case 0:
				fmt.Fprintf(&b, " %d |", r*cols+c)
			case 1:
				fmt.Fprintf(&b, " value %d.%d |", r, c)
			default:
				fmt.Fprintf(&b, " 第%d行 |", r)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\nAfter the table.\n")
	return b.Bytes()
}
