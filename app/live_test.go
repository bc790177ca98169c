package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"folio/app/library"
)

func TestOutsideChangeReloadsACleanArticle(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	changed := strings.Replace(articleText, "第一段。", "第一段，改过了。", 1)
	write(t, path, changed)
	ws.external([]library.Change{{Path: path}})
	if ws.src.Text() != changed || ws.art.Dirty() {
		t.Fatalf("editor = %q dirty=%v, want the disk's text, clean", ws.src.Text(), ws.art.Dirty())
	}
	if ws.conflict.Visible() {
		t.Error("no conflict bar for a clean reload")
	}
}

func TestOutsideChangeNeverReplacesUnsavedWork(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	test.Type(ws.src, "我的修改")
	mine := ws.src.Text()
	write(t, path, "别人的版本\n")
	ws.external([]library.Change{{Path: path}})
	if ws.src.Text() != mine || !ws.art.Dirty() {
		t.Fatal("an outside change replaced unsaved work")
	}
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	// Saving now must ask before overwriting the outside version.
	if ws.save() {
		t.Fatal("save went through over the outside change without asking")
	}
	if got, _ := os.ReadFile(path); string(got) != "别人的版本\n" {
		t.Errorf("disk = %q", got)
	}
}

func TestOutsideDeleteKeepsTheTextAsUnsaved(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: path, Removed: true}})
	if ws.src.Text() != articleText || !ws.art.Dirty() || !ws.conflict.Visible() {
		t.Fatalf("after delete: text kept=%v dirty=%v bar=%v", ws.src.Text() == articleText, ws.art.Dirty(), ws.conflict.Visible())
	}
	if !ws.save() {
		t.Fatal("saving a deleted articleText should create it again")
	}
	if got, _ := os.ReadFile(path); string(got) != articleText {
		t.Errorf("recreated file = %q", got)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConflictBarDoesNotFollowToAnotherArticle(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	ws.load(a)
	test.Type(ws.src, "改动")
	write(t, a, "outside\n")
	ws.external([]library.Change{{Path: a}})
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	ws.load(b) // as after "Discard" in the unsaved-changes dialog
	if ws.conflict.Visible() {
		t.Fatal("the bar for a.md is still shown over b.md")
	}
	test.Type(ws.src, "B 的修改")
	if !strings.Contains(ws.src.Text(), "B 的修改") || !ws.art.Dirty() {
		t.Fatal("b.md's edit is gone")
	}
}

func TestReloadOfADeletedArticleKeepsTheText(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a := filepath.Join(dir, "a.md")
	ws.load(a)
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	if ws.art.Path() != a || ws.src.Text() != articleText || !ws.art.Dirty() {
		t.Fatalf("after a failed reload: file %q dirty %v text kept %v", ws.art.Path(), ws.art.Dirty(), ws.src.Text() == articleText)
	}
	if ws.status.problemText() == "" {
		t.Error("the failure was not shown")
	}
}

func TestArticleInAFolderMovedAwayIsKeptAsUnsaved(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	sub := filepath.Join(dir, "posts")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "p.md")
	write(t, path, articleText)
	ws.load(path)
	if err := os.Rename(sub, filepath.Join(t.TempDir(), "posts")); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: sub, Removed: true, Folder: true}})
	if !ws.art.Dirty() || !ws.conflict.Visible() || ws.src.Text() != articleText {
		t.Fatalf("dirty=%v bar=%v", ws.art.Dirty(), ws.conflict.Visible())
	}
}

func TestDeleteThenRestoreOfTheSameBytesIsNotAConflict(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: path, Removed: true}})
	write(t, path, articleText) // git checkout puts it back
	ws.external([]library.Change{{Path: path}})
	if ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("dirty=%v bar=%v after the same bytes came back", ws.art.Dirty(), ws.conflict.Visible())
	}
}
