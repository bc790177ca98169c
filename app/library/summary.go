package library

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"folio/editor/document"
)

// Summary is what the article list and `folio list` show about one article.
type Summary struct {
	// Path is the article's path relative to the scanned folder, with
	// forward slashes.
	Path string
	// Format is the article's front matter syntax.
	Format document.Format
	// Title is the title field.
	Title string
	// Date is the date field (or publishDate, pubDate, published) exactly as
	// the file spells it.
	Date string
	// Category is the category field, or the first of categories.
	Category string
	// Tags are the items of the tags list (or the tags string).
	Tags []string
	// Featured and Draft are the boolean fields of those names.
	Featured, Draft bool
	// Counted reports whether Words and ReadingMinutes were counted. Scan
	// and ScanBrief count every body (`folio list` shows the counts); the
	// Index does not (the list shows no counts, and counting the bodies
	// would be a third of a large folder's load): its rows are not Counted.
	Counted bool
	// Words counts the body's Chinese characters and other words, when
	// Counted.
	Words int
	// ReadingMinutes is the estimated reading time of the body, when
	// Counted.
	ReadingMinutes int
	// Description is the plain text of the summary (or description)
	// field, which the list's filter searches too.
	Description string
	// Err is why the article could not be read or parsed; the row is kept.
	Err error
	// Line is the 1-based line of Err in the file, or 0 when unknown.
	Line int
	// BadDate is the first of document.InvalidDates of the front matter
	// (an error whatever the folder's schema), "" when none; see HasErrors.
	BadDate string
	// Modified is the file's modification time when it was read (zero
	// when unknown).
	Modified time.Time
	// size and ino are the file's size and inode when it was read (see
	// fileStat; the index cache compares them).
	size int64
	ino  uint64

	// fm is what the article adds to its folder's schema (the Index keeps
	// the schema up to date from it, without the article's fields).
	fm frontMatter
}

// Scan finds and reads every Markdown article under root (see Visit for
// which files and how) and returns their summaries sorted by Path. A file
// that cannot be read or parsed keeps its row with Err set.
func Scan(ctx context.Context, root string) ([]Summary, error) {
	in := newInterner()
	return visitQuick(ctx, root, in, func(f *File) Summary { return summarize(f, in, withSchema|withCounts) })
}

// visitQuick is Visit reading front matter with quickFrontMatter when it
// can (see loadQuick): f.Doc may be nil for a file with front matter, and
// f.Data is then only the front matter (summarize takes the body from
// f.body).
func visitQuick[T any](ctx context.Context, root string, in *interner, fn func(f *File) T) ([]T, error) {
	var vals []T
	if err := stream(ctx, root, readQuick, in, fn, func(v T) { vals = append(vals, v) }); err != nil {
		return nil, err
	}
	return vals, nil
}

// ScanBrief is Scan without what each Summary adds to the folder's
// schema and without its Description, for listings that infer no schema
// and search nothing (`folio list`): the rows of a large folder then take
// less memory.
func ScanBrief(ctx context.Context, root string) ([]Summary, error) {
	in := newInterner()
	return visitQuick(ctx, root, in, func(f *File) Summary {
		return summarize(f, in, withCounts)
	})
}

// StreamSummaries is Scan delivering each Summary as soon as it is read,
// in path order (see Stream), so that a list can fill while a large
// folder is read. Its summaries are the Index's: not Counted.
func StreamSummaries(ctx context.Context, root string, out func(Summary)) error {
	in := newInterner()
	return Stream(ctx, root, func(f *File) Summary { return summarize(f, in, withSchema) }, out)
}

// headRow is a row of a head-only load (see loadHead): its Summary, and
// where the bytes of the file not checked yet start (0: none).
type headRow struct {
	Summary
	rest int64
}

// streamHeads is StreamSummaries reading only the heads of files whose
// front matter they hold (see loadHead): the rest of each such file is
// still to be checked (Index.CheckRest).
func streamHeads(ctx context.Context, root string, out func(headRow)) error {
	in := newInterner()
	return stream(ctx, root, readHeads, in, func(f *File) headRow {
		return headRow{summarize(f, in, withSchema), f.rest}
	}, out)
}

// Summarize makes the Summary of a visited file as the Index keeps it
// (not Counted).
func Summarize(f *File) Summary { return summarize(f, nil, withSchema) }

// summaryParts says what summarize makes besides the list's columns.
type summaryParts uint8

const (
	// withSchema keeps what only the Index needs: the article's part of
	// the folder's schema, and the Description the list's filter searches.
	withSchema summaryParts = 1 << iota
	// withCounts counts the body's words (Counted).
	withCounts
)

