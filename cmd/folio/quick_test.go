package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The quick command line (-tags folio_cli) must start without the desktop
// toolkit or the Markdown engine: those are what made every `folio get`
// spend over 10 ms initialising packages. These tests build it and check
// what it links and initialises, that it answers like the full build, and
// that it hands the rest over to the full build. Nothing here is timed.

// quickAllowed are the only non-standard packages the quick build may
// link: the front matter and file cores and their dependencies ("/..."
// takes the packages below too, as in go's package patterns).
var quickAllowed = []string{
	"main", "folio/cmd/folio", "folio/app/library", "folio/editor/document", "folio/editor/textwidth", "folio/editor/siteconfig",
	"folio/app/internal/parallel", // the library's batches split among the CPUs (sync only)
	"github.com/BurntSushi/toml/...", "go.yaml.in/yaml/v3", "github.com/fsnotify/fsnotify/...",
	"golang.org/x/text/...", "golang.org/x/sys/...",
	"github.com/segmentio/asm/...", // the document core's UTF-8 check (its init: a CPUID, about 6 µs)
}

// quickForbiddenStd are standard packages the quick build must not link:
// net/http and TLS alone cost about 1.6 ms of start-up.
var quickForbiddenStd = []string{"net/http/...", "crypto/tls/...", "crypto/x509/...",
	"vendor/golang.org/x/net/http/...", "vendor/golang.org/x/net/http2/..."}

// matchPackage reports whether pkg matches one of patterns.
func matchPackage(pkg string, patterns []string) bool {
	for _, p := range patterns {
		if base, ok := strings.CutSuffix(p, "/..."); ok && (pkg == base || strings.HasPrefix(pkg, base+"/")) || pkg == p {
			return true
		}
	}
	return false
}

// quickPackageOK reports whether the quick build may link (or initialise)
// package pkg.
func quickPackageOK(pkg string) bool {
	if matchPackage(pkg, quickForbiddenStd) {
		return false
	}
	if first, _, _ := strings.Cut(pkg, "/"); !strings.Contains(first, ".") && first != "folio" && first != "main" {
		return true // the standard library (and what it vendors)
	}
	return matchPackage(pkg, quickAllowed)
}

// runAsFolioEnv set to 1 makes the test binary run as the full build
// (this package's run) instead of running tests: the hand-over tests use
// it as folio-app, which saves linking the full build again.
const runAsFolioEnv = "FOLIO_TEST_RUN_AS_FOLIO"

func TestMain(m *testing.M) {
	if os.Getenv(runAsFolioEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// pkgDir is this package's folder, taken before any test changes directory.
var pkgDir, _ = os.Getwd()

// goTool returns the go command, or skips the test.
func goTool(t *testing.T) string {
	t.Helper()
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	return gocmd
}

// buildFolio builds this command (with -tags tags when not "") to dir/name
// and returns its path.
func buildFolio(t *testing.T, dir, name, tags string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	out := filepath.Join(dir, name)
	args := []string{"build", "-o", out}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	cmd := exec.Command(goTool(t), append(args, ".")...)
	cmd.Dir = pkgDir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return out
}

// runBin runs bin with args in dir, with env added to a clean environment
// (PATH only as given), and returns its outputs and exit code.
func runBin(t *testing.T, dir, stdin, bin string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"HOME=" + dir, "LANG=C.UTF-8"}, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), exit.ExitCode()
	} else if err != nil {
		t.Fatalf("run %s %q: %v", bin, args, err)
	}
	return out.String(), errb.String(), 0
}

func TestQuickBuildLinksNoToolkitOrMarkdownEngine(t *testing.T) {
	cmd := exec.Command(goTool(t), "list", "-deps", "-tags", "folio_cli", ".")
	cmd.Dir = pkgDir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "folio/editor/document") {
		t.Fatalf("go list -deps names no folio/editor/document: %q", deps)
	}
	for _, pkg := range deps {
		if !quickPackageOK(pkg) {
			t.Errorf("the quick build links %s", pkg)
		}
	}
	// Without the tag it is the full build, with the toolkit and the engine.
	cmd = exec.Command(goTool(t), "list", "-deps", "-tags", "", ".")
	cmd.Dir = pkgDir
	if out, err = cmd.Output(); err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, want := range []string{"fyne.io/fyne/v2", "github.com/yuin/goldmark", "folio/app", "folio/preview"} {
		if !slices.Contains(strings.Fields(string(out)), want) {
			t.Errorf("the default build does not link %s", want)
		}
	}
}

