package library

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// BenchmarkLoadStreamEvicted is BenchmarkLoadStream with some of the
// folder's files dropped from the page cache before each load, as a
// memory manager drops pages not used for a while (this machine's DAMON
// reclaim) or as a first open after a reboot finds them:
// FOLIO_FILL_EVICT=K drops every Kth Markdown file (1: all; default 50,
// 2%). Peers: "nowait", as the app loads (a worker hands a file that must
// come from the disk to a slow reader and reads on, see readFirst), and
// "wait", each worker waiting for its files. It needs a folder on a disk
// (the page cache of tmpfs cannot be dropped).
func BenchmarkLoadStreamEvicted(b *testing.B) {
	dir := fillDir(b)
	evictedPeers(b, droppable(b, dir), func(b *testing.B) {
		ix := NewIndex(dir)
		if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSearchEvicted searches the folder of BenchmarkLoadStreamEvicted
// with its files dropped from the page cache as there (FOLIO_FILL_EVICT):
// a search after a reboot, the list filled from the index cache but the
// articles on the disk. Peers "nowait" and "wait" as there.
func BenchmarkSearchEvicted(b *testing.B) {
	dir := fillDir(b)
	evictedPeers(b, droppable(b, dir), func(b *testing.B) {
		out := make(chan Hit, 256)
		errc := make(chan error, 1)
		go func() { errc <- Search(context.Background(), dir, "Kubernetes", SearchOptions{MaxHits: 1 << 30}, out) }()
		hits := 0
		for range out {
			hits++
		}
		if err := <-errc; err != nil || hits == 0 {
			b.Fatalf("%d hits, err %v", hits, err)
		}
	})
}

// evictedPeers runs op as the sub-benchmarks "nowait" (as the app reads,
// see nowaitReads) and "wait", dropping the files drop from the page cache
// before each run, and reports op's CPU time.
func evictedPeers(b *testing.B, drop []string, op func(b *testing.B)) {
	for _, nowait := range []bool{true, false} {
		name := "nowait"
		if !nowait {
			name = "wait"
		}
		b.Run(name, func(b *testing.B) {
			defer func(v bool) { nowaitReads = v }(nowaitReads)
			nowaitReads = nowait
			cpu := cpuMetric(b)
			for b.Loop() {
				b.StopTimer()
				dropFiles(drop)
				b.StartTimer()
				op(b)
			}
			cpu()
			b.ReportMetric(float64(len(drop)), "dropped")
		})
	}
}

// droppable lists every Kth Markdown file under dir (FOLIO_FILL_EVICT=K;
// 1: all; default 50, 2%), for dropFiles.
func droppable(b *testing.B, dir string) []string {
	every := 50
	if v, err := strconv.Atoi(os.Getenv("FOLIO_FILL_EVICT")); err == nil && v > 0 {
		every = v
	}
	var drop []string
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && IsMarkdown(d.Name()) {
			if n%every == 0 {
				drop = append(drop, p)
			}
			n++
		}
		return nil
	})
	if len(drop) == 0 {
		b.Fatalf("no Markdown file under %s", dir)
	}
	return drop
}

// dropFiles drops the files from the page cache (posix_fadvise).
func dropFiles(paths []string) {
	for _, p := range paths {
		if fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0); err == nil {
			unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED)
			unix.Close(fd)
		}
	}
}
