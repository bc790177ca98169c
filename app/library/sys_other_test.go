//go:build !unix

package library

import (
	"errors"
	"time"
)

// mkfifo reports that named pipes are not made here.
func mkfifo(path string) error { return errors.ErrUnsupported }

// processCPU is not measured here: benchmarks report 0 cpu-ns/op.
func processCPU() time.Duration { return 0 }
