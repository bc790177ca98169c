package library

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/editor/document"
)

// cacheFolder writes a folder of generated articles plus the odd ones (an
// error row, a binary body, TOML, JSON, none, Chinese) with modification
// times an hour ago (outside the racy window), and returns it.
func cacheFolder(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	genFolder(t, dir, n, 7)
	writeTree(t, dir, map[string]string{
		"odd/bad.md":     "---\ntitle: [unclosed\n---\nbody\n",
		"odd/binary.md":  "---\ntitle: Binary\n---\n" + string(make([]byte, 5000)) + "\x00",
		"odd/toml.md":    "+++\ntitle = \"TOML\"\ntags = [\"a\", \"b\"]\ndraft = true\n+++\nbody\n",
		"odd/json.md":    "{\n\"title\": \"JSON\",\n\"featured\": true\n}\nbody\n",
		"odd/none.md":    "just text\n",
		"odd/中文.md":      "---\ntitle: 中文标题\ncategory: 随笔\ntags: [中文, 测试]\ndate: 2024-01-02\nsummary: 一段摘要\n---\n正文\n",
		"odd/baddate.md": "---\ntitle: Bad date\ndate: 2024-13-45\n---\n",
	})
	ageTree(t, dir, time.Hour)
	return dir
}

// ageTree sets the modification time of every file under dir to ago
// before now.
func ageTree(t testing.TB, dir string, ago time.Duration) {
	t.Helper()
	old := time.Now().Add(-ago)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// freshIndex is the index of dir as a streamed load and its check of the
// rest make it.
func freshIndex(t testing.TB, dir string) *Index {
	t.Helper()
	ix := NewIndex(dir)
	if err := ix.LoadStream(context.Background(), time.Hour, nil); err != nil {
		t.Fatal(err)
	}
	ix.CheckRest(context.Background())
	return ix
}

// rowText is what a row shows and keeps, as text, to compare rows of
// different loads (errors by their text, shapes by their content).
func rowText(s Summary) string {
	errText := ""
	if s.Err != nil {
		errText = s.Err.Error()
		if pe, ok := errors.AsType[*document.ParseError](s.Err); ok {
			errText = fmt.Sprintf("parse %d %s %v", pe.Line, pe.Msg, pe.Err)
		}
		for _, e := range cacheSentinels[1:] {
			if errors.Is(s.Err, e) {
				errText += fmt.Sprintf(" is %v", e)
			}
		}
	}
	shape := "nil"
	if sh := s.fm.shape; sh != nil {
		shape = fmt.Sprint(sh.keys, sh.types, sh.kinds, sh.nvals)
	}
	return fmt.Sprintf("%s|%d|%q|%q|%q|%q|%v %v %v|%d %d|%q|%s|%d|%q|%d %d %d|%s|%q",
		s.Path, s.Format, s.Title, s.Date, s.Category, s.Tags, s.Featured, s.Draft, s.Counted,
		s.Words, s.ReadingMinutes, s.Description, errText, s.Line, s.BadDate,
		s.Modified.UnixNano(), s.size, s.ino, shape, s.fm.vals)
}

// sameCachedRows reports the first difference between two indexes' rows and
// schemas, or "".
func sameCachedRows(got, want *Index) string {
	g, w := got.Summaries(), want.Summaries()
	for i := range max(len(g), len(w)) {
		switch {
		case i >= len(g):
			return "missing " + w[i].Path
		case i >= len(w):
			return "extra " + g[i].Path
		}
		if a, b := rowText(g[i]), rowText(w[i]); a != b {
			return fmt.Sprintf("row %d:\n got %s\nwant %s", i, a, b)
		}
	}
	// Keys seen equally often are in the order they were first seen,
	// which edits after a load change (as Apply's do): compare them in
	// one order.
	norm := func(sc *document.Schema) *document.Schema {
		c := *sc
		c.Keys = slices.Clone(c.Keys)
		slices.SortStableFunc(c.Keys, func(a, b document.KeySchema) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Key, b.Key)
		})
		return &c
	}
	if gs, ws := norm(got.Schema()), norm(want.Schema()); !reflect.DeepEqual(gs, ws) {
		return fmt.Sprintf("schemas differ:\n got %+v\nwant %+v", gs, ws)
	}
	return ""
}

func TestIndexCacheRoundTrip(t *testing.T) {
	dir := cacheFolder(t, 300)
	ix := freshIndex(t, dir)
	if ix.Len() < 300 {
		t.Fatalf("%d rows", ix.Len())
	}
	file := CacheFile(t.TempDir(), dir)
	if err := ix.SaveCache(file); err != nil {
		t.Fatal(err)
	}
	back := NewIndex(dir)
	if err := back.LoadCache(file); err != nil {
		t.Fatal(err)
	}
	if !back.Cached() {
		t.Error("not marked as the cache's rows")
	}
	if d := sameCachedRows(back, ix); d != "" {
		t.Fatal(d)
	}
	// A cache encoded again from the decoded rows is the same bytes.
	written := time.Unix(1700000000, 5)
	a := encodeCache(ix.Root(), ix.Summaries(), nil, written)
	b := encodeCache(back.Root(), back.Summaries(), nil, written)
	if !slices.Equal(a, b) {
		t.Error("the decoded rows encode differently")
	}
	// Validation of an unchanged folder reads only what the cache marked
	// stale (the error rows) and changes nothing visible.
	changed, read, err := back.Validate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if d := sameCachedRows(back, ix); d != "" {
		t.Fatal(d)
	}
	if read != 2 { // bad.md and binary.md
		t.Errorf("read %d files again (%v), want the 2 error rows", read, changed)
	}
	if back.Cached() {
		t.Error("still marked as the cache's rows after Validate")
	}
}

