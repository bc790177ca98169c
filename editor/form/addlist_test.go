package form

import (
	"strings"
	"testing"
)

// TestAddWellKnownListKey: a field added by name that no article of the
// folder has, but whose name is a well-known list (tags, categories,
// authors…), is a list of chips written as a list in the file's style;
// nothing else of the file changes.
func TestAddWellKnownListKey(t *testing.T) {
	for _, c := range []struct {
		name, seed, key, want string
	}{
		{"yaml, no list in the file", "---\ntitle: 成本模型\nsummary: 介绍\n---\n\n正文\n", "tags", "tags: [数据库]"},
		{"yaml, flow lists", "---\ntitle: 成本模型\naliases: ['/docs-cn/a/']\n---\n\n正文\n", "tags", "tags: ['数据库']"},
		{"yaml, block lists", "---\ntitle: x\naliases:\n  - /a/\n---\n", "tags", "tags:\n  - 数据库"},
		{"toml", "+++\ntitle = \"成本模型\"\n+++\n\n正文\n", "authors", "authors = [\"数据库\"]"},
		{"yaml, series", "---\ntitle: x\n---\n", "series", "series: [数据库]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, []byte(c.seed), nil)
			h.typeAndEnter(h.f.addEntry, c.key)
			if len(h.edits) != 1 {
				t.Fatalf("%d edits adding %s:\n%s", len(h.edits), c.key, h.text)
			}
			l := h.list(c.key)
			h.typeAndEnter(l.entry, "数据库")
			text := string(h.text)
			if !strings.Contains(text, "\n"+c.want+"\n") {
				t.Errorf("file:\n%s\nwant the line %q", text, c.want)
			}
			// every other line is as it was
			rest := strings.Replace(text, c.want+"\n", "", 1)
			if rest != c.seed {
				t.Errorf("other bytes changed:\n%q\nwant\n%q", rest, c.seed)
			}
		})
	}
}
