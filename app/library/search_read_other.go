//go:build !unix

package library

// searchRead reads a file for Search, as Visit does.
func searchRead(path string, buf []byte) ([]byte, error) { return readFileInto(path, buf) }

// readRest reads the file at path from offset off to its end (what a
// head-only read left out).
func readRest(path string, off int64, buf []byte) ([]byte, error) {
	data, err := readFileInto(path, buf)
	if err != nil {
		return nil, err
	}
	return data[min(off, int64(len(data))):], nil
}
