//go:build unix

package app

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOpeningALinkOutOfTheFolderAsksFirst: an article that is a symbolic
// link to a file outside the opened folder is read only after the user
// confirms, naming the target; Cancel keeps the open article (issue 12).
func TestOpeningALinkOutOfTheFolderAsksFirst(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	outside := filepath.Join(t.TempDir(), "secret.md")
	write(t, outside, "---\ntitle: Secret\n---\nsecret body\n")
	link := filepath.Join(dir, "post.md")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(dir, "a.md")
	ws.load(a)
	target, _ := filepath.EvalSymlinks(outside)

	ws.load(link)
	top := ws.win.Canvas().Overlays().Top()
	if top == nil || !dialogSays(top, "post.md is a link to "+target+", outside the opened folder. Open it?") {
		t.Fatal("no question naming the link's target")
	}
	if ws.art.Path() != a || strings.Contains(ws.src.Text(), "secret body") {
		t.Fatal("the link's target was read before the user confirmed")
	}
	pressButton(t, top, "Cancel")
	if ws.art.Path() != a || ws.src.Text() != articleText {
		t.Errorf("Cancel: open article = %q, want %q unchanged", ws.art.Path(), a)
	}

	ws.load(link)
	top = ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question the second time")
	}
	pressButton(t, top, "Open")
	if ws.art.Path() != link || !strings.Contains(ws.src.Text(), "secret body") {
		t.Errorf("Open: open article = %q, text %q", ws.art.Path(), ws.src.Text())
	}
	// Confirmed once, the same target opens without asking again.
	ws.load(a)
	ws.load(link)
	if ws.win.Canvas().Overlays().Top() != nil || ws.art.Path() != link {
		t.Error("asked again for a link already confirmed")
	}
}

// TestOpeningALinkInsideTheFolderDoesNotAsk: a link to another file of the
// opened folder is an ordinary article.
func TestOpeningALinkInsideTheFolderDoesNotAsk(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	link := filepath.Join(dir, "alias.md")
	if err := os.Symlink("b.md", link); err != nil {
		t.Fatal(err)
	}
	ws.load(link)
	if ws.win.Canvas().Overlays().Top() != nil || ws.art.Path() != link || ws.src.Text() != "# B\n" {
		t.Errorf("a link inside the folder: path %q, text %q", ws.art.Path(), ws.src.Text())
	}
}

// TestSpecialFilesAreRefusedWithoutBlocking: a FIFO (in the folder or
// through a link) and a link into /proc or /dev are refused with a message
// naming the file, without a question and without hanging.
func TestSpecialFilesAreRefusedWithoutBlocking(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"environ.md": "/proc/self/environ", "zero.md": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	a := filepath.Join(dir, "a.md")
	for _, tc := range []struct{ name, problem string }{
		{"fifo.md", "fifo.md: not a regular file"},
		{"environ.md", "Could not open environ.md: it leads to /proc/"},
		{"zero.md", "Could not open zero.md: it leads to /dev/zero, a system file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws.load(a)
			done := make(chan struct{})
			go func() { ws.load(filepath.Join(dir, tc.name)); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("opening blocked")
			}
			if top := ws.win.Canvas().Overlays().Top(); top != nil {
				t.Error("asked instead of refusing")
			}
			if got := ws.status.problemText(); !strings.Contains(got, tc.problem) {
				t.Errorf("problem = %q, want it to contain %q", got, tc.problem)
			}
			if ws.art.Path() != a || ws.src.Text() != articleText {
				t.Errorf("open article = %q, want %q unchanged", ws.art.Path(), a)
			}
		})
	}
}

// A Markdown link to an article outside the opened folder (a Hugo page link
// when only a section is open) asks too, without calling it a symbolic
// link (QA F36, seen in a real window: "ugly-urls.md is a link to …").
func TestLinkedArticleOutOfTheFolderIsNotCalledALink(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	outside := filepath.Join(t.TempDir(), "ugly-urls.md")
	write(t, outside, "# Ugly URLs\n")
	real, _ := filepath.EvalSymlinks(outside)
	ws.openLinked(real, "")
	top := ws.win.Canvas().Overlays().Top()
	if top == nil || !dialogSays(top, "ugly-urls.md ("+real+") is outside the opened folder. Open it?") {
		t.Fatal("no question naming the article outside the folder")
	}
	pressButton(t, top, "Open")
	if ws.art.Path() != real {
		t.Errorf("Open: open article = %q, want %q", ws.art.Path(), real)
	}
}
