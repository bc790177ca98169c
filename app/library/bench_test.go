package library

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"folio/editor/document"
	"folio/editor/textwidth"
)

// The benchmark folder: a Hugo site whose content/ holds benchArticles
// generated articles, made once per test process and removed by TestMain.
var bench struct {
	once    sync.Once
	dir     string // the site: config.toml, content/
	content string
	folio   string // the built folio command
	err     error
}

// benchArticles is the size of the benchmark folder: 10,000 articles, or
// FOLIO_BENCH_ARTICLES.
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 10_000
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchSite generates the benchmark site on first use.
func benchSite(b *testing.B) string {
	b.Helper()
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "folio-bench-")
		if err != nil {
			bench.err = err
			return
		}
		bench.dir = dir
		bench.content = filepath.Join(dir, "content")
		genFolder(b, bench.content, benchArticles(), 1)
		// A minimal Hugo site: no theme, nothing to render, CJK-aware word
		// counts as Folio's.
		config := "baseURL = \"https://example.org/\"\ntitle = \"bench\"\nhasCJKLanguage = true\n"
		bench.err = os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o644)
	})
	if bench.err != nil {
		b.Fatalf("benchmark folder: %v", bench.err)
	}
	return bench.content
}

// folioCommand builds cmd/folio once and returns its path.
func folioCommand(b *testing.B) string {
	b.Helper()
	if bench.folio == "" {
		exe := filepath.Join(bench.dir, "folio")
		out, err := exec.Command("go", "build", "-o", exe, "folio/cmd/folio").CombinedOutput()
		if err != nil {
			b.Fatalf("build folio: %v\n%s", err, out)
		}
		bench.folio = exe
	}
	return bench.folio
}

// BenchmarkList compares `folio list` over a 10,000-article folder with
// reading the same files without parsing and with Hugo's `hugo list all`
// on a site whose content is that folder, in one run:
//
//	folio      library.Scan: walk, read and parse every article in parallel
//	folio-cmd  the built `folio list DIR`, output discarded
//	read       walk and os.ReadFile every file on one goroutine, like cat
//	cat        find DIR -name '*.md' -exec cat {} + > /dev/null
//	hugo       hugo list all (Debian's hugo; fails when it is missing)
//
// The goals are folio ≤ 2× read and ≤ 0.5× hugo.
func BenchmarkList(b *testing.B) {
	content := benchSite(b)
	site := filepath.Dir(content)
	n := benchArticles()

	b.Run("folio", func(b *testing.B) {
		defer cpuMetric(b)()
		for b.Loop() {
			sums, err := Scan(context.Background(), content)
			if err != nil {
				b.Fatal(err)
			}
			if len(sums) != n {
				b.Fatalf("scanned %d articles, want %d", len(sums), n)
			}
			for _, s := range sums {
				if s.Err != nil {
					b.Fatalf("%s: %v", s.Path, s.Err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
	})
	b.Run("folio-cmd", func(b *testing.B) {
		exe := folioCommand(b)
		var cpu time.Duration
		for b.Loop() {
			cpu += run(b, exec.Command(exe, "list", content))
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	})
	b.Run("read", func(b *testing.B) {
		defer cpuMetric(b)()
		for b.Loop() {
			files, bytes := 0, 0
			err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !IsMarkdown(p) {
					return err
				}
				data, err := os.ReadFile(p)
				files, bytes = files+1, bytes+len(data)
				return err
			})
			if err != nil || files != n {
				b.Fatalf("read %d files: %v", files, err)
			}
			b.SetBytes(int64(bytes))
		}
	})
	b.Run("cat", func(b *testing.B) {
		var cpu time.Duration
		for b.Loop() {
			cpu += run(b, exec.Command("sh", "-c", `find "$1" -name '*.md' -exec cat {} + >/dev/null`, "sh", content))
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	})
	b.Run("hugo", func(b *testing.B) {
		hugo, err := exec.LookPath("hugo")
		if err != nil {
			b.Fatalf("hugo is needed for this benchmark (Debian: apt-get install hugo): %v", err)
		}
		var cpu time.Duration
		for b.Loop() {
			cmd := exec.Command(hugo, "list", "all", "--source", site, "--quiet")
			cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(site, ".cache"))
			cpu += run(b, cmd)
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	})
	b.Logf("%d articles, GOMAXPROCS %d", n, runtime.GOMAXPROCS(0))
}

// run runs a benchmarked command with its output discarded and returns
// the CPU time (user and system) it and its children used.
func run(b *testing.B, cmd *exec.Cmd) time.Duration {
	b.Helper()
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", cmd.Args, err, stderr.buf)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// cpuMetric starts measuring the process's CPU time; the function it
// returns reports it per operation as cpu-ns/op. On a machine shared with
// other work, CPU time is steadier than wall time.
func cpuMetric(b *testing.B) func() {
	start := processCPU()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((processCPU()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

// limitedBuffer keeps the first 4 KB written to it.
type limitedBuffer struct{ buf []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.buf = append(l.buf, p[:min(len(p), 4096-len(l.buf))]...)
	return len(p), nil
}

// BenchmarkSummaryMemory reports the heap that the summaries of the
// benchmark folder hold once scanned (after a collection), per article,
// and the bytes of the articles themselves for comparison.
func BenchmarkSummaryMemory(b *testing.B) {
	content := benchSite(b)
	var held, fileBytes float64
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		sums, err := Scan(context.Background(), content)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = float64(after.HeapAlloc-before.HeapAlloc) / float64(len(sums))
		runtime.KeepAlive(sums)
	}
	filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				fileBytes += float64(info.Size())
			}
		}
		return nil
	})
	b.ReportMetric(held, "heap-B/article")
	b.ReportMetric(fileBytes/float64(benchArticles()), "file-B/article")
}

// widerByRunes is wider as it was, rune by rune (BenchmarkWider's peer).
func widerByRunes(s string, limit int) bool {
	if len(s) <= limit {
		return false
	}
	w := 0
	for _, r := range s {
		switch {
		case r < 0x300 && r >= 0x20 && r != 0x7F:
			w++
		case 0x4E00 <= r && r <= 0x9FA5:
			w += 2
		default:
			w += textwidth.Columns(r)
		}
		if w > limit {
			return true
		}
	}
	return false
}

// BenchmarkWider is the long-text test of a Chinese summary of 79
// columns (read to its end), against the rune loop it replaced.
func BenchmarkWider(b *testing.B) {
	s := os.Getenv("WIDER_S")
	if s == "" {
		s = "微服务架构下的性能优化：从 Go 语言的并发模型谈起，" + strings.Repeat("中", 14)
	}
	if textwidth.StringColumns(s) > document.LongTextWidth || widerByRunes(s, document.LongTextWidth) {
		b.Fatalf("%d columns: not read to the end", textwidth.StringColumns(s))
	}
	for _, peer := range []struct {
		name string
		fn   func(string, int) bool
	}{{"bytes", wider}, {"runes", widerByRunes}} {
		b.Run(peer.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				if peer.fn(s, document.LongTextWidth) {
					b.Fatal("wider")
				}
			}
		})
	}
}
