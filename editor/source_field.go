package editor

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/buffer"
)

// FieldOptions make a Source a long-text field of a form (SetField).
type FieldOptions struct {
	// MinLines and MaxLines bound the field's height in visual lines: it
	// is as high as its wrapped text between them and scrolls beyond.
	// MinLines is at least 1; MaxLines below MinLines is MinLines.
	MinLines, MaxLines int
	// Width, when set, returns the width the field is going to be laid
	// out at: before its first layout the text is wrapped at it, so the
	// first minimum size asked is already the right height.
	Width func() float32
	// OnFocus is called after the focus came (true) or went (false).
	OnFocus func(focused bool)
	// OnUndo, when set, takes Ctrl+Z (redo false), Ctrl+Y and
	// Ctrl+Shift+Z (redo true) instead of the field's own history: the
	// form decides between the typing and the article's last step. It may
	// call Undo and Redo.
	OnUndo func(redo bool)
	// OnScroll, when set, receives the mouse wheel while the field's text
	// fits it (nothing to scroll): the form around it scrolls.
	OnScroll func(ev *fyne.ScrollEvent)
}

type fieldState struct {
	opts FieldOptions
}

// SetField makes s a compact field of a form, or the editor again when o
// is nil. A field draws plain text in the theme's proportional face (no
// Markdown faces or colours), wrapped as the editor wraps (kinsoku); Tab
// and Shift+Tab move the focus instead of indenting; Enter starts a new
// line and carries nothing over (no list continuation); the Markdown
// shortcuts (Ctrl+B, I, `, K) are off (and image paste, unless
// OnPasteImage is set); it draws no
// background of its own (the form draws the box and its focus ring);
// read-only, its text is drawn dimmed; and its minimum height fits its
// wrapped text (see FieldOptions). Undo, selection, the clipboard and
// input methods work as in the editor.
func (s *Source) SetField(o *FieldOptions) {
	if o == nil {
		s.field = nil
		s.lay.plain = false
	} else {
		f := &fieldState{opts: *o}
		f.opts.MinLines = max(f.opts.MinLines, 1)
		f.opts.MaxLines = max(f.opts.MaxLines, f.opts.MinLines)
		s.field = f
		s.lay.plain = true
	}
	s.relayout()
	s.Refresh()
}

// HasFocus reports whether s has the keyboard focus.
func (s *Source) HasFocus() bool { return s.focused }

// fieldFocus tells a field's OnFocus that the focus came or went.
func (s *Source) fieldFocus(on bool) {
	if s.field != nil && s.field.opts.OnFocus != nil {
		s.field.opts.OnFocus(on)
	}
}

// fieldNewline breaks the line at the cursor with the text's line ending,
// replacing the selection.
func (s *Source) fieldNewline() {
	if s.readOnly {
		return
	}
	r := s.Selection()
	s.userEdit(r.Start, r.End, s.lineEndingAt(r.Start), buffer.EditOther)
}

// fieldShortcut handles the shortcuts a field treats otherwise than the
// editor, reporting whether sc was taken.
func (s *Source) fieldShortcut(sc fyne.Shortcut) bool {
	if s.field == nil {
		return false
	}
	undo := s.field.opts.OnUndo
	switch sc := sc.(type) {
	case *fyne.ShortcutUndo:
		if undo != nil && !s.readOnly {
			undo(false)
			return true
		}
	case *fyne.ShortcutRedo:
		if undo != nil && !s.readOnly {
			undo(true)
			return true
		}
	case *desktop.CustomShortcut:
		ctrl := sc.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0
		if !ctrl {
			return false
		}
		switch sc.KeyName {
		case fyne.KeyB, fyne.KeyI, fyne.KeyBackTick, fyne.KeyK:
			return true // Markdown markup: not in a plain field
		case fyne.KeyZ:
			if sc.Modifier&fyne.KeyModifierShift != 0 && undo != nil && !s.readOnly {
				undo(true)
				return true
			}
		}
	}
	return false
}

