package library

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
)

// BenchmarkLoadStream loads the Index of a folder as the app does
// (streamed, on GOMAXPROCS workers) and reports the CPU time per load
// besides the wall time: on a shared machine the CPU time is the steadier
// figure. FOLIO_FILL_DIR names the folder (the generated benchmark site by
// default); FOLIO_FILL_GC sets the collector's target during the loads
// (GOGC, as the app raises it while it loads).
func BenchmarkLoadStream(b *testing.B) {
	dir := os.Getenv("FOLIO_FILL_DIR")
	if dir == "" {
		dir = benchSite(b)
	}
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
