//go:build !unix

package library

// searchRead reads a file for Search, as Visit does.
func searchRead(path string, buf []byte) ([]byte, error) { return readFileInto(path, buf) }
