package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"folio/app/library"
	"folio/preview/markdown"
)

// siteImageFolders are the top-level folders a site may keep all its
// images in, linked from the site root ("/media/x.png", docs-cn).
var siteImageFolders = []string{"media", "images"}

// imageLinkRE finds the destinations of Markdown images and <img src>.
var imageLinkRE = regexp.MustCompile(`!\[[^\]\n]*\]\(\s*<?([^)\s>]+)|<img\s[^>]*?src\s*=\s*["']([^"']+)`)

// scanFiles and scanBytes bound the look at existing links: a paste must
// not read every article.
const (
	scanFiles = 60
	scanBytes = 64 << 10
)

// imageFolder is where an image pasted into the article at articleAbs
// goes and the link prefix that reaches it: the site's own image folder
// when it has an evident one (a Hugo site's static/images or
// assets/images, linked "/images/"; a top-level media/ or images/ that
// most image links of the article's folder point into, linked "/media/"),
// else library.ImageDir's (the page bundle, or images/ beside the
// article). stop is the library root, where the site root search ends.
func imageFolder(articleAbs, stop string) (dir, prefix string) {
	dir, prefix = library.ImageDir(articleAbs)
	if dir == filepath.Dir(articleAbs) {
		return dir, prefix // a page bundle keeps its images
	}
	root := markdown.FindSiteRoot(filepath.Dir(articleAbs), stop)
	if root == "" {
		return dir, prefix
	}
	if site := markdown.LoadSite(root); site != nil && site.Hugo {
		for _, d := range []string{"static", "assets"} {
			if isDir(filepath.Join(root, d, "images")) {
				return filepath.Join(root, d, "images"), "/images/"
			}
		}
		return dir, prefix
	}
	var folders []string
	for _, f := range siteImageFolders {
		if isDir(filepath.Join(root, f)) {
			folders = append(folders, f)
		}
	}
	if len(folders) == 0 {
		return dir, prefix
	}
	counts, total := linkCounts(articleAbs, filepath.Dir(articleAbs), folders)
	if total == 0 && filepath.Dir(articleAbs) != root {
		counts, total = linkCounts("", root, folders) // a folder without images: the site's habit
	}
	for _, f := range folders {
		if counts[f]*2 > total {
			return filepath.Join(root, f), "/" + f + "/"
		}
	}
	return dir, prefix
}

// linkCounts counts the local image links in first and the first
// scanFiles Markdown files of folder (scanBytes of each), and those of
// them that point into each of the site-root folders ("/media/…").
func linkCounts(first, folder string, folders []string) (map[string]int, int) {
	files := []string{}
	if first != "" {
		files = append(files, first)
	}
	if ents, err := os.ReadDir(folder); err == nil {
		for _, e := range ents {
			if len(files) >= scanFiles {
				break
			}
			name := e.Name()
			if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(name), ".md") && filepath.Join(folder, name) != first {
				files = append(files, filepath.Join(folder, name))
			}
		}
	}
	counts, total := map[string]int{}, 0
	for _, p := range files {
		b := readHead(p)
		for _, m := range imageLinkRE.FindAllSubmatch(b, -1) {
			dest := string(m[1])
			if dest == "" {
				dest = string(m[2])
			}
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "data:") {
				continue // not a file of the site
			}
			total++
			for _, f := range folders {
				if strings.HasPrefix(dest, "/"+f+"/") {
					counts[f]++
				}
			}
		}
	}
	return counts, total
}

// readHead reads the first scanBytes of a file (nil when it cannot).
func readHead(p string) []byte {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	var b bytes.Buffer
	_, _ = io.Copy(&b, io.LimitReader(f, scanBytes))
	return b.Bytes()
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
