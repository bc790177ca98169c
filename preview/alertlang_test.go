package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAlertTitleFollowsContent: a GitHub alert's title is the page's, in
// the content's language (the site's config, else the article's script),
// whatever the UI's language is; an alert's own title stays as written.
func TestAlertTitleFollowsContent(t *testing.T) {
	p := showPreview(t)
	built := func() string {
		var all []string
		for i := range p.items {
			all = append(all, texts(p.objectFor(i))...)
		}
		return strings.Join(all, "|")
	}
	p.updateNow([]byte("> [!NOTE]\n> 这里是中文文章的说明。\n"), Meta{}, "", 1)
	if got := built(); !strings.Contains(got, "注意") || strings.Contains(got, "Note") {
		t.Errorf("Chinese article: %s", got)
	}
	p.updateNow([]byte("> [!WARNING]\n> This English page warns.\n"), Meta{}, "", 1)
	if got := built(); !strings.Contains(got, "Warning") || strings.Contains(got, "警告") {
		t.Errorf("English article: %s", got)
	}
	// an English site (hugoDocs' defaultContentLanguage) keeps English
	// titles even over Chinese text
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "hugo.toml"), []byte("defaultContentLanguage = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.SetSiteRoot(root)
	p.updateNow([]byte("> [!TIP]\n> 中文内容。\n"), Meta{}, root, 1)
	if got := built(); !strings.Contains(got, "Tip") || strings.Contains(got, "提示") {
		t.Errorf("English site: %s", got)
	}
	p.updateNow([]byte("> **注意：**\n>\n> Own title.\n"), Meta{}, root, 1)
	if got := built(); !strings.Contains(got, "注意") {
		t.Errorf("own title lost: %s", got)
	}
}
