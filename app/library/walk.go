package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"folio/editor/document"
)

// MaxSize is the largest file Folio reads as an article; a larger Markdown
// file is reported with ErrTooLarge and not parsed.
const MaxSize = 16 << 20

// Errors a File or Summary can carry instead of (or besides) a parse error.
var (
	// ErrTooLarge marks a file larger than MaxSize; it is not read.
	ErrTooLarge = errors.New("file larger than 16 MB, not read")
	// ErrBinary marks a file with a NUL byte; it is not parsed. It is
	// document.ErrBinary: the folder scan, the command line and the app
	// apply the one rule of document.CheckText (binary, UTF-16/32 and
	// invalid UTF-8 files are read-only).
	ErrBinary = document.ErrBinary
	// ErrNotRegular marks a path with a Markdown name that is not a regular
	// file (a FIFO, a device, a dangling symbolic link).
	ErrNotRegular = errors.New("not a regular file")
)

// errWouldBlock is a read that refused to wait for the disk (see
// readFirst): the file is handed to a reader that may wait.
var errWouldBlock = errors.New("read would wait for the disk")

// File is one Markdown file found under a folder, read and parsed. It is
// what Visit hands to its callback.
type File struct {
	// Path is the file's path relative to the scanned folder, with forward
	// slashes.
	Path string
	// Abs is the file's path on disk (the folder joined with Path).
	Abs string
	// Data is the file's content. It is nil when the file could not be
	// read, is too large or is binary (see Err).
	Data []byte
	// Doc is the parsed article. It is nil when Data is nil; when the front
	// matter is malformed it is still set (its text is readable) and Err is
	// a *document.ParseError.
	Doc *document.Document
	// Err is why the file could not be read or parsed, or nil.
	Err error
	// Modified is the file's modification time when it was read (zero
	// when it could not be opened).
	Modified time.Time
	// size and ino are the file's size and inode when it was read (see
	// fileStat).
	size int64
	ino  uint64

	// rest is where the bytes the read left unchecked start (a head-only
	// read, see loadHead): Data and Doc are then the file's front matter,
	// and whether the rest is text is known only once it is read (see
	// Index.CheckRest). 0 when the whole file was read.
	rest int64
	// wouldBlock is set when the file was not read because its first
	// bytes must come from the disk (see searchReader.nowait).
	wouldBlock bool
	// quick is set when the front matter was read by quickFrontMatter:
	// Doc is nil, and format and fields are what it would give.
	quick  bool
	format document.Format
	fields []document.Field
	// body is the file's body when fromHead read the whole file (hasBody);
	// Doc is then nil or the parse of Data, which ends before the body.
	body    []byte
	hasBody bool
	// scratch is the worker's memory for quickFrontMatter (nil: none).
	scratch *headScratch
	// interned reports that every short string of fields is its scan's
	// interner's already (they come from a scratch that interns).
	interned bool
}

// IsMarkdown reports whether name has a Markdown extension (.md or
// .markdown, in any case).
func IsMarkdown(name string) bool {
	ext := path.Ext(name)
	return strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".markdown")
}

// skipName reports whether a folder or file entry is left out of a scan:
// hidden names (.git, .obsidian, editor lock files) and node_modules.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

// Visit finds every Markdown file under root, reads and parses each on a
// pool of GOMAXPROCS workers, and returns fn's result for each file, in the
// order of the files' slash-separated relative paths.
//
// Hidden folders and files (names starting with a dot) and node_modules
// folders are skipped. Symbolic links to files and folders are followed,
// except a link to a folder that is already being walked (a loop). A file
// that cannot be read, is binary or has broken front matter is still handed
// to fn, with File.Err set; a folder that cannot be listed is handed to fn
// as a File whose Path ends in "/" and whose Err says why. Visit itself
// fails only when root cannot be listed or ctx is done.
//
// fn runs concurrently on several goroutines. f, f.Data and f.Doc are
// valid only during the call: each worker reads file after file into the
// same File and buffer. fn must copy what it keeps; the strings of a
// document's Fields are the parser's own and may be kept (Summarize keeps
// them).
func Visit[T any](ctx context.Context, root string, fn func(f *File) T) ([]T, error) {
	var vals []T
	err := Stream(ctx, root, fn, func(v T) { vals = append(vals, v) })
	if err != nil {
		return nil, err
	}
	return vals, nil
}

