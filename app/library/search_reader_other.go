//go:build !linux

package library

// searchReader reads the files of a search on one worker.
type searchReader struct {
	nowait bool // as on Linux; other systems' reads always wait
}

func newSearchReader() *searchReader { return &searchReader{} }

// read reads the file at path into buf's memory when it fits.
func (*searchReader) read(path string, buf []byte) ([]byte, error) { return searchRead(path, buf) }

// readStat is read also returning the file's stat.
func (*searchReader) readStat(path string, buf []byte) ([]byte, fileStat, error) {
	return readFileStat(path, buf)
}

// readHead is readStat: other systems read the whole file (whole is
// always true).
func (*searchReader) readHead(path string, buf []byte, limit int) ([]byte, fileStat, bool, error) {
	data, mod, err := readFileStat(path, buf)
	return data, mod, true, err
}

func (*searchReader) close() {}

// borrow is a no-op: other systems open every file by its path.
func (*searchReader) borrow(string, int) {}

// unborrow is a no-op (see borrow).
func (*searchReader) unborrow() {}
