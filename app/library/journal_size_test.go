package library

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// putV1 writes e in the first journal format (one JSON object holding the
// text and the whole base), as Folio did before F33: old journals must
// stay readable, and the benchmark's peer.
func putV1(j *Journal, e Entry) error {
	path, err := journalPath(e.Path)
	if err != nil {
		return err
	}
	jf := journalFile{Format: journalMark, Path: path, Time: j.now().UTC(), Text: e.Text, Base: e.Base, Tints: e.Tints}
	if !e.Loaded.IsZero() {
		jf.Loaded = hex.EncodeToString(e.Loaded[:])
	}
	check := checkOf(e.Text, e.Base)
	jf.Check = hex.EncodeToString(check[:])
	data, err := json.Marshal(jf)
	if err != nil {
		return err
	}
	return j.writeAtomic(j.fileFor(path), data)
}

// bigArticle is about n bytes of Chinese Markdown.
func bigArticle(n int) string {
	line := "这是一行用于测试大文件日志的中文正文，包含一些 English words 和数字 12345。\n"
	return "---\ntitle: 大文件\n---\n" + strings.Repeat(line, n/len(line)+1)
}

func TestJournalReadsTheFirstFormat(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "旧.md")
	e := Entry{Path: path, Text: "未保存\n第二行", Base: "原文\n", Loaded: SumOf([]byte("原文\n")), Tints: []Tint{{From: 0, To: 1, Kind: 2}}}
	if err := putV1(j, e); err != nil {
		t.Fatal(err)
	}
	got, ok, err := j.Get(path)
	if err != nil || !ok || got.Text != e.Text || got.Base != e.Base || got.Loaded != e.Loaded || len(got.Tints) != 1 {
		t.Fatalf("Get = %+v %v %v", got, ok, err)
	}
	if err := j.Remove(path); err != nil {
		t.Fatal(err)
	}
	if es := listJournal(t, j); len(es) != 0 {
		t.Fatalf("left %v", es)
	}
}

// F33: a journal flush of a big article writes the text once, not the
// text and the whole base each time; the base is one file per load and
// goes with the journal.
func TestJournalOfABigArticleHoldsTheTextOnce(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "big.md")
	base := bigArticle(2 << 20)
	text := base + "BIGTOKEN"
	for i := range 3 {
		e := Entry{Path: path, Text: text + strings.Repeat("x", i), Base: base, Loaded: SumOf([]byte(base))}
		if err := j.Put(e); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(j.fileFor(path))
		if err != nil {
			t.Fatal(err)
		}
		if max := int64(4096); info.Size() > max {
			t.Fatalf("flush %d: journal is %d bytes for a text of %d", i, info.Size(), len(e.Text))
		}
		got, ok, err := j.Get(path)
		if err != nil || !ok || got.Text != e.Text || got.Base != base {
			t.Fatalf("flush %d: read back text ok=%v base ok=%v err=%v", i, got.Text == e.Text, got.Base == base, err)
		}
	}
	bases, _ := filepath.Glob(filepath.Join(j.Dir(), "*"+baseExt))
	if len(bases) != 1 {
		t.Fatalf("%d base files, want 1", len(bases))
	}
	if err := j.Remove(path); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(j.Dir())
	if len(left) != 0 {
		t.Fatalf("left after Remove: %v", left)
	}
}

func TestJournalSharedTable(t *testing.T) {
	for _, c := range []struct{ a, b string }{{"", ""}, {"abc", "abc"}, {"abc", "abXc"}, {"aaa", "aa"}, {"aa", "aaa"}, {"x", ""}, {"中文", "中中文"}} {
		p, s := shared(c.a, c.b)
		if p+s > min(len(c.a), len(c.b)) || c.a[:p] != c.b[:p] || c.a[len(c.a)-s:] != c.b[len(c.b)-s:] {
			t.Errorf("shared(%q, %q) = %d, %d", c.a, c.b, p, s)
		}
	}
}

