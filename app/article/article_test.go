package article

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"folio/app/library"
)

const orig = "---\ntitle: 旧标题\n---\n正文。\n"

// step is one thing that happens to the open article in a transition test.
type step func(t *testing.T, a *Article, path string)

func edit(text string) step { return func(_ *testing.T, a *Article, _ string) { a.Edit(text) } }

func disk(text string) step {
	return func(t *testing.T, _ *Article, path string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(t *testing.T, _ *Article, path string) {
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func outside(removed bool) step {
	return func(_ *testing.T, a *Article, path string) { a.Outside(library.Change{Path: path, Removed: removed}) }
}

func save(wantErr error) step {
	return func(t *testing.T, a *Article, _ string) {
		if err := a.Save(); !errors.Is(err, wantErr) && (wantErr != nil || err != nil) {
			t.Fatalf("Save() = %v, want %v", err, wantErr)
		}
	}
}

func TestTransitions(t *testing.T) {
	tests := []struct {
		name     string
		steps    []step
		text     string // the article's text after the steps
		dirty    bool
		conflict Conflict
		onDisk   string // "" = file absent
		what     What   // bits every listener call together must have set
	}{
		{"load is clean", nil, orig, false, NoConflict, orig, TextReplaced | Parsed | StateChanged},
		{"edit makes dirty", []step{edit(orig + "x")}, orig + "x", true, NoConflict, orig, StateChanged},
		{"undo back to the saved text is clean", []step{edit(orig + "x"), edit(orig)}, orig, false, NoConflict, orig, StateChanged},
		{"same length, different text is dirty", []step{edit(orig[:len(orig)-2] + "x\n")}, orig[:len(orig)-2] + "x\n", true, NoConflict, orig, StateChanged},
		{"save writes and is clean", []step{edit(orig + "新"), save(nil)}, orig + "新", false, NoConflict, orig + "新", StateChanged | Saved},
		{"undo to the text of the last save is clean", []step{edit("a"), save(nil), edit("ab"), edit("a")}, "a", false, NoConflict, "a", StateChanged},
		{"outside change reloads a clean article", []step{disk("别人\n"), outside(false)}, "别人\n", false, NoConflict, "别人\n", TextReplaced | KeepPlace | Parsed | StateChanged},
		{"outside change never replaces unsaved work", []step{edit("mine"), disk("theirs"), outside(false)}, "mine", true, ChangedOnDisk, "theirs", StateChanged},
		{"save refuses over an outside change", []step{edit("mine"), disk("theirs"), save(library.ErrChangedOnDisk)}, "mine", true, ChangedOnDisk, "theirs", StateChanged},
		{"overwrite after refusal", []step{edit("mine"), disk("theirs"), save(library.ErrChangedOnDisk),
			func(t *testing.T, a *Article, _ string) {
				if err := a.Overwrite(); err != nil {
					t.Fatal(err)
				}
			}}, "mine", false, NoConflict, "mine", Saved},
		{"outside change to the editor's text is clean", []step{edit("same"), disk("same"), outside(false)}, "same", false, NoConflict, "same", StateChanged},
		{"outside change undone clears the conflict", []step{edit("mine"), disk("theirs"), outside(false), disk(orig), outside(false)}, "mine", true, NoConflict, orig, StateChanged},
		{"delete keeps the text unsaved", []step{remove, outside(true)}, orig, true, DeletedOnDisk, "", StateChanged},
		{"save after delete creates the file", []step{remove, outside(true), save(nil)}, orig, false, NoConflict, orig, Saved},
		{"delete then restore of the same bytes", []step{remove, outside(true), disk(orig), outside(false)}, orig, false, NoConflict, orig, StateChanged},
		{"removal event but the file is back", []step{remove, disk(orig), outside(true)}, orig, false, NoConflict, orig, 0},
		{"undo after delete stays unsaved", []step{remove, outside(true), edit(orig + "x"), edit(orig)}, orig, true, DeletedOnDisk, "", 0},
		{"deleted, then someone else creates it: save refuses", []step{remove, outside(true), edit("mine"), disk("theirs"), save(library.ErrChangedOnDisk)}, "mine", true, ChangedOnDisk, "theirs", 0},
		{"reload discards the edit", []step{edit("mine"), func(t *testing.T, a *Article, _ string) {
			if err := a.Reload(); err != nil {
				t.Fatal(err)
			}
		}}, orig, false, NoConflict, orig, TextReplaced | KeepPlace | Parsed},
		{"reload of a deleted file keeps the text", []step{remove, func(t *testing.T, a *Article, _ string) {
			if err := a.Reload(); err == nil {
				t.Fatal("Reload of a deleted file succeeded")
			}
		}}, orig, true, DeletedOnDisk, "", StateChanged},
		{"dismiss keeps mine; save then writes over the version seen, without asking again (F23)", []step{edit("mine"), disk("theirs"), outside(false),
			func(_ *testing.T, a *Article, _ string) { a.Dismiss() }, save(nil)}, "mine", false, NoConflict, "mine", StateChanged | Saved},
		{"dismissed, then changed again on disk: save refuses", []step{edit("mine"), disk("theirs"), outside(false),
			func(_ *testing.T, a *Article, _ string) { a.Dismiss() }, disk("theirs again"), save(library.ErrChangedOnDisk)}, "mine", true, ChangedOnDisk, "theirs again", StateChanged},
		{"dismissed, then another outside change raises it again", []step{edit("mine"), disk("theirs"), outside(false),
			func(_ *testing.T, a *Article, _ string) { a.Dismiss() }, disk("theirs again"), outside(false)}, "mine", true, ChangedOnDisk, "theirs again", StateChanged},
		{"take theirs is clean", take3()[:1], "theirs", false, NoConflict, "theirs", StateChanged},
		{"undoing take theirs is the conflict again: save refuses (G5)", append(take3()[:2], save(library.ErrChangedOnDisk), based(orig)),
			"mine", true, ChangedOnDisk, "theirs", StateChanged},
		{"redoing take theirs settles it again", append(take3(), save(nil)), "theirs", false, NoConflict, "theirs", StateChanged | Saved},
		{"redoing take theirs after another outside change stays in conflict", func() []step {
			s := take3()
			return []step{s[0], s[1], disk("theirs again"), outside(false), s[2], save(library.ErrChangedOnDisk)}
		}(), "theirs", true, ChangedOnDisk, "theirs again", StateChanged},
		{"undoing take theirs after saving is an ordinary undo", func() []step {
			s := take3()
			return []step{s[0], edit("theirs!"), save(nil), edit("theirs"), s[1], save(nil)}
		}(), "mine", false, NoConflict, "mine", Saved},
		{"change to another file is ignored", []step{edit("mine"), func(_ *testing.T, a *Article, path string) {
			a.Outside(library.Change{Path: path + "x", Removed: true})
		}}, "mine", true, NoConflict, orig, StateChanged},
		{"folder removed", []step{func(t *testing.T, a *Article, path string) {
			dir := filepath.Dir(path)
			if err := os.Rename(dir, dir+"-moved"); err != nil {
				t.Fatal(err)
			}
			a.Outside(library.Change{Path: dir, Removed: true, Folder: true})
		}}, orig, true, DeletedOnDisk, "", StateChanged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "posts")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "a.md")
			if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
				t.Fatal(err)
			}
			a := New()
			var got What
			a.Listen(func(w What) { got |= w })
			if err := a.Load(path); err != nil {
				t.Fatal(err)
			}
			if len(tc.steps) > 0 {
				got = 0
			}
			for _, s := range tc.steps {
				s(t, a, path)
			}
			if a.Text() != tc.text || a.Dirty() != tc.dirty || a.Conflict() != tc.conflict {
				t.Errorf("text %q dirty %v conflict %v, want %q %v %v", a.Text(), a.Dirty(), a.Conflict(), tc.text, tc.dirty, tc.conflict)
			}
			b, err := os.ReadFile(path)
			if tc.onDisk == "" && err == nil {
				t.Errorf("file exists with %q, want none", b)
			} else if tc.onDisk != "" && string(b) != tc.onDisk {
				t.Errorf("disk = %q (%v), want %q", b, err, tc.onDisk)
			}
			if got&tc.what != tc.what {
				t.Errorf("listeners told %b, want at least %b", got, tc.what)
			}
		})
	}
}

