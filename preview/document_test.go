package preview

import (
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
func checkIncremental(t testing.TB, d *document, next []byte) {
	t.Helper()
	got := dumpDocument(d.set(next))
	want := renderDump(next)
	if got != want {
		t.Fatalf("incremental (%v) and full parse differ after edit\n--- incremental ---\n%s\n--- full ---\n%s", d.lastIncremental, got, want)
	}
}

func TestIncrementalMatchesFullParse(t *testing.T) {
	src := corpus(t)
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"a", "中", " ", "\n", "\n\n", "#", "# ", "-", "- ", "> ", "*", "**", "`", "```", "~~", "|", "[", "]", "(", ")", "<div>", "1. ", "    ", "---", "="}
	d := newDocument(newMarkdown())
	d.set(bytes.Clone(src))
	incremental := 0
	for i := 0; i < 1500; i++ {
		cur := d.src
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
		if d.lastIncremental {
			incremental++
		}
	}
	if incremental < 1000 {
		t.Errorf("only %d of 1500 edits were incremental", incremental)
	}
}

func TestIncrementalReusesUnchangedBlocks(t *testing.T) {
	_, body, _ := splitSeed(t)
	d := newDocument(newMarkdown())
	before := append([]*topBlock(nil), d.set(bytes.Clone(body))...)
	for _, tb := range before { // shown, so converted: blocks not shown yet are not kept
		tb.block.fill()
	}
	mid := bytes.Index(body, []byte("边缘计算与AI融合"))
	next := append(append(append([]byte(nil), body[:mid]...), "新"...), body[mid:]...)
	after := d.set(next)
	if !d.lastIncremental {
		t.Fatal("a one-character edit was not incremental")
	}
	if len(after) != len(before) {
		t.Fatalf("block count changed: %d -> %d", len(before), len(after))
	}
	changed := 0
	for i := range after {
		if after[i].block != before[i].block {
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
		d := newDocument(newMarkdown())
		d.set(bytes.Clone(src))
		if pos < 0 {
			pos = -pos
		}
		pos %= len(src) + 1
		next := append(append(append([]byte(nil), src[:pos]...), insert...), src[pos:]...)
		checkIncremental(t, d, next)
	})
}