// fieldColors sets a field's colours: all text in the foreground colour
// (dimmed while read-only) over no background of its own.
func (s *Source) fieldColors(colors *[hlKinds]color.Color, bg *color.Color) {
	if s.field == nil {
		return
	}
	*bg = color.Transparent
	c := colors[hlText]
	if s.readOnly {
		c = s.Theme().Color(theme.ColorNameDisabled, fyne.CurrentApp().Settings().ThemeVariant())
	}
	for k := range colors {
		colors[k] = c
	}
}

// fieldMinSize is a field's minimum size: its wrapped text's height, from
// MinLines to MaxLines visual lines.
func (s *Source) fieldMinSize() fyne.Size {
	o := s.field.opts
	if s.viewSize.Width <= 0 && o.Width != nil {
		if w := o.Width(); w > 0 {
			s.resized(fyne.NewSize(w, s.viewSize.Height))
		}
	}
	m := s.metrics()
	rows := s.FieldLines()
	rows = min(max(rows, o.MinLines), o.MaxLines)
	return fyne.NewSize(m.lineH*2, float32(rows)*m.lineH+2*padTop)
}

// FieldLines returns the number of visual lines the whole text takes at
// the current width (every line wrapped exactly: a field's text is short).
func (s *Source) FieldLines() int {
	s.metrics()
	n := 0
	for i := range s.buf.LineCount() {
		n += s.lay.rowCount(i)
	}
	return n
}

// VisualLines returns the text of each visual line as laid out at the
// current width, without line endings: what the field shows, row by row.
func (s *Source) VisualLines() []string {
	s.metrics()
	var out []string
	for i := range s.buf.LineCount() {
		for sub := 0; s.lay.hasRow(i, sub); sub++ {
			a, b := s.lay.visualRange(i, sub)
			out = append(out, s.buf.LineSlice(i, a, b))
		}
	}
	return out
}

var _ fyne.SecondaryTappable = (*Source)(nil)

// TappedSecondary opens a field's context menu, as Fyne's entry has one:
// Undo and Redo (through OnUndo, when the field has history), Cut, Copy,
// Paste and Select All; Copy and Select All while read-only. The editor
// has no context menu: there it does nothing.
func (s *Source) TappedSecondary(ev *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(s)
	if s.field == nil || c == nil {
		return
	}
	s.focus()
	items := s.fieldMenu()
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, ev.AbsolutePosition)
}

// fieldMenu returns the items of a field's context menu.
func (s *Source) fieldMenu() []*fyne.MenuItem {
	cb := fyne.CurrentApp().Clipboard()
	short := func(sc fyne.Shortcut) func() { return func() { s.TypedShortcut(sc) } }
	cp := fyne.NewMenuItem(lang.L("Copy"), short(&fyne.ShortcutCopy{Clipboard: cb}))
	all := fyne.NewMenuItem(lang.L("Select All"), s.SelectAll)
	if s.readOnly {
		return []*fyne.MenuItem{cp, all}
	}
	var items []*fyne.MenuItem
	if s.CanUndo() {
		items = append(items, fyne.NewMenuItem(lang.L("Undo"), short(&fyne.ShortcutUndo{})))
	}
	if s.CanRedo() {
		items = append(items, fyne.NewMenuItem(lang.L("Redo"), short(&fyne.ShortcutRedo{})))
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	return append(items,
		fyne.NewMenuItem(lang.L("Cut"), short(&fyne.ShortcutCut{Clipboard: cb})), cp,
		fyne.NewMenuItem(lang.L("Paste"), short(&fyne.ShortcutPaste{Clipboard: cb})), all)
}

// fieldScroll hands the wheel to OnScroll while the text fits the field,
// reporting whether it did.
func (s *Source) fieldScroll(ev *fyne.ScrollEvent) bool {
	if s.field == nil || s.field.opts.OnScroll == nil || s.contentHeight() > s.viewSize.Height+1 {
		return false
	}
	s.field.opts.OnScroll(ev)
	return true
}
