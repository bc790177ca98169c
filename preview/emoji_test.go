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
}
