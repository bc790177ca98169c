package main

import "runtime/debug"

// batchGC tunes the collector for a one-shot folder scan and returns a
// function that restores the previous settings. A scan makes a few
// kilobytes of short-lived garbage per article; a fresh process starts with
// a 4 MB heap goal and would collect about ten times over 10,000 articles.
// A higher GOGC with a memory limit as backstop keeps `folio list` close
// to the time of the scan itself without letting a huge folder grow the
// heap without bound.
func batchGC() (restore func()) {
	percent := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(1 << 30)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
