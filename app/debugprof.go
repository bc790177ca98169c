package app

import (
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
)

// Profiles for measuring a large folder from outside, only when FOLIO_DEBUG
// is set: FOLIO_CPUPROF=path records a CPU profile from the start until the
// list is filled, FOLIO_HEAPPROF=path writes a heap profile once it is filled.
var cpuProf struct {
	once, stop sync.Once
	f          *os.File
}

// startCPUProfile starts the CPU profile FOLIO_CPUPROF asks for.
func startCPUProfile() {
	if os.Getenv("FOLIO_DEBUG") == "" || os.Getenv("FOLIO_CPUPROF") == "" {
		return
	}
	cpuProf.once.Do(func() {
		f, err := os.Create(os.Getenv("FOLIO_CPUPROF"))
		if err != nil {
			log.Printf("folio: cpu profile: %v", err)
			return
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Printf("folio: cpu profile: %v", err)
			f.Close()
			return
		}
		cpuProf.f = f
	})
}

// stopCPUProfile ends the CPU profile FOLIO_CPUPROF asks for (once the
// list is filled, so that it shows what the fill cost and not what runs
// after it: the rest check, validation, the watcher's start).
func stopCPUProfile() {
	cpuProf.stop.Do(func() {
		if cpuProf.f != nil {
			pprof.StopCPUProfile()
			cpuProf.f.Close()
		}
	})
}

// writeProfiles stops the CPU profile and writes the heap profile that
// FOLIO_CPUPROF and FOLIO_HEAPPROF ask for (after the list is filled).
func writeProfiles() {
	if os.Getenv("FOLIO_DEBUG") == "" {
		return
	}
	stopCPUProfile()
	path := os.Getenv("FOLIO_HEAPPROF")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		log.Printf("folio: heap profile: %v", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		log.Printf("folio: heap profile: %v", err)
	}
}
