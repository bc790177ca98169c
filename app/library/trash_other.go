//go:build !unix

package library

// trash is not supported here (Windows' recycle bin needs the shell's
// file operation API): the caller offers a permanent delete.
func trash(string) error { return ErrNoTrash }
