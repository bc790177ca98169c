package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/editor"
)

// fakeMenu stands for the driver's menu bar item, which takes the focus.
type fakeMenu struct{ widget.Entry }

// TestMenuGivesFocusBack: after the main menu closed (Escape leaves nothing
// focused), the editor that had the keyboard has it again (QA F2: typing
// went nowhere after Escape until a click).
func TestMenuGivesFocusBack(t *testing.T) {
	test.NewTempApp(t)
	src := editor.NewSource()
	src.SetText("ABC\n")
	menu := &fakeMenu{}
	menu.ExtendBaseWidget(menu)
	other := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewBorder(container.NewVBox(menu, other), nil, nil, nil, src))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	m := newMenuFocus(c)
	m.isMenu = func(o fyne.Focusable) bool { return o == menu }

	c.Focus(src)
	m.tick()
	c.Focus(menu) // the menu opens
	m.tick()
	c.Unfocus() // Escape closes it
	m.tick()
	if c.Focused() != src {
		t.Fatalf("after the menu closed the focus is %T, want the editor", c.Focused())
	}

	// The user's own unfocus (not after the menu) is left alone.
	c.Focus(other)
	m.tick()
	c.Unfocus()
	m.tick()
	if c.Focused() != nil {
		t.Errorf("focus %T restored without a menu", c.Focused())
	}
	// A menu action that focuses a field keeps it there.
	c.Focus(menu)
	m.tick()
	c.Focus(other)
	m.tick()
	if c.Focused() != other {
		t.Errorf("focus %T, want the field the menu action focused", c.Focused())
	}
}