func TestParseOncePerChange(t *testing.T) {
	a := New()
	path := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(path, []byte(orig), 0o644)
	if err := a.Load(path); err != nil {
		t.Fatal(err)
	}
	if a.Title() != "旧标题" {
		t.Fatalf("title = %q", a.Title())
	}
	parses := 0
	a.Listen(func(w What) {
		if w&Parsed != 0 {
			parses++
		}
	})
	if a.Parse() {
		t.Error("parsed again without a change")
	}
	a.Edit("---\ntitle: 新\n---\n")
	a.Edit("---\ntitle: 新标题\n---\n")
	if a.Title() != "旧标题" {
		t.Error("an edit parsed before Parse was called")
	}
	if !a.Parse() || a.Parse() || parses != 1 {
		t.Errorf("parses = %d, want 1", parses)
	}
	if a.Title() != "新标题" {
		t.Errorf("title = %q", a.Title())
	}
	a.Edit("---\ntitle: \"unclosed\n---\n")
	a.Parse()
	var pe interface{ Error() string }
	if pe = a.ParseErr(); pe == nil {
		t.Error("no parse error for malformed front matter")
	}
}

func TestEditFuncReadsTheTextOnlyWhenNeeded(t *testing.T) {
	a := New()
	path := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(path, []byte("abc"), 0o644)
	if err := a.Load(path); err != nil {
		t.Fatal(err)
	}
	calls := 0
	a.EditFunc(4, func() string { calls++; return "abcd" })
	if calls != 0 || !a.Dirty() {
		t.Fatalf("a length change read the text (%d calls) or was not dirty", calls)
	}
	a.EditFunc(3, func() string { calls++; return "abc" })
	if calls != 1 || a.Dirty() {
		t.Fatalf("calls %d dirty %v, want one compare and clean", calls, a.Dirty())
	}
}

