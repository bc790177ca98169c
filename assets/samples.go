package assets

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

//go:embed samples
var samplesRoot embed.FS

// Samples holds the built-in sample articles (Markdown with YAML, TOML and
// JSON front matter) and the images they reference, rooted at the samples
// folder: "reading-time.md", "images/reading-time.png", ….
var Samples fs.FS = mustSub(samplesRoot, "samples")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(fmt.Sprintf("assets: embedded %s: %v", dir, err)) // only if the embed pattern is wrong
	}
	return sub
}

// CopySamples copies every file of src (normally Samples) into the folder
// dir, creating dir and sub-folders as needed. It never overwrites: a file
// that already exists in dir is left untouched and reported in skipped.
// written and skipped hold slash-separated paths relative to dir, in walk
// order. On error, files already written stay written (they are complete).
func CopySamples(src fs.FS, dir string) (written, skipped []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("copy samples: %w", err)
	}
	err = fs.WalkDir(src, ".", func(p string, d fs.DirEntry, walkErr error) error {
		if walkErr != nil {
			return walkErr
		}
		if p == "." {
			return nil
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			return nil
		}
		ok, err := copyNew(src, p, target)
		if err != nil {
			return err
		}
		if ok {
			written = append(written, p)
		} else {
			skipped = append(skipped, p)
		}
		return nil
	})
	if err != nil {
		return written, skipped, fmt.Errorf("copy samples to %s: %w", dir, err)
	}
	return written, skipped, nil
}

// copyNew copies src/name to target unless target exists. It reports whether
// it wrote the file. A half-written file is removed.
func copyNew(src fs.FS, name, target string) (bool, error) {
	in, err := src.Open(name)
	if err != nil {
		return false, err
	}
	defer in.Close()
	// O_EXCL: never replace a file the user may have edited, even if it
	// appears between a check and the write.
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(target)
		return false, fmt.Errorf("write %s: %w", path.Base(name), err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(target)
		return false, fmt.Errorf("sync %s: %w", path.Base(name), err)
	}
	if err := out.Close(); err != nil {
		os.Remove(target)
		return false, fmt.Errorf("close %s: %w", path.Base(name), err)
	}
	return true, nil
}
