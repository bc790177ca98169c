package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchScenario is one thing another program does to a folder, and the
// batch contents that show the watcher saw it.
type watchScenario struct {
	name string
	// setup prepares the folder before watching starts.
	setup func(t *testing.T, dir string)
	// act changes the folder while it is watched.
	act func(t *testing.T, dir string, w *Watcher)
	// seen reports whether the changes received so far show the act.
	seen func(dir string, got []Change) bool
	// batches, when > 0, is how many batches the act must make.
	batches int
}

// has reports whether got holds a change for path with the given removal.
func has(got []Change, path string, removed bool) bool {
	return slices.ContainsFunc(got, func(c Change) bool { return c.Path == path && c.Removed == removed })
}

const burstFiles = 2000

var watchScenarios = []watchScenario{
	{
		name:  "in-place write",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "old") },
		act: func(t *testing.T, dir string, w *Watcher) {
			write(t, filepath.Join(dir, "a.md"), "---\ntitle: 新\n---\n")
		},
		seen: func(dir string, got []Change) bool { return has(got, filepath.Join(dir, "a.md"), false) },
	},
	{
		name:  "temp and rename",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "old") },
		act: func(t *testing.T, dir string, w *Watcher) {
			tmp := filepath.Join(dir, "a.md.tmp.1234")
			write(t, tmp, "new")
			if err := os.Rename(tmp, filepath.Join(dir, "a.md")); err != nil {
				t.Fatal(err)
			}
		},
		seen: func(dir string, got []Change) bool {
			return has(got, filepath.Join(dir, "a.md"), false) && !has(got, filepath.Join(dir, "a.md"), true)
		},
	},
	{
		name:  "rename of a tracked file",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "text") },
		act: func(t *testing.T, dir string, w *Watcher) {
			w.Track(filepath.Join(dir, "a.md"))
			if err := os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "新名字.md")); err != nil {
				t.Fatal(err)
			}
		},
		seen: func(dir string, got []Change) bool {
			old := filepath.Join(dir, "a.md")
			return has(got, old, true) && slices.ContainsFunc(got, func(c Change) bool {
				return c.Path == filepath.Join(dir, "新名字.md") && !c.Removed && c.From == old
			})
		},
	},
	{
		// F34: git checkout of a rename deletes the file and writes the
		// same bytes anew under the new name (another inode: the new
		// file is written before the old one goes, so the inode cannot be
		// reused).
		name:  "rename by delete and create of the same content",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "# 标题\n正文\n") },
		act: func(t *testing.T, dir string, w *Watcher) {
			w.TrackSum(filepath.Join(dir, "a.md"), SumOf([]byte("# 标题\n正文\n")))
			write(t, filepath.Join(dir, "b.md"), "other")
			write(t, filepath.Join(dir, "新名字.md"), "# 标题\n正文\n")
			if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
				t.Fatal(err)
			}
		},
		seen: func(dir string, got []Change) bool {
			old := filepath.Join(dir, "a.md")
			return has(got, old, true) && slices.ContainsFunc(got, func(c Change) bool {
				return c.Path == filepath.Join(dir, "新名字.md") && !c.Removed && c.From == old
			}) && !slices.ContainsFunc(got, func(c Change) bool { return c.From != "" && c.Path != filepath.Join(dir, "新名字.md") })
		},
	},
	{
		name:  "delete and create of other content is no rename",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "# 标题\n正文\n") },
		act: func(t *testing.T, dir string, w *Watcher) {
			w.TrackSum(filepath.Join(dir, "a.md"), SumOf([]byte("# 标题\n正文\n")))
			write(t, filepath.Join(dir, "新名字.md"), "# 标题\n正文！\n")
			if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
				t.Fatal(err)
			}
		},
		seen: func(dir string, got []Change) bool {
			return has(got, filepath.Join(dir, "a.md"), true) && has(got, filepath.Join(dir, "新名字.md"), false) &&
				!slices.ContainsFunc(got, func(c Change) bool { return c.From != "" })
		},
	},
	{
		name:  "delete",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "text") },
		act: func(t *testing.T, dir string, w *Watcher) {
			if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
				t.Fatal(err)
			}
		},
		seen: func(dir string, got []Change) bool { return has(got, filepath.Join(dir, "a.md"), true) },
	},
	{
		name: "symlinked folder",
		setup: func(t *testing.T, dir string) {
			outside := t.TempDir()
			write(t, filepath.Join(outside, "x.md"), "old")
			if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(dir, filepath.Join(outside, "loop")); err != nil { // a loop back
				t.Fatal(err)
			}
		},
		act: func(t *testing.T, dir string, w *Watcher) {
			real, err := filepath.EvalSymlinks(filepath.Join(dir, "linked"))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(real, "x.md"), "changed through the real path")
		},
		seen: func(dir string, got []Change) bool {
			return has(got, filepath.Join(dir, "linked", "x.md"), false)
		},
	},
	{
		name:  "self-save echo",
		setup: func(t *testing.T, dir string) { write(t, filepath.Join(dir, "a.md"), "old") },
		act: func(t *testing.T, dir string, w *Watcher) {
			a := filepath.Join(dir, "a.md")
			data := []byte("saved by Folio")
			w.Expect(a, data)
			if err := Save(a, data, SumOf([]byte("old"))); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond)
			write(t, filepath.Join(dir, "after.md"), "an outside write after the save")
		},
		// The save is not reported; the outside write after it is, alone.
		seen: func(dir string, got []Change) bool {
			return has(got, filepath.Join(dir, "after.md"), false) && len(got) == 1
		},
		batches: 1,
	},
	{
		name: "2,000-file burst",
		setup: func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "posts"), 0o755); err != nil {
				t.Fatal(err)
			}
		},
		act: func(t *testing.T, dir string, w *Watcher) {
			// A git checkout puts 2,000 files in place within a second. On
			// a loaded test machine writing them takes longer than that,
			// so they are written beside the folder and moved in.
			staging := t.TempDir()
			for i := range burstFiles {
				write(t, filepath.Join(staging, fmt.Sprintf("p%04d.md", i)), "checked out")
			}
			start := time.Now()
			for i := range burstFiles {
				name := fmt.Sprintf("p%04d.md", i)
				if err := os.Rename(filepath.Join(staging, name), filepath.Join(dir, "posts", name)); err != nil {
					t.Fatal(err)
				}
			}
			if d := time.Since(start); d > maxDelay/2 {
				t.Logf("moving the files in took %v: the burst may be cut in batches of a second", d)
			}
		},
		seen: func(dir string, got []Change) bool {
			n := 0
			for _, c := range got {
				if filepath.Dir(c.Path) == filepath.Join(dir, "posts") && !c.Removed {
					n++
				}
			}
			return n == burstFiles
		},
		// A lone first change may go out after the 8 ms settle before the
		// rest arrive (a loaded machine moves files slowly); the rest of
		// the burst is one batch.
		batches: 2,
	},
}

