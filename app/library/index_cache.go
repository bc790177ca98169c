package library

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"folio/editor/document"
)

// The index cache keeps an Index's rows on disk between runs (as git's
// index or Obsidian's metadata cache do), so that a large folder's list is
// filled from it at once and only the files changed since are read again
// (see LoadCache and Validate).
//
// Its format, little-endian, all counts and lengths unsigned varints:
//
//	header   magic "FOLIOIX\n", format version (uint32), cacheSchema
//	         (uint32), when it was written (int64, Unix ns), CRC-32C of
//	         the body (uint32), length of the body (uint64)
//	body     the folder's absolute path (string)
//	         the string table: the bytes of all strings, then their count
//	         and lengths; string 0 is ""
//	         the front matter shapes: count, then per shape its key count
//	         and per key the key (string ref), type, kind and value count
//	         rows: count, total values, total tags, then per row:
//	         flags, path, format, title, date, category, description,
//	         bad date (string refs), words, minutes, line, modified (ns,
//	         zigzag), size, inode, error (kind, sentinel, message) when
//	         flagged, tags (count and refs), shape (0: none, else i+1) and
//	         the shape's values (refs)
//
// A string ref is the string's number in the table. The strings of all
// rows are decoded into one allocation (the table's bytes), shared as the
// Index's interner shares them; the values and tags of all rows into one
// slice.
const (
	cacheMagic = "FOLIOIX\n"
	// cacheFormat is the version of the layout above.
	cacheFormat = 1
	// cacheSchema is the version of what a Summary holds and how
	// summarize makes it: a cache of another version is ignored. Bump it
	// whenever a row of the same file would come out differently.
	cacheSchema = 1
	// cacheHeader is the header's size.
	cacheHeader = len(cacheMagic) + 4 + 4 + 8 + 4 + 8
	// racyWindow: a file modified this shortly before the cache was
	// written may have changed again within its timestamp's resolution
	// without its stat changing (git's racy-clean rule); it is read again.
	racyWindow = 2 * time.Second
)

// Row flags in the cache.
const (
	cacheFeatured = 1 << iota
	cacheDraft
	cacheCounted
	cacheStale // read again on validation whatever its stat
	cacheErr   // an error follows
	cacheNoMod // Modified is the zero time
)

// Error kinds and sentinels in the cache.
const (
	cacheErrPlain = iota
	cacheErrParse
)

var cacheSentinels = []error{nil, ErrBinary, document.ErrNotUTF8, ErrTooLarge, ErrNotRegular}

// errCacheInvalid is why a cache is ignored: not a cache, of another
// version or folder, truncated or corrupt.
var errCacheInvalid = errors.New("index cache not valid")

// cachedError is an error read back from the cache: its text, and the
// sentinel it wrapped (errors.Is still tells a binary file).
type cachedError struct {
	msg  string
	kind error
}

func (e *cachedError) Error() string { return e.msg }
func (e *cachedError) Unwrap() error { return e.kind }

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// CacheFile is the file, in the folder dir (Folio's own storage), of the
// index cache of the folder root: named by a hash of root's absolute path.
func CacheFile(dir, root string) string {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(dir, hex.EncodeToString(sum[:12])+".idx")
}

// cacheWriter builds a cache's body.
type cacheWriter struct {
	blob    []byte
	lens    []uint32
	ids     map[string]uint32
	rows    []byte
	scratch [binary.MaxVarintLen64]byte
}

// ref returns the number of s in the string table, adding it.
func (w *cacheWriter) ref(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := w.ids[s]; ok {
		return id
	}
	id := w.add(s)
	w.ids[s] = id
	return id
}

// add puts s in the table without looking for it (a path: each once).
func (w *cacheWriter) add(s string) uint32 {
	w.blob = append(w.blob, s...)
	w.lens = append(w.lens, uint32(len(s)))
	return uint32(len(w.lens) - 1)
}

