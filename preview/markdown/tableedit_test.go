package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// bigTableDoc is an article with a table of n body rows.
func bigTableDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# Big table\n\n| id | 名称 | note |\n|---|:-:|--:|\n")
	for i := range n {
		fmt.Fprintf(&b, "| %d | 第%d行 | some *note* text %d |\n", i, i, i)
	}
	b.WriteString("\nafter\n")
	return b.Bytes()
}

// shownTable checks that a split table's parts tile its rows under one
// plan, and returns the document's dump.
func shownTable(t *testing.T, blocks []*TopBlock) string {
	t.Helper()
	for _, tb := range blocks {
		SplitParts(tb.Block)
		b := tb.Block
		if b.Kind != KindTable || len(b.parts) == 0 {
			continue
		}
		b.Fill()
		var rows [][][]Inline
		plan := measuredPlan(b)
		for k, p := range b.parts {
			rows = append(rows, p.Fill().Rows...)
			if (k == 0) != (p.Header != nil) {
				t.Errorf("part %d: header %v", k, p.Header != nil)
			}
			if p.RowCount() != len(p.Rows) {
				t.Errorf("part %d: %d rows, RowCount %d", k, len(p.Rows), p.RowCount())
			}
			if p.plan == nil || !p.plan.equal(plan) {
				t.Errorf("part %d: plan %v, the table's %v", k, p.plan, plan)
			}
			if want := map[bool]uint8{true: 0}[k == 0] | ContAbove*map[bool]uint8{true: 1}[k > 0] | ContBelow*map[bool]uint8{true: 1}[k < len(b.parts)-1]; p.cont != want {
				t.Errorf("part %d of %d: edges %b, want %b", k, len(b.parts), p.cont, want)
			}
		}
		if fmt.Sprint(rows) != fmt.Sprint(b.Rows) {
			t.Error("the parts' rows are not the table's")
		}
	}
	return DumpDocument(blocks)
}

// measuredPlan is the plan of a split table measured afresh: on the
// header's text and its rows' lines when the parts have them, else on the
// rows' text.
func measuredPlan(b *Block) *TablePlan {
	if b.parts[0].trows == nil {
		return PlanTable(b)
	}
	cols := tableCols(b)
	a := &asks{}
	a.add(b.Header, cols, 1.08)
	for _, p := range b.parts {
		a.addLines(p.trows.lines, cols)
	}
	return planOf(cols, a)
}

// TestTableEditEqualsFullParse: an edit inside a big table's rows gives
// what a full parse gives; edits that may change the table's shape parse.
func TestTableEditEqualsFullParse(t *testing.T) {
	base := bigTableDoc(400)
	for _, e := range []struct {
		name, at, with string
		quick          bool
	}{
		{"type in a cell", "text 350 |", "text 350X |", true},
		{"a new row", "| 100 | 第100行 | some *note* text 100 |\n", "| 100 | 第100行 | some *note* text 100 |\n| new | row |\n", true},
		{"join rows", "text 30 |\n| 31", "text 30 | 31", true},
		{"a pipe escaped in code", "text 200 |", "`a\\|b` |", true},
		{"a wider cell changes the plan", "text 7 |", strings.Repeat("很宽", 30) + " |", true},
		{"a link reference", "text 9 |", "[x][ref] |", true},
		{"the first row", "| 0 |", "| zero |", true},
		{"the last row", "text 399 |", "text 399 end |", true},
		{"a row made a heading", "| 50 | 第50行 | some *note* text 50 |", "# 50", false},
		{"a blank line", "text 60 |\n", "text 60 |\n\n", false},
		{"the delimiter row", "|---|:-:|--:|", "|---|---|---|", false},
		{"a footnote", "text 70 |", "[^1] |", false},
	} {
		t.Run(e.name, func(t *testing.T) {
			doc := base
			if e.name == "a link reference" {
				doc = append(bytes.Clone(base), "\n[ref]: https://example.com\n"...)
			}
			d := NewDocument(New())
			for _, tb := range d.Set(bytes.Clone(doc)) {
				SplitParts(tb.Block)
			}
			edited := bytes.Replace(doc, []byte(e.at), []byte(e.with), 1)
			if bytes.Equal(edited, doc) {
				t.Fatal("the edit changes nothing")
			}
			got := d.Set(bytes.Clone(edited))
			want := NewDocument(New()).Set(bytes.Clone(edited))
			if g, w := shownTable(t, got), shownTable(t, want); g != w {
				t.Fatalf("incremental and full differ:\n%s", firstDiff(g, w))
			}
			if d.lastQuickEdit != e.quick {
				t.Errorf("parse-free = %v, want %v", d.lastQuickEdit, e.quick)
			}
		})
	}
}

// FuzzTableEdit: random edits in and around a big table give what a full
// parse gives.
func FuzzTableEdit(f *testing.F) {
	f.Add(uint64(1), 3000, 2, "X")
	f.Add(uint64(2), 5000, 30, "|\n| a")
	f.Add(uint64(3), 9000, 0, "\n")
	f.Add(uint64(4), 120, 100, "| `x|y` |")
	base := bigTableDoc(320)
	f.Fuzz(func(t *testing.T, seed uint64, at, cut int, insert string) {
		if at < 0 || cut < 0 {
			return
		}
		d := NewDocument(New())
		for _, tb := range d.Set(bytes.Clone(base)) {
			SplitParts(tb.Block)
		}
		cur := bytes.Clone(base)
		r := rand.New(rand.NewPCG(seed, 2))
		for range 4 {
			a := at % (len(cur) + 1)
			b := min(a+cut%50, len(cur))
			next := append(append(append([]byte(nil), cur[:a]...), insert...), cur[b:]...)
			got := d.Set(bytes.Clone(next))
			want := NewDocument(New()).Set(bytes.Clone(next))
			if g, w := shownTable(t, got), shownTable(t, want); g != w {
				t.Fatalf("after replacing [%d,%d) with %q, incremental and full differ:\n%s", a, b, insert, firstDiff(g, w))
			}
			cur = next
			at = r.IntN(len(cur) + 1)
		}
	})
}

// TestTablePlanFollowsEdits: the column plan kept across edits is the one
// measured over all rows, when a row grows and when the widest shrinks.
func TestTablePlanFollowsEdits(t *testing.T) {
	base := bigTableDoc(400)
	d := NewDocument(New())
	for _, tb := range d.Set(bytes.Clone(base)) {
		SplitParts(tb.Block)
	}
	cur := base
	for _, e := range [][2]string{
		{"text 5 |", strings.Repeat("wide ", 20) + "|"},
		{strings.Repeat("wide ", 20) + "|", "narrow |"},
		{"第9行", "第9行" + strings.Repeat("宽", 50)},
		{"第9行" + strings.Repeat("宽", 50), "9"},
	} {
		cur = bytes.Replace(cur, []byte(e[0]), []byte(e[1]), 1)
		blocks := d.Set(bytes.Clone(cur))
		if !d.lastQuickEdit {
			t.Fatalf("%q: parsed", e[1])
		}
		tb := blocks[1].Block
		if want := measuredPlan(tb); !tb.parts[0].plan.equal(want) {
			t.Errorf("%q: plan %v, measured %v", e[1], tb.parts[0].plan, want)
		}
	}
}