// summarize makes the Summary of a visited file, sharing the strings that
// repeat across articles through in (when not nil), with the parts asked.
func summarize(f *File, in *interner, parts summaryParts) Summary {
	brief := parts&withSchema == 0
	s := Summary{Path: f.Path, Err: f.Err, Modified: f.Modified, size: f.size, ino: f.ino, Counted: parts&withCounts != 0}
	if pe, ok := errors.AsType[*document.ParseError](f.Err); ok {
		s.Line = pe.Line
	}
	var fields []document.Field
	switch {
	case f.quick:
		s.Format, fields = f.format, f.fields
	case f.Doc == nil:
		if s.Err == nil && !brief {
			s.fm = frontMatter{shape: &fmShape{}}
		}
		return s
	default:
		s.Format, fields = f.Doc.Format(), f.Doc.Fields()
	}
	if in != nil && !f.interned {
		in.fields(fields)
	}
	if ps := document.InvalidDates(fields); len(ps) > 0 {
		s.BadDate = ps[0].Msg
	}
	if (s.Err == nil || fields != nil) && !brief {
		if in != nil {
			s.fm = in.frontMatter(fields)
		} else {
			s.fm = frontMatterOf(fields)
		}
	}
	altDate := "" // publishDate, pubDate or published, used when there is no date
	hasDate := false
	hasDescription := false
	for _, fd := range fields {
		v := fd.Value
		switch listKey(fd.Key) {
		case keyTitle:
			s.Title = scalar(v)
		case keyDate:
			s.Date, hasDate = scalar(v), true
		case keyAltDate:
			if altDate == "" {
				altDate = scalar(v)
			}
		case keyCategory:
			s.Category = scalar(v)
		case keyCategories:
			if s.Category == "" {
				if l := list(v); len(l) > 0 {
					s.Category = l[0]
				}
			}
		case keyTags:
			s.Tags = list(v)
		case keyFeatured:
			s.Featured = isTrue(v)
		case keyDraft:
			s.Draft = isTrue(v)
		case keyDescription:
			if !brief && !hasDescription {
				s.Description, hasDescription = v.Plain(), true
			}
		}
	}
	if !hasDate {
		s.Date = altDate
	}
	if in != nil {
		in.pack(&s)
	}
	if parts&withCounts != 0 && (f.hasBody || f.Doc != nil) {
		body := f.body
		if !f.hasBody {
			body = f.Doc.Body()
		}
		st := document.CountText(body)
		s.Words = st.Hanzi + st.Words
		s.ReadingMinutes = st.ReadingMinutes()
	}
	return s
}

// interner shares equal short strings (field names, dates, categories,
// tags, authors, booleans) among the summaries of one scan, so that a
// large folder's index holds each such string once, and packs what each
// row keeps in its arena (see pack). It is safe for use by several
// goroutines.
type interner struct {
	mu     sync.Mutex
	m      map[string]string
	shapes map[string]*fmShape
	arena  arena // where the interned strings and each row's own are packed
}

// maxInterned is the longest string interned: titles and summaries are
// mostly unique and not worth a map entry.
const maxInterned = 40

func newInterner() *interner {
	return &interner{m: map[string]string{}, shapes: map[string]*fmShape{}}
}

// shape returns the shared copy of a front matter shape.
func (in *interner) shape(sh *fmShape) *fmShape {
	k := sh.shapeKey()
	in.mu.Lock()
	defer in.mu.Unlock()
	if s, ok := in.shapes[k]; ok {
		return s
	}
	in.shapes[k] = sh
	return sh
}

// str returns the shared copy of s; in.mu must be held.
func (in *interner) str(s string) string {
	if len(s) > maxInterned || s == "" {
		return s
	}
	if t, ok := in.m[s]; ok {
		return t
	}
	s = in.arena.str(s) // not a piece of a larger string the index would keep
	in.m[s] = s
	return s
}