// streamWindow caps how many files Stream has handed to workers but not
// yet delivered, so that one slow file does not make the others pile up.
const streamWindow = 1024

// Stream is Visit delivering each result as soon as it and every result
// before it (in path order) are ready, so a list can fill while the folder
// is read: out is called on the calling goroutine, once per file, in the
// order of the files' slash-separated relative paths. fn runs as in Visit.
// Stream returns when every file was delivered, or with an error when root
// cannot be listed or ctx is done.
func Stream[T any](ctx context.Context, root string, fn func(f *File) T, out func(T)) error {
	return stream(ctx, root, readWhole, nil, fn, out)
}

// readMode is how stream's workers read and parse files.
type readMode uint8

const (
	// readWhole reads whole files and parses them (load).
	readWhole readMode = iota
	// readHeads reads a file larger than headSize only that far when its
	// front matter is within it (see loadHead).
	readHeads
	// readQuick reads whole files and parses their front matter with
	// quickFrontMatter when it can (see loadQuick).
	readQuick
)

// stream is Stream reading files as mode says.
func stream[T any](ctx context.Context, root string, mode readMode, in *interner, fn func(f *File) T, out func(T)) error {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("scan %s: %w", root, err)
	}
	info, err := os.Stat(realRoot)
	if err != nil {
		return fmt.Errorf("scan %s: %w", root, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("scan %s: not a folder", root)
	}

	type job struct {
		seq      int
		rel, abs string
		err      error   // the walk already knows the file is unreadable
		dir      *dirRef // the file's folder, kept open by the walk (nil: none)
	}
	type result struct {
		seq int
		val T
	}

	jobs := make(chan job, 256)
	results := make(chan result, 256)
	window := make(chan struct{}, streamWindow)

	// A worker whose file must come from the disk (mode readHeads: see
	// searchReader.nowait) hands it to slow and reads the next. A job on
	// slow keeps its window token and folder reference, so slow never
	// holds more than streamWindow jobs.
	slow := newSlowPool[job](streamWindow)
	var cold *coldFolder // set in mode readHeads, where workers refuse to wait
	if mode == readHeads && nowaitReads {
		cold = new(coldFolder)
	}
	var work func(src <-chan job, nowait bool)
	slow.read = func(jobs <-chan job) { work(jobs, false) }
	work = func(src <-chan job, nowait bool) {
		var buf []byte // this worker's read buffer, reused file after file
		var sc *headScratch
		if mode != readWhole {
			sc = newHeadScratch(in)
		}
		rd := newSearchReader()
		defer rd.close()
		rd.nowait = nowait && mode == readHeads && nowaitReads
		var f File // file after file: not one allocation each
		for j := range src {
			if ctx.Err() != nil {
				j.dir.release()
				continue // drain
			}
			f = File{Path: j.rel, Abs: j.abs, Err: j.err, scratch: sc}
			if j.dir != nil {
				rd.borrow(j.dir.path, j.dir.fd)
			}
			switch {
			case f.Err != nil:
			case mode == readHeads:
				buf = loadHead(&f, rd, buf)
			case mode == readQuick:
				buf = loadQuick(&f, rd, buf)
			default:
				buf = load(&f, rd, buf)
			}
			if j.dir != nil {
				rd.unborrow()
			}
			if rd.nowait {
				cold.count(f.wouldBlock)
			}
			if f.wouldBlock {
				slow.hand(j) // with its folder's reference
				continue
			}
			j.dir.release()
			results <- result{j.seq, fn(&f)}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(jobs, true)
		}()
	}

	var rootErr error
	go func() {
		seq := 0
		w := walker{ctx: ctx, stack: []string{realRoot}, keepDirs: streamKeepsDirs, cold: cold}
		w.emit = func(rel, abs string, err error) {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			d := w.dir
			if err != nil {
				d = nil
			}
			d.acquire()
			select {
			case jobs <- job{seq, rel, abs, err, d}:
				seq++
			case <-ctx.Done():
				d.release()
			}
		}
		rootErr = w.walk(filepath.Clean(root), "") // clean: joinName keeps its children's paths clean
		w.closePrefetch()
		close(jobs)
		wg.Wait() // no worker hands a file to slow any more
		slow.close()
		close(results)
	}()

	// Deliver in walk order, which is path order (see walker.walk). The
	// window holds the results not yet delivered: a job is sent only with
	// a token of it, which the delivery returns, so every result's seq is
	// within streamWindow of next and has a slot of its own in the ring.
	var ring [streamWindow]struct {
		val   T
		ready bool
	}
	var zero T
	next := 0
	for r := range results {
		ring[r.seq%streamWindow].val, ring[r.seq%streamWindow].ready = r.val, true
		for slot := &ring[next%streamWindow]; slot.ready; slot = &ring[next%streamWindow] {
			v := slot.val
			slot.val, slot.ready = zero, false // no row kept alive by the ring
			next++
			<-window
			if ctx.Err() == nil {
				out(v)
			}
		}
	}

	if err := ctx.Err(); err != nil {
		return fmt.Errorf("scan %s: %w", root, err)
	}
	if rootErr != nil {
		return fmt.Errorf("scan %s: %w", root, rootErr)
	}
	return nil
}

