package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/app/theme"
)

// formField finds the widget of the form item labelled text in o.
func formField[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, text string) T {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		f, ok := c.(*widget.Form)
		if !ok {
			continue
		}
		for _, it := range f.Items {
			if it.Text != text {
				continue
			}
			if w, ok := it.Widget.(T); ok {
				return w
			}
			for _, inner := range test.LaidOutObjects(it.Widget) {
				if w, ok := inner.(T); ok {
					return w
				}
			}
		}
	}
	t.Fatalf("no form field %q", text)
	var zero T
	return zero
}

func TestPreferencesApplyAndPersist(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.showPreferences()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no Preferences dialog")
	}
	p := ws.app.Preferences()

	formField[*widget.Select](t, top, "Theme").SetSelectedIndex(2)
	if themeOptions(p).Variant != theme.VariantDark || !ws.menu.dark.Checked {
		t.Error("the theme did not turn dark")
	}
	formField[*widget.Select](t, top, "Interface and preview text").SetSelected("125%")
	if themeOptions(p).TextScale != 1.25 {
		t.Errorf("text scale = %v", themeOptions(p).TextScale)
	}
	formField[*widget.Select](t, top, "Editor text size").SetSelected("18")
	if ws.src.TextSize() != 18 || p.Float(prefEditorTextSize) != 18 {
		t.Errorf("editor size = %v", ws.src.TextSize())
	}
	test.Type(formField[*widget.Entry](t, top, "Default author"), "李雷")
	if p.String(prefAuthor) != "李雷" {
		t.Errorf("author = %q", p.String(prefAuthor))
	}
	test.Tap(formField[*widget.Check](t, top, "Autosave"))
	if !p.Bool(prefAutosave) {
		t.Error("autosave not stored")
	}
	wait := formField[*widget.Select](t, top, "Autosave after")
	if wait.SelectedIndex() != 2 || !strings.Contains(wait.Selected, "30") {
		t.Errorf("autosave wait shows %q, want the default 30 seconds", wait.Selected)
	}
	wait.SetSelectedIndex(0)
	if got := p.IntWithFallback(prefAutosaveSeconds, defaultAutosaveSeconds); got != 5 {
		t.Errorf("autosave wait stored %d, want 5", got)
	}
	test.Tap(formField[*widget.Check](t, top, "Remote images"))
	if !p.Bool(prefRemoteImages) || !ws.menu.remote.Checked {
		t.Error("remote images not turned on everywhere")
	}
	formField[*widget.Select](t, top, "Language").SetSelected("简体中文")
	if p.String(prefLanguage) != "zh_Hans" {
		t.Errorf("language = %q", p.String(prefLanguage))
	}

	// A new window starts with the editor size.
	w2 := test.NewWindow(nil)
	t.Cleanup(w2.Close)
	ws2 := newWorkspace(ws.app, w2, t.TempDir())
	ws2.install()
	if ws2.src.TextSize() != 18 {
		t.Errorf("a new window's editor size = %v", ws2.src.TextSize())
	}
}

func TestApplyLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "en_US.UTF-8")
	a.Preferences().SetString(prefLanguage, "zh_Hans")
	applyLanguage(a.Preferences())
	if os.Getenv("LANGUAGE") != "zh_CN:zh" {
		t.Errorf("LANGUAGE = %q", os.Getenv("LANGUAGE"))
	}
	t.Setenv("LANGUAGE", "fr")
	a.Preferences().SetString(prefLanguage, "")
	applyLanguage(a.Preferences())
	if os.Getenv("LANGUAGE") != "fr" {
		t.Error("the system language was overridden")
	}
}

func TestHelpDialogs(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	ws.showShortcuts()
	if top := ws.win.Canvas().Overlays().Top(); top == nil || !dialogSays(top, "Ctrl+P / Ctrl+L") {
		t.Error("Keyboard Shortcuts does not list the filter shortcut")
	}
	ws.win.Canvas().Overlays().Top().Hide()
	ws.showAbout()
	if top := ws.win.Canvas().Overlays().Top(); top == nil || !dialogSays(top, "Folio "+Version) {
		t.Error("About does not name the version")
	}
	menu := ws.win.MainMenu().Items
	if last := menu[len(menu)-1]; last.Label != "Help" || len(last.Items) != 2 {
		t.Errorf("Help menu = %+v", last)
	}
}
