package assets

import (
	"bytes"
	"encoding/json"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

func sampleArticles(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(Samples, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 3 {
		t.Fatalf("want at least 3 sample articles, got %v", names)
	}
	return names
}

// frontMatter splits a sample into its front matter format, the decoded
// fields and the body. It mirrors the conventions of editor/document:
// "---" YAML, "+++" TOML, or a JSON object at the top of the file.
func frontMatter(t *testing.T, name string, src []byte) (format string, fields map[string]any, body string) {
	t.Helper()
	fields = map[string]any{}
	s := string(src)
	switch {
	case strings.HasPrefix(s, "---\n"):
		fm, rest, ok := strings.Cut(s[4:], "\n---\n")
		if !ok {
			t.Fatalf("%s: YAML front matter not closed", name)
		}
		if err := yaml.Unmarshal([]byte(fm), &fields); err != nil {
			t.Fatalf("%s: YAML: %v", name, err)
		}
		return "yaml", fields, rest
	case strings.HasPrefix(s, "+++\n"):
		fm, rest, ok := strings.Cut(s[4:], "\n+++\n")
		if !ok {
			t.Fatalf("%s: TOML front matter not closed", name)
		}
		if err := toml.Unmarshal([]byte(fm), &fields); err != nil {
			t.Fatalf("%s: TOML: %v", name, err)
		}
		return "toml", fields, rest
	case strings.HasPrefix(s, "{"):
		dec := json.NewDecoder(strings.NewReader(s))
		if err := dec.Decode(&fields); err != nil {
			t.Fatalf("%s: JSON: %v", name, err)
		}
		return "json", fields, s[dec.InputOffset():]
	}
	t.Fatalf("%s: no front matter", name)
	return "", nil, ""
}

func TestSamplesHaveFrontMatter(t *testing.T) {
	formats := map[string]int{}
	for _, name := range sampleArticles(t) {
		src, err := fs.ReadFile(Samples, name)
		if err != nil {
			t.Fatal(err)
		}
		format, fields, body := frontMatter(t, name, src)
		formats[format]++
		for _, key := range []string{"title", "summary", "category", "author", "tags"} {
			if _, ok := fields[key]; !ok {
				t.Errorf("%s: front matter has no %q", name, key)
			}
		}
		if title, _ := fields["title"].(string); !containsHan(title) {
			t.Errorf("%s: title %q is not Chinese", name, title)
		}
		if !strings.Contains(body, "\n# ") {
			t.Errorf("%s: body has no level-1 heading", name)
		}
	}
	for _, f := range []string{"yaml", "toml", "json"} {
		if formats[f] == 0 {
			t.Errorf("no sample with %s front matter (have %v)", f, formats)
		}
	}
}

// TestSamplesCoverMarkdownFeatures makes sure the samples, taken together,
// exercise what the preview must render.
func TestSamplesCoverMarkdownFeatures(t *testing.T) {
	var all strings.Builder
	for _, name := range sampleArticles(t) {
		b, _ := fs.ReadFile(Samples, name)
		all.Write(b)
	}
	text := all.String()
	for feature, re := range map[string]string{
		"table":     `(?m)^\|.*\|\n\|\s*:?-+`,
		"code":      "(?m)^```go$",
		"task list": `(?m)^- \[[ x]\] `,
		"footnote":  `(?m)^\[\^[^\]]+\]: `,
		"image":     `!\[[^\]]*\]\([^)]+\.png\)`,
		"English":   `\b[A-Za-z]{4,} [A-Za-z]{4,}\b`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no sample has a %s", feature)
		}
	}
}

func TestSampleImagesExist(t *testing.T) {
	img := regexp.MustCompile(`!\[[^\]]*\]\(([^)\s]+)\)`)
	found := 0
	for _, name := range sampleArticles(t) {
		b, _ := fs.ReadFile(Samples, name)
		for _, m := range img.FindAllSubmatch(b, -1) {
			p := path.Join(path.Dir(name), string(m[1]))
			data, err := fs.ReadFile(Samples, p)
			if err != nil {
				t.Errorf("%s: image %s: %v", name, m[1], err)
				continue
			}
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("%s: image %s: %v", name, m[1], err)
			}
			found++
		}
	}
	if found == 0 {
		t.Error("no sample references an image")
	}
}

func TestIconIs512PNG(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon.Content()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}

func sampleFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := fs.WalkDir(Samples, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCopySamples(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "articles")
	written, skipped, err := CopySamples(Samples, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleFiles(t)
	if !slices.Equal(written, want) || len(skipped) != 0 {
		t.Fatalf("written %v skipped %v, want written %v", written, skipped, want)
	}
	for _, p := range want {
		orig, _ := fs.ReadFile(Samples, p)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, orig) {
			t.Errorf("%s: copy differs from the embedded file (err %v)", p, err)
		}
	}

	// A second run must not touch anything, not even files the user edited.
	edited := filepath.Join(dir, filepath.FromSlash(want[0]))
	userText := []byte("用户自己的内容，不可覆盖\n")
	if err := os.WriteFile(edited, userText, 0o644); err != nil {
		t.Fatal(err)
	}
	written, skipped, err = CopySamples(Samples, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 0 || !slices.Equal(skipped, want) {
		t.Errorf("second run: written %v skipped %v, want nothing written", written, skipped)
	}
	if got, _ := os.ReadFile(edited); !bytes.Equal(got, userText) {
		t.Errorf("user's edited file was overwritten: %q", got)
	}
}

func TestCopySamplesRestoresDeletedOnly(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := CopySamples(Samples, dir); err != nil {
		t.Fatal(err)
	}
	gone := sampleFiles(t)[1]
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(gone))); err != nil {
		t.Fatal(err)
	}
	written, _, err := CopySamples(Samples, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(written, []string{gone}) {
		t.Errorf("written %v, want only %s", written, gone)
	}
}

func TestCopySamplesIntoFileFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := CopySamples(Samples, file); err == nil {
		t.Error("copying into a regular file succeeded")
	}
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