// A journal whose base file is gone is refused, never read as another text.
func TestJournalWithoutItsBaseIsRefused(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "a.md")
	if err := j.Put(Entry{Path: path, Text: "原文，加了字\n", Base: "原文\n"}); err != nil {
		t.Fatal(err)
	}
	bases, _ := filepath.Glob(filepath.Join(j.Dir(), "*"+baseExt))
	for _, b := range bases {
		os.Remove(b)
	}
	if _, _, err := j.Get(path); err == nil {
		t.Fatal("a journal without its base was read")
	}
}

// A damaged text in the second format is refused, like the first's.
func TestJournalRefusesADamagedText(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "a.md")
	if err := j.Put(Entry{Path: path, Text: "未保存的文字"}); err != nil {
		t.Fatal(err)
	}
	name := j.fileFor(path)
	data, _ := os.ReadFile(name)
	data[len(data)-1] ^= 1
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := j.Get(path); err == nil {
		t.Fatal("a damaged journal was read")
	}
}

// BenchmarkJournalFlush10MB measures one flush of a 10 MB article being
// edited (each iteration a new text) in the second format (Put) against
// the first (putV1), and reports the bytes written per flush.
// go test ./app/library/ -run X -bench JournalFlush10MB -count 3
func BenchmarkJournalFlush10MB(b *testing.B) {
	base := bigArticle(10 << 20)
	loaded := SumOf([]byte(base))
	for _, bc := range []struct {
		name string
		put  func(*Journal, Entry) error
	}{{"v2", (*Journal).Put}, {"v1", putV1}} {
		b.Run(bc.name, func(b *testing.B) {
			j, err := OpenJournal(filepath.Join(b.TempDir(), "journal"))
			if err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(b.TempDir(), "big.md")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := bc.put(j, Entry{Path: path, Text: base + string(rune('a'+i%26)), Base: base, Loaded: loaded}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			info, _ := os.Stat(j.fileFor(path))
			b.ReportMetric(float64(info.Size())/1e6, "MB/flush")
		})
	}
}

// F42: the same text journalled again (after a restart) keeps the time it
// was typed; a new text gets a new time.
func TestJournalKeepsTheTimeOfTheSameText(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "a.md")
	t0 := time.Date(2026, 1, 2, 11, 50, 0, 0, time.UTC)
	j.now = func() time.Time { return t0 }
	if err := j.Put(Entry{Path: path, Text: "未保存", Caret: 3}); err != nil {
		t.Fatal(err)
	}
	j2, err := OpenJournal(j.Dir()) // the next start
	if err != nil {
		t.Fatal(err)
	}
	j2.now = func() time.Time { return t0.Add(time.Hour) }
	if err := j2.Put(Entry{Path: path, Text: "未保存", Caret: 6}); err != nil {
		t.Fatal(err)
	}
	if e, _, _ := j2.Get(path); !e.Time.Equal(t0) || e.Caret != 6 {
		t.Fatalf("time %v caret %d, want %v and 6", e.Time, e.Caret, t0)
	}
	if err := j2.Put(Entry{Path: path, Text: "未保存，又打了字"}); err != nil {
		t.Fatal(err)
	}
	if e, _, _ := j2.Get(path); !e.Time.Equal(t0.Add(time.Hour)) {
		t.Fatalf("time %v after new typing, want %v", e.Time, t0.Add(time.Hour))
	}
}

// A base text no journal names (left by a crash) goes at the next open;
// one a journal names stays.
func TestOpenJournalRemovesOrphanBases(t *testing.T) {
	j := openJournal(t)
	path := filepath.Join(t.TempDir(), "a.md")
	if err := j.Put(Entry{Path: path, Text: "原文加字\n", Base: "原文\n"}); err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(j.Dir(), strings.Repeat("ab", 32)+baseExt)
	write(t, orphan, "old")
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{orphan} {
		if err := os.Chtimes(n, old, old); err != nil {
			t.Fatal(err)
		}
	}
	bases, _ := filepath.Glob(filepath.Join(j.Dir(), "*"+baseExt))
	for _, b := range bases {
		os.Chtimes(b, old, old)
	}
	j2, err := OpenJournal(j.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(orphan); err == nil {
		t.Error("the orphan base stayed")
	}
	if e, ok, err := j2.Get(path); err != nil || !ok || e.Text != "原文加字\n" {
		t.Fatalf("the journal lost its base: %+v %v %v", e, ok, err)
	}
}
