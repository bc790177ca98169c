// Package article is the open article as a model without Fyne: its path,
// its text as the editor holds it, what the file held when it was loaded or
// last saved, and whether the two differ. It loads, saves, reloads and
// follows outside changes (reload when clean, conflict when dirty, deleted,
// renamed), parses the text once per change and tells its listeners.
//
// The window only renders it: the editor hands edits to Edit, and the
// listeners update the editor (when the text is replaced from disk), the
// preview, the form, the window title and the status bar. All methods are
// meant to be called from one goroutine (the UI goroutine).
package article

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"folio/app/library"
	"folio/editor/document"
)

// ErrNoArticle is returned by Save and Reload when no article is open.
var ErrNoArticle = errors.New("no article is open")

// Conflict is how the file on disk disagrees with the editor's text.
type Conflict int

// The conflicts.
const (
	// NoConflict: the disk holds what was loaded or last saved.
	NoConflict Conflict = iota
	// ChangedOnDisk: another program changed the file while the text had
	// unsaved changes, or Save found it changed.
	ChangedOnDisk
	// DeletedOnDisk: the file (or its folder) went away; the text is only
	// in the editor now, and saving creates the file again.
	DeletedOnDisk
)

// What tells listeners what changed (several bits can be set at once).
type What uint8

// What can change.
const (
	// TextReplaced: the text was replaced from disk; the editor must show
	// Text(). With KeepPlace the editor keeps its cursor and scroll
	// position (a reload); without it the article is newly opened.
	TextReplaced What = 1 << iota
	// KeepPlace accompanies TextReplaced for a reload of the same article.
	KeepPlace
	// Parsed: Doc, ParseErr and Title are new.
	Parsed
	// StateChanged: Path, Dirty or Conflict changed.
	StateChanged
	// Saved: the text was written to disk.
	Saved
)

// Listener is told what changed after each transition.
type Listener func(What)

// Article is the open article. The zero value is not usable; call New.
type Article struct {
	path   string
	saved  string      // the file's text when loaded or last saved
	loaded library.Sum // its Sum; zero when the file is gone
	text   string      // the text, valid unless pending is set
	// pending returns the editor's text; set by EditFunc, called when the
	// text is needed (parse, save, compare).
	pending  func() string
	length   int // len of the text
	dirty    bool
	conflict Conflict
	// kept is set by Dismiss ("keep mine"): a refused Save then does not
	// raise the same conflict again (the caller asks to overwrite).
	kept bool
	// lost is the Sum loaded before the file was deleted on disk: the
	// same bytes coming back end the "deleted" state (a checkout).
	lost library.Sum

	doc       *document.Document
	perr      error
	version   uint64 // increases with every change of the text
	parsedVer uint64

	listeners []Listener

	// Expect, when set, is called just before Save writes data to path, so
	// that the folder watcher can drop the echo of Folio's own write.
	Expect func(path string, data []byte)
}

// New returns an Article with nothing open.
func New() *Article { return &Article{doc: mustParse(nil)} }

func mustParse(b []byte) *document.Document {
	d, _ := document.Parse(b)
	return d
}

// Listen adds a listener, called after every transition.
func (a *Article) Listen(l Listener) { a.listeners = append(a.listeners, l) }

func (a *Article) notify(w What) {
	if w == 0 {
		return
	}
	for _, l := range a.listeners {
		l(w)
	}
}

// Path is the open article's absolute path, or "" when none is open.
func (a *Article) Path() string { return a.path }

// HasFile reports whether an article is open.
func (a *Article) HasFile() bool { return a.path != "" }

// Dirty reports whether the text differs from what is on disk (or the file
// is gone). Undoing back to the saved text makes the article clean again.
func (a *Article) Dirty() bool { return a.dirty }

// Conflict reports how the disk disagrees with the text.
func (a *Article) Conflict() Conflict { return a.conflict }

// Loaded is the Sum of the file's content when loaded or last saved; zero
// when the file is gone (the next Save must create it).
func (a *Article) Loaded() library.Sum { return a.loaded }

// Version increases with every change of the text.
func (a *Article) Version() uint64 { return a.version }

// Text returns the article's current text.
func (a *Article) Text() string {
	if a.pending != nil {
		a.text = a.pending()
		a.pending = nil
	}
	return a.text
}

