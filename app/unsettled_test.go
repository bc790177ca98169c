package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"folio/app/library"
	"folio/editor/merge"
)

// mergedWithConflict opens a.md, edits its first paragraph, has another
// program change the same line and merges: one conflict block is marked.
func mergedWithConflict(t *testing.T) (*workspace, string) {
	t.Helper()
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetText(strings.Replace(articleText, "第一段。", "我的第一段。", 1))
	ws.edited()
	write(t, path, strings.Replace(articleText, "第一段。", "他们的第一段。", 1))
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	if !strings.Contains(ws.src.Text(), merge.MarkerMine) || len(ws.src.Marks()) == 0 {
		t.Fatalf("no conflict block after the merge:\n%s", ws.src.Text())
	}
	return ws, path
}

func TestSaveAsksBeforeWritingUnsettledConflicts(t *testing.T) {
	ws, path := mergedWithConflict(t)
	before, _ := os.ReadFile(path)
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	pressShortcut(t, ws, ctrlS)
	if b, _ := os.ReadFile(path); string(b) != string(before) {
		t.Fatal("Ctrl+S wrote the conflict block without asking")
	}
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question about the unsettled conflict")
	}
	pressButton(t, top, "Go to conflict")
	if b, _ := os.ReadFile(path); string(b) != string(before) {
		t.Fatal("Go to conflict saved")
	}
	line := strings.Count(ws.src.Text()[:ws.src.CursorOffset()], "\n")
	if got := strings.Split(ws.src.Text(), "\n")[line]; got != merge.MarkerMine {
		t.Errorf("caret on line %q, want the block's first", got)
	}
	if ws.win.Canvas().Focused() != ws.src {
		t.Errorf("focus on %T, want the editor", ws.win.Canvas().Focused())
	}

	pressShortcut(t, ws, ctrlS)
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Save anyway")
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), merge.MarkerMine) {
		t.Fatal("Save anyway did not save")
	}
	if len(ws.src.Marks()) == 0 {
		t.Error("the tints went while the conflict block is still in the text")
	}

	// Settled: the next save is not asked about and the tints go.
	text := ws.src.Text()
	i, j := strings.Index(text, merge.MarkerMine), strings.Index(text, merge.MarkerTheirs)
	ws.src.SetText(text[:i] + "两者的第一段。" + text[j+len(merge.MarkerTheirs):])
	ws.edited()
	pressShortcut(t, ws, ctrlS)
	if ws.win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked although no conflict is left")
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "两者的第一段。") {
		t.Fatal("the settled text was not saved")
	}
	if len(ws.src.Marks()) != 0 {
		t.Error("the tints stayed after the settled text was saved")
	}
}

func TestLeavingWithUnsettledConflictsAsksAgain(t *testing.T) {
	ws, path := mergedWithConflict(t)
	left := false
	ws.confirmLeave(func() { left = true }, nil)
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Save")
	if left {
		t.Fatal("left (and saved) without a word about the conflict")
	}
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Save anyway")
	if b, _ := os.ReadFile(path); !left || !strings.Contains(string(b), merge.MarkerMine) {
		t.Fatalf("Save anyway: left %v", left)
	}
}

// Text typed onto a marker line (the caret lands there after Merge) does
// not make the block settled.
func TestSaveAsksWhenAMarkerLineWasTypedOn(t *testing.T) {
	ws, path := mergedWithConflict(t)
	before, _ := os.ReadFile(path)
	text := ws.src.Text()
	ws.src.SetText(strings.Replace(text, merge.MarkerMine, "ZZ9"+merge.MarkerMine, 1))
	ws.edited()
	pressShortcut(t, ws, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if b, _ := os.ReadFile(path); string(b) != string(before) || ws.win.Canvas().Overlays().Top() == nil {
		t.Fatal("saved without asking")
	}
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Go to conflict")
	if line := strings.Count(ws.src.Text()[:ws.src.CursorOffset()], "\n"); !strings.Contains(strings.Split(ws.src.Text(), "\n")[line], merge.MarkerMine) {
		t.Errorf("caret on line %d, not the block's first", line)
	}
}

func TestUnsettledConflictsCounts(t *testing.T) {
	for _, tc := range []struct {
		text     string
		n, first int
	}{
		{"a\nb\n", 0, -1},
		{"a\n<<<<<<< mine\nx\n=======\ny\n>>>>>>> theirs\n", 1, 1},
		{"<<<<<<< mine\nx\n=======\ny\n>>>>>>> theirs\n<<<<<<< mine\n=======\n>>>>>>> theirs\n", 2, 0},
		{"a\nb\nx>>>>>>> theirs\n", 1, 2},
		{"<<<<<<< mine\nopen only\n", 1, 0},
	} {
		if n, first := unsettledConflicts(tc.text); n != tc.n || first != tc.first {
			t.Errorf("%q: %d at %d, want %d at %d", tc.text, n, first, tc.n, tc.first)
		}
	}
}

// Save All Restored leaves a restored text whose marker line was typed on.
func TestSaveAllRestoredLeavesATypedOnConflictBlock(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	res := merge.Merge(articleText, strings.Replace(articleText, "第一段。", "我的。", 1), strings.Replace(articleText, "第一段。", "他们的。", 1))
	typedOn := strings.Replace(res.Text, merge.MarkerMine, "字"+merge.MarkerMine, 1)
	for _, e := range []library.Entry{
		{Path: a, Text: typedOn, Base: articleText, Loaded: library.SumOf([]byte(articleText))},
		{Path: b, Text: "# B\n已解决\n", Base: "# B\n", Loaded: library.SumOf([]byte("# B\n"))},
	} {
		if err := ws.hot.journal.Put(e); err != nil {
			t.Fatal(err)
		}
	}
	ws2 := restart(t, ws)
	ws2.load(b)
	ws2.hot.saveAllRestored()
	if got, _ := os.ReadFile(a); string(got) != articleText {
		t.Fatalf("a was saved with its conflict block: %q", got)
	}
}
