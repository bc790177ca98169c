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
	defer cpuMetric(b)()
	var m runtime.MemStats
	n := 0
	for b.Loop() {
		ix := NewIndex(dir)
		if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
			b.Fatal(err)
		}
		n = ix.Len()
	}
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.NumGC)/float64(b.N), "gc/op")
	b.Logf("%d articles", n)
}
