package library

import (
	"sync"
	"sync/atomic"
)

// A folder's first open after its blocks left the page cache (after a
// reboot, or once the system's memory manager dropped them: some virtual
// machines page out what was not read for a minute) waits for the disk
// for every folder it lists, one after the other: the walk lists folders
// in path order, alone, and a site of page bundles has a folder an
// article. dirPrefetch lists the folders the walk will come to next on
// several goroutines, so that their blocks are read together and the
// walk finds them cached.
//
// It starts only once the load's workers find the files must come from
// the disk (see coldFolder): of a folder the page cache holds, each
// folder would be listed twice for nothing.

// prefetchDirReaders is how many folders a dirPrefetch lists at once.
const prefetchDirReaders = 8

// prefetchAhead is how many of a folder's entries, after the subfolder
// the walk goes into, are looked at for subfolders to list ahead.
const prefetchAhead = 64

// dirPrefetch lists folders ahead of a walk (see above).
type dirPrefetch struct {
	paths   chan string
	stopped atomic.Bool
	listed  atomic.Int64 // folders listed, for tests
	wg      sync.WaitGroup
}

// newDirPrefetch starts prefetchDirReaders listers.
func newDirPrefetch() *dirPrefetch {
	p := &dirPrefetch{paths: make(chan string, 2*prefetchAhead)}
	for range prefetchDirReaders {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			var sc warmScratch
			for abs := range p.paths {
				if !p.stopped.Load() {
					warmDir(abs, &sc)
					p.listed.Add(1)
				}
			}
		}()
	}
	return p
}

// submit asks for the folder abs to be listed, unless the listers are
// that far behind (the walk then lists it itself).
func (p *dirPrefetch) submit(abs string) {
	select {
	case p.paths <- abs:
	default:
	}
}

// close stops the listers, dropping the folders not yet listed, and waits
// for them.
func (p *dirPrefetch) close() {
	p.stopped.Store(true)
	close(p.paths)
	p.wg.Wait()
}

// coldFolder counts the files a load's workers read and those whose reads
// refused to wait for the disk (errWouldBlock), to tell when the folder
// is not in the page cache.
type coldFolder struct {
	seen, refused atomic.Int64
}

// count records one file read (refused: it must come from the disk).
func (c *coldFolder) count(refused bool) {
	c.seen.Add(1)
	if refused {
		c.refused.Add(1)
	}
}

// cold reports whether, of at least 256 files, more than one in ten had
// to come from the disk: a few files a memory manager dropped from a
// folder that is otherwise cached do not make it cold.
func (c *coldFolder) cold() bool {
	seen := c.seen.Load()
	return seen >= 256 && c.refused.Load()*10 > seen
}
