// Command sourcedemo shows the editor.Source widget on an article so it can
// be checked by eye and driven with xdotool:
//
//	FYNE_FONT=assets/fonts/NotoSansSC-Regular.otf go run ./editor/internal/sourcedemo [file.md]
//
// With no file it opens the seed article. A status line shows the cursor
// position and the first visible line. -variant picks the light or dark
// theme, -size the font size.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor"
)

func main() {
	size := flag.Float64("size", 0, "font size (0: theme default)")
	variant := flag.String("variant", "", "theme variant: light or dark (default: system)")
	flag.Parse()
	path := "assets/samples/2024-ai-trends.md"
	if flag.NArg() > 0 {
		path = flag.Arg(0)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("sourcedemo: %v", err)
	}
	a := app.NewWithID("io.github.folio.sourcedemo")
	switch *variant {
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	}
	w := a.NewWindow("Folio source editor demo")
	src := editor.NewSource()
	src.SetTextSize(float32(*size))
	src.SetText(string(data))
	status := widget.NewLabel("")
	update := func() {
		status.SetText(fmt.Sprintf("Ln %d, Col %d · top line %d · %d bytes · %d lines",
			src.CursorLine()+1, src.CursorColumn()+1, src.FirstVisibleLine()+1, src.Len(), src.LineCount()))
	}
	src.OnCursorMoved = func(int, int) { update() }
	src.OnScrolled = func(int) { update() }
	src.OnChanged = update
	update()
	w.SetContent(container.NewBorder(nil, status, nil, nil, src))
	w.Resize(fyne.NewSize(1000, 700))
	w.Canvas().Focus(src)
	w.ShowAndRun()
}

// variantTheme forces a theme variant.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}
