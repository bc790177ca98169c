package library

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/editor/document"
)

// sequentialScan is the reference the parallel, streamed fill must equal:
// the same walk, then each file read with os (open, stat, read) and
// summarized one after the other, as the Index keeps rows.
func sequentialScan(t *testing.T, root string) []Summary {
	t.Helper()
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	var rows []Summary
	w := walker{ctx: context.Background(), stack: []string{real}}
	in := newInterner()
	w.emit = func(rel, abs string, err error) {
		f := File{Path: rel, Abs: abs, Err: err}
		if err == nil {
			data, mod, err := readFileStat(abs, nil)
			f.setStat(mod)
			if err != nil {
				if pe, ok := errors.AsType[*os.PathError](err); ok {
					err = errors.New(pe.Op + ": " + pe.Err.Error())
				}
				f.Err = err
			} else {
				parse(&f, data)
			}
		}
		s := summarize(&f, in, withSchema)
		if s.Modified.IsZero() {
			s.setStat(statPath(abs))
		}
		rows = append(rows, s)
	}
	if err := w.walk(root, ""); err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameRows compares two row lists field by field; errors are compared by
// their text and by the sentinels the list tells apart.
func sameRows(t *testing.T, got, want []Summary) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if (g.Err == nil) != (w.Err == nil) || (g.Err != nil && g.Err.Error() != w.Err.Error()) {
			t.Fatalf("row %d (%s): error %v, want %v", i, w.Path, g.Err, w.Err)
		}
		for _, sentinel := range []error{ErrBinary, ErrTooLarge, ErrNotRegular, os.ErrPermission} {
			if errors.Is(g.Err, sentinel) != errors.Is(w.Err, sentinel) {
				t.Fatalf("row %d (%s): error %v, want %v (%v)", i, w.Path, g.Err, w.Err, sentinel)
			}
		}
		g.Err, w.Err = nil, nil
		if !g.Modified.Equal(w.Modified) {
			t.Fatalf("row %d (%s): modified %v, want %v", i, w.Path, g.Modified, w.Modified)
		}
		g.Modified, w.Modified = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("row %d differs:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// loadedSchema is the schema of the Index Load makes of dir.
func loadedSchema(t *testing.T, dir string) any {
	t.Helper()
	ix := NewIndex(dir)
	if err := ix.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix.Schema()
}

// TestStreamedFillEqualsSequentialScan checks that the Index's parallel,
// streamed load (bare-system-call reads on a pool of workers, rows
// delivered in path order) gives exactly the rows, in the same order, of
// a sequential scan with os reads, for a generated folder with broken,
// binary, non-UTF-8, too large, unreadable and irregular files among the
// articles; and that Scan's counted rows are the same rows with counts.
func TestStreamedFillEqualsSequentialScan(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 2500, 11)
	writeTree(t, dir, articleFixtures)
	writeTree(t, dir, map[string]string{
		"odd/latin1.md":     "---\ntitle: caf\xe9\n---\n",
		"odd/body-nul.md":   "---\ntitle: fine head\n---\nbody \x00 binary\n",
		"odd/body-latin.md": "---\ntitle: fine head\n---\nbody caf\xe9\n",
		"odd/utf16.md":      "\xff\xfe-\x00-\x00-\x00",
		"odd/a.markdown":    "# other extension\n",
		"odd/no-read.md":    "---\ntitle: secret\n---\n",
	})
	// Files larger than the head a load reads first: their rest is
	// checked later (CheckRest), or the whole file is read when the head
	// does not tell.
	long := strings.Repeat("正文 body line\n", 400) // 6 KB
	writeTree(t, dir, map[string]string{
		"odd/big-body-nul.md":    "---\ntitle: fine head\n---\n" + long + "\x00\n",
		"odd/big-body-latin.md":  "---\ntitle: fine head\n---\n" + long + "caf\xe9\n",
		"odd/big-cut-rune.md":    "---\ntitle: x\n---\n" + strings.Repeat("é", 3000),
		"odd/big-fm-open.md":     "---\ntitle: never closed in the head\n" + long + "---\nbody\n",
		"odd/big-fm-unclosed.md": "---\ntitle: never closed\n" + long,
		"odd/big-no-fm.md":       "# just Markdown\n" + long,
		"odd/big-blank-lead.md":  "\n\n  \n---\ntitle: after blank lines\n---\n" + long,
		"odd/big-all-blank.md":   strings.Repeat("\n", 5000) + "---\ntitle: far down\n---\n",
		"odd/big-template.md":    "{{< figure >}}\n" + long,
		"odd/big-json.md":        "{\n  \"title\": \"json\"\n}\n" + long,
		"odd/big-json-late.md":   "{" + strings.Repeat(" ", 5000) + "\"title\": \"json\"}\n" + long,
		"odd/big-toml.md":        "\ufeff+++\r\ntitle = \"toml\"\r\n+++\r\n" + long,
		"odd/big-bad-yaml.md":    "---\ntitle: [unclosed\n---\n" + long,
		"odd/big-bad-both.md":    "---\ntitle: [unclosed\n---\n" + long + "\x00",
		"odd/big-utf16.md":       "\xff\xfe" + strings.Repeat("-\x00", 3000),
	})
	badRest := []string{"odd/big-body-latin.md", "odd/big-body-nul.md"}
	if err := os.WriteFile(filepath.Join(dir, "odd/huge.md"), bytes.Repeat([]byte("x"), MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "odd/no-read.md"), 0); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(dir, "odd/fifo.md")); err != nil && runtime.GOOS != "windows" {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.md", filepath.Join(dir, "odd/dangling.md")); err != nil && runtime.GOOS != "windows" {
		t.Fatal(err)
	}
	want := sequentialScan(t, dir)
	if len(want) < 2500 {
		t.Fatalf("the reference scan found %d rows", len(want))
	}
	for _, workers := range []int{1, 2, 4, 8} {
		old := runtime.GOMAXPROCS(workers)
		ix := NewIndex(dir)
		err := ix.LoadStream(context.Background(), 0, nil)
		if err != nil {
			runtime.GOMAXPROCS(old)
			t.Fatal(err)
		}
		// Before CheckRest, only the files whose rest is not text differ:
		// they have the rows of their (fine) front matter.
		rows := slices.Clone(ix.Summaries())
		for _, p := range badRest {
			i, ok := findRow(rows, p)
			if !ok || rows[i].Err != nil || rows[i].Title != "fine head" {
				t.Fatalf("%s: row before CheckRest %+v, want the front matter's", p, rows[i])
			}
			j, _ := findRow(want, p)
			rows[i] = want[j]
		}
		sameRows(t, rows, want)
		if n := ix.Unchecked(); n < 2000 {
			t.Fatalf("%d files left to check: the load read whole files", n)
		}
		ver := ix.Version()
		changed := ix.CheckRest(context.Background())
		runtime.GOMAXPROCS(old)
		if !slices.Equal(changed, badRest) {
			t.Fatalf("CheckRest changed %q, want %q", changed, badRest)
		}
		if ix.Version() == ver || ix.Unchecked() != 0 {
			t.Fatalf("version %d (was %d), %d left to check", ix.Version(), ver, ix.Unchecked())
		}
		sameRows(t, ix.Summaries(), want)
		if got, want := ix.Schema(), loadedSchema(t, dir); !reflect.DeepEqual(got, want) {
			t.Fatalf("schema after CheckRest:\n%+v\nwant Load's\n%+v", got, want)
		}
	}
	loaded := NewIndex(dir)
	if err := loaded.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameRows(t, loaded.Summaries(), want)

	// Scan counts: its rows are the Index's with the body's counts, which
	// are CountText's.
	counted, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var plain []Summary
	nonzero := 0
	for _, s := range counted {
		if !s.Counted {
			t.Fatalf("%s: Scan's row is not counted", s.Path)
		}
		if s.Words > 0 {
			nonzero++
		}
		if s.Err == nil { // the counts are the body's, as Parse splits it
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.Path)))
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := document.Parse(data)
			st := document.CountText(doc.Body())
			if s.Words != st.Hanzi+st.Words || s.ReadingMinutes != st.ReadingMinutes() {
				t.Fatalf("%s: Scan counts %d words, %d min; the body has %d, %d", s.Path, s.Words, s.ReadingMinutes, st.Hanzi+st.Words, st.ReadingMinutes())
			}
		}
		s.Words, s.ReadingMinutes, s.Counted = 0, 0, false
		if s.Modified.IsZero() { // not read: Scan does not stat it, the Index does
			s.setStat(statPath(filepath.Join(dir, filepath.FromSlash(s.Path))))
		}
		plain = append(plain, s)
	}
	if nonzero < 2000 {
		t.Fatalf("only %d rows have words", nonzero)
	}
	sameRows(t, plain, want)
}
