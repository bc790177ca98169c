package library

import (
	"sync"
	"sync/atomic"
)

// maxSlowReaders caps the readers a slowPool starts for files that must
// come from the disk (a folder's first open after a reboot, or files the
// system's memory manager dropped from the page cache). The disk's queue
// is kept full by the read-ahead each refused read asks for (see
// readFirst), not by them: 4 load a cold folder of 150,000 articles as
// fast as 16 did (BenchmarkLoadStreamEvicted), and leave the UI goroutine
// fewer goroutines to share the CPUs with.
const maxSlowReaders = 4

// slowPool is where the workers of a load (stream) or a search hand the
// files whose reads refused to wait for the disk (errWouldBlock): the
// workers keep the CPUs busy with what the page cache holds while the
// pool's readers, started as files come to them (at most
// maxSlowReaders), wait for the disk together.
type slowPool[J any] struct {
	jobs    chan J
	read    func(jobs <-chan J) // a reader: reads the jobs until they are closed
	readers atomic.Int32
	wg      sync.WaitGroup
}

// newSlowPool returns a pool holding up to size jobs before hand waits
// for its readers; read is set before the first hand.
func newSlowPool[J any](size int) *slowPool[J] {
	return &slowPool[J]{jobs: make(chan J, size)}
}

// hand gives the pool a job, starting a reader when none can take it.
func (p *slowPool[J]) hand(j J) {
	p.jobs <- j
	if n := p.readers.Load(); n < maxSlowReaders && (n == 0 || len(p.jobs) > 0) && p.readers.CompareAndSwap(n, n+1) {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.read(p.jobs)
		}()
	}
}

// close waits for the readers to read every job handed; no hand may
// follow.
func (p *slowPool[J]) close() {
	close(p.jobs)
	p.wg.Wait()
}
