package library

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

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
	// Words counts the body's Chinese characters and other words.
	Words int
	// ReadingMinutes is the estimated reading time of the body.
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

	// fm is what the article adds to its folder's schema (the Index keeps
	// the schema up to date from it, without the article's fields).
	fm frontMatter
}

// Scan finds and reads every Markdown article under root (see Visit for
// which files and how) and returns their summaries sorted by Path. A file
// that cannot be read or parsed keeps its row with Err set.
func Scan(ctx context.Context, root string) ([]Summary, error) {
	in := newInterner()
	return Visit(ctx, root, in.summarize)
}

// ScanBrief is Scan without what each Summary adds to the folder's
// schema and without its Description, for listings that infer no schema
// and search nothing (`folio list`): the rows of a large folder then take
// less memory.
func ScanBrief(ctx context.Context, root string) ([]Summary, error) {
	in := newInterner()
	return Visit(ctx, root, func(f *File) Summary {
		return summarize(f, in, true)
	})
}

// StreamSummaries is Scan delivering each Summary as soon as it is read,
// in path order (see Stream), so that a list can fill while a large
// folder is read.
func StreamSummaries(ctx context.Context, root string, out func(Summary)) error {
	in := newInterner()
	return Stream(ctx, root, in.summarize, out)
}

// Summarize makes the Summary of a visited file.
func Summarize(f *File) Summary { return summarize(f, nil, false) }

// summarize makes the Summary of a visited file, sharing the strings that
// repeat across articles through in (when not nil); brief leaves out what
// only the Index needs (the schema's part, the Description).
func summarize(f *File, in *interner, brief bool) Summary {
	s := Summary{Path: f.Path, Err: f.Err, Modified: f.Modified}
	if pe, ok := errors.AsType[*document.ParseError](f.Err); ok {
		s.Line = pe.Line
	}
	if f.Doc == nil {
		if s.Err == nil && !brief {
			s.fm = frontMatter{shape: &fmShape{}}
		}
		return s
	}
	s.Format = f.Doc.Format()
	fields := f.Doc.Fields()
	if in != nil {
		in.fields(fields)
	}
	if ps := document.InvalidDates(fields); len(ps) > 0 {
		s.BadDate = ps[0].Msg
	}
	if (s.Err == nil || fields != nil) && !brief {
		s.fm = frontMatterOf(fields)
		if in != nil {
			s.fm.shape = in.shape(s.fm.shape)
		}
	}
	altDate := "" // publishDate, pubDate or published, used when there is no date
	hasDate := false
	hasDescription := false
	for _, fd := range fields {
		k, v := fd.Key, fd.Value
		switch {
		case strings.EqualFold(k, "title"):
			s.Title = scalar(v)
		case strings.EqualFold(k, "date"):
			s.Date, hasDate = scalar(v), true
		case strings.EqualFold(k, "publishDate") || strings.EqualFold(k, "pubDate") || strings.EqualFold(k, "published"):
			if altDate == "" {
				altDate = scalar(v)
			}
		case strings.EqualFold(k, "category"):
			s.Category = scalar(v)
		case strings.EqualFold(k, "categories"):
			if s.Category == "" {
				if l := list(v); len(l) > 0 {
					s.Category = l[0]
				}
			}
		case strings.EqualFold(k, "tags"):
			s.Tags = list(v)
		case strings.EqualFold(k, "featured"):
			s.Featured = isTrue(v)
		case strings.EqualFold(k, "draft"):
			s.Draft = isTrue(v)
		case !brief && !hasDescription && (strings.EqualFold(k, "summary") || strings.EqualFold(k, "description")):
			s.Description, hasDescription = v.Plain(), true
		}
	}
	if !hasDate {
		s.Date = altDate
	}
	st := document.CountText(f.Doc.Body())
	s.Words = st.Hanzi + st.Words
	s.ReadingMinutes = st.ReadingMinutes()
	return s
}

// interner shares equal short strings (field names, dates, categories,
// tags, authors, booleans) among the summaries of one scan, and trims the
// spare capacity of lists, so that a large folder's index holds each such
// string once. It is safe for use by several goroutines.
type interner struct {
	mu     sync.Mutex
	m      map[string]string
	shapes map[string]*fmShape
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

// summarize is summarize with this interner.
func (in *interner) summarize(f *File) Summary { return summarize(f, in, false) }

// str returns the shared copy of s.
func (in *interner) str(s string) string {
	if len(s) > maxInterned || s == "" {
		return s
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if t, ok := in.m[s]; ok {
		return t
	}
	s = strings.Clone(s) // not a piece of a larger string the index would keep
	in.m[s] = s
	return s
}

// fields interns the keys and short values of fields, in place.
func (in *interner) fields(fs []document.Field) {
	for i := range fs {
		fs[i].Key = in.str(fs[i].Key)
		in.value(&fs[i].Value)
	}
}

// value interns a value's text and those of its items and fields, and
// gives its lists exactly the room they use.
func (in *interner) value(v *document.Value) {
	v.Text = in.str(v.Text)
	if cap(v.Items) > len(v.Items) {
		v.Items = append([]document.Value(nil), v.Items...)
	}
	for i := range v.Items {
		in.value(&v.Items[i])
	}
	in.fields(v.Fields)
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
