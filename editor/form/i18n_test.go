package form

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestEveryStringIsTranslated checks both bundled languages have every
// lang.L key the form uses (app's own check does not read this package).
func TestEveryStringIsTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	keyRE := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"`)
	used := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 8 {
		t.Fatalf("found only %d UI strings; the pattern is broken", len(used))
	}
	for _, lang := range []string{"en", "zh_Hans"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "assets", "i18n", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s.json: %v", lang, err)
		}
		for k := range used {
			if m[k] == "" {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
	}
}
