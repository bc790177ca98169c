//go:build !folio_cli

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"folio/editor/document"
	"folio/preview"
	"folio/preview/markdown"
)

// runExport implements `folio export FILE [-o OUT.html]`: the article as a
// standalone HTML page (header card, body, small CSS), rendered with the
// preview's goldmark configuration. Without -o the page goes to stdout.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the page to `OUT.html` instead of stdout")
	lang := fs.String("lang", "", "the page's language tag (default zh-CN)")
	follow := fs.Bool("follow-links", false, "read FILE through a symbolic link that leaves its folder or site")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: folio export FILE [-o OUT.html] [-lang TAG] [--follow-links]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rest := fs.Args()
	if len(rest) > 0 { // flags may also follow FILE
		if err := fs.Parse(rest[1:]); err != nil {
			return 2
		}
		rest = append(rest[:1], fs.Args()...)
	}
	if len(rest) != 1 {
		fs.Usage()
		return 2
	}
	if err := exportFile(rest[0], *out, *lang, *follow, stdout); err != nil {
		fmt.Fprintf(stderr, "folio export: %v\n", err)
		return 1
	}
	return 0
}

func exportFile(path, out, lang string, follow bool, stdout io.Writer) error {
	src, _, err := readArticle(path, follow) // safety.go: regular file, size cap, links
	if err != nil {
		return fmt.Errorf("read article: %w", err)
	}
	doc, err := document.Parse(src)
	var pe *document.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %s", path, pe.Line, pe.Msg)
	} else if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// the site's config (enableEmoji, params) and variables, as the
	// preview reads them
	var site *markdown.Site
	if root := markdown.FindSiteRoot(filepath.Dir(path), ""); root != "" {
		site = markdown.LoadSite(root)
	}
	opts := preview.ExportOptions{Lang: lang, Emoji: site != nil && site.Emoji, Site: site}
	if out != "" && out != "-" {
		opts.AssetPrefix = assetPrefix(path, out)
	}
	var page bytes.Buffer
	if err := preview.ExportHTML(&page, doc.Body(), preview.MetaFromFields(doc.Fields()), opts); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	pageDir := filepath.Dir(path)
	if out != "" && out != "-" {
		pageDir = filepath.Dir(out)
	}
	data := siteImages(page.Bytes(), filepath.Dir(path), pageDir)
	if out == "" || out == "-" {
		if _, err := stdout.Write(data); err != nil {
			return fmt.Errorf("write page: %w", err)
		}
		return nil
	}
	return writeNewFile(path, out, data)
}

// imgSrc finds the src of each <img> of an exported page that starts with
// one "/": a site-root path ("/media/x.png").
var imgSrc = regexp.MustCompile(`(<img\b[^>]*?\ssrc=")(/[^"/][^"]*)(")`)

// siteImages makes the site-root image paths of an exported page
// ("/media/x.png", body and cover) lead to the files from the page's
// folder pageDir, as relative image paths do: they are resolved with the
// preview's resolver (markdown.Resolver: Hugo's static/ and assets/, the
// content folder, the site root) for the article in articleDir. A path
// that resolves to no file is left as it is.
func siteImages(page []byte, articleDir, pageDir string) []byte {
	if !bytes.Contains(page, []byte(` src="/`)) {
		return page
	}
	adir, err1 := filepath.Abs(articleDir)
	pdir, err2 := filepath.Abs(pageDir)
	if err1 != nil || err2 != nil {
		return page
	}
	root := markdown.FindSiteRoot(adir, "")
	return imgSrc.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := imgSrc.FindSubmatch(m)
		file := siteImage(adir, root, html.UnescapeString(string(sub[2])))
		if file == "" {
			return m
		}
		rel, err := filepath.Rel(pdir, file)
		if err != nil {
			return m
		}
		src := (&url.URL{Path: filepath.ToSlash(rel)}).String()
		return []byte(string(sub[1]) + html.EscapeString(src) + string(sub[3]))
	})
}

// siteImage is the file a site-root image path names, resolved with the
// preview's resolver against root; with no site root found (a copy of a
// docs repository without its .git or config), against the nearest folder
// up from the article's that holds the file.
func siteImage(adir, root, dest string) string {
	regular := func(file string) bool {
		info, err := os.Stat(file)
		return file != "" && err == nil && info.Mode().IsRegular()
	}
	if root != "" {
		if file := (markdown.Resolver{Dir: adir, Root: root}).Image(dest); regular(file) {
			return file
		}
		return ""
	}
	for dir := adir; ; dir = filepath.Dir(dir) {
		if file := (markdown.Resolver{Dir: adir, Root: dir}).Image(dest); regular(file) {
			return file
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// assetPrefix is the path from the page's folder to the article's, so the
// page finds the article's relative images ("" when they are the same).
func assetPrefix(article, out string) string {
	a, err1 := filepath.Abs(filepath.Dir(article))
	o, err2 := filepath.Abs(filepath.Dir(out))
	if err1 != nil || err2 != nil || a == o {
		return ""
	}
	rel, err := filepath.Rel(o, a)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// writeNewFile writes data to out through a temporary file and a rename,
// refusing to overwrite the article itself.
func writeNewFile(article, out string, data []byte) error {
	if err := checkOutput(out); err != nil { // safety.go: no symbolic link, FIFO or device at OUT
		return err
	}
	if ai, err := os.Stat(article); err == nil {
		if oi, err := os.Stat(out); err == nil && os.SameFile(ai, oi) { // also through links and case folding
			return fmt.Errorf("refusing to overwrite the article %s", article)
		}
	}
	// Named like library.Save's temporary files (.folio-tmp-PID-…), so one
	// left by a killed export is cleaned up by the next save or scan there.
	if info, err := os.Stat(filepath.Dir(out)); err != nil || !info.IsDir() {
		// said of the folder, not of the temporary file that could not be made in it
		return fmt.Errorf("write page %s: the folder %s does not exist", out, filepath.Dir(out))
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".folio-tmp-"+strconv.Itoa(os.Getpid())+"-export-*")
	if err != nil {
		return fmt.Errorf("write page %s: %w", out, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write page: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write page: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write page: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write page: %w", err)
	}
	return nil
}
