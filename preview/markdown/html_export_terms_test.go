package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// QA8 J8: on a site that turns autoDefinitionTermID on (hugoDocs), Hugo
// gives definition terms ids from the same set as headings, so the
// heading "Options" after the term "options" is #options-1 and hugoDocs
// links to it. The export gave the heading "options" and the terms no id.
// Without the setting nothing changes.
func TestExportTermIDsShareTheHeadingsSet(t *testing.T) {
	body := []byte("options\n: what can be set\n\n## Options\n\nSee [options](#options-1).\n")
	for _, tt := range []struct {
		config string
		want   []string
		not    []string
	}{
		{"[markup.goldmark.parser]\nautoDefinitionTermID = true\n",
			[]string{`<dt id="options">options</dt>`, `<h2 id="options-1">Options</h2>`}, nil},
		{"title = 'x'\n",
			[]string{`<dt>options</dt>`, `<h2 id="options">Options</h2>`}, []string{`id="options-1"`}},
	} {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "hugo.toml"), []byte(tt.config), 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := RenderHTML(&out, body, HTMLOptions{Site: LoadSite(root)}); err != nil {
			t.Fatal(err)
		}
		page := out.String()
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("config %q: page lacks %s:\n%s", tt.config, w, page)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(page, n) {
				t.Errorf("config %q: page has %s:\n%s", tt.config, n, page)
			}
		}
	}
}
