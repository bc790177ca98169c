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

// Merged replaces the text with the result of merging it with the disk's
// version theirs (whose Sum is sum): theirs becomes the text last loaded,
// so the next Save writes over it; the merged text is unsaved unless it is
// theirs. The conflict is over.
func (a *Article) Merged(text, theirs string, sum library.Sum) {
	if a.path == "" {
		return
	}
	a.saved, a.loaded = theirs, sum
	a.text, a.pending, a.length = text, nil, len(text)
	a.dirty = text != theirs
	a.conflict = NoConflict
	a.version++
	a.parse()
	a.notify(TextReplaced | KeepPlace | Parsed | StateChanged)
}

// Rebase makes theirs (the disk's text, whose Sum is sum) the text last
// loaded without touching the editor's text: the conflict is over and the
// text is unsaved unless it is theirs. "Take theirs" rebases and then
// replaces the text as an undoable edit, so Ctrl+Z brings the user's text
// back, marked unsaved.
func (a *Article) Rebase(theirs string, sum library.Sum) {
	if a.path == "" {
		return
	}
	a.saved, a.loaded = theirs, sum
	a.conflict, a.kept = NoConflict, false
	a.dirty = a.Text() != theirs
	a.notify(StateChanged)
}