// walker lists a folder tree depth first and emits every Markdown file.
type walker struct {
	ctx   context.Context
	stack []string // real paths of the folders being walked, root first
	emit  func(rel, abs string, err error)

	// keepDirs keeps each folder open while its files are read (see
	// dirRef); dir is the folder whose files are emitted, nil when not
	// kept.
	keepDirs bool
	dir      *dirRef
	open     atomic.Int32 // folders kept open

	list listScratch // listDirKept's memory, folder after folder

	// cold, when set, tells when the folder's files must come from the
	// disk: the walk then lists the folders it comes to next ahead of
	// itself, on prefetch's goroutines (see dirPrefetch), which the
	// walk's owner closes.
	cold     *coldFolder
	prefetch *dirPrefetch
}

// lookAhead hands w's prefetch the subfolders among the entries of the
// folder abs up to prefetchAhead after entries[i], the one the walk goes
// into now, once the folder is found cold; *ahead is where the last call
// stopped.
func (w *walker) lookAhead(abs string, entries []os.DirEntry, i int, ahead *int) {
	if w.prefetch == nil {
		if w.cold == nil || !w.cold.cold() {
			return
		}
		w.prefetch = newDirPrefetch()
	}
	if *ahead <= i {
		*ahead = i + 1
	}
	for ; *ahead < len(entries) && *ahead <= i+prefetchAhead; *ahead++ {
		if e := entries[*ahead]; e.IsDir() && !skipName(e.Name()) {
			w.prefetch.submit(joinName(abs, e.Name()))
		}
	}
}

// closePrefetch stops the listers of a cold walk (see lookAhead).
func (w *walker) closePrefetch() {
	if coldWalkTest != nil {
		coldWalkTest(w.prefetch != nil)
	}
	if w.prefetch != nil {
		w.prefetch.close()
	}
}

// wouldBlockTest, when set, makes a load's or a search's worker's read of
// the files it is true of refuse as if their bytes were on the disk
// (errWouldBlock), for tests of the hand-over to slow readers on any file
// system.
var wouldBlockTest func(abs string) bool

// coldWalkTest, when set, is told at the end of a load's or a search's
// walk whether it listed folders ahead (see dirPrefetch), for tests.
var coldWalkTest func(listedAhead bool)

// nowaitReads makes the workers of a load (stream) and of a search hand
// the files that must come from the disk to slow readers (see
// maxSlowReaders); off, each worker waits for its file (the benchmarks'
// peer).
var nowaitReads = true

// streamKeepsDirs makes stream's walk keep folders open for their files'
// readers (see dirRef); off, each reader opens the folder itself (the
// benchmarks' peer).
var streamKeepsDirs = true

// maxOpenDirs caps the folders a walk keeps open at once (a tree of page
// bundles has a folder per article); beyond it files are opened by path.
const maxOpenDirs = 256

// dirRef is a folder a walk keeps open while its files are read: they are
// opened relative to it (openat), sparing the kernel the lookup of the
// folder's path for every file, and each worker an open of the folder.
// It is closed when the walk and every file's reader released it.
type dirRef struct {
	fd   int
	path string // the folder's path, ending in a separator
	refs atomic.Int32
	open *atomic.Int32 // the walk's count of open folders
}

// acquire takes a reference for one file's reader (nil: no folder).
func (d *dirRef) acquire() {
	if d != nil {
		d.refs.Add(1)
	}
}

// release drops a reference, closing the folder with the last.
func (d *dirRef) release() {
	if d != nil && d.refs.Add(-1) == 0 {
		closeDirFD(d.fd)
		d.open.Add(-1)
	}
}

