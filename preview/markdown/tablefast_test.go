package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// rowsOf is n table rows made by row(i), each ending with nl.
func rowsOf(n int, nl string, row func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(row(i))
		b.WriteString(nl)
	}
	return b.String()
}

func plainRow(i int) string { return fmt.Sprintf("| %d | 第%d行 | note %d |", i, i, i) }

// sameAsFullParse checks that body parsed with the fast table path gives
// the blocks a full parse gives (ranges, lines, hashes, estimates and the
// converted model, with the table rows' source range), before and after
// cutting into parts. It returns how many tables took the fast path.
func sameAsFullParse(t *testing.T, body []byte) int {
	t.Helper()
	fast := NewDocument(New())
	got := fast.Set(bytes.Clone(body))
	full := NewDocument(New())
	full.noFastTables = true
	full.seed = fast.seed
	want := full.Set(bytes.Clone(body))
	fastTables := 0
	for _, tb := range got {
		if tb.Block.rowsLazy {
			fastTables++
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d blocks, the full parse %d:\n%s\nwant\n%s", len(got), len(want), DumpDocument(got), DumpDocument(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Start != w.Start || g.End != w.End || g.Line != w.Line || g.Hash != w.Hash {
			t.Errorf("block %d: [%d,%d) line %d, the full parse [%d,%d) line %d", i, g.Start, g.End, g.Line, w.Start, w.End, w.Line)
		}
		if g.Block.Kind != w.Block.Kind || g.Block.lines != w.Block.lines || g.Block.units != w.Block.units {
			t.Errorf("block %d: %v %d lines %v units, the full parse %v %d %v", i, g.Block.Kind, g.Block.lines, g.Block.units, w.Block.Kind, w.Block.lines, w.Block.units)
		}
	}
	if g, w := DumpDocument(got), DumpDocument(want); g != w {
		t.Fatalf("the fast path and the full parse differ:\n%s", firstDiff(g, w))
	}
	for i := range got {
		g, w := got[i].Block, want[i].Block
		if g.Kind == KindTable && g.rowsTo != 0 && (g.rowsFrom != w.rowsFrom || g.rowsTo != w.rowsTo) {
			t.Errorf("block %d: rows [%d,%d), the full parse [%d,%d)", i, g.rowsFrom, g.rowsTo, w.rowsFrom, w.rowsTo)
		}
	}
	// with paragraph inlines deferred too
	deferred := NewDocument(New())
	deferred.alwaysDefer = true
	if g, w := DumpDocument(deferred.Set(bytes.Clone(body))), DumpDocument(want); g != w {
		t.Fatalf("the fast path with deferred inlines and the full parse differ:\n%s", firstDiff(g, w))
	}
	// cut into parts, as the preview shows them
	got = NewDocument(New()).Set(bytes.Clone(body))
	if g, w := shownTable(t, got), shownTable(t, want); g != w {
		t.Fatalf("the fast path's parts and the full parse's differ:\n%s", firstDiff(g, w))
	}
	return fastTables
}

