package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Change is what happened to one file under a watched folder.
type Change struct {
	// Path is the file's absolute path.
	Path string
	// Removed is true when the file is gone (deleted or renamed away).
	Removed bool
	// Folder is true when Path is a watched folder that was removed or
	// renamed away: every article under it is gone.
	Folder bool
}

// Watcher reports changes to the Markdown files under a folder, and its
// sub-folders as they come and go. Bursts of events (an editor's
// write-rename-chmod, a git checkout) are coalesced into one batch per
// quiet period, and the echo of Folio's own saves is dropped (see Expect).
type Watcher struct {
	fs      *fsnotify.Watcher
	root    string
	quiet   time.Duration
	batches chan []Change
	errs    chan error
	done    chan struct{}

	mu       sync.Mutex
	expected map[string]Sum // own writes: path → content written

	dirs map[string]bool // watched folders; loop goroutine only after start
}

// maxDelay caps how long a change waits for the folder to be quiet, so
// that steady activity elsewhere (a build writing files) cannot hold
// reports back.
const maxDelay = time.Second

// pendingChange is what the loop knows of a path before it reports it.
type pendingChange struct {
	removed, folder bool
}

// Watch starts watching root recursively (hidden folders and node_modules
// are left out, as in Scan). quiet is how long the folder must be still
// before a batch is sent; 0 means 150 ms.
func Watch(root string, quiet time.Duration) (*Watcher, error) {
	if quiet <= 0 {
		quiet = 150 * time.Millisecond
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w := &Watcher{fs: fw, root: abs, quiet: quiet, batches: make(chan []Change, 16),
		errs: make(chan error, 16), done: make(chan struct{}), expected: map[string]Sum{}, dirs: map[string]bool{}}
	if _, err := w.addTree(abs); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	go w.loop()
	return w, nil
}

// Changes delivers batches of changed Markdown files, each path once, in
// path order. It is closed by Close.
func (w *Watcher) Changes() <-chan []Change { return w.batches }

// Errors delivers problems the watcher met (a folder it could not watch,
// the system's event queue overflowing); watching goes on.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Expect tells the watcher that Folio itself is about to write data to
// path, so the event that write causes is not reported as an outside
// change. A later change to other content is reported as usual.
func (w *Watcher) Expect(path string, data []byte) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	w.mu.Lock()
	w.expected[abs] = SumOf(data)
	w.mu.Unlock()
}

// Close stops watching and closes Changes.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	return w.fs.Close()
}

// addTree watches dir and its sub-folders and returns the Markdown files
// found in them (for a folder that appeared after watching began).
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			w.report(fmt.Errorf("watch %s: %w", p, err))
			return nil
		}
		if p != dir && skipName(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.fs.Add(p); err != nil {
				if p == dir {
					return err
				}
				w.report(fmt.Errorf("watch %s: %w", p, err))
				return nil
			}
			w.dirs[p] = true
			return nil
		}
		if IsMarkdown(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // nobody listening: drop rather than block the watcher
	}
}

// loop collects events until the folder is quiet (or maxDelay after the
// first change), then sends a batch.
func (w *Watcher) loop() {
	defer close(w.batches)
	pending := map[string]pendingChange{}
	var deadline time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.note(ev, pending) {
				continue // not an article: it neither starts nor delays a batch
			}
			if deadline.IsZero() {
				deadline = time.Now().Add(maxDelay)
			}
			timer.Reset(max(0, min(w.quiet, time.Until(deadline))))
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				err = fmt.Errorf("watch %s: too many changes at once; rescan the folder: %w", w.root, err)
			}
			w.report(err)
		case <-timer.C:
			deadline = time.Time{}
			if batch := w.flush(pending); len(batch) > 0 {
				select {
				case w.batches <- batch:
				case <-w.done:
					return
				}
			}
			pending = map[string]pendingChange{}
		}
	}
}

// note records one event and reports whether it concerns articles: new
// folders are watched (and their Markdown files reported), a watched
// folder that goes away is reported as a folder, Markdown files are marked
// changed or removed.
func (w *Watcher) note(ev fsnotify.Event, pending map[string]pendingChange) bool {
	name := filepath.Base(ev.Name)
	if skipName(name) {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if w.dirs[ev.Name] {
			prefix := ev.Name + string(filepath.Separator)
			for d := range w.dirs {
				if d == ev.Name || strings.HasPrefix(d, prefix) {
					delete(w.dirs, d)
				}
			}
			pending[ev.Name] = pendingChange{removed: true, folder: true}
			return true
		}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil {
				w.report(fmt.Errorf("watch %s: %w", ev.Name, err))
			}
			for _, f := range files {
				pending[f] = pendingChange{}
			}
			return len(files) > 0
		}
	}
	if !IsMarkdown(name) {
		return false
	}
	_, err := os.Stat(ev.Name)
	pending[ev.Name] = pendingChange{removed: err != nil && errors.Is(err, fs.ErrNotExist)}
	return true
}

// flush turns pending paths into a sorted batch, dropping the echo of
// Folio's own writes.
func (w *Watcher) flush(pending map[string]pendingChange) []Change {
	batch := make([]Change, 0, len(pending))
	for p, c := range pending {
		if !c.removed && w.isEcho(p) {
			continue
		}
		batch = append(batch, Change{Path: p, Removed: c.removed, Folder: c.folder})
	}
	sort.Slice(batch, func(i, j int) bool { return batch[i].Path < batch[j].Path })
	return batch
}

// isEcho reports whether path now holds exactly what Folio said it would
// write. The expectation is used up either way: a stale one must not hide
// a later change that happens to restore the same bytes.
func (w *Watcher) isEcho(path string) bool {
	w.mu.Lock()
	want, ok := w.expected[path]
	delete(w.expected, path)
	w.mu.Unlock()
	if !ok {
		return false
	}
	data, err := os.ReadFile(path)
	return err == nil && SumOf(data) == want
}