func TestQuickPackageOK(t *testing.T) {
	for pkg, want := range map[string]bool{
		"fmt": true, "os": true, "vendor/golang.org/x/text/unicode/norm": true, "main": true, "folio/cmd/folio": true,
		"folio/app/library": true, "folio/editor/document": true, "github.com/BurntSushi/toml/internal": true,
		"golang.org/x/text/width": true, "go.yaml.in/yaml/v3": true,
		"net/http": false, "net/http/httptrace": false, "crypto/tls": false, "vendor/golang.org/x/net/http2/hpack": false,
		"fyne.io/fyne/v2/lang": false, "github.com/yuin/goldmark/extension": false, "folio/app": false,
		"folio/preview/markdown": false, "folio/preview/markdown/internal/lexers": false, "folio/editor": false,
		"github.com/alecthomas/chroma/v2": false, "github.com/go-text/typesetting/fontscan": false,
		"folio/cmd/folio/x": false, "go.yaml.in/yaml/v4": false,
	} {
		if got := quickPackageOK(pkg); got != want {
			t.Errorf("quickPackageOK(%q) = %v, want %v", pkg, got, want)
		}
	}
}

// TestQuickBuild builds the quick command line and runs it: what it
// initialises, that get, set and list answer as the full build does, and
// the hand-over of check, export and the desktop app.
func TestQuickBuild(t *testing.T) {
	binDir := t.TempDir()
	quick := buildFolio(t, binDir, "folio", "folio_cli")
	dir := fixtureDir(t, fixtures)
	noApp := []string{"PATH=" + t.TempDir()} // no folio-app anywhere

	t.Run("initialises no toolkit or Markdown engine", func(t *testing.T) {
		out, errOut, code := runBin(t, dir, "", quick, append(noApp, "GODEBUG=inittrace=1"), "get", "yaml.md", "title")
		if out != "2024年AI技术发展趋势预测\n" || code != 0 {
			t.Fatalf("get = %q, %d; stderr:\n%s", out, code, errOut)
		}
		var inits []string
		for _, line := range strings.Split(errOut, "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
				inits = append(inits, f[1])
				if !quickPackageOK(f[1]) {
					t.Errorf("the quick build initialises %s: %s", f[1], line)
				}
			}
		}
		if !slices.Contains(inits, "folio/editor/document") {
			t.Errorf("no init trace for folio/editor/document; got %q", inits)
		}
	})

	t.Run("answers like the full build", func(t *testing.T) {
		for _, args := range [][]string{
			{"get", "yaml.md", "title"}, {"get", "yaml.md"}, {"get", "toml.md", "tags"}, {"get", "json.md"},
			{"get", "crlf.md", "tags"}, {"get", "bom.md", "title"}, {"get", "none.md"}, {"get", "bad.md"},
			{"get", "noend.md"}, {"get", "yaml.md", "nope"}, {"get", "missing.md", "x"}, {"get"},
			{"list", "."}, {"list", "--json", "."}, {"list"},
			{"set", "--help"}, {"set", "yaml.md"}, {"set", "yaml.md", "novalue"}, {"set", "bad.md", "title=x"},
			{"help"}, {"--help"}, {"-h"},
		} {
			out, errOut, code := runBin(t, dir, "", quick, noApp, args...)
			wantOut, wantErr, wantCode := runCLI(args...)
			if out != wantOut || errOut != wantErr || code != wantCode {
				t.Errorf("quick folio %q = %q, %q, %d; the full build gives %q, %q, %d",
					args, out, errOut, code, wantOut, wantErr, wantCode)
			}
		}
		// set writes the same file.
		assignments := []string{"title=新的标题", "tags=[a, b]", "weight:=3", "draft=false"}
		for _, name := range []string{"yaml.md", "toml.md", "json.md", "crlf.md", "bom.md", "none.md"} {
			quickDir, fullDir := t.TempDir(), t.TempDir()
			writeFiles(t, quickDir, map[string]string{name: fixtures[name]})
			writeFiles(t, fullDir, map[string]string{name: fixtures[name]})
			out, errOut, code := runBin(t, quickDir, "", quick, noApp, append([]string{"set", name}, assignments...)...)
			t.Chdir(fullDir)
			wantOut, wantErr, wantCode := runCLI(append([]string{"set", name}, assignments...)...)
			t.Chdir(dir)
			if out != wantOut || errOut != wantErr || code != wantCode {
				t.Errorf("quick folio set %s = %q, %q, %d; the full build gives %q, %q, %d", name, out, errOut, code, wantOut, wantErr, wantCode)
			}
			got, _ := os.ReadFile(filepath.Join(quickDir, name))
			want, _ := os.ReadFile(filepath.Join(fullDir, name))
			if !bytes.Equal(got, want) {
				t.Errorf("quick folio set %s wrote\n%s\nthe full build writes\n%s", name, got, want)
			}
		}
	})

	if runtime.GOOS == "windows" {
		return // the hand-over tests use a shell script as the full build
	}
	// fakeApp stands for the full build: it prints its arguments, whether
	// it was handed over to, and its standard input (shell built-ins only:
	// PATH is empty), and exits with 7.
	fakeDir := t.TempDir()
	fakeApp := filepath.Join(fakeDir, "fake-app")
	writeFiles(t, fakeDir, map[string]string{"fake-app": "#!/bin/sh\nprintf 'argv:'\nfor a in \"$@\"; do printf ' [%s]' \"$a\"; done\n" +
		"printf '\\nhanded over: %s\\n' \"$FOLIO_HANDED_OVER\"\n" +
		"while IFS= read -r line; do printf '%s\\n' \"$line\"; done\n" +
		"echo 'from the app' >&2\nexit 7\n"})
	if err := os.Chmod(fakeApp, 0o755); err != nil {
		t.Fatal(err)
	}

	t.Run("hands over check, export and the app", func(t *testing.T) {
		env := append(noApp, appEnv+"="+fakeApp)
		for _, tc := range []struct {
			args []string
			argv string
		}{
			{[]string{"export", "a b.md", "-o", "out.html"}, "argv: [export] [a b.md] [-o] [out.html]"},
			{[]string{"export", "--help"}, "argv: [export] [--help]"},
			{[]string{"check", "."}, "argv: [check] [.]"},
			{[]string{"check"}, "argv: [check]"},
			{nil, "argv:"},
			{[]string{"yaml.md", "site/"}, "argv: [yaml.md] [site/]"},
			{[]string{"--follow-links", "yaml.md"}, "argv: [--follow-links] [yaml.md]"},
		} {
			out, errOut, code := runBin(t, dir, "typed input\n", quick, env, tc.args...)
			want := tc.argv + "\nhanded over: 1\ntyped input\n"
			if out != want || errOut != "from the app\n" || code != 7 {
				t.Errorf("quick folio %q = %q, %q, %d; want %q, %q, 7", tc.args, out, errOut, code, want, "from the app\n")
			}
		}
	})

	t.Run("finds folio-app beside itself, then on PATH", func(t *testing.T) {
		pathDir := t.TempDir()
		script, _ := os.ReadFile(fakeApp)
		if err := os.WriteFile(filepath.Join(pathDir, appName), script, 0o755); err != nil {
			t.Fatal(err)
		}
		out, _, code := runBin(t, dir, "", quick, []string{"PATH=" + pathDir}, "check", ".")
		if !strings.HasPrefix(out, "argv: [check] [.]\n") || code != 7 {
			t.Errorf("with folio-app on PATH: %q, %d", out, code)
		}
		if err := os.WriteFile(filepath.Join(binDir, appName), []byte(strings.Replace(string(script), "argv:", "beside argv:", 1)), 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(binDir, appName))
		out, _, code = runBin(t, dir, "", quick, []string{"PATH=" + pathDir}, "check", ".")
		if !strings.HasPrefix(out, "beside argv: [check] [.]\n") || code != 7 {
			t.Errorf("with folio-app beside folio and on PATH: %q, %d", out, code)
		}
	})

	t.Run("says what it looked for when the full build is missing", func(t *testing.T) {
		for _, args := range [][]string{{"check", "."}, {"export", "yaml.md"}, {}, {"yaml.md"}} {
			out, errOut, code := runBin(t, dir, "", quick, noApp, args...)
			what := appTask
			if len(args) > 0 && (args[0] == "check" || args[0] == "export") {
				what = "folio " + args[0]
			}
			want := "folio: " + what + " needs the full Folio build: folio-app is not in " + binDir +
				" or on PATH (install it there with: go build -o folio-app ./cmd/folio, or set FOLIO_APP to its path)\n"
			if out != "" || errOut != want || code != 1 {
				t.Errorf("quick folio %q without folio-app = %q, %q, %d; want stderr %q, exit 1", args, out, errOut, code, want)
			}
		}
	})

	t.Run("hands over to the full build", func(t *testing.T) {
		if quickBuild {
			t.Skip("the tests run in the quick build: runCLI would hand over too")
		}
		self, err := os.Executable()
		if err != nil {
			t.Skip("no path to this test binary:", err)
		}
		env := append(noApp, appEnv+"="+self, runAsFolioEnv+"=1")
		for _, args := range [][]string{{"check", "."}, {"export", "yaml.md"}, {"export", "missing.md"}, {"check"}} {
			out, errOut, code := runBin(t, dir, "", quick, env, args...)
			wantOut, wantErr, wantCode := runCLI(args...)
			if out != wantOut || errOut != wantErr || code != wantCode {
				t.Errorf("quick folio %q = %q, %q, %d; the full build gives %q, %q, %d",
					args, out, errOut, code, wantOut, wantErr, wantCode)
			}
		}
	})

	t.Run("does not hand over again", func(t *testing.T) {
		out, errOut, code := runBin(t, dir, "", quick, append(noApp, appEnv+"="+fakeApp, handedEnv+"=1"), "check", ".")
		if out != "" || !strings.Contains(errOut, "folio check needs the full Folio build, but ") ||
			!strings.Contains(errOut, "is the quick command line (built with -tags folio_cli)") || code != 1 {
			t.Errorf("quick folio handed over to itself = %q, %q, %d", out, errOut, code)
		}
	})
}
