package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openJournal(t *testing.T) *Journal {
	t.Helper()
	j, err := OpenJournal(filepath.Join(t.TempDir(), "journal"))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func listJournal(t *testing.T, j *Journal) []Entry {
	t.Helper()
	es, err := j.List()
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestJournalWriteListRemove(t *testing.T) {
	j := openJournal(t)
	when := time.Date(2026, 12, 2, 4, 0, 0, 0, time.UTC)
	j.now = func() time.Time { return when }
	dir := t.TempDir()
	a, b := filepath.Join(dir, "b.md"), filepath.Join(dir, "文章.md")
	sum := SumOf([]byte("loaded"))
	text := "---\r\ntitle: 标题\r\n---\r\n正文\x00 and a NUL"
	if err := j.Write(a, text, sum); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(b, "new article", Sum{}); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(a, text+" more", sum); err != nil { // replaces a's journal
		t.Fatal(err)
	}
	es := listJournal(t, j)
	if len(es) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(es), es)
	}
	if es[0].Path != a || es[0].Text != text+" more" || es[0].Loaded != sum || !es[0].Time.Equal(when) {
		t.Fatalf("entry = %+v", es[0])
	}
	if es[1].Path != b || !es[1].Loaded.IsZero() {
		t.Fatalf("entry = %+v", es[1])
	}
	if err := j.Remove(a); err != nil {
		t.Fatal(err)
	}
	if err := j.Remove(a); err != nil {
		t.Fatalf("removing a missing journal: %v", err)
	}
	if es := listJournal(t, j); len(es) != 1 || es[0].Path != b {
		t.Fatalf("after Remove: %+v", es)
	}
	// A journal written again after Remove is written, not skipped.
	if err := j.Write(a, text, sum); err != nil {
		t.Fatal(err)
	}
	if es := listJournal(t, j); len(es) != 2 {
		t.Fatalf("after rewrite: %+v", es)
	}
	// A new Journal on the same folder (the next start) sees them.
	j2, err := OpenJournal(j.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if es := listJournal(t, j2); len(es) != 2 || es[0].Text != text {
		t.Fatalf("after reopening: %+v", es)
	}
}

func TestJournalRelativePathIsOneJournal(t *testing.T) {
	j := openJournal(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Write("x.md", "one", Sum{}); err != nil {
		t.Fatal(err)
	}
	if err := j.Write(filepath.Join(wd, "sub", "..", "x.md"), "two", Sum{}); err != nil {
		t.Fatal(err)
	}
	if es := listJournal(t, j); len(es) != 1 || es[0].Text != "two" || es[0].Path != filepath.Join(wd, "x.md") {
		t.Fatalf("entries = %+v", es)
	}
}

func TestJournalTornWriteKeepsTheOldVersion(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "a.md")
	if err := j.Write(path, "version one", Sum{}); err != nil {
		t.Fatal(err)
	}
	// The process dies after writing the temporary file, before the rename:
	// simulated by truncating the temporary file to half and abandoning.
	crash := errors.New("killed")
	j.beforeRename = func(tmp string) error {
		data, _ := os.ReadFile(tmp)
		os.WriteFile(tmp, data[:len(data)/2], 0o600)
		return crash
	}
	if err := j.Write(path, "version two, much longer than the first", Sum{}); !errors.Is(err, crash) {
		t.Fatalf("err = %v", err)
	}
	j.beforeRename = nil
	if es := listJournal(t, j); len(es) != 1 || es[0].Text != "version one" {
		t.Fatalf("after a torn write: %+v", es)
	}
	if left, _ := filepath.Glob(filepath.Join(j.Dir(), tempPrefix+"*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestJournalRefusesADamagedFile(t *testing.T) {
	j := openJournal(t)
	a, b := filepath.Join(t.TempDir(), "a.md"), filepath.Join(t.TempDir(), "b.md")
	for _, p := range []string{a, b} {
		if err := j.Write(p, "text of "+p, Sum{}); err != nil {
			t.Fatal(err)
		}
	}
	// Half a journal (a disk that lied about a sync), and one whose text
	// was altered: both refused, the good one still listed.
	name := j.fileFor(a)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	es, err := j.List()
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("a half journal: err = %v", err)
	}
	if len(es) != 1 || es[0].Path != b {
		t.Fatalf("entries = %+v", es)
	}
	altered := strings.Replace(string(data), "text of", "TEXT of", 1)
	if err := os.WriteFile(name, []byte(altered), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := j.List(); err == nil {
		t.Fatal("an altered journal was accepted")
	}
}

func TestJournalMove(t *testing.T) {
	j := openJournal(t)
	dir := t.TempDir()
	from, to := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	sum := SumOf([]byte("x"))
	if err := j.Put(Entry{Path: from, Text: "unsaved", Base: "x", Loaded: sum}); err != nil {
		t.Fatal(err)
	}
	if err := j.Move(from, to); err != nil {
		t.Fatal(err)
	}
	if es := listJournal(t, j); len(es) != 1 || es[0].Path != to || es[0].Text != "unsaved" || es[0].Base != "x" || es[0].Loaded != sum {
		t.Fatalf("entries = %+v", es)
	}
	if e, ok, err := j.Get(to); err != nil || !ok || e.Text != "unsaved" {
		t.Fatalf("Get = %+v %v %v", e, ok, err)
	}
	if _, ok, err := j.Get(from); err != nil || ok {
		t.Fatalf("Get of the old path = %v %v", ok, err)
	}
}

func TestOpenJournalRemovesOldTemporaryFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "j")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old, fresh := filepath.Join(dir, tempPrefix+"old"), filepath.Join(dir, tempPrefix+"fresh")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("an old temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (another Folio writing) was removed")
	}
	if es := listJournal(t, j); len(es) != 0 {
		t.Fatalf("temporary files listed: %+v", es)
	}
}

// TestJournalKeepsTints: a merge's tints are journalled with the text, and
// new tints over the same text are written (not skipped as a repeat).
func TestJournalKeepsTints(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "合并.md")
	tints := []Tint{{From: 1, To: 3, Kind: 1}, {From: 5, To: 6, Kind: 3}}
	if err := j.Put(Entry{Path: path, Text: "甲\n乙\n丙\n", Tints: tints[:1]}); err != nil {
		t.Fatal(err)
	}
	if err := j.Put(Entry{Path: path, Text: "甲\n乙\n丙\n", Tints: tints}); err != nil {
		t.Fatal(err)
	}
	e, ok, err := j.Get(path)
	if err != nil || !ok {
		t.Fatalf("get: %v %v", ok, err)
	}
	if len(e.Tints) != 2 || e.Tints[0] != tints[0] || e.Tints[1] != tints[1] {
		t.Fatalf("tints %v, want %v", e.Tints, tints)
	}
}
