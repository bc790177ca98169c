package library

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// listDirKept lists the folder abs in name order, as os.ReadDir does, and
// returns it open (fd) for its files' readers. It opens the folder
// relative to parent's descriptor when there is one (the kernel looks up
// one name, not the whole path) and reads it with getdents into sc,
// without an os.File (its check for the poller, its finalizer) and with
// three allocations a folder instead of about three an entry: a large
// folder tree's walk is a sixth of a first load's work.
func listDirKept(parent *dirRef, abs string, sc *listScratch) ([]os.DirEntry, int, error) {
	var fd int
	var err error
	for {
		if parent == nil {
			fd, err = syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, 0)
		} else {
			fd, err = openatName(parent.fd, filepath.Base(abs), syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, &sc.name)
		}
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, -1, &os.PathError{Op: "open", Path: abs, Err: err}
	}
	entries, err := readDirents(fd, abs, sc)
	if err != nil {
		return entries, fd, &os.PathError{Op: "readdirent", Path: abs, Err: err}
	}
	return entries, fd, nil
}

// closeDirFD closes a folder listDirKept opened.
func closeDirFD(fd int) { syscall.Close(fd) }

// openatName is syscall.Openat without its allocation: the name is made
// NUL-terminated in *nb, kept for the next call.
func openatName(dirfd int, name string, flags int, nb *[]byte) (int, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return -1, syscall.EINVAL // as syscall.ByteSliceFromString says
	}
	b := append(append((*nb)[:0], name...), 0)
	*nb = b
	r, _, e := syscall.Syscall6(syscall.SYS_OPENAT, uintptr(dirfd), uintptr(unsafe.Pointer(&b[0])),
		uintptr(flags|syscall.O_LARGEFILE), 0, 0, 0)
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

// dirent is one entry readDirents listed.
type dirent struct {
	name string
	typ  fs.FileMode
	dir  string // the folder's path, for Info
}

func (e *dirent) Name() string               { return e.name }
func (e *dirent) IsDir() bool                { return e.typ.IsDir() }
func (e *dirent) Type() fs.FileMode          { return e.typ }
func (e *dirent) Info() (fs.FileInfo, error) { return os.Lstat(filepath.Join(e.dir, e.name)) }
func (e *dirent) String() string             { return fs.FormatDirEntry(e) }

// direntUnknown makes readDirents treat every entry's type as unknown
// (as some file systems give it), for tests.
var direntUnknown = false

// listScratch is the memory a walk's listings reuse, folder after
// folder: only what a listing returns is allocated.
type listScratch struct {
	buf   []byte // getdents' records
	name  []byte // openatName's
	names []byte // the names of one folder, before they become one string
	ents  []direntAt
}

// direntAt is an entry being listed: its name is names[off:off+n].
type direntAt struct {
	off, n int
	typ    fs.FileMode
}

// readDirents lists the folder open as fd (whose path is abs) in name
// order, skipping "." and "..", reading with getdents into sc's memory.
// An entry whose type the file system does not give is looked up
// (lstat); one that vanished meanwhile is left out, as os.ReadDir does.
// On an error it returns the entries listed before it too.
func readDirents(fd int, abs string, sc *listScratch) ([]os.DirEntry, error) {
	if len(sc.buf) == 0 {
		sc.buf = make([]byte, 32<<10)
	}
	b := sc.buf
	ents, names := sc.ents[:0], sc.names[:0]
	defer func() { sc.ents, sc.names = ents[:0], names[:0] }()
	var err error // as os.ReadDir: the entries listed before an error too
list:
	for {
		n, gerr := syscall.Getdents(fd, b)
		if gerr == syscall.EINTR {
			continue
		}
		if gerr != nil {
			err = gerr
			break
		}
		if n <= 0 {
			break
		}
		for rec := b[:n]; len(rec) >= 19; {
			// struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
			reclen := int(*(*uint16)(unsafe.Pointer(&rec[16])))
			if reclen < 19 || reclen > len(rec) {
				break
			}
			ino := *(*uint64)(unsafe.Pointer(&rec[0]))
			dtype := rec[18]
			nm := rec[19:reclen]
			if i := slices.Index(nm, 0); i >= 0 {
				nm = nm[:i]
			}
			rec = rec[reclen:]
			if ino == 0 || string(nm) == "." || string(nm) == ".." {
				continue
			}
			typ, known := direntType(dtype)
			if !known || direntUnknown {
				var st unix.Stat_t
				if serr := fstatatRetry(fd, string(nm), &st); serr != nil {
					if serr == unix.ENOENT {
						continue // gone since the listing
					}
					err = serr
					break list
				}
				typ = modeType(st.Mode)
			}
			ents = append(ents, direntAt{len(names), len(nm), typ})
			names = append(names, nm...)
		}
	}
	all := string(names) // one string: each name is a piece of it
	list := make([]dirent, len(ents))
	for i, e := range ents {
		list[i] = dirent{all[e.off : e.off+e.n], e.typ, abs}
	}
	slices.SortFunc(list, func(a, b dirent) int { return strings.Compare(a.name, b.name) })
	entries := make([]os.DirEntry, len(list))
	for i := range list {
		entries[i] = &list[i]
	}
	return entries, err
}

// fstatatRetry is an lstat of name in the folder fd.
func fstatatRetry(fd int, name string, st *unix.Stat_t) error {
	for {
		err := unix.Fstatat(fd, name, st, unix.AT_SYMLINK_NOFOLLOW)
		if err != unix.EINTR {
			return err
		}
	}
}

// direntType is the type of a getdents entry's d_type, and whether the
// file system gave it.
func direntType(t uint8) (fs.FileMode, bool) {
	switch t {
	case syscall.DT_REG:
		return 0, true
	case syscall.DT_DIR:
		return fs.ModeDir, true
	case syscall.DT_LNK:
		return fs.ModeSymlink, true
	case syscall.DT_BLK:
		return fs.ModeDevice, true
	case syscall.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case syscall.DT_FIFO:
		return fs.ModeNamedPipe, true
	case syscall.DT_SOCK:
		return fs.ModeSocket, true
	}
	return 0, false
}

// modeType is the type bits of a stat's mode, as os gives them.
func modeType(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	}
	return 0
}

// warmScratch is warmDir's memory, folder after folder.
type warmScratch struct{ buf []byte }

// warmDir lists the folder abs and forgets what it read: the listing
// leaves the folder's blocks in the page cache (see dirPrefetch). It does
// not ask for its files to be read ahead: on a virtual disk each request
// costs CPU, and the load's workers ask for the files they cannot read
// from the page cache (see readFirst); asking here too made a cold load
// of 150,000 articles slower (4.9 s, not 4.2 s).
func warmDir(abs string, sc *warmScratch) {
	if sc.buf == nil {
		sc.buf = make([]byte, 8<<10)
	}
	fd, err := syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_DIRECTORY, 0)
	if err != nil {
		return
	}
	defer syscall.Close(fd)
	for {
		n, err := syscall.Getdents(fd, sc.buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			return
		}
	}
}