// Doc is the last parse of the text (see Parse). Never nil.
func (a *Article) Doc() *document.Document { return a.doc }

// ParseErr is the last parse's error (a *document.ParseError for
// malformed front matter), or nil.
func (a *Article) ParseErr() error { return a.perr }

// Title is the title field of the last parse, as plain text.
func (a *Article) Title() string {
	if v, ok := a.doc.Get("title"); ok {
		return v.Plain()
	}
	return ""
}

// Load opens the article at path (absolute), replacing whatever was open;
// asking about unsaved changes is the caller's business. On error nothing
// changes.
func (a *Article) Load(path string) error {
	data, sum, err := library.Read(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	changed := a.path != path || a.dirty || a.conflict != NoConflict
	a.path = path
	a.replace(string(data), sum)
	w := TextReplaced | Parsed
	if changed {
		w |= StateChanged
	}
	a.notify(w)
	return nil
}

// replace sets text and saved to text (clean, no conflict) and parses.
func (a *Article) replace(text string, sum library.Sum) {
	a.text, a.pending, a.length = text, nil, len(text)
	a.saved, a.loaded = text, sum
	a.dirty, a.conflict, a.kept = false, NoConflict, false
	a.version++
	a.parse()
}

// Close leaves the article: nothing is open afterwards.
func (a *Article) Close() {
	if a.path == "" && !a.dirty {
		return
	}
	a.path = ""
	a.replace("", library.Sum{})
	a.notify(TextReplaced | Parsed | StateChanged)
}

// Edit records the editor's new text.
func (a *Article) Edit(text string) {
	a.EditFunc(len(text), func() string { return text })
}

// EditFunc records that the editor's text changed to one of length n,
// which text returns. text is called only when needed (to tell whether an
// edit of the same length returned to the saved text, or to parse or save),
// so typing in a long article costs no copy of it per keystroke. With no
// article open the edit is ignored: there is nowhere to save it.
func (a *Article) EditFunc(n int, text func() string) {
	if a.path == "" {
		return
	}
	a.pending, a.length = text, n
	a.version++
	dirty := true
	if a.conflict != DeletedOnDisk && n == len(a.saved) {
		dirty = a.Text() != a.saved
	}
	if dirty != a.dirty {
		a.dirty = dirty
		a.notify(StateChanged)
	}
}

// Parse parses the text if it changed since the last parse and tells the
// listeners. It reports whether it parsed. The shell calls it after a
// short pause in typing; Load, Reload and outside changes parse at once.
func (a *Article) Parse() bool {
	if a.parsedVer == a.version {
		return false
	}
	a.parse()
	a.notify(Parsed)
	return true
}

func (a *Article) parse() {
	a.doc, a.perr = document.Parse([]byte(a.Text()))
	a.parsedVer = a.version
}

// Save writes the text through library.Save. When the file changed on disk
// since it was loaded, nothing is written, the article is in conflict and
// the error wraps library.ErrChangedOnDisk (see Overwrite).
func (a *Article) Save() error {
	if a.path == "" {
		return ErrNoArticle
	}
	text := a.Text()
	data := []byte(text)
	if a.Expect != nil {
		a.Expect(a.path, data)
	}
	if err := library.Save(a.path, data, a.loaded); err != nil {
		if errors.Is(err, library.ErrChangedOnDisk) {
			c := ChangedOnDisk
			if _, serr := os.Stat(a.path); errors.Is(serr, fs.ErrNotExist) {
				c = DeletedOnDisk
				a.loaded = library.Sum{}
			}
			if c != a.conflict { // after Keep mine too: the disk changed again since (F23)
				a.conflict = c
				a.notify(StateChanged)
			}
		}
		return err
	}
	a.saved, a.loaded = text, library.SumOf(data)
	a.dirty, a.conflict, a.kept = false, NoConflict, false
	a.notify(StateChanged | Saved)
	return nil
}

// Overwrite saves the text over whatever the disk holds now (the user
// chose "Overwrite" after Save refused). A file deleted meanwhile is
// created again.
func (a *Article) Overwrite() error {
	if a.path == "" {
		return ErrNoArticle
	}
	_, disk, err := library.Read(a.path)
	switch {
	case err == nil:
		a.loaded = disk
	case errors.Is(err, fs.ErrNotExist):
		a.loaded = library.Sum{}
	default:
		return fmt.Errorf("save %s: %w", filepath.Base(a.path), err)
	}
	return a.Save()
}

// Reload replaces the text with the disk's (discarding unsaved changes;
// asking is the caller's business). When the file cannot be read the text
// stays, marked unsaved (and DeletedOnDisk when the file is gone), and the
// error is returned.
func (a *Article) Reload() error {
	if a.path == "" {
		return ErrNoArticle
	}
	data, sum, err := library.Read(a.path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			a.gone()
		} else if !a.dirty {
			a.dirty = true
			a.notify(StateChanged)
		}
		return fmt.Errorf("reload %s: %w", filepath.Base(a.path), err)
	}
	a.replace(string(data), sum)
	a.notify(TextReplaced | KeepPlace | Parsed | StateChanged)
	return nil
}

