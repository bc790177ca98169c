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
	"syscall"
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
	// From is, for a file renamed by another program, its path before the
	// rename, when that file was tracked (see Track). The batch also holds
	// From as removed.
	From string
}

// ErrWatchLimit is wrapped by the error a Watcher reports (once) when the
// system's limit on watched folders is reached: the folders beyond it are
// rescanned periodically instead of watched.
var ErrWatchLimit = errors.New("too many folders to watch")

// Watcher reports changes to the Markdown files under a folder, and its
// sub-folders as they come and go (folders reached through symbolic links
// included).
//
// A lone change is reported at once: the watcher only lets a few
// milliseconds pass (settle) to take the rest of the same write with it.
// When changes to several files come together (a git checkout, a sync) or
// keep following batches closely (all but the first lone change within the
// quiet period after a batch), they are coalesced into one batch sent when
// the folder has been quiet for the quiet period, or at the latest a second
// after the first of them. Nothing runs while the folder is idle. The echo
// of Folio's own saves is dropped (see Expect).
type Watcher struct {
	fs      *fsnotify.Watcher
	root    string
	quiet   time.Duration
	settle  time.Duration
	batches chan []Change
	errs    chan error
	done    chan struct{}
	add     func(string) error // fs.Add; tests make it fail
	poll    time.Duration      // rescan period of unwatched folders

	mu       sync.Mutex
	expected map[string]Sum         // own writes: path → content written
	tracked  map[string]os.FileInfo // files whose renames are followed
	sums     map[string]Sum         // of tracked files: the content loaded (TrackSum)
	limited  error                  // the watch limit error, once reached

	// Loop goroutine only after start:
	dirs      map[string]bool        // watched folders (as named under root)
	reals     map[string]bool        // real paths of watched folders: no folder twice
	unwatched map[string]dirSnapshot // folders beyond the watch limit: polled
	lost      map[string]os.FileInfo // tracked files removed, maybe renamed later
	lostSums  map[string]Sum         // their sums, when known
}

// dirSnapshot is what a poll last saw of an unwatched folder's articles and
// sub-folders.
type dirSnapshot map[string]fileStamp

// fileStamp tells a file's versions apart without reading it.
type fileStamp struct {
	size  int64
	mtime time.Time
	dir   bool
}

// Timing of the watcher.
const (
	// maxDelay caps how long a change waits in a burst, so that steady
	// activity (a build writing articles) cannot hold reports back.
	maxDelay = time.Second
	// defaultSettle is how long a lone change waits for the rest of the
	// same write (a truncate followed by the write, a rename pair).
	defaultSettle = 8 * time.Millisecond
	// defaultQuiet is the debounce of a burst.
	defaultQuiet = 100 * time.Millisecond
	// defaultPoll is how often folders beyond the watch limit are
	// rescanned.
	defaultPoll = 2 * time.Second
)

// Watch starts watching root recursively (hidden folders and node_modules
// are left out, as in Scan). quiet is how long a burst of changes must pause
// before it is sent as a batch; 0 means 100 ms. A lone change does not wait
// for it.
func Watch(root string, quiet time.Duration) (*Watcher, error) {
	return watchWith(root, quiet, watchOptions{})
}

// watchOptions are the parts of a Watcher tests replace.
type watchOptions struct {
	add  func(fw *fsnotify.Watcher, dir string) error // watches one folder
	poll time.Duration                                // rescan period beyond the watch limit
}

