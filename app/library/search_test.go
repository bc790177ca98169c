package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// searchAll runs Search and returns its hits sorted by path, line and
// column, with the error.
func searchAll(t testing.TB, root, query string, opts SearchOptions) ([]Hit, error) {
	out := make(chan Hit, 16)
	var err error
	done := make(chan struct{})
	go func() {
		err = Search(context.Background(), root, query, opts, out)
		close(done)
	}()
	var hits []Hit
	for h := range out {
		hits = append(hits, h)
	}
	<-done
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return hits, err
}

// brief renders hits as path:line:col:len lines.
func brief(hits []Hit) string {
	var b strings.Builder
	for _, h := range hits {
		fmt.Fprintf(&b, "%s:%d:%d:%d\n", h.Path, h.Line, h.Col, h.Len)
	}
	return b.String()
}

func TestSearch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":              "---\ntitle: Go 语言\n---\n\ngo GO Go gopher\n人工智能与AI\n",
		"sub/b.md":          "first\r\nsecond Go\r\n",
		"sub/c.markdown":    "Café CAFÉ café\n",
		".hidden/d.md":      "Go\n",
		"node_modules/e.md": "Go\n",
		"f.txt":             "Go\n",
		"bin.md":            "Go\x00\n",
		"深/文章.md":           "AI趋势 AI 趋势\n",
	})
	for _, c := range []struct {
		name, query string
		opts        SearchOptions
		want        string
	}{
		{"case-insensitive ASCII", "go", SearchOptions{},
			"a.md:2:7:2\na.md:5:0:2\na.md:5:3:2\na.md:5:6:2\na.md:5:9:2\nsub/b.md:2:7:2\n"},
		{"case-sensitive", "Go", SearchOptions{CaseSensitive: true}, "a.md:2:7:2\na.md:5:6:2\nsub/b.md:2:7:2\n"},
		{"whole word", "go", SearchOptions{WholeWord: true},
			"a.md:2:7:2\na.md:5:0:2\na.md:5:3:2\na.md:5:6:2\nsub/b.md:2:7:2\n"},
		{"chinese", "人工智能", SearchOptions{}, "a.md:6:0:12\n"},
		{"whole word next to Chinese", "AI", SearchOptions{WholeWord: true}, "深/文章.md:1:9:2\n"},
		{"non-ASCII case folding", "café", SearchOptions{}, "sub/c.markdown:1:0:5\nsub/c.markdown:1:6:5\nsub/c.markdown:1:12:5\n"},
		{"regexp", `^s\w+`, SearchOptions{Regexp: true}, "sub/b.md:2:0:6\n"},
		{"regexp case", `g[o]`, SearchOptions{Regexp: true, CaseSensitive: true}, "a.md:5:0:2\na.md:5:9:2\n"},
		{"regexp empty matches skipped", `x*`, SearchOptions{Regexp: true}, ""},
		{"empty query", "", SearchOptions{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			hits, err := searchAll(t, dir, c.query, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(hits); got != c.want {
				t.Errorf("got:\n%swant:\n%s", got, c.want)
			}
		})
	}
	if _, err := searchAll(t, dir, "(", SearchOptions{Regexp: true}); err == nil {
		t.Error("invalid regexp accepted")
	}
	if _, err := searchAll(t, filepath.Join(dir, "missing"), "x", SearchOptions{}); err == nil {
		t.Error("missing root accepted")
	}
}

func TestSearchContext(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("前", 50) + "NEEDLE" + strings.Repeat("后", 100)
	writeFiles(t, dir, map[string]string{"a.md": "short NEEDLE line\r\n" + long + "\n"})
	hits, err := searchAll(t, dir, "needle", SearchOptions{})
	if err != nil || len(hits) != 2 {
		t.Fatalf("%d hits, %v", len(hits), err)
	}
	if h := hits[0]; h.Context != "short NEEDLE line" || h.ContextCol != 6 || h.Abs != filepath.Join(dir, "a.md") {
		t.Errorf("hit 0: %+v", h)
	}
	h := hits[1]
	if !strings.HasPrefix(h.Context, "…") || !strings.HasSuffix(h.Context, "…") || !strings.Contains(h.Context, "NEEDLE") {
		t.Errorf("long line context %q", h.Context)
	}
	if h.Context[h.ContextCol:h.ContextCol+h.Len] != "NEEDLE" || h.Col != 150 {
		t.Errorf("ContextCol %d / Col %d do not point at the match in %q", h.ContextCol, h.Col, h.Context)
	}
	if len(h.Context) > contextBefore+contextAfter+20 {
		t.Errorf("context %d bytes long", len(h.Context))
	}
	for _, r := range h.Context {
		if r == '\uFFFD' {
			t.Errorf("context cut inside a character: %q", h.Context)
		}
	}
}

