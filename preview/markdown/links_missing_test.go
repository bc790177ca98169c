package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMissingSiteRootLinkWithoutContentFolder: in a site with no content/
// folder (docs-cn), a dead "/gone.md" names the file at the root, where
// it was looked for, not a content/ folder the site does not have; a
// site with content/ keeps naming content/gone.md.
func TestMissingSiteRootLinkWithoutContentFolder(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "sql"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := Resolver{Dir: filepath.Join(root, "sql"), Root: root}
	if got, want := r.Link("/cost-model.md").Path, filepath.Join(root, "cost-model.md"); got != want {
		t.Errorf("no content/: %s, want %s", got, want)
	}
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := r.Link("/cost-model.md").Path, filepath.Join(root, "content", "cost-model.md"); got != want {
		t.Errorf("with content/: %s, want %s", got, want)
	}
}
