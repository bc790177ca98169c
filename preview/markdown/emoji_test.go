package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmojiShortcodesFollowTheSiteConfig: a site whose config says
// enableEmoji = true shows ":smile:" as 😄 (QA G11: hugoDocs showed the
// shortcode); without it, or in code, the shortcode stays as written.
func TestEmojiShortcodesFollowTheSiteConfig(t *testing.T) {
	on, off := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(on, "hugo.toml"), []byte("title = 'x'\nenableEmoji = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(off, "hugo.toml"), []byte("title = 'x'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{on, off} {
		if err := os.MkdirAll(filepath.Join(d, "content", "posts"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if !SiteEmoji(filepath.Join(on, "content", "posts")) || SiteEmoji(filepath.Join(off, "content", "posts")) || SiteEmoji("") {
		t.Fatal("SiteEmoji does not follow enableEmoji")
	}
	src := []byte("Hello! :wave: and :smile:, not :nosuchemoji: nor `:smile:`; http://x.y/:a:b\n")
	for _, tc := range []struct {
		emoji      bool
		want, lack []string
	}{
		{true, []string{"Hello! 👋 and 😄,", ":nosuchemoji:", "<code>:smile:</code>"}, []string{":wave:"}},
		{false, []string{":wave: and :smile:,"}, []string{"👋", "😄"}},
	} {
		var out bytes.Buffer
		if err := RenderHTML(&out, src, HTMLOptions{Emoji: tc.emoji}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("emoji %v: HTML lacks %q:\n%s", tc.emoji, w, out.String())
			}
		}
		for _, w := range tc.lack {
			if strings.Contains(out.String(), w) {
				t.Errorf("emoji %v: HTML has %q:\n%s", tc.emoji, w, out.String())
			}
		}
	}
}
