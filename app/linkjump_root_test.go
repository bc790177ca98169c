package app

import (
	"path/filepath"
	"strings"
	"testing"

	"folio/preview/markdown"
)

// TestDeadSiteRootLinkNamesTheRoot: in a site without a content/ folder
// (docs-cn), a dead "/cost-model.md" says the file it looked for at the
// root, as folio check does, not "content/cost-model.md" (QA H11).
func TestDeadSiteRootLinkNamesTheRoot(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	target := markdown.Resolver{Dir: dir, Root: dir}.Link("/cost-model.md")
	ws.openLinked(target.Path, target.Anchor)
	msg := ws.status.label.Text
	if !strings.Contains(msg, "“cost-model.md”") || strings.Contains(msg, "content/") {
		t.Errorf("status %q, want it to name cost-model.md at the root", msg)
	}
}
