package editor

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxSeedQuery is the longest selection ShowFind copies into the query.
const maxSeedQuery = 200

// FindBar is the find and replace bar of a Source: a query entry with the
// match count ("3 of 12"), previous/next (Shift+Enter / Enter), match case,
// whole word and regular expression toggles, and a replace row with
// Replace and Replace All (one undo step). Escape closes it and gives the
// keyboard back to the editor. It starts hidden; the app shows it with
// ShowFind (Ctrl+F) or ShowReplace (Ctrl+H). Use it from the Fyne UI
// goroutine only.
type FindBar struct {
	widget.BaseWidget

	// OnClosed is called after the bar closed (Escape or its close
	// button); the editor already has the focus back.
	OnClosed func()

	src                    *Source
	query, repl            *findEntry
	count                  *widget.Label
	matchCase, word, regex *toggle
	prev, next, close      *widget.Button
	replOne, replAll       *widget.Button
	replRow                *fyne.Container
	matches                []Range
	current                int // index of the selected match in matches, or -1
	origin                 int // where the search started: typing finds the first match from here
	err                    error
	updating               bool
}

// NewFindBar returns a hidden find bar for src.
func NewFindBar(src *Source) *FindBar {
	f := &FindBar{src: src, current: -1}
	f.query = newFindEntry(f, lang.L("Find"), func(shift bool) {
		if shift {
			f.Previous()
		} else {
			f.Next()
		}
	})
	f.query.OnChanged = func(string) { f.findFromOrigin() }
	f.repl = newFindEntry(f, lang.L("Replace with"), func(bool) { f.ReplaceOne() })
	f.count = widget.NewLabel("")
	f.count.Importance = widget.LowImportance
	// Compact toggles, as in most editors: the bar must fit an editor pane
	// a third of the window wide.
	// A click on a button takes the keyboard; give it back to the query
	// so that Enter and Escape keep working.
	refocus := func(fn func()) func() {
		return func() {
			fn()
			f.focus(f.query)
		}
	}
	f.matchCase = newToggle("Aa", f.Update)
	f.word = newToggle("ab", f.Update)
	f.regex = newToggle(".*", f.Update)
	for _, t := range []*toggle{f.matchCase, f.word, f.regex} {
		t.button.OnTapped = refocus(t.button.OnTapped)
	}
	f.query.ActionItem = container.NewHBox(f.matchCase.button, f.word.button, f.regex.button)
	f.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), refocus(f.Previous))
	f.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), refocus(f.Next))
	f.close = widget.NewButtonWithIcon("", theme.CancelIcon(), f.Close)
	for _, b := range []*widget.Button{f.prev, f.next, f.close} {
		b.Importance = widget.LowImportance
	}
	f.replOne = widget.NewButton(lang.L("Replace"), func() { f.ReplaceOne(); f.focus(f.repl) })
	f.replAll = widget.NewButton(lang.L("Replace All"), func() { f.ReplaceAll(); f.focus(f.repl) })
	f.replRow = container.NewBorder(nil, nil, nil, container.NewHBox(f.replOne, f.replAll), f.repl)
	f.replRow.Hide()
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *FindBar) CreateRenderer() fyne.WidgetRenderer {
	// The toggles sit inside the query entry (its action item); when the
	// pane is too narrow for the entry and the controls on one row, the
	// controls go under the entry, so the query keeps the pane's width.
	right := container.NewHBox(f.count, f.prev, f.next, f.close)
	findRow := container.New(&findRowLayout{}, f.query, right)
	return widget.NewSimpleRenderer(container.NewVBox(findRow, f.replRow))
}

// ShowFind shows the bar without its replace row and puts the keyboard in
// the query, whose text is selected. A selection in the editor on one line
// becomes the query.
func (f *FindBar) ShowFind() { f.show(false) }

// ShowReplace shows the bar with its replace row; the keyboard goes to the
// query, or to the replacement when the query is already set.
func (f *FindBar) ShowReplace() { f.show(true) }

func (f *FindBar) show(replace bool) {
	if sel := f.src.SelectedText(); sel != "" && !strings.ContainsAny(sel, "\r\n") && len(sel) <= maxSeedQuery {
		if f.regex.Checked {
			sel = regexp.QuoteMeta(sel)
		}
		f.query.SetText(sel) // Update runs through OnChanged
	}
	f.origin = f.src.Selection().Start
	if replace {
		f.replRow.Show()
	} else {
		f.replRow.Hide()
	}
	f.Show()
	f.Update()
	target := f.query
	if replace && f.query.Text != "" {
		target = f.repl
	}
	f.focus(target)
	target.selectAll()
}

// focus gives the keyboard to o (in the editor's window).
func (f *FindBar) focus(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.src); c != nil {
		c.Focus(o)
	}
}