// gone marks the file as deleted on disk: the text is kept, unsaved, and
// the next Save creates the file (refusing if someone else created one).
func (a *Article) gone() {
	if a.conflict == DeletedOnDisk && a.dirty {
		return
	}
	if !a.loaded.IsZero() {
		a.lost = a.loaded
	}
	a.loaded = library.Sum{}
	a.dirty, a.conflict = true, DeletedOnDisk
	a.notify(StateChanged)
}

// Dismiss hides a conflict ("keep mine"): the text stays as it is. A
// later Save still refuses to overwrite an outside change without asking
// (Overwrite), and a deleted file stays unsaved.
func (a *Article) Dismiss() {
	if a.conflict == NoConflict {
		return
	}
	if a.conflict == ChangedOnDisk {
		// The user saw the disk's version and kept theirs: the next Save
		// writes over that version without asking again (F23); a later
		// outside change is a conflict again.
		if _, sum, err := library.Read(a.path); err == nil {
			a.loaded = sum
		}
	}
	a.conflict = NoConflict
	a.kept = true
	a.notify(StateChanged)
}

// Renamed tells the article that Folio itself moved its file to newPath:
// nothing else changes (the file's content is the same).
func (a *Article) Renamed(newPath string) {
	if a.path == "" || newPath == a.path {
		return
	}
	a.path = newPath
	a.notify(StateChanged)
}

// Outside handles a change another program made under the folder (from
// the watcher): a change to the open article reloads it when clean, raises
// ChangedOnDisk when dirty, and nothing when the disk holds the same bytes;
// its removal (or its folder's) keeps the text as unsaved, DeletedOnDisk.
// Changes to other files are ignored.
func (a *Article) Outside(c library.Change) {
	if a.path == "" {
		return
	}
	inFolder := c.Folder && len(a.path) > len(c.Path) && a.path[:len(c.Path)] == c.Path && a.path[len(c.Path)] == filepath.Separator
	if c.Path != a.path && !inFolder {
		return
	}
	data, sum, err := library.Read(a.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.gone()
		return
	case err != nil:
		return // unreadable for now: wait for the next change
	case c.Removed && sum == a.loaded:
		return // back already (a checkout, an editor's rename dance)
	}
	if a.conflict == DeletedOnDisk && sum == a.lost {
		// Back with the bytes loaded before it went (a checkout there
		// and back, a rename followed by content): not deleted any more,
		// and no conflict; the edits stay unsaved.
		a.loaded, a.lost = sum, library.Sum{}
		a.conflict = NoConflict
		a.dirty = a.Text() != a.saved
		a.notify(StateChanged)
		return
	}
	if sum == a.loaded {
		// The same bytes as loaded (an outside change undone): no conflict.
		if a.conflict == ChangedOnDisk {
			a.conflict = NoConflict
			a.notify(StateChanged)
		}
		return
	}
	if string(data) == a.Text() {
		// The disk now holds exactly the editor's text (a restore after a
		// delete, the same edit made elsewhere): nothing is unsaved.
		a.saved, a.loaded = a.text, sum
		a.dirty, a.conflict = false, NoConflict
		a.notify(StateChanged)
		return
	}
	if !a.dirty {
		a.replace(string(data), sum)
		a.notify(TextReplaced | KeepPlace | Parsed | StateChanged)
		return
	}
	if a.conflict != ChangedOnDisk {
		a.conflict = ChangedOnDisk
		a.notify(StateChanged)
	}
}
