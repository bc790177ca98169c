package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"folio/editor/document"
)

// Index is the folder's article summaries and their inferred schema, kept
// up to date incrementally: Apply re-reads only the files a watcher batch
// names, in the order the batches come, and Folio's own saves, creates,
// renames and deletes are put in directly (Put, Remove, Rename) so the
// list never waits for, or is confused by, their echo.
//
// An Index is safe for use by several goroutines; the shell applies
// batches on the goroutine that reads the watcher and renders Snapshots on
// the UI goroutine.
type Index struct {
	root string

	mu sync.Mutex
	// rows are the articles sorted by Path, each row once: looked up by
	// binary search, never modified in place (Summaries hands the slice
	// out), replaced by an edited copy on a change.
	rows    []Summary
	counts  *schemaCounts    // every row's front matter folded in; nil until folded (see foldCounts)
	schema  *document.Schema // made from counts; nil when stale
	version uint64
	edits   uint64 // changes other than a load's (see Edits)
	// during holds the edits made while LoadStream runs (nil otherwise):
	// each of its rows is published instead of what the load read.
	during map[string]*Summary
	// unchecked are the files a streamed load read the beginning of only,
	// whose rest CheckRest has still to check.
	unchecked []restToCheck
	// cache is set while the rows are those of the index cache, until
	// Validate reads what changed since (see LoadCache).
	cache *cacheState
	// validating holds the paths edited while Validate runs (nil
	// otherwise): what Folio or the watcher put in meanwhile wins over
	// what Validate read.
	validating map[string]bool
	// edited is signalled (without waiting) after each edit of the rows;
	// see Edited.
	edited chan struct{}
	// afterValidateRead, when set (tests), runs when Validate has read
	// the files and not yet put their rows in.
	afterValidateRead func()
}

// NewIndex returns an empty index of the folder root (call Load).
func NewIndex(root string) *Index {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	return &Index{root: abs, counts: newSchemaCounts(), edited: make(chan struct{}, 1)}
}

// Edited is signalled after rows were edited (Apply, Put, Remove, Rename,
// CheckRest's and Validate's corrections), not by a load: one signal
// stands for every edit since it was last received. The app saves the
// index cache a while after.
func (ix *Index) Edited() <-chan struct{} { return ix.edited }

// Root is the indexed folder's absolute path.
func (ix *Index) Root() string { return ix.root }

// Load scans the whole folder once, replacing the index's rows.
func (ix *Index) Load(ctx context.Context) error {
	in := newInterner()
	items, err := Visit(ctx, ix.root, func(f *File) Summary { return summarize(f, in, withSchema) })
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	counts := newSchemaCounts()
	for i := range items {
		if items[i].Modified.IsZero() { // not read: a stat may still tell
			items[i].setStat(statPath(ix.Abs(items[i].Path)))
		}
		counts.add(items[i].Path, items[i].fm, +1)
	}
	ix.mu.Lock()
	ix.rows = items
	ix.unchecked, ix.cache = nil, nil
	ix.counts = counts
	ix.changed()
	ix.mu.Unlock()
	return nil
}

// changed marks derived data stale; ix.mu must be held.
func (ix *Index) changed() {
	ix.schema = nil
	ix.version++
}

// Rel returns abs's slash-separated path relative to the root, and false
// when abs is not under the root.
func (ix *Index) Rel(abs string) (string, bool) {
	rel, err := filepath.Rel(ix.root, abs)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Abs returns the absolute path of a Summary's relative Path.
func (ix *Index) Abs(rel string) string { return filepath.Join(ix.root, filepath.FromSlash(rel)) }

// Apply brings the index up to date with one watcher batch: removed files
// and folders lose their rows, changed files are read again. Nothing else
// is read. It returns the relative paths whose rows changed.
func (ix *Index) Apply(batch []Change) []string {
	type update struct {
		rel    string
		sum    Summary
		st     fileStat
		remove bool
		folder bool
	}
	var ups []update
	for _, c := range batch {
		rel, ok := ix.Rel(c.Path)
		if !ok {
			continue
		}
		if c.Removed {
			ups = append(ups, update{rel: rel, remove: true, folder: c.Folder})
			continue
		}
		s, exists := summarizeFile(c.Path, rel)
		st := s.stat() // of the read
		if st.mod.IsZero() {
			st = statPath(c.Path)
		}
		ups = append(ups, update{rel: rel, sum: s, st: st, remove: !exists})
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	// The batch's net effect, in order: for each path its new row, or nil.
	edits := map[string]*Summary{}
	exists := func(rel string) bool {
		if row, ok := edits[rel]; ok {
			return row != nil
		}
		_, found := findRow(ix.rows, rel)
		return found
	}
	for _, u := range ups {
		switch {
		case u.folder:
			prefix := u.rel + "/"
			lo, hi := prefixRange(ix.rows, prefix)
			for _, r := range ix.rows[lo:hi] {
				if exists(r.Path) {
					edits[r.Path] = nil
				}
			}
			for p, row := range edits {
				if row != nil && strings.HasPrefix(p, prefix) {
					edits[p] = nil
				}
			}
			if exists(u.rel) { // a file that was a folder's name
				edits[u.rel] = nil
			}
		case u.remove:
			if exists(u.rel) {
				edits[u.rel] = nil
			}
		default:
			s := u.sum
			s.setStat(u.st)
			edits[u.rel] = &s
		}
	}
	return ix.edit(edits)
}

// edit applies edits to the rows (a new row, or nil to remove one; a
// removal of an absent row changes nothing), folds the changes into the
// schema counts and returns the relative paths changed, sorted; ix.mu
// must be held.
func (ix *Index) edit(edits map[string]*Summary) []string {
	var touched []string
	ix.foldCounts()
	for rel, row := range edits {
		if ix.during != nil {
			ix.during[rel] = row
		}
		if ix.validating != nil {
			ix.validating[rel] = true
		}
		i, found := findRow(ix.rows, rel)
		if !found && row == nil {
			delete(edits, rel)
			continue
		}
		if found {
			old := &ix.rows[i]
			ix.counts.add(old.Path, old.fm, -1)
		}
		if row != nil {
			ix.counts.add(row.Path, row.fm, +1)
		}
		touched = append(touched, rel)
	}
	if len(touched) == 0 {
		return nil
	}
	slices.Sort(touched)
	ix.rows = editSorted(ix.rows, edits)
	ix.changed()
	ix.edits++
	select {
	case ix.edited <- struct{}{}:
	default:
	}
	return touched
}

// Edits counts the changes made to the rows other than by a load (Apply,
// Put, Remove, Rename): while it stays the same, a streamed load's rows
// only grow at the end.
func (ix *Index) Edits() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.edits
}

// ModTime is the modification time of the article at the relative path
// rel when the index last read it (zero when unknown).
func (ix *Index) ModTime(rel string) time.Time {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := findRow(ix.rows, rel); ok {
		return ix.rows[i].Modified
	}
	return time.Time{}
}

// summarizeFile reads and summarizes one article; exists is false when the
// file is gone (the row must go).
func summarizeFile(abs, rel string) (s Summary, exists bool) {
	f := &File{Path: rel, Abs: abs}
	if err := checkLink(abs); err != nil {
		f.Err = err
		return Summarize(f), true
	}
	data, st, err := readFileStat(abs, nil)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Summary{}, false
		}
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
		}
		f.Err = err
		return Summarize(f), true
	}
	f.setStat(st)
	parse(f, data)
	return Summarize(f), true
}