// watchWith is Watch with test options.
func watchWith(root string, quiet time.Duration, opt watchOptions) (*Watcher, error) {
	if quiet <= 0 {
		quiet = defaultQuiet
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w := &Watcher{fs: fw, root: abs, quiet: quiet, settle: min(defaultSettle, quiet), poll: defaultPoll,
		batches: make(chan []Change, 16), errs: make(chan error, 16), done: make(chan struct{}),
		expected: map[string]Sum{}, tracked: map[string]os.FileInfo{},
		dirs: map[string]bool{}, reals: map[string]bool{}, unwatched: map[string]dirSnapshot{}, lost: map[string]os.FileInfo{},
		sums: map[string]Sum{}, lostSums: map[string]Sum{}}
	w.add = fw.Add
	if opt.add != nil {
		w.add = func(dir string) error { return opt.add(fw, dir) }
	}
	if opt.poll > 0 {
		w.poll = opt.poll
	}
	info, err := os.Stat(abs)
	if err == nil && !info.IsDir() {
		err = errors.New("not a folder")
	}
	if err == nil {
		err = w.add(abs)
	}
	if err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w.forget(abs) // added again by addTree
	w.addTree(abs)
	go w.loop()
	return w, nil
}

// Changes delivers batches of changed Markdown files, each path once, in
// path order. It is closed by Close.
func (w *Watcher) Changes() <-chan []Change { return w.batches }

// Errors delivers problems the watcher met (a folder it could not watch,
// the system's event queue overflowing, the watch limit reached); watching
// goes on. It is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Limited returns the error wrapping ErrWatchLimit when some folders are
// rescanned periodically instead of watched, or nil.
func (w *Watcher) Limited() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.limited
}

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

// Track asks the watcher to follow the file at path (an open article)
// through renames by other programs: a batch that removes it and creates
// the same file (same inode) under another name reports the new name with
// Change.From set. Tracking follows the file to its new name.
func (w *Watcher) Track(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	info, err := os.Stat(abs)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		delete(w.tracked, abs)
		return
	}
	w.tracked[abs] = info
	delete(w.sums, abs)
}

// TrackSum is Track that also follows a rename by content: a batch (or a
// later one) that removes the file and creates one with another inode
// holding exactly the bytes whose Sum is sum (what the article loaded)
// reports that one as the file renamed, as a `git checkout` of a rename
// does (it deletes and writes anew).
func (w *Watcher) TrackSum(path string, sum Sum) {
	w.Track(path)
	if sum.IsZero() {
		return
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.tracked[abs]; ok {
		w.sums[abs] = sum
	}
}

// Untrack stops following the file at path.
func (w *Watcher) Untrack(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		w.mu.Lock()
		delete(w.tracked, abs)
		delete(w.sums, abs)
		w.mu.Unlock()
	}
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

// forget removes dir from the watched set, so addTree adds it afresh.
func (w *Watcher) forget(dir string) { delete(w.dirs, dir) }

// addTree watches dir and its sub-folders, following symbolic links to
// folders once each, and returns the Markdown files found in them (for a
// folder that appeared after watching began). A folder beyond the watch
// limit is polled instead.
func (w *Watcher) addTree(dir string) []string {
	var files []string
	w.addDir(dir, &files)
	return files
}

func (w *Watcher) addDir(dir string, files *[]string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	if w.reals[real] || w.dirs[dir] {
		return // a loop, or a folder reached twice
	}
	if err := w.add(dir); err != nil {
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
			w.limit()
			snap, sub := snapshot(dir)
			w.unwatched[dir] = snap
			for _, f := range sub.files {
				*files = append(*files, f)
			}
			w.reals[real] = true
			for _, d := range sub.dirs {
				w.addDir(d, files)
			}
			return
		}
		w.report(fmt.Errorf("watch %s: %w", dir, err))
		return
	}
	w.dirs[dir] = true
	w.reals[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.report(fmt.Errorf("watch %s: %w", dir, err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if skipName(name) {
			continue
		}
		p := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				continue
			}
			typ = info.Mode().Type()
		}
		switch {
		case typ.IsDir():
			w.addDir(p, files)
		case IsMarkdown(name):
			*files = append(*files, p)
		}
	}
}

// limit records, and reports once, that the watch limit was reached.
func (w *Watcher) limit() {
	w.mu.Lock()
	first := w.limited == nil
	if first {
		w.limited = fmt.Errorf("watch %s: the system's limit on watched folders is reached; folders beyond it are checked for changes every %v: %w", w.root, w.poll, ErrWatchLimit)
	}
	err := w.limited
	w.mu.Unlock()
	if first {
		w.report(err)
	}
}

// listing is what snapshot found in a folder.
type listing struct{ files, dirs []string }

