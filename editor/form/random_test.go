package form

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"folio/editor/document"
)

// TestRandomFormEdits drives the form with random changes on the YAML,
// TOML and JSON samples. After each one: the text is what the edits made
// of it (the harness applies them), the body is unchanged, every other
// field keeps its value, the text changed in at most two lines (a JSON
// member added or removed also moves a comma), and doing the same change
// again changes nothing.
func TestRandomFormEdits(t *testing.T) {
	words := []string{"新标题", "plain", "with: colon", `quote"d`, "", "#不是注释", "a, b", "'single'", "12", "true", "很长的摘要，" + strings.Repeat("中文", 30)}
	for _, name := range []string{"2024-ai-trends.md", "folio-markdown-guide.md", "go-fyne-desktop.md", "reading-time.md"} {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(len(name))))
			h := newHarness(t, readSample(t, name), folderSchema(t))
			body := func() string { d, _ := document.Parse(h.text); return string(d.Body()) }()
			for step := 0; step < 60; step++ {
				if len(h.f.rows) == 0 {
					break
				}
				before := string(h.text)
				old, _ := document.Parse(h.text)
				row := h.f.rows[r.Intn(len(h.f.rows))]
				key := row.base().key
				var op func()
				switch row := row.(type) {
				case *entryRow:
					text := words[r.Intn(len(words))]
					switch row.kind {
					case kDate:
						text = fmt.Sprintf("2024-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28))
					case kNumber:
						text = fmt.Sprint(r.Intn(100))
					}
					op = func() { row.setText(text) }
				case *longRow:
					text := words[r.Intn(len(words))]
					op = func() { row.setText(text) }
				case *boolRow:
					on := r.Intn(2) == 0
					op = func() { row.check.SetChecked(on) }
				case *listRow:
					if len(row.items) > 0 && r.Intn(3) == 0 {
						i := r.Intn(len(row.items))
						item := row.items[i].Plain()
						op = func() {
							for j, it := range row.items {
								if it.Plain() == item {
									row.removeAt(j)
								}
							}
						}
					} else {
						tag := []string{"大模型", "Go", "a b", "x,y", "标签"}[r.Intn(5)]
						op = func() { row.add(tag) }
					}
				default:
					continue
				}
				if r.Intn(10) == 0 {
					op = func() { test.Tap(row.base().remove) }
				}
				n := len(h.edits)
				op()
				if len(h.edits) > n+1 {
					t.Fatalf("step %d (%s): %d edits", step, key, len(h.edits)-n)
				}
				nd, err := document.Parse(h.text)
				if err != nil {
					t.Fatalf("step %d (%s): the text no longer parses: %v\n%s", step, key, err, h.text)
				}
				if string(nd.Body()) != body {
					t.Fatalf("step %d (%s) changed the body", step, key)
				}
				for _, f := range old.Fields() {
					if f.Key == key {
						continue
					}
					if v, ok := nd.Get(f.Key); !ok || v.Plain() != f.Value.Plain() {
						t.Fatalf("step %d (%s) changed %s", step, key, f.Key)
					}
				}
				a, b := strings.Split(before, "\n"), strings.Split(string(h.text), "\n")
				if d := len(a) - len(b); d > 1 || d < -1 {
					t.Fatalf("step %d (%s): %d lines → %d", step, key, len(a), len(b))
				}
				changed := 0
				for i, j := 0, 0; i < len(a) && j < len(b); i, j = i+1, j+1 {
					if a[i] != b[j] {
						changed++
						switch {
						case len(b) > len(a) && (j+1 >= len(b) || a[i] == b[j+1]):
							j++
						case len(a) > len(b) && (i+1 >= len(a) || a[i+1] == b[j]):
							i++
						}
					}
				}
				if changed > 2 {
					t.Fatalf("step %d (%s): %d lines changed:\n%s", step, key, changed, h.text)
				}
				// The same change again writes nothing (a removed key has no row).
				if _, ok := h.f.byKey[key]; ok && len(h.edits) == n+1 {
					again := len(h.edits)
					op()
					if len(h.edits) != again {
						t.Fatalf("step %d (%s): the same change again edited the text:\n%s", step, key, h.text)
					}
				}
			}
			if len(h.edits) < 20 {
				t.Errorf("only %d edits made: the test hardly ran", len(h.edits))
			}
		})
	}
}
