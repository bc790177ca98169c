//go:build unix

package app

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestWorkspaceSurvivesHostileArticles opens articles that used to crash,
// hang or be destroyed (issue 12): the window stays, the problem is shown
// with its line, and saving never writes a file that is not UTF-8 text.
func TestWorkspaceSurvivesHostileArticles(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	files := map[string]string{
		"png.md":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"utf16.md":     "\xff\xfe-\x00-\x00-\x00\n\x00",
		"deep-toml.md": "+++\na = " + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "\n+++\n",
		"bomb.md": "---\np: &p \"" + strings.Repeat("x", 100<<10) + "\"\nb: &b [*p,*p,*p,*p,*p,*p,*p,*p,*p]\n" +
			"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n",
		"empty-item.md": "---\ntags:\n-\n---\nbody\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, problem string
		writable      bool
	}{
		{"png.md", "png.md:3: binary", false},
		{"utf16.md", "utf16.md:1: UTF-16LE", false},
		{"deep-toml.md", "deep-toml.md:2: TOML: values nest deeper than 100 levels", true},
		{"bomb.md", "bomb.md:", true},
		{"fifo.md", "not a regular file", false},
		{"empty-item.md", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			start := time.Now()
			ws.load(path)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("opening took %v", d)
			}
			if got := ws.status.problemText(); !strings.Contains(got, tc.problem) {
				t.Errorf("problem = %q, want it to contain %q", got, tc.problem)
			}
			if tc.name == "fifo.md" {
				return
			}
			before := files[tc.name]
			test.Type(ws.src, "x")
			saved := ws.save()
			after, _ := os.ReadFile(path)
			if !tc.writable && (saved || string(after) != before) {
				t.Errorf("saved=%v: a file that is not UTF-8 text was written", saved)
			}
			if tc.writable && tc.name == "empty-item.md" && !saved {
				t.Errorf("a valid article could not be saved: %s", ws.status.problemText())
			}
		})
	}
}
