package library

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// saveTempPrefix starts the name of every temporary file Folio writes next to
// an article: hidden (never listed as an article), and recognisable, so a
// file left by a killed save is cleaned up by the next save or scan of its
// folder.
const saveTempPrefix = ".folio-tmp-"

// staleAfter is how old an unlocked temporary file must be before it is
// removed even though the process named in it may still run.
const staleAfter = time.Minute

// IsTemp reports whether name (a base name) is one of Folio's temporary
// files.
func IsTemp(name string) bool { return strings.HasPrefix(name, saveTempPrefix) }

// createTemp creates a temporary file in dir named .folio-tmp-PID-RANDOM
// and locks it, so no cleaner removes it while it is being written.
func createTemp(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, saveTempPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	if err := lockNB(f); err != nil {
		// Not expected for a file just created; a cleaner may still take
		// it for the dead writer's, so say so rather than write blind.
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// cleanStale removes Folio's temporary files in dir that no writer holds:
// unlocked, and either older than staleAfter or left by a process that is
// gone. It is best effort and quiet: a file it cannot remove stays.
func cleanStale(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, name := range names {
		if IsTemp(name) {
			removeIfStale(filepath.Join(dir, name))
		}
	}
}

// removeIfStale removes one temporary file (see cleanStale).
func removeIfStale(path string) {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() {
		return
	}
	old := time.Since(info.ModTime()) > staleAfter
	if !old {
		pid, ok := tempPID(filepath.Base(path))
		if !ok || processAlive(pid) {
			return
		}
	}
	f, err := openRead(path)
	if err != nil {
		return
	}
	defer f.Close()
	if lockNB(f) != nil {
		return // a live writer holds it
	}
	os.Remove(path)
}

// tempPID reads the writer's process ID from a temporary file's name.
func tempPID(name string) (int, bool) {
	rest := strings.TrimPrefix(name, saveTempPrefix)
	p, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(p)
	return pid, err == nil && pid > 0
}
