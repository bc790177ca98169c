package library

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// noTemp fails the test if a Save temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".folio-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestSave(t *testing.T) {
	old := []byte("---\ntitle: old\n---\nbody\n")
	other := []byte("---\ntitle: someone else\n---\nbody\n")
	tests := []struct {
		name    string
		exists  bool   // a file is there before Save
		onDisk  []byte // its content
		loaded  func() Sum
		want    []byte // content after Save
		wantErr error  // nil, or an error Save's error wraps
	}{
		{"unchanged file is replaced", true, old, func() Sum { return SumOf(old) }, []byte("new"), nil},
		{"changed file is refused", true, other, func() Sum { return SumOf(old) }, other, ErrChangedOnDisk},
		{"new file is created", false, nil, func() Sum { return Sum{} }, []byte("new"), nil},
		{"file created meanwhile is refused", true, other, func() Sum { return Sum{} }, other, ErrChangedOnDisk},
		{"deleted file is refused", false, nil, func() Sum { return SumOf(old) }, nil, ErrChangedOnDisk},
		{"empty file is replaced", true, []byte{}, func() Sum { return SumOf(nil) }, []byte("new"), nil},
		{"file emptied meanwhile is refused", true, []byte{}, func() Sum { return SumOf(old) }, []byte{}, ErrChangedOnDisk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "a.md")
			if tt.exists {
				if err := os.WriteFile(p, tt.onDisk, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := Save(p, []byte("new"), tt.loaded())
			if tt.wantErr == nil && err != nil {
				t.Fatalf("Save: %v", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("Save error = %v, want %v", err, tt.wantErr)
			}
			got, rerr := os.ReadFile(p)
			if tt.want == nil {
				if !errors.Is(rerr, os.ErrNotExist) {
					t.Errorf("file exists after Save (%q, %v), want none", got, rerr)
				}
			} else if string(got) != string(tt.want) {
				t.Errorf("file = %q, want %q", got, tt.want)
			}
			noTemp(t, dir)
		})
	}
}

func TestSaveErrorNamesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(p, []byte("disk"), 0o644)
	err := Save(p, []byte("new"), SumOf([]byte("loaded")))
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "changed on disk") {
		t.Errorf("error = %v, want one naming %s and the change", err, p)
	}
}

func TestSaveKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits on Windows")
	}
	for _, mode := range []os.FileMode{0o600, 0o644, 0o755, 0o640} {
		dir := t.TempDir()
		p := filepath.Join(dir, "a.md")
		os.WriteFile(p, []byte("a"), 0o600)
		os.Chmod(p, mode) // not subject to the umask
		if err := Save(p, []byte("b"), SumOf([]byte("a"))); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != mode {
			t.Errorf("mode after Save = %v, want %v", info.Mode().Perm(), mode)
		}
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	os.WriteFile(real, []byte("a"), 0o644)
	if err := os.Symlink("real.md", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := Save(link, []byte("b"), SumOf([]byte("a"))); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v, %v)", info, err)
	}
	if got, _ := os.ReadFile(real); string(got) != "b" {
		t.Errorf("target = %q, want %q", got, "b")
	}
	noTemp(t, dir)
}

// TestSaveRefusesConcurrentChange changes the file after Save has written
// its temporary file, as another editor saving at the same moment would.
func TestSaveRefusesConcurrentChange(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("loaded"), 0o644)
	sv := saver{beforeRename: func() {
		if err := os.WriteFile(p, []byte("theirs"), 0o644); err != nil {
			t.Fatal(err)
		}
	}}
	err := sv.save(p, []byte("mine"), SumOf([]byte("loaded")))
	if !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save error = %v, want ErrChangedOnDisk", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "theirs" {
		t.Errorf("file = %q, want the other program's %q", got, "theirs")
	}
	noTemp(t, dir)
}

// TestSaveFailsAfterWrite makes Save fail after its temporary file is
// written (the article became a folder) and checks that the temporary file
// goes.
func TestSaveFailsAfterWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("loaded"), 0o644)
	sv := saver{beforeRename: func() {
		// A folder with a file in it cannot be replaced by a rename.
		os.Remove(p)
		os.Mkdir(p, 0o755)
		os.WriteFile(filepath.Join(p, "x"), nil, 0o644)
	}}
	err := sv.save(p, []byte("mine"), Sum{})
	if err == nil {
		t.Fatal("save over a folder succeeded")
	}
	noTemp(t, dir)
}

func TestSaveNotRegular(t *testing.T) {
	dir := t.TempDir()
	err := Save(dir, []byte("x"), Sum{})
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Save over a folder = %v, want a not-a-regular-file error", err)
	}
	noTemp(t, filepath.Dir(dir))
}

func TestSaveMissingFolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "no", "such", "a.md")
	if err := Save(p, []byte("x"), Sum{}); err == nil {
		t.Error("Save into a missing folder succeeded")
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("héllo 你好"), 0o644)
	data, sum, err := Read(p)
	if err != nil || string(data) != "héllo 你好" || sum != SumOf(data) {
		t.Errorf("Read = %q, %x, %v", data, sum, err)
	}
	if _, _, err := Read(filepath.Join(dir, "none.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Read of a missing file: %v, want ErrNotExist", err)
	}
	// Save with what Read returned.
	if err := Save(p, []byte("new"), sum); err != nil {
		t.Errorf("Save after Read: %v", err)
	}
}

// TestSaveRacesAnotherWriter saves again and again while another goroutine
// rewrites the file: every Save either wins cleanly or is refused, the file
// always holds one writer's whole content, and no temporary file remains.
func TestSaveRacesAnotherWriter(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	theirs := []byte(strings.Repeat("theirs\n", 500))
	mine := []byte(strings.Repeat("mine\n", 700))
	os.WriteFile(p, theirs, 0o644)

	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			// Like an editor that saves atomically.
			tmp := filepath.Join(dir, "other.tmp")
			os.WriteFile(tmp, theirs, 0o644)
			os.Rename(tmp, p)
		}
	}()
	refused, saved := 0, 0
	for i := 0; i < 200 || refused == 0 && i < 5000; i++ {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch err := Save(p, mine, SumOf(data)); {
		case err == nil:
			saved++
		case errors.Is(err, ErrChangedOnDisk):
			refused++
		default:
			t.Fatalf("Save: %v", err)
		}
		got, _ := os.ReadFile(p)
		if string(got) != string(mine) && string(got) != string(theirs) {
			t.Fatalf("file holds a mix of both writers (%d bytes)", len(got))
		}
	}
	close(stop)
	<-done
	t.Logf("%d saves, %d refused", saved, refused)
	if refused == 0 {
		t.Error("no Save was refused although the file changed all the time")
	}
	noTemp(t, dir)
}
