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
	for _, nowait := range []bool{true, false} {
		name := "nowait"
		if !nowait {
			name = "wait"
		}
		b.Run(name, func(b *testing.B) {
			defer func(v bool) { streamNowait = v }(streamNowait)
			streamNowait = nowait
			cpu := cpuMetric(b)
			for b.Loop() {
				b.StopTimer()
				for _, p := range drop {
					if fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0); err == nil {
						unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED)
						unix.Close(fd)
					}
				}
				b.StartTimer()
				ix := NewIndex(dir)
				if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
					b.Fatal(err)
				}
			}
			cpu()
			b.ReportMetric(float64(len(drop)), "dropped")
		})
	}
}
