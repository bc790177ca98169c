//go:build unix

package app

import (
	"fmt"
	"syscall"
)

// resourceUse tells the CPU time and the minor page faults (fresh memory
// touched) of the process so far, for FOLIO_DEBUG's "list filled" line:
// asked only when the line is written (a fmt.Stringer).
type resourceUse struct{}

func (resourceUse) String() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return ""
	}
	return fmt.Sprintf("; CPU %.2f s user, %.2f s system; %d minor page faults",
		float64(ru.Utime.Nano())/1e9, float64(ru.Stime.Nano())/1e9, ru.Minflt)
}
