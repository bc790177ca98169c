package library

import (
	"syscall"
	"testing"
)

// minorFaults is the process's minor page faults so far.
func minorFaults(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Minflt
}

// TestPrefaultMapsPagesForWriting: after prefault of fresh memory, writing
// to every page takes (almost) no page fault, where without it each page
// takes one (the control).
func TestPrefaultMapsPagesForWriting(t *testing.T) {
	const pages = 4096
	page := syscall.Getpagesize()
	fresh := func() []byte {
		b, err := syscall.Mmap(-1, 0, pages*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { syscall.Munmap(b) })
		// Small pages even where transparent huge pages are always on.
		if err := syscall.Madvise(b, syscall.MADV_NOHUGEPAGE); err != nil {
			t.Fatal(err)
		}
		return b
	}
	writeAll := func(b []byte) int64 {
		before := minorFaults(t)
		for i := 0; i < len(b); i += page {
			b[i+page/2] = 1
		}
		return minorFaults(t) - before
	}
	control := fresh()
	if n := writeAll(control); n < pages/2 {
		t.Fatalf("control: writing %d fresh pages took %d faults; the fault count cannot tell", pages, n)
	}
	b := fresh()
	before := minorFaults(t)
	prefault(b[1:]) // unaligned start: the first page too
	if n := minorFaults(t) - before; n < pages/2 {
		t.Errorf("prefault of %d fresh pages took only %d faults", pages, n)
	}
	if n := writeAll(b); n > pages/20 {
		t.Errorf("writing %d prefaulted pages took %d faults", pages, n)
	}
}
