//go:build ignore

// fillopen-harness times one open of a folder in Folio (issue 9, "list
// filled ≤ 2 s"): it starts BIN on DIR with a fresh HOME and reads Folio's
// FOLIO_DEBUG log to see when the list shows its first rows and when it is
// filled, polls the X server (xdotool, every 50 ms) for the window, and
// reads Folio's CPU time and resident memory from /proc then, and 3 s after
// the load's work is done (the rest checked, the rows validated, the memory
// handed back: "held").
// It prints one line of figures and kills Folio.
//
// Usage: go run .ci/fillopen-harness.go BIN DIR HOME [chrt args...]
// With chrt args (e.g. -r 10), Folio runs under chrt with them. With
// FILL_DROP=K in the environment, every Kth Markdown file of DIR (1: all)
// is dropped from the page cache first, as a first open after a reboot
// finds them, or a memory manager leaves them (posix_fadvise DONTNEED;
// the folders' listings stay cached).
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// drop drops every kth Markdown file under dir from the page cache and
// returns how many it dropped.
func drop(dir string, k int) int {
	n, dropped := 0, 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		if n++; (n-1)%k != 0 {
			return nil
		}
		fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != nil {
			return nil
		}
		const fadvDontNeed = 4
		if _, _, e := syscall.Syscall6(syscall.SYS_FADVISE64, uintptr(fd), 0, 0, fadvDontNeed, 0, 0); e == 0 {
			dropped++
		}
		syscall.Close(fd)
		return nil
	})
	return dropped
}

// procCPU is pid's user+system CPU time.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	u, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(u+st) * 10 * time.Millisecond
}

// rss is pid's resident memory in MB.
func rss(pid int) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return kb >> 10
		}
	}
	return 0
}

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: fillopen-harness BIN DIR HOME [chrt args...]")
		os.Exit(2)
	}
	bin, dir, home := os.Args[1], os.Args[2], os.Args[3]
	if err := os.MkdirAll(home, 0o755); err != nil {
		panic(err)
	}
	if k, err := strconv.Atoi(os.Getenv("FILL_DROP")); err == nil && k > 0 {
		fmt.Fprintf(os.Stderr, "dropped %d files from the page cache\n", drop(dir, k))
	}
	cmd := exec.Command(bin, dir)
	if chrt := os.Args[4:]; len(chrt) > 0 {
		cmd = exec.Command("chrt", append(chrt, bin, dir)...) // chrt execs Folio: same pid
	}
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home+"/.config",
		"XDG_DATA_HOME="+home+"/.local/share", "XDG_CACHE_HOME="+home+"/.cache", "FOLIO_DEBUG=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		panic(err)
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	pid := cmd.Process.Pid
	win := make(chan time.Duration, 1)
	go func() {
		for time.Since(t0) < 60*time.Second {
			out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid)).Output()
			if len(strings.TrimSpace(string(out))) > 0 {
				win <- time.Since(t0)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	sc := bufio.NewScanner(stderr)
	var first, filled, heap time.Duration
	var cpuFilled time.Duration
	var rssFilled int
	log, err := os.Create(home + "/folio.log")
	if err != nil {
		panic(err)
	}
	deadline := time.AfterFunc(120*time.Second, func() { cmd.Process.Kill() })
	for sc.Scan() {
		l := sc.Text()
		el := time.Since(t0)
		fmt.Fprintf(log, "%7.3f %s\n", el.Seconds(), l)
		switch {
		case strings.Contains(l, "list shows its first") && first == 0:
			first = el
		case strings.Contains(l, "list filled"):
			filled = el
			cpuFilled, rssFilled = procCPU(pid), rss(pid)
		case strings.Contains(l, "Go heap after the load"): // checked, validated, memory handed back
			heap = el
		}
		if heap != 0 {
			break
		}
	}
	deadline.Stop()
	go func() { // drain
		for sc.Scan() {
			fmt.Fprintln(log, sc.Text())
		}
	}()
	time.Sleep(3 * time.Second)
	held, cpuEnd := rss(pid), procCPU(pid)
	var w time.Duration
	select {
	case w = <-win:
	default:
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	fmt.Printf("window %.2fs  first-rows %.2fs  filled %.2fs  cpu@filled %.2fs  rss@filled %dMB  held(+3s) %dMB  cpu(+3s) %.2fs\n",
		w.Seconds(), first.Seconds(), filled.Seconds(), cpuFilled.Seconds(), rssFilled, held, cpuEnd.Seconds())
}