// TestFastTableEqualsFullParse: big tables parsed through the fast path
// (the rows kept as lines, parsed under the header when needed) give the
// block model of goldmark's full parse; tables inside containers, or
// ended in ways the line scan does not follow, parse whole.
func TestFastTableEqualsFullParse(t *testing.T) {
	const n = fastTableRows + 5
	head := "| id | 名称 | note |\n|:--|:-:|--:|\n"
	for _, c := range []struct {
		name string
		body string
		fast int // tables expected on the fast path
	}{
		{"plain, then a paragraph", "# T\n\n" + head + rowsOf(n, "\n", plainRow) + "\nafter\n", 1},
		{"at the start", head + rowsOf(n, "\n", plainRow) + "\nafter\n", 1},
		{"at the end", "# T\n\n" + head + rowsOf(n, "\n", plainRow), 1},
		{"at the end, then blank lines", "# T\n\n" + head + rowsOf(n, "\n", plainRow) + "\n\n  \n", 1},
		{"at the end without a newline", "# T\n\n" + head + strings.TrimSuffix(rowsOf(n, "\n", plainRow), "\n"), 0},
		{"Chinese cells", "\n" + "| 列一 | 列二 |\n| --- | --- |\n" + rowsOf(n, "\n", func(i int) string {
			return fmt.Sprintf("| 中文内容，第%d行。 | **粗体**与`代码` |", i)
		}) + "\n中文段落\n", 1},
		{"escaped pipes and code with pipes", head + rowsOf(n, "\n", func(i int) string {
			return fmt.Sprintf("| a \\| b %d | `x|y` | `p\\|q` and \\\\ |", i)
		}), 1},
		{"short and long rows", head + rowsOf(n, "\n", func(i int) string {
			return strings.Repeat("| c ", i%6) + "|"
		}) + "\n", 1},
		{"rows without a last pipe, indented", head + rowsOf(n, "\n", func(i int) string {
			return strings.Repeat(" ", i%10/7*3) + fmt.Sprintf("| %d | *x* ~~y~~ <kbd>K</kbd><br>z", i)
		}) + "\n", 1},
		{"links, references, autolinks", head + rowsOf(n, "\n", func(i int) string {
			return fmt.Sprintf("| [a](/x/%d) | [r][ref] ![i](p.png) | <https://e.com> www.f.org &amp; |", i)
		}) + "\n[ref]: https://example.com/r\n", 1},
		{"a lazy line ends it", "# T\n\n" + head + rowsOf(n, "\n", plainRow) + "after\n", 0},
		{"a heading ends it", "# T\n\n" + head + rowsOf(n, "\n", plainRow) + "# next\n", 0},
		{"a text line inside", head + rowsOf(n, "\n", func(i int) string {
			if i == 100 {
				return "not | a leading pipe"
			}
			return plainRow(i)
		}) + "\n", 0},
		{"CRLF", strings.ReplaceAll("# T\n\n"+head+rowsOf(n, "\n", plainRow)+"\nafter\n", "\n", "\r\n"), 1},
		{"in a list", "- item\n\n  " + strings.ReplaceAll(strings.TrimSuffix(head+rowsOf(n, "\n", plainRow), "\n"), "\n", "\n  ") + "\n\nafter\n", 0},
		{"in a quote", "> " + strings.ReplaceAll(strings.TrimSuffix(head+rowsOf(n, "\n", plainRow), "\n"), "\n", "\n> ") + "\n\nafter\n", 0},
		{"in a fence", "```\n\n" + head + rowsOf(n, "\n", plainRow) + "\n```\n", 0},
		{"in an HTML comment", "<!--\n\n" + head + rowsOf(n, "\n", plainRow) + "\n-->\n", 0},
		{"after a paragraph line", "text\n" + head + rowsOf(n, "\n", plainRow) + "\n", 0},
		{"a list item header", "- a | b |\n|---|---|\n" + rowsOf(n, "\n", plainRow) + "\n", 0},
		{"not a delimiter row", "| a | b |\n| x | y |\n" + rowsOf(n, "\n", plainRow) + "\n", 0},
		{"header and delimiter disagree", "| a | b | c |\n|---|---|\n" + rowsOf(n, "\n", plainRow) + "\n", 0},
		{"a footnote in a row", head + rowsOf(n, "\n", func(i int) string {
			if i == 7 {
				return "| x[^1] | y |"
			}
			return plainRow(i)
		}) + "\n[^1]: note\n", 0},
		{"footnotes around it", "a[^1]\n\n" + head + rowsOf(n, "\n", plainRow) + "\nb[^2]\n\n[^1]: one\n[^2]: two\n", 1},
		{"two tables and a small one", head + rowsOf(n, "\n", plainRow) + "\n| s |\n|---|\n| 1 |\n\n" + head + rowsOf(n+40, "\n", plainRow) + "\n", 2},
		{"too few rows", head + rowsOf(fastTableRows-1, "\n", plainRow) + "\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := sameAsFullParse(t, []byte(c.body)); got != c.fast {
				t.Errorf("%d tables on the fast path, want %d", got, c.fast)
			}
		})
	}
}

// TestFastTableIncremental: edits around a fast table (the region parsed
// again holds the table) give what a full parse gives.
func TestFastTableIncremental(t *testing.T) {
	body := "# T\n\nintro\n\n" + "| a | b |\n|---|---|\n" + rowsOf(fastTableRows+10, "\n", plainRow) + "\nafter\n\nend\n"
	d := NewDocument(New())
	for _, tb := range d.Set([]byte(body)) {
		SplitParts(tb.Block)
	}
	for _, e := range [][2]string{
		{"intro", "intro text"},
		{"after", "after!"},
		{"\nafter", "after"},               // a lazy line: the table parses whole
		{"309 |\nafter", "309 |\n\nafter"}, // and back
		{"| 5 |", "| five |"},
	} {
		next := strings.Replace(body, e[0], e[1], 1)
		if next == body {
			t.Fatalf("%q changes nothing", e[0])
		}
		body = next
		got := d.Set([]byte(body))
		want := NewDocument(New())
		want.noFastTables = true
		if g, w := shownTable(t, got), shownTable(t, want.Set([]byte(body))); g != w {
			t.Fatalf("after %q: incremental and full differ:\n%s", e[1], firstDiff(g, w))
		}
	}
}