// observe collects batches until seen is satisfied or wait passes, and
// returns whether it was and how many batches it took.
func observe(w *Watcher, dir string, sc watchScenario, wait time.Duration) (bool, int) {
	var got []Change
	batches := 0
	timeout := time.After(wait)
	for {
		select {
		case b, ok := <-w.Changes():
			if !ok {
				return false, batches
			}
			batches++
			got = append(got, b...)
			if sc.seen(dir, got) {
				// Let a batch that should not come arrive.
				select {
				case b := <-w.Changes():
					got = append(got, b...)
					batches++
				case <-time.After(250 * time.Millisecond):
				}
				return sc.seen(dir, got), batches
			}
		case <-timeout:
			return false, batches
		}
	}
}

// TestWatchScenarios runs each scenario with real fsnotify events, and
// again with a dead watcher (one that watches no folder) that must not see
// it: the positive control that shows the scenario tests the watcher.
func TestWatchScenarios(t *testing.T) {
	for _, sc := range watchScenarios {
		t.Run(sc.name, func(t *testing.T) {
			dir := t.TempDir()
			sc.setup(t, dir)
			w := watch(t, dir, 100*time.Millisecond)
			sc.act(t, dir, w)
			ok, batches := observe(w, dir, sc, 5*time.Second)
			if !ok {
				t.Fatalf("the watcher did not report it (%d batches)", batches)
			}
			if sc.batches > 0 && batches > sc.batches {
				t.Fatalf("reported in %d batches, want at most %d", batches, sc.batches)
			}
		})
		t.Run(sc.name+"/dead watcher", func(t *testing.T) {
			dir := t.TempDir()
			sc.setup(t, dir)
			w, err := watchWith(dir, 100*time.Millisecond, watchOptions{
				add: func(*fsnotify.Watcher, string) error { return nil }, // watches nothing
			})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			sc.act(t, dir, w)
			if ok, _ := observe(w, dir, sc, time.Second); ok {
				t.Fatal("a dead watcher passed the scenario: it does not test the watcher")
			}
		})
	}
}