// Close hides the bar, clears the highlighted matches and gives the
// keyboard back to the editor.
func (f *FindBar) Close() {
	f.Hide()
	f.src.SetMatches(nil)
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.src); c != nil {
		c.Focus(f.src)
	}
	if f.OnClosed != nil {
		f.OnClosed()
	}
}

// Options returns the find options the toggles set.
func (f *FindBar) Options() FindOptions {
	return FindOptions{CaseSensitive: f.matchCase.Checked, WholeWord: f.word.Checked, Regexp: f.regex.Checked}
}

// SetOptions sets the toggles.
func (f *FindBar) SetOptions(o FindOptions) {
	f.updating = true
	f.matchCase.SetChecked(o.CaseSensitive)
	f.word.SetChecked(o.WholeWord)
	f.regex.SetChecked(o.Regexp)
	f.updating = false
	f.Update()
}

// Query returns the text looked for.
func (f *FindBar) Query() string { return f.query.Text }

// SetQuery sets the text looked for.
func (f *FindBar) SetQuery(q string) { f.query.SetText(q) }

// SetReplacement sets the replacement text.
func (f *FindBar) SetReplacement(r string) { f.repl.SetText(r) }

// CountText returns what the match count says ("3 of 12", "No results").
func (f *FindBar) CountText() string { return f.count.Text }

// Matches returns the current matches.
func (f *FindBar) Matches() []Range { return f.matches }

// Update finds the query again in the editor's text and highlights the
// matches. The app calls it after the text changed while the bar is open
// (from the editor's OnChanged, debounced); the bar calls it itself when
// the query or a toggle changes.
func (f *FindBar) Update() {
	if f.updating || !f.Visible() {
		return
	}
	f.matches, f.err = f.src.FindErr(f.query.Text, f.Options())
	f.current = f.indexOfSelection()
	f.src.SetMatches(f.matches)
	f.showCount()
}

// findFromOrigin updates the matches as the query is typed and selects
// the first one from where the search started, wrapping to the top.
func (f *FindBar) findFromOrigin() {
	f.Update()
	if f.updating || !f.Visible() || len(f.matches) == 0 {
		return
	}
	i := 0
	for k, m := range f.matches {
		if m.Start >= f.origin {
			i = k
			break
		}
	}
	f.selectMatch(i)
}

// indexOfSelection returns the index of the match the editor has
// selected, or -1.
func (f *FindBar) indexOfSelection() int {
	sel := f.src.Selection()
	for i, m := range f.matches {
		if m == sel {
			return i
		}
		if m.Start > sel.Start {
			break
		}
	}
	return -1
}

func (f *FindBar) showCount() {
	switch {
	case f.err != nil:
		f.count.SetText(lang.L("Invalid pattern"))
		f.count.Importance = widget.DangerImportance
	case f.query.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText(lang.L("No results"))
		f.count.Importance = widget.DangerImportance
	case f.current < 0:
		f.count.SetText(lang.L("{{.Current}} of {{.Total}}", map[string]any{"Current": "?", "Total": len(f.matches)}))
		f.count.Importance = widget.LowImportance
	default:
		f.count.SetText(lang.L("{{.Current}} of {{.Total}}", map[string]any{"Current": f.current + 1, "Total": len(f.matches)}))
		f.count.Importance = widget.LowImportance
	}
	f.count.Refresh()
}

// Next selects the first match after the caret (wrapping to the top) and
// scrolls to it.
func (f *FindBar) Next() {
	f.Update()
	if len(f.matches) == 0 {
		return
	}
	sel := f.src.Selection()
	i := 0
	for k, m := range f.matches {
		if m.Start >= sel.End && m != sel {
			i = k
			break
		}
		if k == len(f.matches)-1 {
			i = 0
		}
	}
	f.selectMatch(i)
}

// Previous selects the last match before the caret (wrapping to the
// bottom) and scrolls to it.
func (f *FindBar) Previous() {
	f.Update()
	if len(f.matches) == 0 {
		return
	}
	sel := f.src.Selection()
	i := len(f.matches) - 1
	for k := len(f.matches) - 1; k >= 0; k-- {
		if m := f.matches[k]; m.End <= sel.Start && m != sel {
			i = k
			break
		}
		if k == 0 {
			i = len(f.matches) - 1
		}
	}
	f.selectMatch(i)
}

func (f *FindBar) selectMatch(i int) {
	f.src.Select(f.matches[i])
	f.src.SetMatches(f.matches)
	f.current = i
	f.showCount()
}