func (w *cacheWriter) uvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// encodeCache returns the cache of the rows (sorted by Path) of the folder
// root, written at written; stale(i) marks a row to read again whatever
// its stat.
func encodeCache(root string, rows []Summary, stale func(i int) bool, written time.Time) []byte {
	w := &cacheWriter{ids: make(map[string]uint32, len(rows)), lens: make([]uint32, 1, 2*len(rows)+16)}
	shapes := map[*fmShape]uint32{}
	var shapeList []*fmShape
	totalVals, totalTags := 0, 0
	rb := make([]byte, 0, 48*len(rows))
	u := func(v uint64) { rb = binary.AppendUvarint(rb, v) }
	for i := range rows {
		s := &rows[i]
		flags := byte(0)
		if s.Featured {
			flags |= cacheFeatured
		}
		if s.Draft {
			flags |= cacheDraft
		}
		if s.Counted {
			flags |= cacheCounted
		}
		if s.Err != nil {
			flags |= cacheErr | cacheStale
		}
		if s.Modified.IsZero() {
			flags |= cacheNoMod | cacheStale
		}
		if stale != nil && stale(i) {
			flags |= cacheStale
		}
		rb = append(rb, flags)
		u(uint64(w.add(s.Path)))
		u(uint64(s.Format))
		u(uint64(w.ref(s.Title)))
		u(uint64(w.ref(s.Date)))
		u(uint64(w.ref(s.Category)))
		u(uint64(w.ref(s.Description)))
		u(uint64(w.ref(s.BadDate)))
		u(uint64(s.Words))
		u(uint64(s.ReadingMinutes))
		u(uint64(s.Line))
		if !s.Modified.IsZero() {
			rb = binary.AppendVarint(rb, s.Modified.UnixNano())
		}
		rb = binary.AppendVarint(rb, s.size)
		u(s.ino)
		if s.Err != nil {
			kind, msg := cacheErrPlain, s.Err.Error()
			if pe, ok := errors.AsType[*document.ParseError](s.Err); ok {
				kind, msg = cacheErrParse, pe.Msg
			}
			sentinel := 0
			for j, e := range cacheSentinels[1:] {
				if errors.Is(s.Err, e) {
					sentinel = j + 1
					break
				}
			}
			rb = append(rb, byte(kind), byte(sentinel))
			u(uint64(w.ref(msg)))
		}
		u(uint64(len(s.Tags)))
		for _, t := range s.Tags {
			u(uint64(w.ref(t)))
		}
		totalTags += len(s.Tags)
		sh := s.fm.shape
		if sh == nil {
			u(0)
			continue
		}
		id, ok := shapes[sh]
		if !ok {
			id = uint32(len(shapeList))
			shapes[sh] = id
			shapeList = append(shapeList, sh)
		}
		u(uint64(id) + 1)
		n := 0
		for _, k := range sh.nvals {
			n += int(k)
		}
		for j := range n {
			v := ""
			if j < len(s.fm.vals) {
				v = s.fm.vals[j]
			}
			u(uint64(w.ref(v)))
		}
		totalVals += n
	}
	// The shapes' keys go into the table before it is written.
	var sb []byte
	sb = binary.AppendUvarint(sb, uint64(len(shapeList)))
	for _, sh := range shapeList {
		sb = binary.AppendUvarint(sb, uint64(len(sh.keys)))
		for i, k := range sh.keys {
			sb = binary.AppendUvarint(sb, uint64(w.ref(k)))
			sb = append(sb, byte(sh.types[i]), byte(sh.kinds[i]))
			sb = binary.AppendUvarint(sb, uint64(sh.nvals[i]))
		}
	}

	body := make([]byte, 0, cacheHeader+len(root)+len(w.blob)+3*len(w.lens)+len(sb)+len(rb)+32)
	body = append(body, make([]byte, cacheHeader)...)
	body = binary.AppendUvarint(body, uint64(len(root)))
	body = append(body, root...)
	body = binary.AppendUvarint(body, uint64(len(w.blob)))
	body = append(body, w.blob...)
	body = binary.AppendUvarint(body, uint64(len(w.lens)))
	for _, l := range w.lens {
		body = binary.AppendUvarint(body, uint64(l))
	}
	body = append(body, sb...)
	body = binary.AppendUvarint(body, uint64(len(rows)))
	body = binary.AppendUvarint(body, uint64(totalVals))
	body = binary.AppendUvarint(body, uint64(totalTags))
	body = append(body, rb...)

	h := body[:0:cacheHeader]
	h = append(h, cacheMagic...)
	h = binary.LittleEndian.AppendUint32(h, cacheFormat)
	h = binary.LittleEndian.AppendUint32(h, cacheSchema)
	h = binary.LittleEndian.AppendUint64(h, uint64(written.UnixNano()))
	h = binary.LittleEndian.AppendUint32(h, crc32.Checksum(body[cacheHeader:], crcTable))
	binary.LittleEndian.AppendUint64(h, uint64(len(body)-cacheHeader))
	return body
}

