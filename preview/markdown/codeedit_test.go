package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// bigCodeDoc is an article with a fenced code block of n lines.
func bigCodeDoc(n int, lang string) []byte {
	var b bytes.Buffer
	b.WriteString("# Big code\n\nbefore\n\n```" + lang + "\n")
	for i := range n {
		fmt.Fprintf(&b, "fmt.Println(%d, \"中文输出\") // line %d\n", i, i)
	}
	b.WriteString("```\n\nafter\n")
	return b.Bytes()
}

// shown is what a document shows, parts joined: each top-level block's
// line and dump, a code block's parts as their lines and text.
func shown(t *testing.T, blocks []*TopBlock) string {
	t.Helper()
	var b strings.Builder
	for _, tb := range blocks {
		SplitParts(tb.Block)
		if tb.Block.Kind != KindCode || len(tb.Block.parts) == 0 {
			b.WriteString(DumpDocument([]*TopBlock{tb}))
			continue
		}
		var texts []string
		lines := 0
		for _, p := range tb.Block.parts {
			if p.lines != strings.Count(p.Text, "\n")+1 {
				t.Errorf("a part of %d lines says %d", strings.Count(p.Text, "\n")+1, p.lines)
			}
			texts = append(texts, p.Text)
			lines += p.lines
		}
		text := strings.Join(texts, "\n")
		if n := strings.Count(text, "\n") + 1; lines != n {
			t.Errorf("parts of %d lines in all say %d", n, lines)
		}
		fmt.Fprintf(&b, "@%d code lang=%q %q\n", tb.Line, tb.Block.Lang, text)
	}
	return b.String()
}

// editsInsideCode are edits to bigCodeDoc(300) and whether they must take
// the parse-free path.
var editsInsideCode = []struct {
	name       string
	at         string // the edit replaces the first match of at ...
	with       string // ... with this
	parseFree  bool
	wantInText string
}{
	{"type a character", "line 250\n", "line 250X\n", true, "line 250X"},
	{"new line", "line 100\n", "line 100\nnew line\n", true, "new line"},
	{"join lines", "line 30\nfmt", "line 30 fmt", true, "line 30 fmt"},
	{"delete many lines", "line 40\n", "line 40\n" + "", true, "line 40"},
	{"a closing fence", "line 200\n", "line 200\n```\n", false, ""},
	{"a tilde fence", "line 200\n", "line 200\n  ~~~\n", false, ""},
	{"edit the info string", "```go", "```python", false, ""},
	{"in the first line", "(0,", "(0, 1,", true, "(0, 1,"},
	{"in the last line", "line 299\n", "line 299 end\n", true, "line 299 end"},
	{"past the closing fence", "after", "after all", false, ""},
}

// TestCodeEditEqualsFullParse: an edit inside a big code block gives what
// a full parse of the new text gives, and the edits that cannot change
// the block's structure take the parse-free path.
func TestCodeEditEqualsFullParse(t *testing.T) {
	base := bigCodeDoc(300, "go")
	for _, e := range editsInsideCode {
		t.Run(e.name, func(t *testing.T) {
			d := NewDocument(New())
			for _, tb := range d.Set(bytes.Clone(base)) {
				SplitParts(tb.Block)
			}
			edited := bytes.Replace(base, []byte(e.at), []byte(e.with), 1)
			if e.name == "delete many lines" {
				i := bytes.Index(base, []byte("line 40\n")) + len("line 40\n")
				j := bytes.Index(base, []byte("line 90\n")) + len("line 90\n")
				edited = append(bytes.Clone(base[:i]), base[j:]...)
			}
			got := d.Set(bytes.Clone(edited))
			want := NewDocument(New()).Set(bytes.Clone(edited))
			if g, w := shown(t, got), shown(t, want); g != w {
				t.Fatalf("incremental and full differ:\n%s", firstDiff(g, w))
			}
			if !d.LastIncremental() {
				t.Error("not incremental")
			}
			if free := d.lastQuickEdit; free != e.parseFree {
				t.Errorf("parse-free = %v, want %v", free, e.parseFree)
			}
			if e.wantInText != "" && !strings.Contains(got[2].Block.Text, e.wantInText) {
				t.Errorf("the block's text lacks %q", e.wantInText)
			}
		})
	}
}

// FuzzCodeEdit: random edits inside and around a big code block give what
// a full parse gives.
func FuzzCodeEdit(f *testing.F) {
	f.Add(uint64(1), 400, 2, "X")
	f.Add(uint64(2), 1200, 30, "\n")
	f.Add(uint64(3), 9000, 0, "```\n")
	f.Add(uint64(4), 5, 100, "a\nb\n")
	base := bigCodeDoc(200, "go")
	f.Fuzz(func(t *testing.T, seed uint64, at, cut int, insert string) {
		if at < 0 || cut < 0 {
			return
		}
		d := NewDocument(New())
		for _, tb := range d.Set(bytes.Clone(base)) {
			SplitParts(tb.Block)
		}
		cur := bytes.Clone(base)
		r := rand.New(rand.NewPCG(seed, 1))
		for range 4 { // a few edits in a row
			a := at % (len(cur) + 1)
			b := min(a+cut%50, len(cur))
			next := append(append(append([]byte(nil), cur[:a]...), insert...), cur[b:]...)
			got := d.Set(bytes.Clone(next))
			want := NewDocument(New()).Set(bytes.Clone(next))
			if g, w := shown(t, got), shown(t, want); g != w {
				t.Fatalf("after replacing [%d,%d) with %q, incremental and full differ:\n%s", a, b, insert, firstDiff(g, w))
			}
			cur = next
			at = r.IntN(len(cur) + 1)
		}
	})
}

// firstDiff shows where two dumps part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-200, 0)
	return fmt.Sprintf("at byte %d:\n  got  ...%s\n  want ...%s", i, a[from:min(i+200, len(a))], b[from:min(i+200, len(b))])
}