// TestIndexCacheValidateSeesChanges: files changed, added, removed and
// renamed between two runs are seen once validated, and only they are
// read; without validation the rows are the old ones (the positive
// control: the test can fail).
func TestIndexCacheValidateSeesChanges(t *testing.T) {
	type change struct {
		name string
		do   func(t *testing.T, dir string) // between the runs
	}
	write := func(rel, text string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []change{
		{"changed", write("odd/toml.md", "+++\ntitle = \"TOML changed\"\n+++\n")},
		{"added", write("new/added.md", "---\ntitle: Added\ntags: [fresh]\n---\n")},
		{"removed", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "odd", "none.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"renamed", func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "odd", "json.md"), filepath.Join(dir, "odd", "json2.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"folder removed", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "odd")); err != nil {
				t.Fatal(err)
			}
		}},
		{"same size and time, other inode", func(t *testing.T, dir string) {
			// Replaced by a rename with bytes of the same length, its old
			// modification time put back: only the inode tells.
			p := filepath.Join(dir, "odd", "toml.md")
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			old, _ := os.ReadFile(p)
			text := []byte(string(old))
			copy(text[len("+++\ntitle = \""):], "XOML")
			tmp := p + ".new"
			if err := os.WriteFile(tmp, text, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(tmp, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, p); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		for _, validate := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/validate=%v", c.name, validate), func(t *testing.T) {
				dir := cacheFolder(t, 40)
				file := CacheFile(t.TempDir(), dir)
				if err := freshIndex(t, dir).SaveCache(file); err != nil {
					t.Fatal(err)
				}
				c.do(t, dir)
				want := freshIndex(t, dir)
				ix := NewIndex(dir)
				if err := ix.LoadCache(file); err != nil {
					t.Fatal(err)
				}
				if !validate {
					if d := sameCachedRows(ix, want); d == "" {
						t.Fatal("the cache's rows already show the change: the test cannot fail")
					}
					return
				}
				changed, read, err := ix.Validate(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if d := sameCachedRows(ix, want); d != "" {
					t.Fatalf("after Validate: %s", d)
				}
				if len(changed) == 0 {
					t.Error("no row reported changed")
				}
				if n := len(want.Summaries()); read > 12 || read >= n/2 {
					t.Errorf("read %d of %d files again: more than the changed ones", read, n)
				}
			})
		}
	}
}

// TestIndexCacheRacyFileIsReadAgain: a file modified within racyWindow
// before the cache was written, changed again later in a way its stat
// does not show (same size, time and inode), is still read again; the
// same change to a file modified long before is not seen (the control:
// only the racy rule catches it).
func TestIndexCacheRacyFileIsReadAgain(t *testing.T) {
	for _, racy := range []bool{true, false} {
		t.Run(fmt.Sprintf("racy=%v", racy), func(t *testing.T) {
			dir := cacheFolder(t, 10)
			p := filepath.Join(dir, "odd", "toml.md")
			if racy {
				now := time.Now()
				if err := os.Chtimes(p, now, now); err != nil {
					t.Fatal(err)
				}
			}
			file := CacheFile(t.TempDir(), dir)
			if err := freshIndex(t, dir).SaveCache(file); err != nil {
				t.Fatal(err)
			}
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(p, os.O_WRONLY, 0) // in place: same inode
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteAt([]byte("XOML"), int64(len("+++\ntitle = \""))); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(dir)
			if err := ix.LoadCache(file); err != nil {
				t.Fatal(err)
			}
			if _, _, err := ix.Validate(context.Background()); err != nil {
				t.Fatal(err)
			}
			s, _ := ix.Get(p)
			if seen := s.Title == "XOML"; seen != racy {
				t.Errorf("title %q after Validate (racy %v)", s.Title, racy)
			}
		})
	}
}

