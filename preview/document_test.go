package preview

import (
	"folio/preview/markdown"

	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// corpus is the seed body and every golden input, joined.
func corpus(tb testing.TB) []byte {
	_, body, _ := splitSeed(tb)
	files, _ := filepath.Glob("testdata/*.md")
	all := bytes.Clone(body)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		all = append(append(all, '\n'), data...)
	}
	return all
}

// checkIncremental edits doc to next and asserts the incremental result is
// exactly what a fresh full parse gives.
func checkIncremental(t testing.TB, d *markdown.Document, next []byte) {
	t.Helper()
	got := dumpDocument(d.Set(next))
	want := renderDump(next)
	if got != want {
		t.Fatalf("incremental (%v) and full parse differ after edit\n--- incremental ---\n%s\n--- full ---\n%s", d.LastIncremental(), got, want)
	}
}

func TestIncrementalMatchesFullParse(t *testing.T) {
	src := corpus(t)
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"a", "中", " ", "\n", "\n\n", "#", "# ", "-", "- ", "> ", "*", "**", "`", "```", "~~", "|", "[", "]", "(", ")", "<div>", "1. ", "    ", "---", "="}
	d := markdown.NewDocument(newMarkdown())
	d.Set(bytes.Clone(src))
	incremental := 0
	for i := 0; i < 1500; i++ {
		cur := d.Source()
		pos := rng.Intn(len(cur) + 1)
		next := make([]byte, 0, len(cur)+8)
		next = append(next, cur[:pos]...)
		if rng.Intn(3) == 0 && pos < len(cur) {
			next = append(next, cur[pos+1:]...) // delete a byte (may split a rune: also fine)
		} else {
			next = append(next, pieces[rng.Intn(len(pieces))]...)
			next = append(next, cur[pos:]...)
		}
		checkIncremental(t, d, next)
		if d.LastIncremental() {
			incremental++
		}
	}
	if incremental < 1000 {
		t.Errorf("only %d of 1500 edits were incremental", incremental)
	}
}

func TestIncrementalReusesUnchangedBlocks(t *testing.T) {
	_, body, _ := splitSeed(t)
	d := markdown.NewDocument(newMarkdown())
	before := append([]*markdown.TopBlock(nil), d.Set(bytes.Clone(body))...)
	for _, tb := range before { // shown, so converted: blocks not shown yet are not kept
		tb.Block.Fill()
	}
	mid := bytes.Index(body, []byte("边缘计算与AI融合"))
	next := append(append(append([]byte(nil), body[:mid]...), "新"...), body[mid:]...)
	after := d.Set(next)
	if !d.LastIncremental() {
		t.Fatal("a one-character edit was not incremental")
	}
	if len(after) != len(before) {
		t.Fatalf("block count changed: %d -> %d", len(before), len(after))
	}
	changed := 0
	for i := range after {
		if after[i].Block != before[i].Block {
			changed++
		}
	}
	if changed != 1 {
		t.Errorf("%d blocks rebuilt after a one-character edit, want 1", changed)
	}
}

func FuzzRender(f *testing.F) {
	f.Add([]byte("# t\n\n中文**粗体**中文\n"), 3, "x")
	f.Add([]byte("> a\n> > b\n\n- [ ] c\n\n| a |\n|---|\n| b |\n"), 10, "`")
	f.Add([]byte("x[^1]\n\n[^1]: n\n\n```go\nf()\n```\n"), 5, "\n\n")
	f.Add([]byte("<div>\n\n</div>\n[r]: /u\n\n[r]\n"), 7, "-")
	f.Fuzz(func(t *testing.T, src []byte, pos int, insert string) {
		d := markdown.NewDocument(newMarkdown())
		d.Set(bytes.Clone(src))
		if pos < 0 {
			pos = -pos
		}
		pos %= len(src) + 1
		next := append(append(append([]byte(nil), src[:pos]...), insert...), src[pos:]...)
		checkIncremental(t, d, next)
	})
}
