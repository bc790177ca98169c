//go:build unix

package main

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// execApp replaces this process with the full build at path, run with
// args; it returns only when that fails.
func execApp(path string, args []string, _ bool, _, stderr io.Writer) int {
	argv := append([]string{path}, args...)
	err := syscall.Exec(path, argv, append(os.Environ(), handedEnv+"=1"))
	fmt.Fprintf(stderr, "folio: start %s: %v\n", path, err)
	return 1
}