// Put sets the row of the article at abs from the bytes Folio just wrote
// (a save or a create), without reading the file.
func (ix *Index) Put(abs string, data []byte) {
	rel, ok := ix.Rel(abs)
	if !ok {
		return
	}
	f := &File{Path: rel, Abs: abs}
	parse(f, data)
	s := Summarize(f)
	s.setStat(statPath(abs))
	ix.mu.Lock()
	ix.edit(map[string]*Summary{rel: &s})
	ix.mu.Unlock()
}

// Remove drops the row of the article at abs (Folio deleted it).
func (ix *Index) Remove(abs string) {
	rel, ok := ix.Rel(abs)
	if !ok {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.edit(map[string]*Summary{rel: nil})
}

// Rename moves the row of the article at oldAbs to newAbs (Folio renamed
// it). The watcher's later report of the old name removed and the new one
// created then changes nothing visible.
func (ix *Index) Rename(oldAbs, newAbs string) {
	oldRel, ok1 := ix.Rel(oldAbs)
	newRel, ok2 := ix.Rel(newAbs)
	if !ok1 || oldRel == newRel {
		return
	}
	ix.mu.Lock()
	i, had := findRow(ix.rows, oldRel)
	loading := ix.during != nil
	var s Summary
	if had {
		s = ix.rows[i]
	}
	ix.mu.Unlock()
	if !had && loading && ok2 {
		// Not read yet by the running load, which may no longer find it
		// under either name: read it under the new one.
		var exists bool
		if s, exists = summarizeFile(newAbs, newRel); !exists {
			return
		}
		s.setStat(statPath(newAbs))
	} else if !had {
		return
	}
	edits := map[string]*Summary{oldRel: nil}
	if ok2 {
		s.Path = newRel
		edits[newRel] = &s
	}
	ix.mu.Lock()
	ix.edit(edits)
	ix.mu.Unlock()
}

// Version increases with every change of the rows.
func (ix *Index) Version() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.version
}

// Len is the number of articles.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.rows)
}

// Get returns the row of the article at abs.
func (ix *Index) Get(abs string) (Summary, bool) {
	rel, ok := ix.Rel(abs)
	if !ok {
		return Summary{}, false
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := findRow(ix.rows, rel); ok {
		return ix.rows[i], true
	}
	return Summary{}, false
}

// Summaries returns the rows sorted by Path. The slice is shared by later
// callers until the next change: do not modify it.
func (ix *Index) Summaries() []Summary {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.rows
}

// Schema is the schema inferred from every article's front matter (see
// document.InferSchema). The Index keeps it as counts that each row is
// folded into when it is added and taken from when it is replaced or
// removed, so it costs no pass over the folder; it is put together once
// per change.
func (ix *Index) Schema() *document.Schema {
	ix.unfoldedCounts()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.schema == nil {
		ix.foldCounts()
		ix.schema = ix.counts.schema()
	}
	return ix.schema
}

// Sample returns a field of the first article (by path) that has key,
// with its value's kind and scalar text (a list's items are left out):
// what a new article's field of that key is made like. When that article
// is removed, its value stays the sample until another article comes.
func (ix *Index) Sample(key string) (document.Field, bool) {
	ix.unfoldedCounts()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.foldCounts()
	k, ok := ix.counts.keys[key]
	if !ok {
		return document.Field{}, false
	}
	return document.Field{Key: key, Value: k.sample}, true
}