// snapshot stamps the Markdown files and sub-folders of dir.
func snapshot(dir string) (dirSnapshot, listing) {
	snap := dirSnapshot{}
	var l listing
	entries, err := os.ReadDir(dir)
	if err != nil {
		return snap, l
	}
	for _, e := range entries {
		name := e.Name()
		if skipName(name) {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Stat(p) // follows links
		if err != nil {
			continue
		}
		switch {
		case info.IsDir():
			snap[name] = fileStamp{dir: true}
			l.dirs = append(l.dirs, p)
		case IsMarkdown(name):
			snap[name] = fileStamp{size: info.Size(), mtime: info.ModTime()}
			l.files = append(l.files, p)
		}
	}
	return snap, l
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // nobody listening: drop rather than block the watcher
	}
}

// loop collects events and sends batches: a lone change after settle, a
// burst after quiet (or maxDelay after its first change). Changes within
// quiet of a batch are part of a burst, but for the first lone one.
func (w *Watcher) loop() {
	defer close(w.errs)
	defer close(w.batches)
	pending := map[string]bool{} // path → is a removed watched folder
	// cool: until then (quiet after a batch), changes count as a burst,
	// except the first lone change (quick == 0): a single write that
	// follows a batch closely (the rest of an editor's save, an agent's
	// second write) is sent after settle too.
	var deadline, cool time.Time
	quick := 0 // lone batches sent after settle while cool
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var pollC <-chan time.Time // nil (never ready) unless folders are polled
	var ticker *time.Ticker
	defer func() {
		if ticker != nil {
			ticker.Stop()
		}
	}()
	arm := func() {
		now := time.Now()
		if deadline.IsZero() {
			deadline = now.Add(maxDelay)
		}
		wait := w.settle
		if len(pending) > 1 || (now.Before(cool) && quick > 0) {
			wait = w.quiet
		}
		timer.Reset(max(0, min(wait, deadline.Sub(now))))
	}
	for {
		if pollC == nil && len(w.unwatched) > 0 {
			ticker = time.NewTicker(w.poll)
			pollC = ticker.C
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.note(ev, pending) {
				arm()
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				err = fmt.Errorf("watch %s: too many changes at once; rescan the folder: %w", w.root, err)
			}
			w.report(err)
		case <-pollC:
			if w.rescan(pending) {
				arm()
			}
		case <-timer.C:
			// Take what is already queued: the rest of a rename pair or a
			// write must not wait for the next batch.
			for drained := false; !drained; {
				select {
				case ev, ok := <-w.fs.Events:
					if !ok {
						return
					}
					w.note(ev, pending)
				default:
					drained = true
				}
			}
			deadline = time.Time{}
			now := time.Now()
			switch {
			case !now.Before(cool):
				quick = 0 // the folder was quiet: not part of a burst
			case len(pending) <= 1:
				quick++
			}
			cool = now.Add(w.quiet)
			if batch := w.flush(pending); len(batch) > 0 {
				select {
				case w.batches <- batch:
				case <-w.done:
					return
				}
			}
			clear(pending)
		}
	}
}

// note records one event and reports whether it concerns articles: new
// folders are watched (and their Markdown files reported), a watched
// folder that goes away is reported as a folder, Markdown files are marked
// changed (whether they still exist is decided when the batch is sent).
func (w *Watcher) note(ev fsnotify.Event, pending map[string]bool) bool {
	name := filepath.Base(ev.Name)
	if skipName(name) {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		_, polled := w.unwatched[ev.Name]
		if w.dirs[ev.Name] || polled {
			w.dropFolder(ev.Name)
			pending[ev.Name] = true
			return true
		}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			files := w.addTree(ev.Name)
			for _, f := range files {
				pending[f] = false
			}
			return len(files) > 0
		}
	}
	if !IsMarkdown(name) {
		return false
	}
	if _, ok := pending[ev.Name]; !ok {
		pending[ev.Name] = false
	}
	return true
}