func TestSearchLimitAndCancel(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 200, 3)
	hits, err := searchAll(t, dir, "的", SearchOptions{MaxHits: 50})
	if !errors.Is(err, ErrHitLimit) || len(hits) != 50 {
		t.Errorf("limit: %d hits, %v", len(hits), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Hit) // unbuffered: Search blocks on the first hit
	errc := make(chan error, 1)
	go func() { errc <- Search(ctx, dir, "的", SearchOptions{}, out) }()
	<-out
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Search did not stop when cancelled")
	}
	for range out { // closed
	}
}

// TestSearchAgreesWithGrep checks Search's lines against grep -rn on a
// generated folder.
func TestSearchAgreesWithGrep(t *testing.T) {
	grep, err := exec.LookPath("grep")
	if err != nil {
		t.Skip("no grep")
	}
	dir := t.TempDir()
	genFolder(t, dir, 300, 5)
	for _, c := range []struct {
		query string
		opts  SearchOptions
		flags []string
	}{
		{"Kubernetes", SearchOptions{CaseSensitive: true}, []string{"-F"}},
		{"kubernetes", SearchOptions{}, []string{"-F", "-i"}},
		{"边缘计算", SearchOptions{}, []string{"-F"}},
		{`func f[0-9]+\(`, SearchOptions{Regexp: true, CaseSensitive: true}, []string{"-E"}},
	} {
		hits, err := searchAll(t, dir, c.query, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		lines := map[string]bool{}
		for _, h := range hits {
			lines[fmt.Sprintf("%s:%d", h.Path, h.Line)] = true
		}
		args := append([]string{"-rn", "--include=*.md"}, c.flags...)
		cmd := exec.Command(grep, append(args, "-e", c.query, ".")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		out, _ := cmd.Output()
		want := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			parts := strings.SplitN(strings.TrimPrefix(l, "./"), ":", 3)
			if len(parts) == 3 {
				want[parts[0]+":"+parts[1]] = true
			}
		}
		if len(want) == 0 || len(lines) != len(want) {
			t.Errorf("%q: %d lines, grep %d", c.query, len(lines), len(want))
		}
		for l := range want {
			if !lines[l] {
				t.Errorf("%q: grep finds %s, Search does not", c.query, l)
				break
			}
		}
	}
}

// BenchmarkSearch compares Search over the 10,000-article benchmark folder
// with GNU grep -rn over the same files, in one run:
//
//	folio-*  Search, all hits received from the channel
//	grep-*   grep -rn --include=*.md, output discarded (LC_ALL=C.UTF-8)
//
// for a case-sensitive word, a case-insensitive word, a Chinese phrase and
// a regular expression.
func BenchmarkSearch(b *testing.B) {
	content := benchSite(b)
	grep, err := exec.LookPath("grep")
	if err != nil {
		b.Fatal("grep is needed for this benchmark")
	}
	for _, c := range []struct {
		name, query string
		opts        SearchOptions
		flags       []string
	}{
		{"word", "Kubernetes", SearchOptions{CaseSensitive: true}, []string{"-F"}},
		{"nocase", "kubernetes", SearchOptions{}, []string{"-F", "-i"}},
		{"chinese", "边缘计算", SearchOptions{}, []string{"-F"}},
		{"regexp", `func f[0-9]+\(`, SearchOptions{Regexp: true, CaseSensitive: true}, []string{"-E"}},
	} {
		c.opts.MaxHits = 1 << 30
		b.Run("folio-"+c.name, func(b *testing.B) {
			defer cpuMetric(b)()
			n := 0
			for b.Loop() {
				out := make(chan Hit, 256)
				errc := make(chan error, 1)
				go func() { errc <- Search(context.Background(), content, c.query, c.opts, out) }()
				n = 0
				for range out {
					n++
				}
				if err := <-errc; err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "hits")
		})
		b.Run("grep-"+c.name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				args := append([]string{"-rn", "--include=*.md"}, c.flags...)
				cmd := exec.Command(grep, append(args, "-e", c.query, content)...)
				cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
				cmd.Stdout = nil
				cpu += run(b, cmd)
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