// cacheReader reads a cache's body; the first error sticks, and every
// read after it returns zero values.
type cacheReader struct {
	b   []byte
	err error
}

func (r *cacheReader) fail() {
	if r.err == nil {
		r.err = errCacheInvalid
	}
	r.b = nil
}

func (r *cacheReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *cacheReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *cacheReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// count reads a count of items each taking at least min bytes of what is
// left (so that a corrupt count cannot ask for a huge allocation).
func (r *cacheReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/max(min, 1)) || n > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *cacheReader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// cached is a decoded cache.
type cached struct {
	rows    []Summary
	stale   []bool // per row: read again on validation
	written time.Time
}

// decodeCache decodes a cache of the folder root; any mismatch (magic,
// version, folder, checksum, length) or corruption is errCacheInvalid.
// It never panics, whatever data holds.
func decodeCache(data []byte, root string) (*cached, error) {
	if len(data) < cacheHeader || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, fmt.Errorf("%w: not an index cache", errCacheInvalid)
	}
	h := data[len(cacheMagic):]
	format, schema := binary.LittleEndian.Uint32(h), binary.LittleEndian.Uint32(h[4:])
	written := int64(binary.LittleEndian.Uint64(h[8:]))
	sum, size := binary.LittleEndian.Uint32(h[16:]), binary.LittleEndian.Uint64(h[20:])
	if format != cacheFormat || schema != cacheSchema {
		return nil, fmt.Errorf("%w: version %d.%d, not %d.%d", errCacheInvalid, format, schema, cacheFormat, cacheSchema)
	}
	body := data[cacheHeader:]
	if uint64(len(body)) != size {
		return nil, fmt.Errorf("%w: %d bytes, not %d", errCacheInvalid, len(body), size)
	}
	if crc32.Checksum(body, crcTable) != sum {
		return nil, fmt.Errorf("%w: checksum", errCacheInvalid)
	}
	r := &cacheReader{b: body}
	if string(r.bytes(r.count(1))) != root || r.err != nil {
		return nil, fmt.Errorf("%w: of another folder", errCacheInvalid)
	}
	// The string table: one allocation the rows' strings point into.
	blob := append([]byte(nil), r.bytes(r.count(1))...)
	nstr := r.count(1)
	strs := make([]string, nstr)
	off := 0
	for i := range strs {
		l := int(r.uvarint())
		if l < 0 || l > len(blob)-off {
			r.fail()
			break
		}
		if l > 0 {
			strs[i] = unsafe.String(&blob[off], l)
		}
		off += l
	}
	if r.err != nil || nstr == 0 || strs[0] != "" {
		return nil, errCacheInvalid
	}
	str := func() string {
		i := r.uvarint()
		if i >= uint64(len(strs)) {
			r.fail()
			return ""
		}
		return strs[i]
	}
	shapes := make([]*fmShape, r.count(4))
	for i := range shapes {
		nk := r.count(4)
		sh := &fmShape{keys: make([]string, nk), types: make([]document.FieldType, nk), kinds: make([]document.Kind, nk), nvals: make([]int32, nk)}
		for k := range nk {
			sh.keys[k] = str()
			sh.types[k] = document.FieldType(r.byte())
			sh.kinds[k] = document.Kind(r.byte())
			if sh.types[k] > document.TypeMixed || sh.kinds[k] > document.Map {
				r.fail()
			}
			nv := r.uvarint()
			if nv > uint64(len(r.b)) {
				r.fail()
			}
			sh.nvals[k] = int32(nv)
		}
		shapes[i] = sh
	}
	nrows := r.count(15) // a row takes 15 bytes at least
	totalVals, totalTags := r.count(0), r.count(0)
	if totalVals+totalTags > len(r.b) {
		r.fail()
	}
	if r.err != nil {
		return nil, errCacheInvalid
	}
	pool := make([]string, totalVals+totalTags)
	out := &cached{rows: make([]Summary, nrows), stale: make([]bool, nrows), written: time.Unix(0, written)}
	prev := ""
	for i := range out.rows {
		s := &out.rows[i]
		flags := r.byte()
		s.Path = str()
		if i > 0 && s.Path <= prev || s.Path == "" {
			r.fail() // not sorted: rows are found by binary search
		}
		prev = s.Path
		s.Format = document.Format(r.uvarint())
		s.Title, s.Date, s.Category, s.Description, s.BadDate = str(), str(), str(), str(), str()
		s.Words, s.ReadingMinutes, s.Line = int(r.uvarint()&math.MaxInt32), int(r.uvarint()&math.MaxInt32), int(r.uvarint()&math.MaxInt32)
		s.Featured, s.Draft, s.Counted = flags&cacheFeatured != 0, flags&cacheDraft != 0, flags&cacheCounted != 0
		out.stale[i] = flags&cacheStale != 0
		if flags&cacheNoMod == 0 {
			s.Modified = time.Unix(0, r.varint())
		}
		s.size = r.varint()
		s.ino = r.uvarint()
		if flags&cacheErr != 0 {
			kind, sentinel := r.byte(), int(r.byte())
			msg := str()
			if sentinel >= len(cacheSentinels) {
				r.fail()
				sentinel = 0
			}
			if kind == cacheErrParse {
				s.Err = &document.ParseError{Line: s.Line, Msg: msg, Err: cacheSentinels[sentinel]}
			} else {
				s.Err = &cachedError{msg: msg, kind: cacheSentinels[sentinel]}
			}
		}
		nt := int(r.uvarint())
		if nt > len(pool) {
			r.fail()
			nt = 0
		}
		tags := pool[:nt:nt]
		for j := range tags {
			tags[j] = str()
		}
		pool = pool[nt:]
		if nt > 0 {
			s.Tags = tags
		}
		id := r.uvarint()
		if id > uint64(len(shapes)) {
			r.fail()
			id = 0
		}
		if id > 0 {
			sh := shapes[id-1]
			n := 0
			for _, k := range sh.nvals {
				n += int(k)
			}
			if n > len(pool) {
				r.fail()
				n = 0
			}
			vals := pool[:n:n]
			for j := range vals {
				vals[j] = str()
			}
			pool = pool[n:]
			s.fm = frontMatter{shape: sh}
			if n > 0 {
				s.fm.vals = vals
			}
		}
		if r.err != nil {
			return nil, errCacheInvalid
		}
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errCacheInvalid, len(r.b))
	}
	return out, nil
}

