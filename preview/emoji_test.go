package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewShowsEmojiWhenTheSiteEnablesThem: the native preview draws
// ":smile:" as 😄 for an article of a site with enableEmoji = true (QA
// G11), and keeps the shortcode for a site without it; moving between
// the two sites switches.
func TestPreviewShowsEmojiWhenTheSiteEnablesThem(t *testing.T) {
	p := showPreview(t)
	on, off := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(on, "hugo.toml"), []byte("enableEmoji = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(off, "hugo.toml"), []byte("title = 'x'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	body := []byte("Hello! :wave: :smile:\n")
	// a long article: its first paragraphs are parsed with the block
	// parser, the rest when shown, its tables' rows apart
	long := []byte("Hello! :wave: :smile:\n\n" + strings.Repeat("Some words here.\n\n", 300) +
		"| ico | code |\n|-----|------|\n| :star_struck: | `:star_struck:` |\n\nBye :wave:\n")
	for _, step := range []struct {
		dir        string
		want, lack string
	}{
		{off, ":wave: :smile:", "😄"},
		{on, "👋 😄", ":smile:"},
		{off, ":wave: :smile:", "😄"},
	} {
		p.updateNow(body, Meta{}, step.dir, 1)
		got := visibleText(p)
		if !strings.Contains(got, step.want) || strings.Contains(got, step.lack) {
			t.Errorf("%s: shown %q; want %q", filepath.Base(step.dir), got, step.want)
		}
	}
	p.updateNow(long, Meta{}, on, 1)
	var got strings.Builder
	for _, it := range p.items {
		if it.block != nil {
			got.WriteString(blockText(it.block.Fill()))
		}
	}
	for _, want := range []string{"Hello! 👋 😄", "Bye 👋", "🤩", ":star_struck:"} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("the long article lacks %q", want)
		}
	}
	if strings.Contains(got.String(), ":wave:") {
		t.Error("the long article shows :wave:")
	}
}

// blockText is the text of a block's inlines, rows and children.
func blockText(b *Block) string {
	var s strings.Builder
	for _, in := range b.Inlines {
		s.WriteString(in.Text)
	}
	for _, row := range append([][][]Inline{b.Header}, b.Rows...) {
		for _, cell := range row {
			for _, in := range cell {
				s.WriteString(in.Text + " ")
			}
		}
	}
	for _, c := range b.Children {
		s.WriteString(blockText(c))
	}
	return s.String()
}