// TestWatchFallsBackToRescansBeyondTheLimit runs out of watches (the
// folder-adding function fails like inotify does at its limit) and expects
// the unwatched folders to be rescanned, new files and sub-folders
// included, and the limit reported once.
func TestWatchFallsBackToRescansBeyondTheLimit(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep", "er")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(deep, "a.md"), "old")
	added := 0
	w, err := watchWith(dir, 50*time.Millisecond, watchOptions{
		add: func(fw *fsnotify.Watcher, d string) error {
			if added >= 1 { // only the root fits
				return fmt.Errorf("add %s: %w", d, syscall.ENOSPC)
			}
			added++
			return fw.Add(d)
		},
		poll: 100 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !errors.Is(w.Limited(), ErrWatchLimit) {
		t.Fatalf("Limited() = %v", w.Limited())
	}
	select {
	case err := <-w.Errors():
		if !errors.Is(err, ErrWatchLimit) {
			t.Fatalf("reported %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("the limit was not reported")
	}
	a := filepath.Join(deep, "a.md")
	write(t, a, "changed, and longer")
	if ok, _ := observe(w, dir, watchScenario{seen: func(_ string, got []Change) bool { return has(got, a, false) }}, 3*time.Second); !ok {
		t.Fatal("a change in an unwatched folder was not found by rescanning")
	}
	newDir := filepath.Join(deep, "new")
	if err := os.MkdirAll(newDir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := filepath.Join(newDir, "b.md")
	write(t, b, "x")
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	seen := func(_ string, got []Change) bool { return has(got, b, false) && has(got, a, true) }
	if ok, _ := observe(w, dir, watchScenario{seen: seen}, 3*time.Second); !ok {
		t.Fatal("a new sub-folder's file and a deletion were not found by rescanning")
	}
	select {
	case err := <-w.Errors():
		t.Fatalf("reported again: %v", err)
	default:
	}
}

// latency writes to one article of dir n times, in the given style, and
// returns the sorted delays from each completed write to the batch that
// reports it, and how many writes were never reported.
func latency(tb testing.TB, dir string, n int, rename bool) ([]time.Duration, int) {
	tb.Helper()
	w, err := Watch(dir, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	path := filepath.Join(dir, "open-article.md")
	var delays []time.Duration
	missed := 0
	for i := range n {
		data := []byte(fmt.Sprintf("---\ntitle: 标题 %d\n---\n正文\n", i))
		if rename {
			tmp := filepath.Join(dir, ".open-article.md.tmp")
			if err := os.WriteFile(tmp, data, 0o644); err != nil {
				tb.Fatal(err)
			}
			if err := os.Rename(tmp, path); err != nil {
				tb.Fatal(err)
			}
		} else if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		done := time.Now()
		got := false
		for timeout := time.After(2 * time.Second); !got; {
			select {
			case b := <-w.Changes():
				if has(b, path, false) {
					delays = append(delays, time.Since(done))
					got = true
				}
			case <-timeout:
				missed++
				got = true
			}
		}
		time.Sleep(150 * time.Millisecond) // writes apart, as a person or an agent makes them
		for len(w.Changes()) > 0 {
			<-w.Changes()
		}
	}
	sort.Slice(delays, func(i, j int) bool { return delays[i] < delays[j] })
	return delays, missed
}

// percentile returns the p-th percentile of sorted delays.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

// TestWatchLatency measures, in a small folder, the delay from a completed
// outside write to its batch, for both write styles: p99 must be ≤ 100 ms.
// BenchmarkWatchLatency measures the same in a 10,000-article folder.
func TestWatchLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("writes for several seconds")
	}
	for _, rename := range []bool{false, true} {
		dir := t.TempDir()
		genFolder(t, dir, 20, 3)
		write(t, filepath.Join(dir, "open-article.md"), "start")
		d, missed := latency(t, dir, 30, rename)
		t.Logf("rename=%v: p50 %v, p99 %v, missed %d of 30", rename, percentile(d, .5), percentile(d, .99), missed)
		// The 100 ms goal is asserted where timing means something
		// (FOLIO_LATENCY=1 on a quiet machine); on a loaded CI machine a
		// scheduler stall is not a watcher bug, but a missed write or a
		// delay of seconds still is.
		limit := time.Second
		if os.Getenv("FOLIO_LATENCY") == "1" {
			limit = 100 * time.Millisecond
		}
		if missed > 0 || percentile(d, .99) > limit {
			t.Errorf("rename=%v: p99 %v with %d missed, want ≤ %v and none missed", rename, percentile(d, .99), missed, limit)
		}
	}
}

// BenchmarkWatchLatency reports p50 and p99 of the delay from a completed
// outside write to its batch, in-place and temp-and-rename, in a small and
// a 10,000-article folder (FOLIO_BENCH_ARTICLES changes the size).
func BenchmarkWatchLatency(b *testing.B) {
	for _, size := range []int{20, benchArticles()} {
		dir := b.TempDir()
		genFolder(b, dir, size, 4)
		write(b, filepath.Join(dir, "open-article.md"), "start")
		for _, rename := range []bool{false, true} {
			style := "in-place"
			if rename {
				style = "rename"
			}
			b.Run(fmt.Sprintf("%d/%s", size, style), func(b *testing.B) {
				var all []time.Duration
				missed := 0
				for b.Loop() {
					d, m := latency(b, dir, 20, rename)
					all = append(all, d...)
					missed += m
				}
				sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
				b.ReportMetric(float64(percentile(all, .5).Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(percentile(all, .99).Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(missed), "missed")
			})
		}
	}
}
