package app

import (
	"runtime"

	"fyne.io/fyne/v2"
)

// Folio runs without Fyne's animations (QA F31). The one that matters is
// the caret of every Fyne Entry (the form's fields, the filter, the
// dialogs' fields): while an entry has the focus its caret fades in and
// out for ever, and each step of the fade is a full repaint of the window.
// Measured under Xvfb with a software renderer (llvmpipe), per 10 s idle:
// filter focused 1.34 s CPU (42 frames); the New Article dialog open
// 2.41 s (11 frames: behind a dialog each frame also redraws the blurred
// backdrop). Worse, an entry hidden while focused (a dialog closed with
// Escape) keeps its fade running until the app quits: 1.41 s per 10 s with
// nothing open. With animations off Fyne draws a steady caret instead, as
// Folio's own editor does, and the window draws nothing while idle; the
// other animations it drops (a button's and a select's tap ripple, the
// tabs' sliding underline) are short effects that Fyne's own "reduce
// motion" setting drops too.
//
// Fyne decides per widget from fyne.CurrentApp().Settings().ShowAnimations(),
// which is false only with the no_animations build tag or the user's Fyne
// settings file. A build tag would not cover `go run` and tests, and the
// settings file is shared by every Fyne app of the user, so Folio wraps
// its app: the same fyne.App with settings that answer false.

// steadyApp is a fyne.App whose settings disable animations; everything
// else is the wrapped app's.
type steadyApp struct {
	fyne.App
	settings steadySettings
}

// Settings returns the wrapped app's settings with animations off.
func (a *steadyApp) Settings() fyne.Settings { return a.settings }

// steadySettings are fyne.Settings that never show animations.
type steadySettings struct{ fyne.Settings }

// ShowAnimations reports false: Fyne draws a steady caret and skips its
// tap and transition effects.
func (steadySettings) ShowAnimations() bool { return false }

// withoutAnimations wraps a so that Fyne's widgets see animations off,
// and makes the wrapper the current app (what the widgets ask). On macOS
// it returns a unchanged: Fyne's system-theme watcher there asserts the
// concrete type of the current app's settings (app_desktop_darwin.go,
// themeChanged) and a wrapper would make it panic; the caret fades there.
func withoutAnimations(a fyne.App) fyne.App {
	if runtime.GOOS == "darwin" {
		return a
	}
	w := &steadyApp{App: a, settings: steadySettings{a.Settings()}}
	fyne.SetCurrentApp(w)
	return w
}
