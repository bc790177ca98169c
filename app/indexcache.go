package app

import (
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"folio/app/library"
)

// indexCaching turns the index cache on; the app's tests turn it off (a
// save after a test ended would write into its removed folders), those of
// the cache on again.
var indexCaching = true

// Pacing of the index cache's saves after changes: once the folder has
// been quiet for cacheQuiet, or cacheMaxWait after the first change while
// changes keep coming (a save of 150,000 rows costs most of a second of
// CPU).
const (
	cacheQuiet   = 5 * time.Second
	cacheMaxWait = time.Minute
)

// indexCacheDir is where the index caches live: Folio's own storage,
// beside the crash journal.
func indexCacheDir(a fyne.App) string {
	if dir := journalDir(a); dir != "" {
		return filepath.Join(filepath.Dir(dir), "index")
	}
	return ""
}

// indexCache is one folder's index cache file (library.Index.SaveCache,
// LoadCache): saved once a load is validated or checked, and a while
// after later changes.
type indexCache struct {
	ix   *library.Index
	file string

	mu    sync.Mutex // one save at a time
	saved uint64     // ix.Version() the file was last saved at

	quiet, maxWait time.Duration // cacheQuiet, cacheMaxWait (tests shorten them)
}

// indexCacheOf is the index cache of ix's folder, or nil when there is
// no storage for it (or caching is off).
func (ws *workspace) indexCacheOf(ix *library.Index) *indexCache {
	if !indexCaching {
		return nil
	}
	dir := indexCacheDir(ws.app)
	if dir == "" {
		return nil
	}
	return &indexCache{ix: ix, file: library.CacheFile(dir, ix.Root()), quiet: cacheQuiet, maxWait: cacheMaxWait}
}

// save writes the cache unless it holds the index's rows already or the
// rows are still the cache's, not validated (a save would move the racy
// window, see library.Index.Validate). It reports whether it saved.
func (c *indexCache) save(f *listFiller) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ver := c.ix.Version()
	if ver == c.saved || c.ix.Cached() {
		return false
	}
	start := time.Now()
	if err := c.ix.SaveCache(c.file); err != nil {
		cacheDebug(f, "index cache not saved: %v", err)
		return false
	}
	c.saved = ver
	cacheDebug(f, "index cache saved: %d articles in %d ms", c.ix.Len(), time.Since(start).Milliseconds())
	return true
}

// cacheDebug logs a step of the index cache when FOLIO_DEBUG is set.
func cacheDebug(f *listFiller, format string, args ...any) {
	if f != nil {
		f.debug(format, args...)
	} else if os.Getenv("FOLIO_DEBUG") != "" {
		log.Printf("folio: "+format, args...)
	}
}

// keep saves the cache a while after the index's rows were edited (see
// cacheQuiet), until stop is closed. It waits on channels only: an idle
// Folio does not wake for it.
func (c *indexCache) keep(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-c.ix.Edited():
		}
		first := time.Now()
		quiet := time.NewTimer(c.quiet)
	wait:
		for {
			select {
			case <-stop:
				quiet.Stop()
				return
			case <-c.ix.Edited():
				if time.Since(first) < c.maxWait {
					quiet.Reset(c.quiet)
				}
			case <-quiet.C:
				if c.ix.Cached() { // validation under way: it saves when done
					quiet.Reset(c.quiet)
					continue
				}
				break wait
			}
		}
		c.save(nil)
	}
}
