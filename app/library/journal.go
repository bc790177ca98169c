package library

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Journal keeps the unsaved text of open articles in a folder of Folio's
// own (not beside the articles), so that a crash, kill -9 or power loss
// loses nothing that was journalled. There is one journal file per article,
// named by a hash of the article's path and replaced atomically (temporary
// file, sync, rename), so a journal is always a whole earlier or later
// version, never half of one.
//
// A Journal is safe for use by several goroutines.
type Journal struct {
	dir string
	now func() time.Time // the clock; tests replace it

	mu      sync.Mutex
	written map[string]Sum // path → Sum of the text last written, to skip rewrites
	// beforeRename, when set (tests), runs after the temporary file is
	// written and synced and may return an error to abandon the write.
	beforeRename func(tmp string) error
}

// Entry is one journalled article.
type Entry struct {
	// Path is the article's absolute path.
	Path string
	// Text is the unsaved text.
	Text string
	// Base is the file's text when it was loaded (what Loaded identifies),
	// kept for a three-way merge when the file changed meanwhile; "" when
	// not stored.
	Base string
	// Loaded is the Sum of the file as it was loaded when the text was
	// journalled (the zero Sum for an article not yet saved): if the file's
	// Sum differs now, it changed on disk meanwhile.
	Loaded Sum
	// Time is when the text was journalled.
	Time time.Time
	// Tints are the editor's line tints over Text after a merge (where each
	// change came from), so that they come back with the text.
	Tints []Tint
}

// Tint is a range of lines [From, To) of an Entry's Text (0-based) tinted
// with Kind (the editor's mark kind, as a number).
type Tint struct {
	From int `json:"from"`
	To   int `json:"to"`
	Kind int `json:"kind"`
}

// journalExt ends every journal file's name; tempPrefix starts the names of
// journals being written.
const (
	journalExt  = ".journal"
	tempPrefix  = ".tmp-"
	journalMark = "folio-journal-1"
)

// journalFile is a journal's content on disk.
type journalFile struct {
	Format string    `json:"format"`
	Path   string    `json:"path"`
	Loaded string    `json:"loaded"` // hex Sum, "" for none
	Time   time.Time `json:"time"`
	Text   string    `json:"text"`
	Base   string    `json:"base,omitempty"`
	Tints  []Tint    `json:"tints,omitempty"`
	Check  string    `json:"check"` // hex SHA-256 of Text and Base: a damaged file is refused
}

// OpenJournal opens (creating it if need be) the journal folder dir. It
// removes temporary files left by a write that was interrupted more than a
// minute ago.
func OpenJournal(dir string) (*Journal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open journal %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", dir, err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		// Another Folio may be writing it right now: only old ones go.
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return &Journal{dir: dir, now: time.Now, written: map[string]Sum{}}, nil
}

// Dir returns the journal folder.
func (j *Journal) Dir() string { return j.dir }

// fileFor returns the journal file of the article at path (absolute).
func (j *Journal) fileFor(path string) string {
	h := sha256.Sum256([]byte(path))
	return filepath.Join(j.dir, hex.EncodeToString(h[:16])+journalExt)
}

// journalPath makes path absolute and clean, so that one article has one journal.
func journalPath(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("journal %s: %w", path, err)
	}
	return p, nil
}

// Write journals text as the unsaved text of the article at path, whose
// file had the Sum loaded when it was read. Writing the same text again is
// skipped.
func (j *Journal) Write(path, text string, loaded Sum) error {
	return j.Put(Entry{Path: path, Text: text, Loaded: loaded})
}

