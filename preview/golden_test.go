package preview

import (
	"folio/preview/markdown"

	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const seedPath = "../assets/samples/2024-ai-trends.md"

// renderDump parses a body the way the preview does and dumps the tree.
func renderDump(body []byte) string {
	return dumpDocument(markdown.NewDocument(newMarkdown()).Set(body))
}

// splitSeed returns the seed article's front matter, body and body line.
func splitSeed(tb testing.TB) (map[string]any, []byte, int) {
	tb.Helper()
	src, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatalf("seed article: %v", err)
	}
	fm := map[string]any{}
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm)
	if err != nil {
		tb.Fatalf("seed front matter: %v", err)
	}
	return fm, body, bytes.Count(src[:len(src)-len(body)], []byte{'\n'}) + 1
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s: rendered tree differs from %s\n--- got ---\n%s", name, path, got)
	}
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, renderDump(src))
		})
	}
}

func TestGoldenSeed(t *testing.T) {
	fm, body, first := splitSeed(t)
	m := MetaFromMap(fm)
	var b strings.Builder
	fmt.Fprintf(&b, "body starts at line %d\n", first)
	fmt.Fprintf(&b, "meta %+v\n", m)
	b.WriteString(renderDump(body))
	checkGolden(t, "seed", b.String())
}

// TestChineseSpacing pins the cases where Fyne's own Markdown renderer adds
// spaces into Chinese: the rendered text must be the source's characters
// with no space inserted.
func TestChineseSpacing(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"中文**粗体**中文", "中文|粗体|中文"},
		{"中文*斜体*中文", "中文|斜体|中文"},
		{"中文\n中文", "中文中文"},
		{"中文。\n下一行", "中文。下一行"},
		{"中文\nEnglish", "中文 English"},
		{"English\n中文", "English 中文"},
		{"[链接**粗体**](u)后", "链接|粗体|后"},
		{"a\\ b", "ab"},
		{"中文`code`中文", "中文|code|中文"},
		{"中文，\n中文", "中文，中文"},
		{"中文\n**粗体**", "中文|粗体"},
		{"**粗体**\n中文", "粗体|中文"},
		{"end.\nNext", "end. Next"},
		{"한국어\n문장", "한국어 문장"},
	} {
		blocks := markdown.NewDocument(newMarkdown()).Set([]byte(tc.in))
		if len(blocks) != 1 || blocks[0].Block.Kind != KindParagraph {
			t.Fatalf("%q: want one paragraph, got %s", tc.in, dumpDocument(blocks))
		}
		var parts []string
		for _, r := range blocks[0].Block.Fill().Inlines {
			parts = append(parts, r.Text)
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("%q rendered as %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestExportAgreesOnSoftBreaks checks the HTML export writes a line break
// (which browsers show as a space) exactly where the preview shows one.
func TestExportAgreesOnSoftBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"中文，\n中文", "<p>中文，中文</p>"},
		{"**粗体**\n中文", "<p><strong>粗体</strong>中文</p>"},
		{"end.\nNext", "<p>end.\nNext</p>"},
	} {
		var b strings.Builder
		if err := ExportHTML(&b, []byte(tc.in), Meta{}, ExportOptions{NoHeader: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("%q exported without %q", tc.in, tc.want)
		}
	}
}

func TestGoldenFilesCoverEveryKind(t *testing.T) {
	seen := map[string]bool{}
	files, _ := filepath.Glob("testdata/*.golden")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(data), "\n") {
			fields := strings.Fields(strings.TrimLeft(line, "@0123456789 "))
			if len(fields) > 0 {
				seen[strings.SplitN(fields[0], "[", 2)[0]] = true
			}
		}
	}
	var missing []string
	var kindNames []string
	for k := KindParagraph; k <= KindFootnotes; k++ {
		kindNames = append(kindNames, k.String())
	}
	for _, k := range append(kindNames, "text", "break", "image", "item", "note", "cell") {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("golden files never show: %v", missing)
	}
}
