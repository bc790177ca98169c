package library

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The kill tests run this test binary again as a helper process
// (TestKillHelper with FOLIO_KILL_HELPER set) that saves or journals in a
// loop until it is killed with SIGKILL at a random moment.
const killHelperEnv = "FOLIO_KILL_HELPER"

// killContents are the two versions the helper writes in turn: large
// enough that a kill often lands inside a write, Chinese and CRLF included.
func killContents() [2][]byte {
	old := strings.Repeat("---\r\ntitle: 旧的标题\r\n---\r\n旧的正文，一行又一行。\r\n", 4000)
	new := strings.Repeat("---\ntitle: new title\n---\nnew body, longer than the old one; 新的正文。\n", 5000)
	return [2][]byte{[]byte(old), []byte(new)}
}

// TestKillHelper is not a test: run as a helper process, it saves (mode
// "save") or journals (mode "journal") the two contents in turn to the
// file named in its environment, printing "ready" once started, until it
// is killed.
func TestKillHelper(t *testing.T) {
	mode := os.Getenv(killHelperEnv)
	if mode == "" {
		t.Skip("run by TestSaveSurvivesSIGKILL and TestJournalSurvivesSIGKILL")
	}
	path := os.Getenv("FOLIO_KILL_PATH")
	contents := killContents()
	var err error
	switch mode {
	case "save":
		data, sum, rerr := Read(path)
		if rerr != nil {
			fmt.Println(rerr)
			os.Exit(2)
		}
		i := 0
		if bytes.Equal(data, contents[0]) {
			i = 1
		}
		fmt.Println("ready")
		for ; ; i++ {
			next := contents[i%2]
			if err = Save(path, next, sum); err != nil {
				break
			}
			sum = SumOf(next)
		}
	case "journal":
		var j *Journal
		if j, err = OpenJournal(os.Getenv("FOLIO_KILL_JOURNAL")); err != nil {
			break
		}
		i := 0
		if es, _ := j.List(); len(es) == 1 && es[0].Text == string(contents[0]) {
			i = 1 // start with the other version, so every write changes it
		}
		fmt.Println("ready")
		for ; ; i++ {
			if err = j.Write(path, string(contents[i%2]), Sum{}); err != nil {
				break
			}
		}
	}
	fmt.Println(err)
	os.Exit(3)
}

// killHelper starts the helper, waits until it is ready, lets it work for
// a random time up to max, and kills it with SIGKILL.
func killHelper(t *testing.T, r *rand.Rand, max time.Duration, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper did not start: %q %v", line, err)
	}
	time.Sleep(time.Duration(r.Int64N(int64(max))))
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if cmd.ProcessState.Exited() { // it stopped on its own: a save failed
		t.Fatalf("helper exited before the kill: %v", err)
	}
}

// leftovers lists the names in dir other than keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !strings.Contains("\x00"+strings.Join(keep, "\x00")+"\x00", "\x00"+e.Name()+"\x00") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestSaveSurvivesSIGKILL kills a process saving through Save at random
// moments, 200 times: the article is always exactly the old or the new
// content, and no temporary file outlives the next save in that folder.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 200 processes")
	}
	runs := 200
	dir := t.TempDir()
	path := filepath.Join(dir, "文章.md")
	contents := killContents()
	if err := os.WriteFile(path, contents[0], 0o644); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	strayAtKill, changed := 0, 0
	prev := contents[0]
	for i := range runs {
		killHelper(t, r, 15*time.Millisecond, killHelperEnv+"=save", "FOLIO_KILL_PATH="+path)
		data, sum, err := Read(path)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if !bytes.Equal(data, contents[0]) && !bytes.Equal(data, contents[1]) {
			t.Fatalf("run %d: the article is neither the old nor the new content (%d bytes)", i, len(data))
		}
		if !bytes.Equal(data, prev) {
			changed++
		}
		prev = data
		if len(leftovers(t, dir, "文章.md")) > 0 {
			strayAtKill++
		}
		// The next start saves again: what the killed process left must
		// be gone then.
		if err := Save(path, data, sum); err != nil {
			t.Fatalf("run %d: saving after the kill: %v", i, err)
		}
		if left := leftovers(t, dir, "文章.md"); len(left) > 0 {
			t.Fatalf("run %d: temporary files left after the kill and the next save: %v", i, left)
		}
	}
	t.Logf("%d kills: %d changed the file, %d left a temporary file at the moment of the kill", runs, changed, strayAtKill)
	if changed == 0 {
		t.Fatal("no kill landed after a save: the test did not exercise Save")
	}
}

// TestJournalSurvivesSIGKILL kills a process journalling an article at
// random moments: the journal always holds one whole version.
func TestJournalSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 100 processes")
	}
	dir := t.TempDir()
	jdir := filepath.Join(dir, "journal")
	path := filepath.Join(dir, "a.md")
	contents := killContents()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 10))
	seen := map[int]bool{}
	for i := range 100 {
		killHelper(t, r, 30*time.Millisecond, killHelperEnv+"=journal", "FOLIO_KILL_PATH="+path, "FOLIO_KILL_JOURNAL="+jdir)
		j, err := OpenJournal(jdir)
		if err != nil {
			t.Fatal(err)
		}
		es, err := j.List()
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if len(es) > 1 || len(es) == 1 && es[0].Text != string(contents[0]) && es[0].Text != string(contents[1]) {
			t.Fatalf("run %d: journal holds %d entries, not one whole version", i, len(es))
		}
		if len(es) == 1 {
			seen[len(es[0].Text)] = true
		}
	}
	if len(seen) < 2 {
		t.Fatalf("only %d versions seen in the journal: the kills did not land inside the writing", len(seen))
	}
}
