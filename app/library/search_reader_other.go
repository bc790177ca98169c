//go:build !linux

package library

// searchReader reads the files of a search on one worker.
type searchReader struct{}

func newSearchReader() *searchReader { return &searchReader{} }

// read reads the file at path into buf's memory when it fits.
func (*searchReader) read(path string, buf []byte) ([]byte, error) { return searchRead(path, buf) }

func (*searchReader) close() {}
