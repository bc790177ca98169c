//go:build (linux && !x11 && !wayland) || (linux && x11)
// +build linux,!x11,!wayland linux,x11

package glfw

// folio-clipboard: GetClipboardString against a real X selection owner
// (testdata/clipowner/clipowner.c, built here with gcc). The tests need an X
// display and run only when asked:
//
//	FOLIO_CLIPBOARD_X11=1 DISPLAY=:N go test -count=1 -run TestClipboardX11 .
//
// TestMain then initialises GLFW and serves GLFW calls on the main thread.

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func init() { runtime.LockOSThread() } // GLFW's calls stay on the main thread

// mainCalls carries functions to the main thread (nil without the X tests).
var mainCalls chan func()

func TestMain(m *testing.M) {
	if os.Getenv("FOLIO_CLIPBOARD_X11") == "" {
		os.Exit(m.Run())
	}
	if err := Init(); err != nil {
		fmt.Fprintln(os.Stderr, "glfw.Init:", err)
		os.Exit(1)
	}
	mainCalls = make(chan func())
	done := make(chan int)
	go func() {
		code := m.Run()
		if stuck { // the main thread never comes back: end here
			os.Exit(code)
		}
		done <- code
	}()
	for {
		select {
		case f := <-mainCalls:
			f()
		case code := <-done:
			Terminate()
			os.Exit(code)
		}
	}
}

// clipboardWithin reads the clipboard on the main thread. It reports false if
// the read did not return within d (the main thread is then stuck in it).
func clipboardWithin(d time.Duration) (s string, took time.Duration, ok bool) {
	type result struct {
		s    string
		took time.Duration
	}
	out := make(chan result, 1)
	mainCalls <- func() {
		start := time.Now()
		s := GetClipboardString()
		out <- result{s, time.Since(start)}
	}
	select {
	case r := <-out:
		return r.s, r.took, true
	case <-time.After(d):
		return "", d, false
	}
}

// stuck is set once a read never returned: later tests cannot use the main thread.
var stuck bool

func readClipboard(t *testing.T) (string, time.Duration) {
	t.Helper()
	if stuck {
		t.Skip("the main thread is stuck in an earlier read")
	}
	// far above the 2 s stall and 10 s total limits; upstream GLFW waits forever
	s, took, ok := clipboardWithin(60 * time.Second)
	if !ok {
		stuck = true
		t.Fatalf("GetClipboardString still blocked after %v", took)
	}
	return s, took
}

// buildOwner compiles the test owner once per run.
func buildOwner(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "clipowner")
	out, err := exec.Command("gcc", "-o", bin, "testdata/clipowner/clipowner.c", "-lX11").CombinedOutput()
	if err != nil {
		t.Fatalf("building the test owner: %v\n%s", err, out)
	}
	return bin
}

// startOwner makes a clipowner process own the CLIPBOARD with data; mode is
// clipowner's (serve, silent, stallN, lateMS).
func startOwner(t *testing.T, bin string, data []byte, chunk int, mode string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, file, fmt.Sprint(chunk), mode)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the test owner: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	ready := make(chan bool, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- strings.TrimSpace(line) == "ready"
		_, _ = io.Copy(io.Discard, stdout) // "done" lines
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatal("the test owner did not take the selection")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the test owner did not start")
	}
}

// clipText is n bytes of Latin and Chinese lines (UTF-8, whole characters).
func clipText(n int, seed string) []byte {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %07d 数据 alpha 编辑器 beta\n", seed, i)
	}
	out := b.String()[:n]
	return []byte(out[:strings.LastIndexByte(out, '\n')+1])
}

func TestClipboardX11(t *testing.T) {
	if mainCalls == nil {
		t.Skip("set FOLIO_CLIPBOARD_X11=1 (and DISPLAY) to run the real X clipboard tests")
	}
	bin := buildOwner(t)

	for _, c := range []struct {
		name        string
		size, chunk int
	}{
		{"100 KB in one property", 100 << 10, 1 << 20},
		{"3 MB by INCR in 4 KB chunks (as xsel)", 3 << 20, 4000},
		{"3 MB by INCR in 1 MB chunks (as xclip)", 3 << 20, 1 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := clipText(c.size, "serve")
			startOwner(t, bin, data, c.chunk, "serve")
			got, took := readClipboard(t)
			t.Logf("%d bytes in %v", len(got), took)
			if got != string(data) {
				t.Fatalf("got %d bytes, want %d (first difference at %d)", len(got), len(data), firstDiff(got, string(data)))
			}
			if os.Getenv("FOLIO_LATENCY") != "" && took > 2*time.Second {
				t.Errorf("took %v, want under 2 s", took)
			}
		})
	}

	for _, c := range []struct {
		name, mode string
		next       int // bytes of the next paste
	}{
		{"an owner that never answers", "silent", 200 << 10},
		{"an owner that stalls after 5 chunks", "stall5", 200 << 10},
		// its late answer comes while the next, longer paste is under way
		{"an owner that answers after 2.1 s", "late2100", 3 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			startOwner(t, bin, clipText(1<<20, "stalled"), 4000, c.mode)
			got, took := readClipboard(t)
			t.Logf("gave up after %v", took)
			if got != "" {
				t.Fatalf("got %d bytes from a transfer that never completed", len(got))
			}
			if took < time.Second {
				t.Fatalf("gave up after %v, before the owner had 2 s to go on", took)
			}

			// The next paste from a well-behaved owner is not spoilt by what
			// the abandoned owner still sends.
			data := clipText(c.next, "fresh")
			startOwner(t, bin, data, 4000, "serve")
			got, took = readClipboard(t)
			if got != string(data) {
				t.Fatalf("the next paste got %d bytes, want %d (first difference at %d)", len(got), len(data), firstDiff(got, string(data)))
			}
			t.Logf("the next paste: %d bytes in %v", len(got), took)
		})
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) < len(b) {
		return len(a)
	}
	return len(b)
}
