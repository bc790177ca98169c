package library

import (
	"os"
	"time"
)

// fileStat is what the index keeps of a file's stat when it read the
// file: its modification time, size and inode. The index cache compares a
// file's stat with it to tell whether the file changed since (as git's
// index does).
type fileStat struct {
	mod  time.Time
	size int64
	ino  uint64
}

// statOf is the fileStat of an os.FileInfo (its inode where the system
// has one).
func statOf(info os.FileInfo) fileStat {
	return fileStat{mod: info.ModTime(), size: info.Size(), ino: inodeOf(info)}
}

// statPath is the fileStat of the file at abs (following symbolic
// links), or the zero fileStat when it cannot be had.
func statPath(abs string) fileStat {
	info, err := os.Stat(abs)
	if err != nil {
		return fileStat{}
	}
	return statOf(info)
}

// setStat sets the Summary's Modified and what the index cache compares.
func (s *Summary) setStat(st fileStat) {
	s.Modified, s.size, s.ino = st.mod, st.size, st.ino
}

// stat is the fileStat the Summary was made with.
func (s *Summary) stat() fileStat { return fileStat{mod: s.Modified, size: s.size, ino: s.ino} }

// setStat sets the File's Modified and what the index cache compares.
func (f *File) setStat(st fileStat) {
	f.Modified, f.size, f.ino = st.mod, st.size, st.ino
}
