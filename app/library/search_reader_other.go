//go:build !linux

package library

import "time"

// searchReader reads the files of a search on one worker.
type searchReader struct{}

func newSearchReader() *searchReader { return &searchReader{} }

// read reads the file at path into buf's memory when it fits.
func (*searchReader) read(path string, buf []byte) ([]byte, error) { return searchRead(path, buf) }

// readStat is read also returning the file's modification time.
func (*searchReader) readStat(path string, buf []byte) ([]byte, time.Time, error) {
	return readFileStat(path, buf)
}

// readHead is readStat: other systems read the whole file (whole is
// always true).
func (*searchReader) readHead(path string, buf []byte, limit int) ([]byte, time.Time, bool, error) {
	data, mod, err := readFileStat(path, buf)
	return data, mod, true, err
}

func (*searchReader) close() {}