// dropFolder forgets a watched or polled folder and those under it.
func (w *Watcher) dropFolder(dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			delete(w.dirs, d)
			if real, err := filepath.EvalSymlinks(d); err == nil {
				delete(w.reals, real)
			}
		}
	}
	for d := range w.unwatched {
		if d == dir || strings.HasPrefix(d, prefix) {
			delete(w.unwatched, d)
		}
	}
	// Real paths of folders that no longer exist cannot be resolved: drop
	// those that are gone.
	for r := range w.reals {
		if r == dir || strings.HasPrefix(r, prefix) {
			delete(w.reals, r)
		}
	}
}

// rescan compares the polled folders with their last snapshots and marks
// what changed; it reports whether anything did.
func (w *Watcher) rescan(pending map[string]bool) bool {
	changed := false
	for dir, old := range w.unwatched {
		if _, err := os.Stat(dir); err != nil {
			w.dropFolder(dir)
			pending[dir] = true
			changed = true
			continue
		}
		snap, _ := snapshot(dir)
		w.unwatched[dir] = snap
		for name, st := range snap {
			if prev, ok := old[name]; !ok || prev != st {
				p := filepath.Join(dir, name)
				if st.dir {
					if !ok {
						for _, f := range w.addTree(p) {
							pending[f] = false
							changed = true
						}
					}
					continue
				}
				pending[p] = false
				changed = true
			}
		}
		for name, st := range old {
			if _, ok := snap[name]; !ok {
				p := filepath.Join(dir, name)
				if st.dir {
					w.dropFolder(p)
				}
				pending[p] = st.dir
				changed = true
			}
		}
	}
	return changed
}

// flush turns pending paths into a sorted batch: files that no longer
// exist are marked removed, the echo of Folio's own writes is dropped and
// tracked files renamed by another program are followed.
func (w *Watcher) flush(pending map[string]bool) []Change {
	batch := make([]Change, 0, len(pending))
	var created []int
	for p, folder := range pending {
		c := Change{Path: p, Folder: folder, Removed: folder}
		if !folder {
			if _, err := os.Stat(p); err != nil && errors.Is(err, fs.ErrNotExist) {
				c.Removed = true
			} else if w.isEcho(p) {
				continue
			}
		}
		batch = append(batch, c)
	}
	sort.Slice(batch, func(i, j int) bool { return batch[i].Path < batch[j].Path })
	for i, c := range batch {
		if !c.Removed {
			created = append(created, i)
		}
	}
	w.follow(batch, created)
	return batch
}

// follow sets Change.From on the files of a batch that are tracked files
// renamed: the same inode under a new name, or (TrackSum) a new file of
// the same size holding exactly the tracked content.
func (w *Watcher) follow(batch []Change, created []int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, c := range batch {
		if info, ok := w.tracked[c.Path]; ok && c.Removed {
			w.lost[c.Path] = info
			if sum, ok := w.sums[c.Path]; ok {
				w.lostSums[c.Path] = sum
			}
			delete(w.tracked, c.Path)
			delete(w.sums, c.Path)
		}
	}
	if len(w.lost) == 0 {
		return
	}
	for _, i := range created {
		info, err := os.Stat(batch[i].Path)
		if err != nil {
			continue
		}
		if old, ok := w.renamedFrom(batch[i].Path, info); ok {
			batch[i].From = old
			w.tracked[batch[i].Path] = info
			if sum, ok := w.lostSums[old]; ok {
				w.sums[batch[i].Path] = sum
			}
			delete(w.lost, old)
			delete(w.lostSums, old)
		}
	}
}

// renamedFrom is the lost tracked file that the file at path (info) is:
// the same inode, else the same size and content Sum. A file back under
// its own name is reported too (From is Path): it is tracked again.
func (w *Watcher) renamedFrom(path string, info os.FileInfo) (string, bool) {
	for old, was := range w.lost {
		if os.SameFile(was, info) {
			return old, true
		}
	}
	var data []byte
	read := false
	for old, was := range w.lost {
		sum, ok := w.lostSums[old]
		if !ok || was.Size() != info.Size() {
			continue
		}
		if !read {
			read = true
			var err error
			if data, _, err = Read(path); err != nil {
				return "", false
			}
		}
		if SumOf(data) == sum {
			return old, true
		}
	}
	return "", false
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