// ReplaceOne replaces the selected match (expanding $1 references in
// regular expression mode) and selects the next one; when no match is
// selected it only moves to the next one.
func (f *FindBar) ReplaceOne() {
	f.Update()
	if f.current < 0 || f.src.ReadOnly() {
		f.Next()
		return
	}
	m := f.matches[f.current]
	text := f.repl.Text
	if f.Options().Regexp {
		re, err := compileQuery(f.query.Text, f.Options())
		if err != nil {
			return
		}
		all := f.src.Text()
		for _, loc := range re.FindAllStringSubmatchIndex(all, -1) {
			if loc[0] == m.Start && loc[1] == m.End {
				text = string(re.ExpandString(nil, text, all, loc))
				break
			}
		}
	}
	f.src.Replace(m, text)
	// Continue after the replacement.
	f.src.SetCursorOffset(m.Start + len(text))
	f.Next()
}

// ReplaceAll replaces every match as one undo step and returns how many
// were replaced.
func (f *FindBar) ReplaceAll() int {
	n, err := f.src.ReplaceAll(f.query.Text, f.repl.Text, f.Options())
	if err != nil {
		f.err = err
		f.showCount()
		return 0
	}
	f.Update()
	return n
}

// findEntry is the bar's one-line entry: Enter and Shift+Enter act,
// Escape closes the bar, Ctrl+F/Ctrl+H switch the bar's mode.
type findEntry struct {
	widget.Entry
	bar     *FindBar
	shift   bool
	onEnter func(shift bool)
}

func newFindEntry(bar *FindBar, placeholder string, onEnter func(shift bool)) *findEntry {
	e := &findEntry{bar: bar, onEnter: onEnter}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.Wrapping = fyne.TextWrapOff
	e.Scroll = fyne.ScrollNone
	return e
}

// KeyDown implements desktop.Keyable, tracking Shift for Shift+Enter.
func (e *findEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp implements desktop.Keyable.
func (e *findEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost implements fyne.Focusable.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey implements fyne.Focusable.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.bar.Close()
	case fyne.KeyReturn, fyne.KeyEnter:
		e.onEnter(e.shift)
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut implements fyne.Shortcutable: Ctrl+F and Ctrl+H work from
// inside the bar too.
func (e *findEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0 {
		switch cs.KeyName {
		case fyne.KeyF:
			e.bar.ShowFind()
			return
		case fyne.KeyH:
			e.bar.ShowReplace()
			return
		}
	}
	e.Entry.TypedShortcut(sc)
}

// selectAll selects the entry's whole text.
func (e *findEntry) selectAll() {
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// toggle is a compact on/off button: "Aa" for match case, "ab" for whole
// word, ".*" for regular expressions, highlighted when on.
type toggle struct {
	button   *widget.Button
	Checked  bool
	onChange func()
}

func newToggle(label string, onChange func()) *toggle {
	t := &toggle{onChange: onChange}
	t.button = widget.NewButton(label, func() { t.SetChecked(!t.Checked) })
	t.button.Importance = widget.LowImportance
	return t
}

// SetChecked turns the toggle on or off and tells the bar when it changed.
func (t *toggle) SetChecked(on bool) {
	if on == t.Checked {
		return
	}
	t.Checked = on
	if on {
		t.button.Importance = widget.HighImportance
	} else {
		t.button.Importance = widget.LowImportance
	}
	t.button.Refresh()
	if t.onChange != nil {
		t.onChange()
	}
}

// minQueryWidth is the narrowest the query entry gets beside the controls
// before the controls move under it.
const minQueryWidth = 280

// findRowLayout lays out the query entry (objects[0]) and the controls
// (objects[1]) on one row when the row is wide enough, else on two rows,
// the controls right-aligned under a full-width entry. Its MinSize follows
// the width of its last layout, as wrapping text does.
type findRowLayout struct{ width float32 }

func (l *findRowLayout) oneRow(objs []fyne.CanvasObject) bool {
	return l.width == 0 || l.width-objs[1].MinSize().Width-theme.Padding() >= minQueryWidth
}

// Layout implements fyne.Layout.
func (l *findRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	entry, controls := objs[0], objs[1]
	em, cm := entry.MinSize(), controls.MinSize()
	pad := theme.Padding()
	if l.oneRow(objs) {
		h := max(em.Height, cm.Height)
		entry.Resize(fyne.NewSize(size.Width-cm.Width-pad, h))
		entry.Move(fyne.NewPos(0, 0))
		controls.Resize(fyne.NewSize(cm.Width, h))
		controls.Move(fyne.NewPos(size.Width-cm.Width, 0))
		return
	}
	entry.Resize(fyne.NewSize(size.Width, em.Height))
	entry.Move(fyne.NewPos(0, 0))
	controls.Resize(cm)
	controls.Move(fyne.NewPos(max(size.Width-cm.Width, 0), em.Height+pad))
}

// MinSize implements fyne.Layout.
func (l *findRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	em, cm := objs[0].MinSize(), objs[1].MinSize()
	if l.oneRow(objs) {
		return fyne.NewSize(em.Width+cm.Width+theme.Padding(), max(em.Height, cm.Height))
	}
	return fyne.NewSize(max(em.Width, cm.Width), em.Height+theme.Padding()+cm.Height)
}
