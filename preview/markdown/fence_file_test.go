package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestFenceFile(t *testing.T) {
	for _, tc := range []struct {
		src, label, lang string
		marked           bool
	}{
		{"```md {file=\"content/example.md\"}\n# x\n```\n", "content/example.md", "md", false},
		{"```go {file=\"layouts/a.html\" linenos=true hl_lines=[1]}\nx\n```\n", "layouts/a.html", "go", true},
		{"```text {file='hugo.toml'}\nx\n```\n", "hugo.toml", "text", false},
		{"```go {linenos=true}\nx\n```\n", "", "go", false},
		{"```go\nx\n```\n", "", "go", false},
	} {
		blocks := NewDocument(New()).Set([]byte(tc.src))
		b := blocks[0].Block.Fill()
		if b.Kind != KindCode || b.Label != tc.label || b.Lang != tc.lang {
			t.Errorf("%q: %s label=%q lang=%q, want code label=%q lang=%q", tc.src, b.Kind, b.Label, b.Lang, tc.label, tc.lang)
		}
		if got := b.Opts != nil && b.Opts.IsMarked(1); got != tc.marked {
			t.Errorf("%q: line 1 marked=%v", tc.src, got)
		}
	}
}

func TestFenceFileBig(t *testing.T) {
	src := "```md {file=\"content/big.md\"}\n" + strings.Repeat("line\n", 150) + "```\n"
	d := NewDocument(New())
	blocks := d.Set([]byte(src))
	b := blocks[0].Block
	SplitParts(b)
	if len(b.Parts()) < 2 || b.Parts()[0].Label != "content/big.md" || b.Parts()[1].Label != "" {
		t.Fatalf("parts %d, want the first labelled content/big.md", len(b.Parts()))
	}
	// a quick edit in the first part keeps the label
	edited := strings.Replace(src, "line\n", "lime\n", 1)
	blocks = d.Set([]byte(edited))
	if !d.lastQuickEdit {
		t.Fatal("the edit was not the parse-free one")
	}
	if p := blocks[0].Block.Parts(); len(p) < 2 || p[0].Label != "content/big.md" || !strings.HasPrefix(p[0].Text, "lime") {
		t.Errorf("after an edit the first part lost its label")
	}
}

func TestFenceFileExport(t *testing.T) {
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte("```md {file=\"content/example.md\"}\n# x\n```\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := `<div class="code-label"><span class="shortcode">content/example.md</span></div>`; !strings.Contains(out.String(), want) {
		t.Errorf("missing %s in\n%s", want, out.String())
	}
}