// errUnvalidated is SaveCache's refusal to save rows that are still the
// cache's: saved with a new time, a racy file would not be read again.
var errUnvalidated = errors.New("the rows are the cache's, not validated yet")

// SaveCache writes the index's rows to the cache file (see CacheFile),
// atomically: a temporary file beside it, renamed over it. Rows whose
// rest a streamed load has not checked yet are marked to read again. It
// refuses while the rows are the cache's, not validated (see Cached).
func (ix *Index) SaveCache(file string) error {
	ix.mu.Lock()
	if ix.cache != nil || ix.validating != nil {
		ix.mu.Unlock()
		return fmt.Errorf("save index cache: %w", errUnvalidated)
	}
	rows := ix.rows
	var unchecked map[string]bool
	if len(ix.unchecked) > 0 {
		unchecked = make(map[string]bool, len(ix.unchecked))
		for _, u := range ix.unchecked {
			unchecked[u.path] = true
		}
	}
	ix.mu.Unlock()
	data := encodeCache(ix.root, rows, func(i int) bool { return unchecked[rows[i].Path] }, time.Now())
	if err := writeCacheFile(file, data); err != nil {
		return fmt.Errorf("save index cache: %w", err)
	}
	return nil
}

// writeCacheFile replaces file with data through a temporary file and a
// rename (not synced: a cache lost in a crash is read again).
func writeCacheFile(file string, data []byte) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, file)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// cacheState is what an Index loaded from its cache keeps until Validate
// runs: when the cache was written, and the rows it marked stale.
type cacheState struct {
	written time.Time
	stale   map[string]bool
}