// readDir lists the folder abs in name order, as os.ReadDir does, and
// keeps it open for its files' readers when the walk keeps folders (see
// dirRef; the caller releases it).
func (w *walker) readDir(abs string) ([]os.DirEntry, *dirRef, error) {
	if !w.keepDirs || w.open.Load() >= maxOpenDirs {
		entries, err := os.ReadDir(abs)
		return entries, nil, err
	}
	entries, fd, err := listDirKept(w.dir, abs, &w.list)
	if fd < 0 {
		return entries, nil, err
	}
	x := filepath.Join(abs, "x") // the folder's files' paths start as x does
	d := &dirRef{fd: fd, path: x[:len(x)-1], open: &w.open}
	d.refs.Store(1)
	w.open.Add(1)
	return entries, d, err
}

// walk lists the folder abs (rel relative to the root, "" for the root).
// It returns an error only for the root; a subfolder that cannot be listed
// is emitted as an entry with an error.
func (w *walker) walk(abs, rel string) error {
	entries, dir, err := w.readDir(abs)
	parent := w.dir
	w.dir = dir
	defer func() {
		w.dir = parent
		dir.release()
	}()
	if err != nil {
		if rel == "" {
			return err
		}
		w.dir = nil
		w.emit(rel+"/", abs, fmt.Errorf("list folder: %w", err))
		w.dir = dir
	}
	sortForPaths(abs, entries)
	ahead := 0 // see lookAhead
	for i, e := range entries {
		if w.ctx.Err() != nil {
			return nil
		}
		name := e.Name()
		if skipName(name) {
			if IsTemp(name) {
				removeIfStale(filepath.Join(abs, name)) // left by a killed save
			}
			continue
		}
		childAbs := joinName(abs, name)
		childRel := name
		switch {
		case rel == "":
		case filepath.Separator == '/' && len(childAbs) == len(abs)+1+len(name):
			// abs ends in "/" + rel, so childAbs in "/" + rel + "/" +
			// name: the relative path is its end (one string a file,
			// not two; a row keeps a copy of its path, not this).
			childRel = childAbs[len(childAbs)-len(rel)-1-len(name):]
		default:
			childRel = rel + "/" + name
		}
		typ := e.Type()
		real := ""
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(childAbs)
			if err != nil {
				if IsMarkdown(name) {
					w.emit(childRel, childAbs, fmt.Errorf("%w: %w", ErrNotRegular, err))
				}
				continue
			}
			typ = info.Mode().Type()
			if !typ.IsDir() && IsMarkdown(name) {
				if err := checkLinkTarget(childAbs); err != nil {
					w.emit(childRel, childAbs, err)
					continue
				}
			}
			if typ.IsDir() {
				if real, err = filepath.EvalSymlinks(childAbs); err != nil {
					continue
				}
				if slices.Contains(w.stack, real) || IsSystemPath(real) {
					continue // a loop back to a folder being walked, or /proc
				}
			}
		}
		switch {
		case typ.IsDir():
			if real == "" {
				real = filepath.Join(w.stack[len(w.stack)-1], name)
			}
			w.stack = append(w.stack, real)
			w.lookAhead(abs, entries, i, &ahead)
			w.walk(childAbs, childRel)
			w.stack = w.stack[:len(w.stack)-1]
			w.dir = dir
		case !IsMarkdown(name):
		case typ.IsRegular():
			w.emit(childRel, childAbs, nil)
		default:
			w.emit(childRel, childAbs, ErrNotRegular)
		}
	}
	return nil
}

// joinName is filepath.Join(dir, name) for a clean dir and a name read
// from that folder (never "", ".", ".." nor holding a separator), without
// cleaning the joined path again: a walk joins every file's path, and
// Join's Clean of the whole path was a good part of the walk's CPU.
func joinName(dir, name string) string {
	if dir == "" || dir == "." || os.IsPathSeparator(dir[len(dir)-1]) || dir[len(dir)-1] == ':' {
		return filepath.Join(dir, name) // the root, ".", a volume: Join knows
	}
	return dir + string(filepath.Separator) + name
}

