//go:build !unix

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// execApp runs the full build at path with args and returns its exit code;
// the desktop app (detach) is started without waiting for it to close.
func execApp(path string, args []string, detach bool, stdout, stderr io.Writer) int {
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	cmd.Env = append(os.Environ(), handedEnv+"=1")
	var err error
	if detach {
		err = cmd.Start()
	} else {
		err = cmd.Run()
	}
	if exit, ok := errors.AsType[*exec.ExitError](err); ok {
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(stderr, "folio: start %s: %v\n", path, err)
		return 1
	}
	return 0
}
