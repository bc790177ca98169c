package article

import "folio/app/library"

// Saved returns the file's text as last loaded or saved: the base of a
// three-way merge with an outside change.
func (a *Article) Saved() string { return a.saved }

// Restore puts text journalled before a crash into the open article: it
// becomes the article's unsaved text. base is the file's text the journal
// started from and loaded its Sum. When the file still has that Sum the
// article is simply dirty; when it changed on disk meanwhile, the article
// returns to where it was before the crash (base as the text last loaded,
// so Save refuses to overwrite the outside change) and is in conflict.
func (a *Article) Restore(text, base string, loaded library.Sum) {
	if a.path == "" {
		return
	}
	if loaded != a.loaded {
		a.saved, a.loaded = base, loaded
		a.conflict = ChangedOnDisk
	}
	a.text, a.pending, a.length = text, nil, len(text)
	a.dirty = text != a.saved || a.conflict != NoConflict
	a.version++
	a.parse()
	a.notify(TextReplaced | KeepPlace | Parsed | StateChanged)
}

// basis is what the text is based on: the file's text as last loaded, its
// Sum, and how the disk disagrees with the text.
type basis struct {
	saved    string
	loaded   library.Sum
	conflict Conflict
	kept     bool
}

func (a *Article) basis() basis {
	return basis{saved: a.saved, loaded: a.loaded, conflict: a.conflict, kept: a.kept}
}

// same reports whether a is on basis b (the strings are compared by
// length first, then as the same bytes in memory: cheap).
func (a *Article) same(b basis) bool {
	return a.loaded == b.loaded && a.conflict == b.conflict && a.kept == b.kept && a.saved == b.saved
}

// setBasis puts the article on basis b; the text stays and is unsaved
// unless it is b's saved text (with no conflict).
func (a *Article) setBasis(b basis) {
	a.saved, a.loaded, a.conflict, a.kept = b.saved, b.loaded, b.conflict, b.kept
	a.dirty = a.conflict != NoConflict || a.Text() != a.saved
	a.notify(StateChanged)
}

// A Rebasing is one Rebase: the basis before it (the text last loaded, and
// the disk's change in conflict with the text) and the one it made (the
// disk's text as the text last loaded). "Take theirs" ties it to its undo
// step, so that undoing it goes back to the conflict (UndoRebase) and
// redoing it settles it again (RedoRebase): the outside change is never
// written over unseen because an undo forgot it was there (QA G5).
type Rebasing struct {
	before, after basis
}

// Rebase makes theirs (the disk's text, whose Sum is sum) the text last
// loaded without touching the editor's text: the conflict is over and the
// text is unsaved unless it is theirs. "Take theirs" rebases and then
// replaces the text as an undoable edit, so Ctrl+Z brings the user's text
// back, marked unsaved, and in conflict with theirs again (UndoRebase).
func (a *Article) Rebase(theirs string, sum library.Sum) Rebasing {
	r := Rebasing{before: a.basis()}
	if a.path == "" {
		return r
	}
	a.saved, a.loaded = theirs, sum
	a.conflict, a.kept = NoConflict, false
	a.dirty = a.Text() != theirs
	r.after = a.basis()
	a.notify(StateChanged)
	return r
}

// UndoRebase goes back to the basis before r, its conflict with the disk
// included (the undo of "Take theirs" brought the user's text back: it is
// based on the old text, and the disk's change is unsettled again). It
// does so only while the article is still on the basis r made (the text
// was neither saved nor reloaded since); it reports whether it did.
func (a *Article) UndoRebase(r Rebasing) bool {
	if a.path == "" || !a.same(r.after) {
		return false
	}
	a.setBasis(r.before)
	return true
}

// RedoRebase makes r again (the redo of "Take theirs") when the article is
// on the basis before it and the disk still holds what r took; when the
// disk changed again meanwhile, the conflict stays, now with that change.
// It reports whether it rebased.
func (a *Article) RedoRebase(r Rebasing) bool {
	if a.path == "" || !a.same(r.before) {
		return false
	}
	if _, sum, err := library.Read(a.path); err != nil || sum != r.after.loaded {
		return false
	}
	a.setBasis(r.after)
	return true
}
