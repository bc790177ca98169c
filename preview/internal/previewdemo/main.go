// Command previewdemo shows one article in the preview pane, to look at it
// under Xvfb: previewdemo [FILE] (default: the reference article in assets/samples).
// FOLIO_SCROLL_LINE=N scrolls to source line N once shown.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/adrg/frontmatter"

	"folio/preview"
)

func main() {
	path := "assets/samples/2024-ai-trends.md"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fm := map[string]any{}
	body, err := frontmatter.Parse(bytes.NewReader(src), &fm)
	if err != nil {
		body, fm = src, nil
	}
	first := bytes.Count(src[:len(src)-len(body)], []byte{'\n'}) + 1

	a := app.NewWithID("folio.previewdemo")
	w := a.NewWindow("Preview — " + filepath.Base(path))
	p := preview.New()
	p.OnOpenArticle = func(path string) { fmt.Println("open article:", path) }
	w.SetContent(p)
	w.Resize(fyne.NewSize(1000, 860))
	p.Update(body, preview.MetaFromMap(fm), filepath.Dir(path), first)
	if l, err := strconv.Atoi(os.Getenv("FOLIO_SCROLL_LINE")); err == nil {
		go func() {
			time.Sleep(time.Second)
			fyne.Do(func() { p.ScrollToSourceLine(l) })
		}()
	}
	w.ShowAndRun()
}
