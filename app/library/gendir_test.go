package library

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestWriteGeneratedFolder writes a generated folder for the real-window
// checks (.ci/latency): FOLIO_GEN_DIR=dir FOLIO_GEN_N=10000 go test
// ./app/library -run TestWriteGeneratedFolder. It does nothing otherwise.
func TestWriteGeneratedFolder(t *testing.T) {
	dir := os.Getenv("FOLIO_GEN_DIR")
	if dir == "" {
		t.Skip("FOLIO_GEN_DIR is not set")
	}
	n, err := strconv.Atoi(os.Getenv("FOLIO_GEN_N"))
	if err != nil || n <= 0 {
		t.Fatalf("FOLIO_GEN_N=%q: want a count of articles", os.Getenv("FOLIO_GEN_N"))
	}
	genFolder(t, dir, n, 9)
	paths, _ := visitPaths(t, dir)
	if len(paths) < n {
		t.Fatalf("%d articles written under %s, want %d", len(paths), filepath.Clean(dir), n)
	}
}
