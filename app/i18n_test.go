package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestEveryUIStringIsTranslated reads the lang.L keys used in the UI packages
// and checks both bundled languages have each of them.
func TestEveryUIStringIsTranslated(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.go", "../preview/*.go", "../editor/*.go", "../editor/form/*.go"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
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
	if len(used) < 10 {
		t.Fatalf("found only %d UI strings; the pattern is broken", len(used))
	}
	for _, lang := range []string{"en", "zh_Hans"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "i18n", lang+".json"))
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