// TestCellSourceUnits: the width estimated from a cell's source is the
// width measured on its converted text, for the common shapes.
func TestCellSourceUnits(t *testing.T) {
	for _, cell := range []string{
		"plain text", "中文内容，第1行。", "**bold** and *em*", "`code`", "[link](https://example.com/a/b)",
		"a \\| b", "~~gone~~", "<kbd>Ctrl</kbd>+C", "<https://e.com/x>", "x &amp; y", "longwordwithoutspaces 很宽",
	} {
		doc := []byte("| h |\n|---|\n| " + cell + " |\n")
		b := NewDocument(New()).Set(doc)[0].Block.Fill()
		wn, ww := cellUnits(b.Rows[0][0])
		gn, gw := cellSourceUnits(cell)
		if !near(gn, wn) || !near(gw, ww) {
			t.Errorf("%q: from the source %v, %v; measured %v, %v", cell, gn, gw, wn, ww)
		}
	}
}

func near(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }

// FuzzFastTable: a big table with fuzzed rows, text before and after,
// gives through the fast path what goldmark's full parse gives.
func FuzzFastTable(f *testing.F) {
	f.Add("# T\n\n", "| a | b |\n|---|---|\n", "| %d | x |", "\nafter\n")
	f.Add("", "| 中 | 文 |\n| :-: | --: |\n", "| `a|b` %d | \\| |", "")
	f.Add("- list\n\n  ", "| a |\n|---|\n", "  | %d", "\n")
	f.Add("> ", "| a |\n|---|\n", "| %d |", "next\n")
	f.Add("```\n", "a | b\n--- | ---\n", "| [x][r] %d |", "\n[r]: /u\n```\n")
	f.Add("<div>\n\n", "|a|\n|-|\n", "|<b>%d</b>|", "\r\n\r\n</div>\n")
	f.Fuzz(func(t *testing.T, before, head, row, after string) {
		if len(before)+len(head)+len(row)+len(after) > 400 {
			return
		}
		body := before + head + rowsOf(fastTableRows, "\n", func(i int) string {
			return strings.ReplaceAll(row, "%d", fmt.Sprint(i))
		}) + after
		sameAsFullParse(t, []byte(body))
	})
}

// TestBigTableExportHoldsEveryRow: the HTML export of an article with a
// big table (which the preview's model keeps as lines) has every row.
func TestBigTableExportHoldsEveryRow(t *testing.T) {
	body := bigTableDoc(fastTableRows + 50)
	var out strings.Builder
	if err := RenderHTML(&out, body, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(out.String(), "<tr>"), fastTableRows+50+1; got != want {
		t.Errorf("%d rows exported, want %d", got, want)
	}
	if !strings.Contains(out.String(), "第349行") {
		t.Error("the last row is missing")
	}
}

// wideSource is a Markdown table of cols columns and rows body rows.
func wideSource(cols, rows int) string {
	var b strings.Builder
	b.WriteString("|" + strings.Repeat(" heading |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n")
	for r := range rows {
		b.WriteString("|")
		for c := range cols {
			fmt.Fprintf(&b, " v%d.%d |", r, c)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestWideTableIsCutIntoParts: a table too wide for any pane (300
// columns) is cut into parts of about partCells cells even when it has
// far fewer than partMinLines lines, so that the preview converts and
// builds its rows a few at a time; its parts share one plan and hold
// every row once. A narrow table of as many rows stays whole.
func TestWideTableIsCutIntoParts(t *testing.T) {
	doc := NewDocument(New())
	tb := doc.Set([]byte(wideSource(300, 40)))[0]
	SplitParts(tb.Block)
	parts := tb.Block.Parts()
	if want := (40 + rowsPerPart(300) - 1) / rowsPerPart(300); len(parts) != want {
		t.Fatalf("a 300-column table of 40 rows is %d parts, want %d", len(parts), want)
	}
	rows := 0
	for i, p := range parts {
		p.Fill()
		if p.Plan() != parts[0].Plan() || !p.Plan().Wide() {
			t.Errorf("part %d has a plan of its own, or not wide", i)
		}
		if n := len(p.Rows); n > rowsPerPart(300) || n*300 > partCells {
			t.Errorf("part %d holds %d rows", i, n)
		}
		rows += len(p.Rows)
	}
	if rows != 40 || parts[0].Header == nil {
		t.Errorf("the parts hold %d rows (want 40), header %v", rows, parts[0].Header != nil)
	}
	// a long wide table (rows kept as lines until shown) too
	long := NewDocument(New()).Set([]byte(wideSource(300, 400)))[0]
	SplitParts(long.Block)
	lp := long.Block.Parts()
	if len(lp) != 400/rowsPerPart(300) {
		t.Errorf("a 300-column table of 400 rows is %d parts", len(lp))
	}
	for i, p := range lp[:2] {
		if p.Fill(); len(p.Rows) != rowsPerPart(300) {
			t.Errorf("long table part %d holds %d rows", i, len(p.Rows))
		}
	}
	narrow := NewDocument(New()).Set([]byte(wideSource(3, 40)))[0]
	SplitParts(narrow.Block)
	if len(narrow.Block.Parts()) != 0 {
		t.Errorf("a 3-column table of 40 rows is cut into %d parts", len(narrow.Block.Parts()))
	}
}