// Put journals e (its Time is set to now), with the base text for a later
// merge. Writing the same entry again is skipped.
func (j *Journal) Put(e Entry) error {
	path, err := journalPath(e.Path)
	if err != nil {
		return err
	}
	text, loaded := e.Text, e.Loaded
	sum := SumOf([]byte(text + "\x00" + string(loaded[:]) + "\x00" + e.Base + "\x00" + fmt.Sprint(e.Tints)))
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.written[path] == sum {
		return nil
	}
	jf := journalFile{Format: journalMark, Path: path, Time: j.now().UTC(), Text: text, Base: e.Base, Tints: e.Tints}
	if !loaded.IsZero() {
		jf.Loaded = hex.EncodeToString(loaded[:])
	}
	check := checkOf(text, e.Base)
	jf.Check = hex.EncodeToString(check[:])
	data, err := json.Marshal(jf)
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	if err := j.writeAtomic(j.fileFor(path), data); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	j.written[path] = sum
	return nil
}

// writeAtomic replaces name with data: a temporary file, synced, renamed
// over name, and the folder synced.
func (j *Journal) writeAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(j.dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if j.beforeRename != nil {
		if err := j.beforeRename(tmpName); err != nil {
			return err
		}
	}
	if err := os.Rename(tmpName, name); err != nil {
		return err
	}
	ok = true
	return syncDir(j.dir)
}

// Remove deletes the journal of the article at path (after its text was
// saved or discarded). A missing journal is not an error.
func (j *Journal) Remove(path string) error {
	path, err := journalPath(path)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	delete(j.written, path)
	if err := os.Remove(j.fileFor(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove journal of %s: %w", path, err)
	}
	return nil
}

// Move carries the journal of the article at from over to the article's
// new path to (after an outside rename).
func (j *Journal) Move(from, to string) error {
	e, ok, err := j.read(from)
	if err != nil || !ok {
		return err
	}
	e.Path = to
	if err := j.Put(e); err != nil {
		return err
	}
	return j.Remove(from)
}

// read returns the journal of the article at path, if any.
func (j *Journal) read(path string) (Entry, bool, error) {
	path, err := journalPath(path)
	if err != nil {
		return Entry{}, false, err
	}
	e, err := readJournal(j.fileFor(path))
	if errors.Is(err, fs.ErrNotExist) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, err
	}
	return e, true, nil
}

// List returns every journalled article, sorted by path. A journal file
// that cannot be read or is damaged is left out and named in the error,
// which joins all such problems; the entries that could be read are
// returned either way.
func (j *Journal) List() ([]Entry, error) {
	names, err := os.ReadDir(j.dir)
	if err != nil {
		return nil, fmt.Errorf("list journal %s: %w", j.dir, err)
	}
	var out []Entry
	var errs []error
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), journalExt) || strings.HasPrefix(n.Name(), tempPrefix) {
			continue
		}
		e, err := readJournal(filepath.Join(j.dir, n.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Path < out[b].Path })
	return out, errors.Join(errs...)
}

// checkOf is the checksum stored with a journal's text and base.
func checkOf(text, base string) [sha256.Size]byte {
	if base == "" {
		return sha256.Sum256([]byte(text))
	}
	h := sha256.New()
	h.Write([]byte(text))
	h.Write([]byte{0})
	h.Write([]byte(base))
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// Get returns the journal of the article at path, and whether there is one.
func (j *Journal) Get(path string) (Entry, bool, error) { return j.read(path) }

// readJournal reads and checks one journal file.
func readJournal(name string) (Entry, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return Entry{}, err
	}
	var jf journalFile
	if err := json.Unmarshal(data, &jf); err != nil {
		return Entry{}, fmt.Errorf("journal %s: damaged: %w", name, err)
	}
	check := checkOf(jf.Text, jf.Base)
	if jf.Format != journalMark || jf.Path == "" || jf.Check != hex.EncodeToString(check[:]) {
		return Entry{}, fmt.Errorf("journal %s: damaged", name)
	}
	e := Entry{Path: jf.Path, Text: jf.Text, Base: jf.Base, Time: jf.Time, Tints: jf.Tints}
	if jf.Loaded != "" {
		b, err := hex.DecodeString(jf.Loaded)
		if err != nil || len(b) != len(e.Loaded) {
			return Entry{}, fmt.Errorf("journal %s: damaged loaded sum", name)
		}
		copy(e.Loaded[:], b)
	}
	return e, nil
}