// LoadCache fills the index from the cache file (see CacheFile) instead
// of reading the folder: at once, with the rows as they were when the
// cache was saved. Validate must follow, to read what changed since. It
// returns an error, leaving the index as it was, when there is no cache
// or it is not valid (another version, another folder, corrupt).
func (ix *Index) LoadCache(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("load index cache: %w", err)
	}
	c, err := decodeCache(data, ix.root)
	data = nil
	if err != nil {
		return fmt.Errorf("load index cache %s: %w", file, err)
	}
	st := &cacheState{written: c.written, stale: map[string]bool{}}
	for i := range c.rows {
		if c.stale[i] {
			st.stale[c.rows[i].Path] = true
		}
	}
	ix.mu.Lock()
	// The schema's counts are folded in when first needed (most of the
	// time LoadCache would take otherwise): the list is filled without
	// them.
	ix.rows, ix.counts, ix.unchecked, ix.cache = c.rows, nil, nil, st
	ix.changed()
	ix.mu.Unlock()
	return nil
}

// unfoldedCounts folds the schema counts of rows LoadCache or LoadStream
// set, if they are not folded yet, without holding ix.mu (Summaries and the others do
// not wait for them).
func (ix *Index) unfoldedCounts() {
	ix.mu.Lock()
	rows, folded := ix.rows, ix.counts != nil
	ix.mu.Unlock()
	if !folded {
		ix.foldCountsOf(rows)
	}
}

// countsOf folds rows into new schema counts.
func countsOf(rows []Summary) *schemaCounts {
	counts := newSchemaCounts()
	for i := range rows {
		counts.add(rows[i].Path, rows[i].fm, +1)
	}
	return counts
}

// foldCounts makes the schema counts of the rows if they are not made
// yet (LoadCache and LoadStream leave them to be made when needed); ix.mu
// must be held.
func (ix *Index) foldCounts() {
	if ix.counts == nil {
		ix.counts = countsOf(ix.rows)
	}
}

// foldCountsOf makes the schema counts of rows, the index's rows when
// read, without holding ix.mu, and keeps them when the rows are still
// those and their counts still not made.
func (ix *Index) foldCountsOf(rows []Summary) {
	counts := countsOf(rows)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.counts == nil && len(ix.rows) == len(rows) && (len(rows) == 0 || &ix.rows[0] == &rows[0]) {
		ix.counts = counts
	}
}
