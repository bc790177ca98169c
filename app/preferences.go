package app

import (
	"fmt"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"folio/app/theme"
)

// More preference keys (see prefs.go for the theme's).
const (
	// prefEditorTextSize (float, points) is the editor's font size; 0
	// follows the interface's text size.
	prefEditorTextSize = "editor.text_size"
	// prefAuthor (string) is the author new articles get.
	prefAuthor = "article.author"
	// prefAutosave (bool) saves the open article after a pause in typing;
	// off by default.
	prefAutosave = "editor.autosave"
	// prefLanguage (string) is the interface language: "" follows the
	// system, "en" or "zh_Hans". It takes effect at the next start.
	prefLanguage = "app.language"
)

// prefsKey names the Preferences dialog in workspace.showing.
const prefsKey = "preferences"

// Interface text scales and editor sizes offered in Preferences.
var (
	textScales  = []float32{0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2}
	editorSizes = []float32{0, 12, 13, 14, 15, 16, 18, 20, 24}
	languages   = []string{"", "en", "zh_Hans"}
)

// applyLanguage makes the preferred interface language the one Fyne's
// translations pick; call it before the translations are added. The
// system's language is used when the preference is empty.
func applyLanguage(p fyne.Preferences) {
	switch p.String(prefLanguage) {
	case "en":
		os.Setenv("LANGUAGE", "en")
	case "zh_Hans":
		os.Setenv("LANGUAGE", "zh_CN:zh")
	default:
		return
	}
	// LANGUAGE is only read when the locale is not C (or unset).
	if l := os.Getenv("LANG"); os.Getenv("LC_ALL") == "" && os.Getenv("LC_MESSAGES") == "" && (l == "" || l == "C" || l == "POSIX") {
		os.Setenv("LC_MESSAGES", "en_US.UTF-8")
	}
}

// applyEditorTextSize sets the editor's font size from the preferences.
func (ws *workspace) applyEditorTextSize() {
	ws.src.SetTextSize(float32(ws.app.Preferences().Float(prefEditorTextSize)))
}

// nearest returns the index of the value in vs closest to v.
func nearest(vs []float32, v float32) int {
	best := 0
	for i, x := range vs {
		if abs32(x-v) < abs32(vs[best]-v) {
			best = i
		}
	}
	return best
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// showPreferences opens the Preferences dialog (Ctrl+,). Every change
// applies and is remembered at once.
func (ws *workspace) showPreferences() {
	if ws.showing[prefsKey] != nil {
		return
	}
	p := ws.app.Preferences()
	opts := themeOptions(p)

	themeSel := widget.NewSelect([]string{lang.L("System"), lang.L("Light"), lang.L("Dark")}, nil)
	themeSel.SetSelectedIndex(int(opts.Variant))
	themeSel.OnChanged = func(string) {
		o := themeOptions(p)
		o.Variant = theme.Variant(themeSel.SelectedIndex())
		applyTheme(ws.app, o)
		if ws.menu != nil {
			ws.menu.dark.Checked = isDark(ws.app)
			ws.menu.refresh()
		}
	}

	var scaleNames []string
	for _, s := range textScales {
		scaleNames = append(scaleNames, fmt.Sprintf("%d%%", int(s*100+0.5)))
	}
	scaleSel := widget.NewSelect(scaleNames, nil)
	scaleSel.SetSelectedIndex(nearest(textScales, opts.TextScale))
	scaleSel.OnChanged = func(string) {
		o := themeOptions(p)
		o.TextScale = textScales[scaleSel.SelectedIndex()]
		applyTheme(ws.app, o)
	}

	sizeNames := []string{lang.L("Same as the interface")}
	for _, s := range editorSizes[1:] {
		sizeNames = append(sizeNames, strconv.Itoa(int(s)))
	}
	sizeSel := widget.NewSelect(sizeNames, nil)
	sizeSel.SetSelectedIndex(nearest(editorSizes, float32(p.Float(prefEditorTextSize))))
	sizeSel.OnChanged = func(string) {
		p.SetFloat(prefEditorTextSize, float64(editorSizes[sizeSel.SelectedIndex()]))
		ws.applyEditorTextSize()
	}

	author := widget.NewEntry()
	author.SetText(p.String(prefAuthor))
	author.SetPlaceHolder(lang.L("Written into new articles"))
	author.OnChanged = func(s string) { p.SetString(prefAuthor, s) }

	autosave := widget.NewCheck(lang.L("Save automatically after a pause in typing"), func(on bool) { p.SetBool(prefAutosave, on) })
	autosave.SetChecked(p.Bool(prefAutosave))
	// how long a pause: the hidden 30 s default looked broken to a user
	// waiting a few seconds (QA F8)
	var waitNames []string
	for _, n := range autosaveChoices {
		waitNames = append(waitNames, lang.L("{{.N}} seconds after the last keystroke", map[string]any{"N": n}))
	}
	autosaveWait := widget.NewSelect(waitNames, nil)
	autosaveWait.SetSelectedIndex(nearestInt(autosaveChoices, p.IntWithFallback(prefAutosaveSeconds, defaultAutosaveSeconds)))
	autosaveWait.OnChanged = func(string) {
		p.SetInt(prefAutosaveSeconds, autosaveChoices[autosaveWait.SelectedIndex()])
	}

	remote := widget.NewCheck(lang.L("Load images from the web in the preview"), func(on bool) { ws.setRemoteImages(on) })
	remote.SetChecked(p.Bool(prefRemoteImages))

	langSel := widget.NewSelect([]string{lang.L("System"), "English", "简体中文"}, nil)
	for i, l := range languages {
		if l == p.String(prefLanguage) {
			langSel.SetSelectedIndex(i)
		}
	}
	langNote := widget.NewLabel("") // normal contrast: it must be read in the light theme too
	langSel.OnChanged = func(string) {
		p.SetString(prefLanguage, languages[langSel.SelectedIndex()])
		langNote.SetText(lang.L("Restart Folio to change the language."))
	}

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Theme"), themeSel),
		widget.NewFormItem(lang.L("Interface and preview text"), scaleSel),
		widget.NewFormItem(lang.L("Editor text size"), sizeSel),
		widget.NewFormItem(lang.L("Default author"), author),
		widget.NewFormItem(lang.L("Autosave"), autosave),
		widget.NewFormItem(lang.L("Autosave after"), autosaveWait),
		widget.NewFormItem(lang.L("Remote images"), remote),
		widget.NewFormItem(lang.L("Language"), container.NewVBox(langSel, langNote)),
	)
	d := dialog.NewCustom(lang.L("Preferences"), lang.L("Close"), form, ws.win)
	d.Resize(fyne.NewSize(520, 1))
	ws.showOnce(prefsKey, d)
}

// autosaveChoices are the pauses in typing, in seconds, Preferences offers
// before an autosave.
var autosaveChoices = []int{5, 10, 30, 60, 120, 300}

// nearestInt is the index of the value in choices closest to v.
func nearestInt(choices []int, v int) int {
	best := 0
	for i, c := range choices {
		if abs(c-v) < abs(choices[best]-v) {
			best = i
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