// sortForPaths orders a folder's entries so that walking them depth first
// visits files in the order of their slash-separated paths: a folder sorts
// as its name followed by "/" ("a.md" < "a/b.md" < "a0.md"), a symbolic
// link as what it points to.
func sortForPaths(dir string, entries []os.DirEntry) {
	type keyed struct {
		key string
		e   os.DirEntry
	}
	var ks []keyed
	for i, e := range entries {
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(filepath.Join(dir, e.Name())); err == nil {
				isDir = info.IsDir()
			}
		}
		if isDir && ks == nil {
			ks = make([]keyed, len(entries))
			for j := range i {
				ks[j] = keyed{entries[j].Name(), entries[j]}
			}
		}
		if ks != nil {
			k := e.Name()
			if isDir {
				k += "/"
			}
			ks[i] = keyed{k, e}
		}
	}
	if ks == nil {
		return // no folders: os.ReadDir's name order is path order
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i, k := range ks {
		entries[i] = k.e
	}
}

// load reads f.Abs with rd into f.Data and parses it into f.Doc, setting
// f.Err on failure. It reads into buf when the file fits and returns the
// buffer to use for the next file.
func load(f *File, rd *searchReader, buf []byte) []byte {
	data, st, err := rd.readStat(f.Abs, buf)
	f.setStat(st)
	if err != nil {
		f.Err = withoutPath(err)
		return buf
	}
	parse(f, data)
	return data[:0]
}

// headSize is how much of a file the Index's load reads first: front
// matter is mostly well within it, and the rest of the file (most of a
// usual article) is neither copied nor checked before the row is shown.
const headSize = 4 << 10

// loadHead is load reading only the first headSize bytes of a larger file
// when they hold its whole front matter (see fromHead). Otherwise the
// whole file is read, as load does.
func loadHead(f *File, rd *searchReader, buf []byte) []byte {
	if rd.nowait && wouldBlockTest != nil && wouldBlockTest(f.Abs) {
		f.wouldBlock = true
		return buf
	}
	data, st, whole, err := rd.readHead(f.Abs, buf, headSize)
	if err == errWouldBlock {
		f.wouldBlock = true // nothing read: for a reader that may wait (see stream)
		return buf
	}
	f.setStat(st)
	if err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
		}
		f.Err = err
		return buf
	}
	switch {
	case fromHead(f, data, whole):
	case whole:
		parse(f, data)
	default:
		return load(f, rd, data) // not sure from the head: read it all
	}
	return data[:0]
}

// loadQuick is load reading the front matter with quickFrontMatter when
// it can (see fromHead), and keeping the body in f.body.
func loadQuick(f *File, rd *searchReader, buf []byte) []byte {
	data, st, err := rd.readStat(f.Abs, buf)
	f.setStat(st)
	if err != nil {
		f.Err = withoutPath(err)
		return buf
	}
	if !fromHead(f, data, true) {
		parse(f, data)
	}
	return data[:0]
}

// fromHead sets f from data, the first bytes of the file (all of them when
// whole), when the front matter is within data (see parseHead; flat TOML
// and JSON are read by quickFrontMatter, and set f.quick): f.Data and
// f.Doc are then the front matter and the lines before it. Of a whole
// file, the rest is checked to be text; otherwise f.rest says where the
// unread bytes start (they may still turn out not to be text: see
// Index.CheckRest). It returns false, having set nothing, when the whole
// file must be read and parsed.
func fromHead(f *File, data []byte, whole bool) bool {
	cut := headCut(data)
	if cut == 0 {
		return false
	}
	format, fields, body, quick := quickFrontMatter(data[:cut], f.scratch)
	var doc *document.Document
	if !quick {
		var ok bool
		if doc, ok = parseHead(data, cut); !ok {
			return false
		}
		body = cut - len(doc.Body())
	}
	if whole && document.CheckText(data[cut:]) != nil {
		return false // the body is not text: the file's error
	}
	f.quick, f.format, f.fields = quick, format, fields
	f.interned = quick && format == document.YAML && f.scratch != nil && f.scratch.Intern != nil
	f.Doc, f.Data = doc, data[:cut]
	if whole {
		f.body, f.hasBody = data[body:], true
	} else {
		f.rest = int64(cut)
	}
	return true
}

// parseHead parses the beginning of a file, head[:cut] (cut from
// headCut), and reports whether what it found is what parsing the whole
// file finds, provided the whole file is text (document.CheckText): the
// front matter closes within it and parses without error, or the file has
// none (its first line that is not blank is in it and cannot open front
// matter). Only those lines are parsed (and so checked).
func parseHead(head []byte, cut int) (doc *document.Document, ok bool) {
	doc, err := document.Parse(head[:cut])
	if err != nil {
		return nil, false
	}
	if doc.Format() == document.None {
		// A front matter opening is looked for after blank lines and byte
		// order marks, and a JSON one after "{" and white space: sure only
		// when a line other than those starts in head, and not with "{".
		open := skipLeadBlank(head)
		if open >= cut || head[open] == '{' {
			return nil, false
		}
	}
	return doc, true
}

