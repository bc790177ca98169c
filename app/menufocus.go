package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
)

// menuFocus gives the keyboard back to the field that had it before the
// window's main menu was opened, once the menu closes: Fyne's menu bar
// takes the focus when it opens and leaves nothing focused when Escape
// closes it, so typing went nowhere until a click in the editor (QA F2).
// tick is called on the UI goroutine, by the caret follower's poll.
type menuFocus struct {
	c fyne.Canvas
	// isMenu tells whether a focused object is the menu bar's.
	isMenu func(fyne.Focusable) bool

	before fyne.Focusable // focused before the menu took the focus
	inMenu bool           // the menu had the focus at the last tick
}

func newMenuFocus(c fyne.Canvas) *menuFocus {
	return &menuFocus{c: c, isMenu: isMenuBarItem}
}

// isMenuBarItem reports whether o is a menu bar item of Fyne's desktop
// driver (an unexported type there).
func isMenuBarItem(o fyne.Focusable) bool {
	return strings.HasSuffix(fmt.Sprintf("%T", o), ".menuBarItem")
}

// tick looks at the focus: when the menu just gave it up to nothing, it
// goes back to the field that had it before.
func (m *menuFocus) tick() {
	f := m.c.Focused()
	switch {
	case f != nil && m.isMenu(f):
		m.inMenu = true
	case f == nil && m.inMenu:
		m.inMenu = false
		if m.before != nil {
			m.c.Focus(m.before)
		}
	default:
		m.inMenu = false
		if f != nil {
			m.before = f
		}
	}
}