// sharedBytes is str of the bytes b taking in.mu (a worker's scratch
// interns with it): the string is made only when in has none equal.
func (in *interner) sharedBytes(b []byte) string {
	if len(b) > maxInterned || len(b) == 0 {
		return string(b)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if t, ok := in.m[string(b)]; ok {
		return t
	}
	s := in.arena.str(unsafe.String(&b[0], len(b))) // a copy: b is not kept
	in.m[s] = s
	return s
}

// pack moves what a row keeps of its file's parse (its path, its long
// strings, its lists of tags and of schema values) into the interner's
// arena, so that the parse is garbage as a whole (see arena).
func (in *interner) pack(s *Summary) {
	type moved struct{ from, to string }
	var memo [8]moved // the title and summary are also schema values: one copy
	n := 0
	keep := func(x string) string {
		if len(x) <= maxInterned {
			if t, ok := in.m[x]; ok || x == "" {
				return t // interned already
			}
		}
		for _, m := range memo[:n] {
			if len(m.from) == len(x) && unsafe.StringData(m.from) == unsafe.StringData(x) {
				return m.to
			}
		}
		y := in.arena.str(x)
		if n < len(memo) {
			memo[n] = moved{x, y}
			n++
		}
		return y
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	s.Path = in.arena.str(s.Path)
	s.Title, s.Date, s.Category, s.Description = keep(s.Title), keep(s.Date), keep(s.Category), keep(s.Description)
	for i, v := range s.fm.vals {
		s.fm.vals[i] = keep(v)
	}
	s.fm.vals = in.arena.list(s.fm.vals)
	if t := subRun(s.fm.vals, s.Tags); t != nil {
		s.Tags = t // the tags are the schema's values of the tags key
		return
	}
	for i, t := range s.Tags {
		s.Tags[i] = keep(t)
	}
	s.Tags = in.arena.list(s.Tags)
}

// subRun returns the part of vals equal to items, with no spare room, or nil
// when items is empty or not a run of vals.
func subRun(vals, items []string) []string {
	for i := 0; len(items) > 0 && i+len(items) <= len(vals); i++ {
		if vals[i] == items[0] && slices.Equal(vals[i:i+len(items)], items) {
			return vals[i : i+len(items) : i+len(items)]
		}
	}
	return nil
}

// arena packs the strings and string lists that a load's rows keep into
// large blocks, instead of one small allocation each among the garbage of
// every file's parse: once the load is done, the parses' memory is freed
// whole and handed back to the system, where small kept objects scattered
// among it would hold most of its pages (a third more than the rows need,
// measured on 150,000 articles). A block lives as long as any row of the
// load uses it; the Index's later edits allocate as usual.
type arena struct {
	bytes []byte   // the current block of string bytes; its spare room is free
	strs  []string // the current block of list items
}

// Block sizes: a block is large enough to hold hundreds of rows' strings,
// small enough that a folder of a few articles does not waste much.
const (
	arenaBytes = 32 << 10
	arenaStrs  = 1 << 10
)

// str returns a copy of s in the arena.
func (a *arena) str(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > arenaBytes/8:
		return strings.Clone(s)
	case len(s) > cap(a.bytes)-len(a.bytes):
		a.bytes = make([]byte, 0, arenaBytes)
	}
	start := len(a.bytes)
	a.bytes = append(a.bytes, s...) // within the block's room: never moved
	return unsafe.String(&a.bytes[start], len(s))
}

// list returns a copy of ss in the arena, with no spare room (appending
// to it copies).
func (a *arena) list(ss []string) []string {
	switch {
	case len(ss) == 0:
		return ss
	case len(ss) > arenaStrs/8:
		return slices.Clip(slices.Clone(ss))
	case len(ss) > cap(a.strs)-len(a.strs):
		a.strs = make([]string, 0, arenaStrs)
	}
	start := len(a.strs)
	a.strs = append(a.strs, ss...)
	return a.strs[start:len(a.strs):len(a.strs)]
}

// fields interns the keys and short values of fields, in place (one
// lock for a whole front matter).
func (in *interner) fields(fs []document.Field) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.fieldsLocked(fs)
}

// fieldsLocked is fields with in.mu held.
func (in *interner) fieldsLocked(fs []document.Field) {
	for i := range fs {
		fs[i].Key = in.str(fs[i].Key)
		in.value(&fs[i].Value)
	}
}

// value interns a value's text and those of its items and fields; in.mu
// must be held.
func (in *interner) value(v *document.Value) {
	v.Text = in.str(v.Text)
	for i := range v.Items {
		in.value(&v.Items[i])
	}
	in.fieldsLocked(v.Fields)
}

// scalar returns a scalar value's text, or "" for a list, map or null.
func scalar(v document.Value) string {
	switch v.Kind {
	case document.List, document.Map, document.Null:
		return ""
	}
	return v.Text
}

// list returns a list's scalar items, or a lone scalar as a list of one.
func list(v document.Value) []string {
	if v.Kind != document.List {
		if s := scalar(v); s != "" {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for _, it := range v.Items {
		if s := scalar(it); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isTrue reports whether v is the boolean true.
func isTrue(v document.Value) bool {
	return v.Kind == document.Bool && strings.EqualFold(v.Text, "true")
}