// headCut is where the lines of head to parse end: after the line that
// closes a front matter opened by "---" or "+++" (the first line that is
// the delimiter, or "..." for YAML, as document.Parse finds it), after
// the first line that is not blank when it opens none, after the last
// whole line otherwise (JSON, or no closing line in head); 0 when head
// holds no whole line. A wrong guess costs time, never a wrong row:
// parseHead checks what Parse found.
func headCut(head []byte) int {
	open := skipLeadBlank(head)
	nl := bytes.IndexByte(head[open:], '\n')
	if nl < 0 {
		return 0
	}
	first := bytes.TrimRight(head[open:open+nl], " \t\r")
	pos := open + nl + 1
	var delim, alt string
	switch string(first) {
	case "---":
		delim, alt = "---", "..."
	case "+++":
		delim, alt = "+++", "+++"
	default:
		if len(first) > 0 && first[0] == '{' {
			return bytes.LastIndexByte(head, '\n') + 1
		}
		return pos
	}
	for pos < len(head) {
		nl := bytes.IndexByte(head[pos:], '\n')
		if nl < 0 {
			break
		}
		l := head[pos : pos+nl]
		pos += nl + 1
		// Only a line that starts as a delimiter is trimmed and compared.
		if len(l) >= 3 && (l[0] == delim[0] || l[0] == alt[0]) {
			if l = bytes.TrimRight(l, " \t\r"); string(l) == delim || string(l) == alt {
				return pos
			}
		}
	}
	return bytes.LastIndexByte(head, '\n') + 1
}

// skipLeadBlank returns the offset of the first byte of src that is not a
// space, tab, line break or UTF-8 byte order mark (where document.Parse
// looks for the front matter's opening).
func skipLeadBlank(src []byte) int {
	pos := 0
	for pos < len(src) {
		switch {
		case src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\r' || src[pos] == '\n':
			pos++
		case bytes.HasPrefix(src[pos:], []byte{0xEF, 0xBB, 0xBF}):
			pos += 3
		default:
			return pos
		}
	}
	return pos
}

// parse sets f's Data and Doc from the file's bytes, or Err when they are
// not UTF-8 text (document.CheckText) or the front matter is malformed.
func parse(f *File, data []byte) {
	f.Doc, f.Err = document.Parse(data)
	if errors.Is(f.Err, document.ErrBinary) || errors.Is(f.Err, document.ErrNotUTF8) {
		f.Doc = nil
		return
	}
	f.Data = data
}

// readFile reads a whole file with one open, one fstat and as few reads as
// its size allows, refusing files larger than MaxSize.
func readFile(name string) ([]byte, error) { return readFileInto(name, nil) }

// readFileInto is readFile reading into buf's memory when it is large
// enough.
func readFileInto(name string, buf []byte) ([]byte, error) {
	data, _, err := readFileStat(name, buf)
	return data, err
}

// readFileStat is readFileInto also returning the file's stat, from the
// fstat it makes anyway.
func readFileStat(name string, buf []byte) ([]byte, fileStat, error) {
	f, err := openRead(name)
	if err != nil {
		return nil, fileStat{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fileStat{}, err
	}
	data, err := readOpen(f, info, buf)
	return data, statOf(info), err
}

// readOpen reads the open file f, whose fstat is info, as readFileInto.
func readOpen(f *os.File, info os.FileInfo, buf []byte) ([]byte, error) {
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	size := info.Size()
	if size > MaxSize {
		return nil, ErrTooLarge
	}
	// One byte more than the size, so that reaching EOF needs no second
	// buffer when the file did not grow.
	data := buf[:0]
	if int64(cap(data)) < size+1 {
		data = make([]byte, 0, size+1)
	}
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if size > 0 && int64(len(data)) == size {
			// All the bytes fstat announced: skip the read that would
			// only return EOF. (A file growing meanwhile is read as it
			// was when opened.)
			return data, nil
		}
		if len(data) > MaxSize {
			return nil, ErrTooLarge
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, 4096)
		}
	}
}

// withoutPath is a read error without its path, which the File already
// holds: the operation and the cause.
func withoutPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
