package library

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"
)

// BenchmarkLoadStream loads the Index of a folder as the app does
// (streamed, on GOMAXPROCS workers) and reports the CPU time per load
// besides the wall time: on a shared machine the CPU time is the steadier
// figure. FOLIO_FILL_DIR names the folder (the generated benchmark site by
// default); FOLIO_FILL_GC sets the collector's target during the loads
// (GOGC, as the app raises it while it loads).
//
// Sub-benchmarks: "dirfd" as the app loads (the walk keeps each folder
// open and the readers open its files relative to it), "paths" the peer
// (each reader opens the folders itself, as before).
func BenchmarkLoadStream(b *testing.B) {
	dir := fillDir(b)
	for _, keep := range []bool{true, false} {
		name := "dirfd"
		if !keep {
			name = "paths"
		}
		b.Run(name, func(b *testing.B) {
			defer func(k bool) { streamKeepsDirs = k }(streamKeepsDirs)
			streamKeepsDirs = keep
			benchLoadStream(b, dir)
		})
	}
}

// fillDir is the folder the load benchmarks read: FOLIO_FILL_DIR, or the
// generated benchmark site.
func fillDir(b *testing.B) string {
	if dir := os.Getenv("FOLIO_FILL_DIR"); dir != "" {
		return dir
	}
	return benchSite(b)
}

// benchLoadStream is BenchmarkLoadStream of the folder dir.
func benchLoadStream(b *testing.B, dir string) {
	if v, err := strconv.Atoi(os.Getenv("FOLIO_FILL_GC")); err == nil {
		defer debug.SetGCPercent(debug.SetGCPercent(v))
	}
	runtime.GC()
	var before, m runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuMetric(b)
	var ix *Index
	for b.Loop() {
		ix = NewIndex(dir)
		if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
			b.Fatal(err)
		}
	}
	cpu()
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.NumGC-before.NumGC)/float64(b.N), "gc/op")
	// What the last index holds, in heap pages (its fragmentation
	// included: what the system cannot take back).
	ix.Schema()
	debug.FreeOSMemory()
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(int64(m.HeapInuse)-int64(before.HeapInuse))/float64(ix.Len()), "heap-B/article")
	b.Logf("%d articles", ix.Len())
	runtime.KeepAlive(ix)
}

// benchCache returns the benchmark folder (see BenchmarkLoadStream), its
// files' times set an hour back (outside the racy window), and the file
// of its index cache, saved once.
func benchCache(b *testing.B) (dir, file string) {
	b.Helper()
	dir = os.Getenv("FOLIO_FILL_DIR")
	if dir == "" {
		dir = benchSite(b)
		ageTree(b, dir, time.Hour)
	}
	file = CacheFile(b.TempDir(), dir)
	ix := NewIndex(dir)
	if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
		b.Fatal(err)
	}
	ix.CheckRest(context.Background())
	if err := ix.SaveCache(file); err != nil {
		b.Fatal(err)
	}
	if info, err := os.Stat(file); err == nil {
		b.Logf("%d articles, cache %d bytes (%.0f per article)", ix.Len(), info.Size(), float64(info.Size())/float64(ix.Len()))
	}
	return dir, file
}

// BenchmarkLoadCached fills the Index from its cache (LoadCache: what the
// list shows at once on a second open), to compare with
// BenchmarkLoadStream in the same run.
func BenchmarkLoadCached(b *testing.B) {
	dir, file := benchCache(b)
	runtime.GC()
	var before, m runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuMetric(b)
	var ix *Index
	for b.Loop() {
		ix = NewIndex(dir)
		if err := ix.LoadCache(file); err != nil {
			b.Fatal(err)
		}
	}
	cpu()
	ix.Schema()
	debug.FreeOSMemory()
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(int64(m.HeapInuse)-int64(before.HeapInuse))/float64(ix.Len()), "heap-B/article")
	runtime.KeepAlive(ix)
}

// BenchmarkValidateCached is what follows LoadCache in the background:
// Validate of an unchanged folder (a stat of every article).
func BenchmarkValidateCached(b *testing.B) {
	dir, file := benchCache(b)
	cpu := cpuMetric(b)
	for b.Loop() {
		b.StopTimer()
		ix := NewIndex(dir)
		if err := ix.LoadCache(file); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, read, err := ix.Validate(context.Background()); err != nil || read != 0 {
			b.Fatalf("read %d files again: %v", read, err)
		}
	}
	cpu()
}

// BenchmarkSaveCache encodes and writes the Index's cache.
func BenchmarkSaveCache(b *testing.B) {
	dir, file := benchCache(b)
	ix := NewIndex(dir)
	if err := ix.LoadCache(file); err != nil {
		b.Fatal(err)
	}
	if _, _, err := ix.Validate(context.Background()); err != nil { // a cache's rows are saved only once validated
		b.Fatal(err)
	}
	cpu := cpuMetric(b)
	for b.Loop() {
		if err := ix.SaveCache(file); err != nil {
			b.Fatal(err)
		}
	}
	cpu()
}
