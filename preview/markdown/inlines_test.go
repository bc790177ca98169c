package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sameAsEager checks that body parsed without paragraph inlines (each
// top-level block converted from a parse of its own source) gives the
// blocks an eager parse gives: ranges, lines, estimates and the model.
func sameAsEager(t *testing.T, body []byte) {
	t.Helper()
	for _, always := range []bool{true, false} {
		sameAsEagerWith(t, body, always)
	}
}

// sameAsEagerWith is sameAsEager deferring every paragraph (always) or
// those after eagerBytes.
func sameAsEagerWith(t *testing.T, body []byte, always bool) {
	t.Helper()
	lazy := NewDocument(New())
	lazy.alwaysDefer = always
	got := lazy.Set(bytes.Clone(body))
	eager := NewDocument(New())
	eager.eagerInlines = true
	eager.seed = lazy.seed
	want := eager.Set(bytes.Clone(body))
	if len(got) != len(want) {
		t.Fatalf("%d blocks, the eager parse %d:\n%s\nwant\n%s", len(got), len(want), DumpDocument(got), DumpDocument(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Start != w.Start || g.End != w.End || g.Line != w.Line || g.Hash != w.Hash {
			t.Errorf("block %d: [%d,%d) line %d, eager [%d,%d) line %d", i, g.Start, g.End, g.Line, w.Start, w.End, w.Line)
		}
		if g.Block.Kind != w.Block.Kind || g.Block.Level != w.Block.Level || g.Block.lines != w.Block.lines || g.Block.units != w.Block.units {
			t.Errorf("block %d: %v/%d %d lines %v units, eager %v/%d %d %v", i, g.Block.Kind, g.Block.Level, g.Block.lines, g.Block.units,
				w.Block.Kind, w.Block.Level, w.Block.lines, w.Block.units)
		}
	}
	if len(body)%2 == 1 { // converted from the end: each block parses the run it starts
		for i := len(got) - 1; i >= 0; i-- {
			got[i].Block.Fill()
		}
	}
	g, w := DumpDocument(got), DumpDocument(want)
	if g != w {
		t.Fatalf("deferred and eager inlines differ:\n%s", firstDiff(g, w))
	}
	for i := range got {
		g, w := got[i].Block, want[i].Block
		if g.codeFrom != w.codeFrom || g.codeTo != w.codeTo || g.rowsFrom != w.rowsFrom || g.rowsTo != w.rowsTo {
			t.Errorf("block %d: source ranges differ", i)
		}
		if fmt.Sprint(taskOffsets(g)) != fmt.Sprint(taskOffsets(w)) {
			t.Errorf("block %d: task boxes at %v, eager %v", i, taskOffsets(g), taskOffsets(w))
		}
	}
}

// taskOffsets lists the task box offsets of a block's list items.
func taskOffsets(b *Block) []int {
	var out []int
	for _, it := range b.Items {
		out = append(out, it.TaskAt)
		for _, c := range it.Blocks {
			out = append(out, taskOffsets(c)...)
		}
	}
	for _, c := range b.Children {
		out = append(out, taskOffsets(c)...)
	}
	return out
}

// TestDeferredInlinesEqualEager: the articles of the repository and the
// golden inputs, and the shapes whose parse reads a paragraph's lines
// after it closes, give the same blocks whether paragraph inlines are
// parsed at once or per block when converted.
func TestDeferredInlinesEqualEager(t *testing.T) {
	var files []string
	for _, pat := range []string{"../testdata/*.md", "testdata/sites/*.md", "../../assets/samples/*.md", "../../README.md"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d articles found", len(files))
	}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) { sameAsEager(t, body) })
	}
	for _, s := range []string{
		"Title\n=====\n\ntext\n---\n\n[a]: /x\n  Setext\n  ---\n",
		"[ref]: /u 'T'\n\nsee [ref] and [x][ref]\n\n- [ ] task [ref]\n- [x] done\n\n> [!NOTE]\n> alert *em*\n",
		"para\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n# heading\n- item\n  lazy\ncontinued\n\n1. one\n2. two\n",
		"> quote\nlazy\n\n```go\ncode\n```\n    indented\n\n<div>\n*x*\n</div>\n\n***\n",
		"中文第一行\n第二行 **粗体**\n\nEnglish\nnext line  \nhard break\\\nand `code`\n",
		"- a\n\n  b\n- c\n\n  > q\n  > r\n\nterm\n: not a definition here\n",
		"{{< figure src=\"a\" >}}\n\n<kbd>x</kbd> <details><summary>s</summary>\n\n***bold italic*** ~~s~~ www.example.com\n",
		"<Note>\n\nnote text\nmore\n</Note>\n\nafter\n\n<details>\n<summary>s</summary>\n\nbody\nline\n</details>\n\nend *em*\n",
		"  [a]: /x\nText [a]\n", "[a]:\n/x\n\n[a]\n", "x\n[y]: /z\n", "- [ ] \n", "\\\n", "a\n=\n", "=\n", " - \n",
	} {
		t.Run(fmt.Sprintf("%.20q", s), func(t *testing.T) { sameAsEager(t, []byte(s)) })
	}
}

// FuzzDeferredInlines: any body gives the same blocks with paragraph
// inlines parsed at once or per block.
func FuzzDeferredInlines(f *testing.F) {
	for _, s := range []string{
		"a\n===\n", "[a]: /b\n\n[a]", "- x\n\n  y\n", "> a\nb\n", "| a |\n|---|\n| b |\n", "t\n: d\n",
		"<!--\n\n-->\n*a*", "1. a\n2) b\n", "a  \nb\\\nc\n", "```\n[a]: x\n```\n[a]\n", strings.Repeat("*a _b ", 20),
		// ATX headings (lazyHeadings)
		"# a *b*\n", "## x {#id}\n", "#\n", "# a #\n", "> # q\n- # l\n", "# [r]\n\n[r]: /u\n", "a\n# h `c`\nb\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 2000 || len(body) == 0 {
			return
		}
		sameAsEager(t, body)
		// repeated past reparseBytes: runs end at blocks in the middle
		long := bytes.Clone(body)
		for len(long) < 3*reparseBytes {
			long = append(long, body...)
		}
		sameAsEager(t, long)
	})
}

// TestEagerParagraphNotReparsed: a top-level paragraph that starts before
// eagerBytes and runs past it (a big paste at an article's top) kept its
// inlines in the document's parse, so it is converted from that node, not
// inline-parsed a second time; a list doing the same is parsed again (its
// later paragraphs' lines were dropped). Both convert as an eager parse.
func TestEagerParagraphNotReparsed(t *testing.T) {
	var para, list strings.Builder
	para.WriteString("before\n\n")
	list.WriteString("before\n\n")
	for i := 0; para.Len() < 3*eagerBytes; i++ {
		fmt.Fprintf(&para, "line %d *of* the 中文 [pasted](/u) text\n", i)
		fmt.Fprintf(&list, "- item %d\n\n  with *a* paragraph\n", i)
	}
	para.WriteString("\nafter\n")
	for _, tc := range []struct {
		body    string
		reparse bool
	}{{para.String(), false}, {list.String(), true}} {
		blocks := NewDocument(New()).Set([]byte(tc.body))
		if len(blocks) < 2 {
			t.Fatalf("%d blocks", len(blocks))
		}
		if got := blocks[1].Block.lazy.reparse; got != tc.reparse {
			t.Errorf("%v: reparse %v, want %v", blocks[1].Block.Kind, got, tc.reparse)
		}
		sameAsEagerWith(t, []byte(tc.body), false)
	}
}