func TestNothingOpen(t *testing.T) {
	a := New()
	a.Edit("typed into nothing")
	if a.Dirty() || a.Text() != "" {
		t.Error("an edit with no article open must be ignored (it could never be saved)")
	}
	if !errors.Is(a.Save(), ErrNoArticle) || !errors.Is(a.Reload(), ErrNoArticle) {
		t.Error("Save/Reload with nothing open must say so")
	}
	if err := a.Load(filepath.Join(t.TempDir(), "missing.md")); err == nil || a.HasFile() {
		t.Error("loading a missing file must fail and leave nothing open")
	}
}

func TestRenamedIsNotDeleted(t *testing.T) {
	dir := t.TempDir()
	old, renamed := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	os.WriteFile(old, []byte(orig), 0o644)
	a := New()
	if err := a.Load(old); err != nil {
		t.Fatal(err)
	}
	a.Edit(orig + "unsaved")
	a.Renamed(renamed)
	if err := os.Rename(old, renamed); err != nil {
		t.Fatal(err)
	}
	// The watcher then reports the old name removed and the new one created.
	a.Outside(library.Change{Path: old, Removed: true})
	a.Outside(library.Change{Path: renamed})
	if a.Path() != renamed || a.Conflict() != NoConflict || a.Text() != orig+"unsaved" || !a.Dirty() {
		t.Fatalf("path %s conflict %v dirty %v", a.Path(), a.Conflict(), a.Dirty())
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(renamed); string(b) != orig+"unsaved" {
		t.Errorf("saved %q", b)
	}
}

func TestExpectIsToldBeforeTheWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(path, []byte(orig), 0o644)
	a := New()
	a.Load(path)
	var told string
	a.Expect = func(p string, data []byte) {
		if b, _ := os.ReadFile(p); string(b) != orig {
			t.Error("Expect called after the write")
		}
		told = string(data)
	}
	a.Edit("x")
	if err := a.Save(); err != nil || told != "x" {
		t.Fatalf("err %v told %q", err, told)
	}
}

func TestCloseLeavesNothingOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(path, []byte(orig), 0o644)
	a := New()
	a.Load(path)
	a.Edit("x")
	a.Close()
	if a.HasFile() || a.Dirty() || a.Text() != "" || a.Title() != "" {
		t.Error("Close left state behind")
	}
}

// take3 is Take theirs after an outside change to an edited article, its
// undo and its redo, as the shell does them: Rebase and the text replaced
// (one undo step); the undo puts the text back and then UndoRebase, the
// redo takes the text again and then RedoRebase.
func take3() []step {
	var r Rebasing
	return []step{
		func(t *testing.T, a *Article, path string) {
			edit("mine")(t, a, path)
			disk("theirs")(t, a, path)
			outside(false)(t, a, path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r = a.Rebase(string(data), library.SumOf(data))
			a.Edit(string(data))
		},
		func(_ *testing.T, a *Article, _ string) {
			a.Edit("mine")
			a.UndoRebase(r)
		},
		func(_ *testing.T, a *Article, _ string) {
			a.Edit("theirs")
			a.RedoRebase(r)
		},
	}
}

// based checks the text last loaded: the base of a merge.
func based(want string) step {
	return func(t *testing.T, a *Article, _ string) {
		if a.Saved() != want {
			t.Errorf("Saved() = %q, want %q", a.Saved(), want)
		}
	}
}
