package library

import (
	"os"
	"unsafe"
)

// prefault writes to each memory page of s, whose elements must be zero
// (the fresh capacity of a grown slice), so that the system maps the
// pages for writing now, one fault each.
//
// Left alone, a large slice that fills slowly has its untouched tail read
// first by the garbage collector, which scans a large object whole: the
// system then maps the shared zero page there, and the later append's
// write takes a second fault that copies the page and flushes the other
// processors' address translations (an interrupt to each, costly in a
// virtual machine). For the rows of a 150,000-article first load, that
// was about 4% of its CPU time.
func prefault[T any](s []T) {
	size := len(s) * int(unsafe.Sizeof(*new(T)))
	if size == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), size)
	page := os.Getpagesize()
	// The first byte of the page the slice starts in, then of every page
	// after it; a zero byte written over zero changes nothing, pointer
	// words included.
	b[0] = 0
	for i := page - int(uintptr(unsafe.Pointer(&b[0]))%uintptr(page)); i < len(b); i += page {
		b[i] = 0
	}
}