// TestIndexCacheOwnChangeWinsOverValidate: a row Folio or the watcher put
// in while Validate ran is not replaced by what Validate read.
func TestIndexCacheOwnChangeWinsOverValidate(t *testing.T) {
	dir := cacheFolder(t, 10)
	file := CacheFile(t.TempDir(), dir)
	if err := freshIndex(t, dir).SaveCache(file); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "odd", "toml.md")
	if err := os.WriteFile(p, []byte("+++\ntitle = \"On disk\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(dir)
	if err := ix.LoadCache(file); err != nil {
		t.Fatal(err)
	}
	ix.afterValidateRead = func() { ix.Put(p, []byte("+++\ntitle = \"Saved meanwhile\"\n+++\n")) }
	if _, _, err := ix.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s, _ := ix.Get(p); s.Title != "Saved meanwhile" {
		t.Errorf("title %q: Validate's read replaced the change made meanwhile", s.Title)
	}
	// The control: without the change meanwhile, Validate's read is taken.
	ix2 := NewIndex(dir)
	if err := ix2.LoadCache(file); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ix2.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s, _ := ix2.Get(p); s.Title != "On disk" {
		t.Errorf("title %q, want the file's", s.Title)
	}
}

// TestIndexCacheIgnoresBadCaches: a missing, truncated, corrupt, other
// version's or other folder's cache is refused, and the index is left as
// it was.
func TestIndexCacheIgnoresBadCaches(t *testing.T) {
	dir := cacheFolder(t, 30)
	good := encodeCache(NewIndex(dir).Root(), freshIndex(t, dir).Summaries(), nil, time.Now())
	flip := func(at int) []byte {
		b := slices.Clone(good)
		b[at] ^= 0x40
		return b
	}
	version := slices.Clone(good)
	version[len(cacheMagic)+4]++ // cacheSchema
	cases := map[string][]byte{
		"empty":            {},
		"header only":      good[:cacheHeader],
		"truncated":        good[:len(good)-7],
		"longer":           append(slices.Clone(good), 0),
		"magic":            flip(0),
		"format version":   flip(len(cacheMagic)),
		"schema version":   version,
		"body byte":        flip(len(good) / 2),
		"last byte":        flip(len(good) - 1),
		"other folder":     encodeCache(filepath.Join(dir, "elsewhere"), freshIndex(t, dir).Summaries(), nil, time.Now()),
		"not a cache":      []byte("---\ntitle: hello\n---\n"),
		"checksum":         flip(len(cacheMagic) + 16),
		"length in header": flip(len(cacheMagic) + 20),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "x.idx")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			ix := NewIndex(dir)
			ix.Put(filepath.Join(dir, "kept.md"), []byte("---\ntitle: Kept\n---\n"))
			before := ix.Version()
			if err := ix.LoadCache(file); err == nil {
				t.Fatal("a bad cache was loaded")
			}
			if ix.Version() != before || ix.Len() != 1 || ix.Cached() {
				t.Errorf("the index changed: %d rows", ix.Len())
			}
		})
	}
	// The control: the good bytes load.
	file := filepath.Join(t.TempDir(), "x.idx")
	if err := os.WriteFile(file, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := NewIndex(dir).LoadCache(file); err != nil {
		t.Fatalf("the good cache: %v", err)
	}
	if err := NewIndex(dir).LoadCache(filepath.Join(dir, "missing.idx")); err == nil {
		t.Error("a missing cache was loaded")
	}
}

func TestCacheFileIsPerFolder(t *testing.T) {
	a, b := CacheFile("/s", "/x/a"), CacheFile("/s", "/x/b")
	if a == b || filepath.Dir(a) != "/s" {
		t.Errorf("%s, %s", a, b)
	}
	if CacheFile("/s", "/x/a/") != a {
		t.Error("the same folder has two caches")
	}
}

// FuzzIndexCache feeds bytes to the decoder: it never panics, and what it
// accepts is sorted rows that encode again.
func FuzzIndexCache(f *testing.F) {
	root := "/fuzz"
	rows := []Summary{
		{Path: "a.md", Title: "A", Tags: []string{"x", "y"}, Modified: time.Unix(5, 6), size: 7, ino: 8},
		{Path: "b/中.md", Err: &document.ParseError{Line: 2, Msg: "bad", Err: ErrBinary}, Line: 2},
		{Path: "c.md", fm: frontMatterOf([]document.Field{{Key: "title", Value: document.Value{Kind: document.String, Text: "C"}}, {Key: "tags", Value: document.Value{Kind: document.List, Items: []document.Value{{Kind: document.String, Text: "t"}}}}})},
	}
	good := encodeCache(root, rows, func(i int) bool { return i == 0 }, time.Unix(9, 0))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Fix the header's length and checksum half the time, so that the
		// fuzzer reaches the body's decoding.
		if len(data) > cacheHeader && data[len(data)-1]&1 == 0 {
			data = slices.Clone(data)
			copy(data, good[:cacheHeader-12])
			body := data[cacheHeader:]
			h := data[cacheHeader-12:]
			binary.LittleEndian.PutUint32(h, crc32.Checksum(body, crcTable))
			binary.LittleEndian.PutUint64(h[4:], uint64(len(body)))
		}
		c, err := decodeCache(data, root)
		if err != nil {
			return
		}
		for i := 1; i < len(c.rows); i++ {
			if c.rows[i-1].Path >= c.rows[i].Path {
				t.Fatalf("rows not sorted: %q, %q", c.rows[i-1].Path, c.rows[i].Path)
			}
		}
		_ = encodeCache(root, c.rows, nil, c.written)
		counts := newSchemaCounts()
		for _, s := range c.rows {
			counts.add(s.Path, s.fm, +1)
		}
		counts.schema()
	})
}
