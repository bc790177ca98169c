package library

import (
	"bufio"
	"bytes"
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
	written map[string]Sum    // path → Sum of the text last written, to skip rewrites
	bases   map[string]string // path → hex Sum of the base file its journal names
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
	// Caret is the editor's cursor (a byte offset in Text) and Top the
	// first line it showed, so that the text comes back where the user was
	// typing.
	Caret, Top int
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
	journalExt   = ".journal"
	tempPrefix   = ".tmp-"
	journalMark  = "folio-journal-1" // one JSON object with text and base (read only)
	journalMark2 = "folio-journal-2" // a JSON header line, then the text; the base apart
	baseExt      = ".base"           // a base text, named by its Sum: written once per load
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

// journalHeader is the first line of a journal in the second format; the
// text follows it as it is (no JSON escaping), and with a base only the
// part of the text that differs from the base (Prefix, Suffix). The base
// lives in its own file named by its Sum, written once, not at every flush (F33: a 10 MB
// article made 20 MB journals, written 3.4 s after the last key).
type journalHeader struct {
	Format string    `json:"format"`
	Path   string    `json:"path"`
	Loaded string    `json:"loaded"` // hex Sum, "" for none
	Time   time.Time `json:"time"`
	Base   string    `json:"base,omitempty"` // hex Sum of the base text, "" for none
	Tints  []Tint    `json:"tints,omitempty"`
	Size   int       `json:"size"` // bytes of text after the header line
	// Prefix and Suffix, with a base, are the bytes the text shares with
	// the base at its start and end: only the middle follows the header.
	Prefix int    `json:"prefix,omitempty"`
	Suffix int    `json:"suffix,omitempty"`
	Caret  int    `json:"caret,omitempty"` // Entry.Caret
	Top    int    `json:"top,omitempty"`   // Entry.Top
	Check  string `json:"check"`           // hex SHA-256 of the text
}

// OpenJournal opens (creating it if need be) the journal folder dir. It
// removes temporary files left by a write that was interrupted more than a
// minute ago, and base texts no journal names any more.
func OpenJournal(dir string) (*Journal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open journal %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", dir, err)
	}
	var bases []string
	named := map[string]bool{}
	for _, e := range entries {
		switch {
		case strings.HasSuffix(e.Name(), baseExt):
			bases = append(bases, e.Name())
		case strings.HasSuffix(e.Name(), journalExt):
			if h, err := readHeader(filepath.Join(dir, e.Name())); err == nil && h.Base != "" {
				named[h.Base+baseExt] = true
			}
		}
	}
	for _, b := range bases {
		// A base no journal names (a crash between removing a journal
		// and its base): it goes once it is old enough not to be one
		// another Folio is about to name.
		if info, err := os.Stat(filepath.Join(dir, b)); !named[b] && err == nil && time.Since(info.ModTime()) > time.Minute {
			os.Remove(filepath.Join(dir, b))
		}
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
	return &Journal{dir: dir, now: time.Now, written: map[string]Sum{}, bases: map[string]string{}}, nil
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

// Put journals e (its Time is set to now, or kept when the journal holds
// the same text already: the time it was typed), with the base text for a
// later merge. Writing the same entry again is skipped.
func (j *Journal) Put(e Entry) error {
	path, err := journalPath(e.Path)
	if err != nil {
		return err
	}
	text, loaded := e.Text, e.Loaded
	textSum := SumOf([]byte(text))
	var baseSum Sum
	if e.Base != "" {
		baseSum = SumOf([]byte(e.Base))
	}
	sum := SumOf([]byte(string(textSum[:]) + "\x00" + string(loaded[:]) + "\x00" + string(baseSum[:]) + "\x00" + fmt.Sprint(e.Tints, e.Caret, e.Top)))
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.written[path] == sum {
		return nil
	}
	h := journalHeader{Format: journalMark2, Path: path, Time: j.now().UTC(), Tints: e.Tints, Caret: e.Caret, Top: e.Top, Check: hex.EncodeToString(textSum[:])}
	if !loaded.IsZero() {
		h.Loaded = hex.EncodeToString(loaded[:])
	}
	if old, err := readHeader(j.fileFor(path)); err == nil && old.Check == h.Check {
		// The same text journalled again (after a restart, with another
		// caret): its time stays when it was typed (F42).
		h.Time = old.Time
	}
	if e.Base != "" {
		h.Base = hex.EncodeToString(baseSum[:])
		if err := j.putBase(h.Base, e.Base); err != nil {
			return fmt.Errorf("journal %s: %w", path, err)
		}
	}
	body := text
	if e.Base != "" {
		h.Prefix, h.Suffix = shared(e.Base, text)
		body = text[h.Prefix : len(text)-h.Suffix]
	}
	h.Size = len(body)
	head, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	data := make([]byte, 0, len(head)+1+len(body))
	data = append(append(append(data, head...), '\n'), body...)
	if err := j.writeAtomic(j.fileFor(path), data); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	old, had := j.bases[path]
	j.bases[path] = h.Base
	j.written[path] = sum
	if had && old != h.Base {
		j.dropBase(old)
	}
	return nil
}

// shared is the length of the longest common prefix of a and b and of
// their longest common suffix after it (together at most len(b)).
func shared(a, b string) (prefix, suffix int) {
	n := min(len(a), len(b))
	for prefix < n && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < n-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// putBase writes the base text named by its hex Sum, unless it is there:
// once per load, not at every flush.
func (j *Journal) putBase(hexSum, base string) error {
	name := filepath.Join(j.dir, hexSum+baseExt)
	if _, err := os.Stat(name); err == nil {
		return nil
	}
	return j.writeAtomic(name, []byte(base))
}

// dropBase removes the base file named by hexSum when no journal written
// by this Journal still refers to it (called with j.mu held).
func (j *Journal) dropBase(hexSum string) {
	if hexSum == "" {
		return
	}
	for _, b := range j.bases {
		if b == hexSum {
			return
		}
	}
	// Another Folio's journals may name it too.
	names, _ := filepath.Glob(filepath.Join(j.dir, "*"+journalExt))
	for _, n := range names {
		if h, err := readHeader(n); err == nil && h.Base == hexSum {
			return
		}
	}
	os.Remove(filepath.Join(j.dir, hexSum+baseExt))
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
	base, had := j.bases[path]
	if !had {
		// Written by an earlier run: its header names its base.
		if h, err := readHeader(j.fileFor(path)); err == nil {
			base, had = h.Base, true
		}
	}
	delete(j.bases, path)
	if err := os.Remove(j.fileFor(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove journal of %s: %w", path, err)
	}
	if had {
		j.dropBase(base)
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

// readHeader reads the header line of a journal in the second format.
func readHeader(name string) (journalHeader, error) {
	f, err := os.Open(name)
	if err != nil {
		return journalHeader{}, err
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadBytes('\n')
	if err != nil {
		return journalHeader{}, fmt.Errorf("journal %s: no header: %w", name, err)
	}
	var h journalHeader
	if err := json.Unmarshal(line, &h); err != nil || h.Format != journalMark2 {
		return journalHeader{}, fmt.Errorf("journal %s: damaged header", name)
	}
	return h, nil
}

// readJournal reads and checks one journal file, in either format.
func readJournal(name string) (Entry, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return Entry{}, err
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return readJournal2(name, data[:i], data[i+1:])
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

// readJournal2 reads a journal of the second format: its header, its text
// and the base file the header names (a missing base leaves Base "": the
// restore then uses the file when it still has the Sum loaded).
func readJournal2(name string, head, body []byte) (Entry, error) {
	var h journalHeader
	if err := json.Unmarshal(head, &h); err != nil {
		return Entry{}, fmt.Errorf("journal %s: damaged: %w", name, err)
	}
	if h.Format != journalMark2 || h.Path == "" || h.Size != len(body) || h.Prefix < 0 || h.Suffix < 0 {
		return Entry{}, fmt.Errorf("journal %s: damaged", name)
	}
	var base []byte
	if h.Base != "" {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(name), h.Base+baseExt))
		if sum := SumOf(b); err == nil && hex.EncodeToString(sum[:]) == h.Base {
			base = b
		}
	}
	text := body
	if h.Prefix+h.Suffix > 0 {
		if base == nil || h.Prefix+h.Suffix > len(base) {
			return Entry{}, fmt.Errorf("journal %s: its base text is missing", name)
		}
		text = make([]byte, 0, h.Prefix+len(body)+h.Suffix)
		text = append(append(append(text, base[:h.Prefix]...), body...), base[len(base)-h.Suffix:]...)
	}
	check := sha256.Sum256(text)
	if h.Check != hex.EncodeToString(check[:]) {
		return Entry{}, fmt.Errorf("journal %s: damaged", name)
	}
	e := Entry{Path: h.Path, Text: string(text), Time: h.Time, Tints: h.Tints, Base: string(base), Caret: h.Caret, Top: h.Top}
	if h.Loaded != "" {
		b, err := hex.DecodeString(h.Loaded)
		if err != nil || len(b) != len(e.Loaded) {
			return Entry{}, fmt.Errorf("journal %s: damaged loaded sum", name)
		}
		copy(e.Loaded[:], b)
	}
	return e, nil
}
