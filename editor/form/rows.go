package form

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/document"
)

// rowKind is the widget a key gets.
type rowKind int

const (
	kText     rowKind = iota // one-line entry
	kLong                    // multi-line wrapping entry
	kSelect                  // one value with the folder's values suggested
	kDate                    // date or date-time with picker and "now"
	kBool                    // check
	kNumber                  // numeric entry keeping int vs float
	kList                    // chips with autocomplete
	kRaw                     // the value's own text, for nested values
	kReadTime                // text with "update from text"
)

// kindFor picks the widget for a key from its value, the options and the
// folder's schema (for an empty value).
func (f *Form) kindFor(key string, v document.Value) rowKind {
	var st document.FieldType = document.TypeUnknown
	if ks, ok := f.schema.Key(key); ok {
		st = ks.Type
	}
	switch v.Kind {
	case document.Map:
		return kRaw
	case document.List:
		for _, it := range v.Items {
			if it.Kind == document.List || it.Kind == document.Map {
				return kRaw
			}
		}
		return kList
	case document.Bool:
		return kBool
	case document.Int, document.Float:
		if readTimeLike(key, v) {
			return kReadTime
		}
		return kNumber
	case document.Date:
		return kDate
	case document.Null:
		switch {
		case f.isTaxonomy(key) || st == document.TypeList:
			return kList
		case st == document.TypeDate:
			return kDate
		case st == document.TypeBool:
			return kBool
		case st == document.TypeNumber:
			return kNumber
		case st == document.TypeLongText || contains(longKeys, key):
			return kLong
		case f.isSelect(key):
			return kSelect
		}
		return kText
	}
	switch {
	case dateShaped(v.Text) && (st == document.TypeDate || st == document.TypeUnknown || st == document.TypeMixed):
		return kDate
	case f.schema.WantsDate(key) && document.NotADate(v.Text):
		// what folio check and the list's errors chip call "not a date"
		// ("yesterday", "2024/05/06") is a date row, flagged
		return kDate
	case readTimeLike(key, v):
		return kReadTime
	case strings.ContainsAny(v.Text, "\n\r") || st == document.TypeLongText || contains(longKeys, key):
		return kLong
	case f.isSelect(key) || f.isTaxonomy(key):
		return kSelect
	}
	return kText
}

// row is one key's line in the form.
type row interface {
	base() *rowBase
	// show puts a value read from the text into the widgets.
	show(v document.Value)
	// focused reports whether the user is typing in the row.
	focused() bool
	focusTarget() fyne.Focusable
	setEnabled(on bool)
}

// rowBase is what every row has: the key with a remove icon above the
// field, and a line for an error.
type rowBase struct {
	f      *Form
	key    string
	kind   rowKind
	value  document.Value
	box    *fyne.Container
	label  fyne.CanvasObject // the key, in a column of fixed width
	errMsg *widget.Label
	remove *tapIcon
}

func (b *rowBase) base() *rowBase { return b }

// live reports whether the row is still the form's row for its key.
func (b *rowBase) live() bool {
	r, ok := b.f.byKey[b.key]
	return ok && r.base() == b
}

func (f *Form) newBase(key string, kind rowKind) *rowBase {
	b := &rowBase{f: f, key: key, kind: kind}
	label := widget.NewLabelWithStyle(key, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Truncation = fyne.TextTruncateEllipsis
	b.remove = newTapIcon(theme.DeleteIcon(), func() { f.remove(key) })
	b.label = container.New(fixedWidth{&f.labelW}, label)
	b.errMsg = widget.NewLabel("")
	b.errMsg.Importance = widget.DangerImportance
	b.errMsg.Wrapping = fyne.TextWrapWord
	b.errMsg.Hide()
	return b
}

func (b *rowBase) setError(err error) {
	if err == nil {
		if b.errMsg.Visible() {
			b.errMsg.Hide()
			b.f.relayout()
		}
		return
	}
	b.errMsg.SetText(err.Error())
	b.errMsg.Show()
	b.f.relayout()
}

// labelWidth is the width of the key column; narrowLabelWidth when the
// form is narrower than narrowForm.
const (
	labelWidth       = 104
	narrowLabelWidth = 72
	narrowForm       = 260
)

// layoutRow puts the key on the left, the remove icon on the right and
// between them the field over its extras and the error line.
func (b *rowBase) layoutRow(field fyne.CanvasObject, extra ...fyne.CanvasObject) {
	objs := append([]fyne.CanvasObject{field}, extra...)
	right := container.NewVBox(append(objs, b.errMsg)...)
	b.box = container.NewBorder(nil, nil, b.label, container.NewVBox(b.remove), right)
}

// fixedWidth lays out one object at a fixed width (the key column).
type fixedWidth struct{ w *float32 }

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(*l.w, h)
}

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		o.Move(fyne.Position{})
	}
}

func (f *Form) newRow(key string, k rowKind) row {
	switch k {
	case kBool:
		return f.newBoolRow(key)
	case kList:
		return f.newListRow(key)
	case kRaw:
		return f.newRawRow(key)
	case kLong:
		return f.newLongRow(key)
	}
	return f.newEntryRow(key, k)
}

// entryRow is a field typed in an entry: text, select, date, number and
// reading time (a long text is a longRow).
type entryRow struct {
	*rowBase
	entry   *fieldEntry
	shown   string // the text last shown from the document
	flag    *widget.Label
	suggest *fyne.Container // select: the folder's values
	action  *pill           // date: "now"; reading time: "update from text"
	picker  *calendar       // date: the calendar last shown
}

func (f *Form) newEntryRow(key string, k rowKind) *entryRow {
	r := &entryRow{rowBase: f.newBase(key, k)}
	r.entry = newFieldEntry(false)
	r.entry.onCommit = r.commit
	r.entry.onEscape = f.escape
	r.entry.onUndo = func(redo bool) { f.undo(r, redo) }
	r.flag = widget.NewLabel("")
	r.flag.Importance = widget.WarningImportance
	r.flag.Hide()
	field := f.wheel(r.entry)
	var extra []fyne.CanvasObject
	switch k {
	case kDate:
		pick := newTapIcon(theme.CalendarIcon(), r.pickDate)
		r.action = newPill(lang.L("Now"), r.setNow, nil, false)
		field = container.New(&sideLayout{entry: r.entry, width: &f.width, gap: 4}, field, container.NewHBox(pick, r.action))
		r.entry.SetPlaceHolder("YYYY-MM-DD")
	case kReadTime:
		r.action = newPill(lang.L("Update from text"), r.updateReadTime, nil, false)
		r.action.maxW = &f.width
		field = container.New(&sideLayout{entry: r.entry, width: &f.width, gap: 4}, field, container.NewCenter(r.action))
	case kSelect:
		r.suggest = container.New(f.flow())
		r.entry.OnChanged = func(string) { r.showSuggestions() }
		extra = append(extra, r.suggest)
	}
	changed := r.entry.OnChanged
	r.entry.OnChanged = func(text string) {
		if changed != nil {
			changed(text)
		}
		f.typed(r)
	}
	r.layoutRow(field, append([]fyne.CanvasObject{r.flag}, extra...)...)
	return r
}

func (r *entryRow) focused() bool               { return r.entry.hasFocus }
func (r *entryRow) focusTarget() fyne.Focusable { return r.entry }

func (r *entryRow) setEnabled(on bool) {
	setEnabled(r.entry, on)
	r.remove.disabled = !on
	if r.action != nil {
		r.action.setDisabled(!on)
	}
	if r.suggest != nil {
		for _, o := range r.suggest.Objects {
			o.(*pill).setDisabled(!on)
		}
	}
}

type enabler interface {
	Enable()
	Disable()
	Disabled() bool
}

func setEnabled(w enabler, on bool) {
	switch {
	case on && w.Disabled():
		w.Enable()
	case !on && !w.Disabled():
		w.Disable()
	}
}

func (r *entryRow) show(v document.Value) {
	text := v.Plain()
	r.shown = text
	if r.entry.Text != text {
		r.entry.SetText(text)
	}
	r.check(text)
	if r.suggest != nil {
		r.showSuggestions()
	}
}

// check flags an invalid date or number.
func (r *entryRow) check(text string) bool {
	msg := ""
	switch r.kind {
	case kDate:
		if dateProblem(text) {
			msg = lang.L("Not a valid date (YYYY-MM-DD)")
		}
	case kNumber:
		if _, ok := r.number(text); !ok && strings.TrimSpace(text) != "" {
			msg = lang.L("Not a number")
		}
	}
	if msg == "" {
		if r.flag.Visible() {
			r.flag.Hide()
			r.f.relayout()
		}
		return true
	}
	r.flag.SetText("⚠ " + msg)
	if !r.flag.Visible() {
		r.flag.Show()
		r.f.relayout()
	}
	return false
}

// number reads text as the row's number, keeping an integer an integer
// and a float a float.
func (r *entryRow) number(text string) (document.Value, bool) {
	text = strings.TrimSpace(text)
	if _, err := strconv.ParseInt(text, 10, 64); err == nil {
		if r.value.Kind == document.Float {
			return document.Value{Kind: document.Float, Text: text + ".0"}, true
		}
		return document.Value{Kind: document.Int, Text: text}, true
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil && !strings.ContainsAny(text, "xXnN_") {
		return document.Value{Kind: document.Float, Text: text}, true
	}
	return document.Value{}, false
}

// valueOf turns the entry's text into the value to write.
func (r *entryRow) valueOf(text string) (document.Value, bool) {
	switch r.kind {
	case kNumber:
		return r.number(text)
	case kDate:
		k := r.value.Kind
		if k != document.Date || strings.TrimSpace(text) == "" {
			k = document.String
		}
		return document.Value{Kind: k, Text: strings.TrimSpace(text)}, true
	case kReadTime:
		if r.value.Kind == document.Int {
			return r.number(text)
		}
	}
	return document.S(text), true
}

// commit writes the entry's text when it differs from what was shown.
func (r *entryRow) commit() {
	text := r.entry.Text
	if text == r.shown || r.f.syncing {
		return
	}
	if !r.check(text) && r.kind == kNumber {
		return
	}
	v, ok := r.valueOf(text)
	if !ok {
		return
	}
	if r.f.set(r, v) {
		r.shown = text
	}
}

// setText puts text in the entry and writes it.
func (r *entryRow) setText(text string) {
	r.entry.SetText(text)
	r.commit()
}

func (r *entryRow) setNow() {
	if r.f.broken {
		return
	}
	r.setText(nowLike(r.entry.Text, r.f.now(), r.f.location()))
}

func (r *entryRow) pickDate() {
	if r.f.broken {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(r.entry)
	if c == nil {
		return
	}
	now := r.f.now().In(r.f.location())
	_, start, ok := dateLayout(strings.TrimSpace(r.entry.Text), r.f.location())
	if !ok {
		start = now
	}
	var pop *widget.PopUp
	cal := newCalendar(start, now)
	r.picker = cal
	cal.onPick = func(day time.Time) {
		pop.Hide()
		c.Focus(r.entry)
		r.setText(withDay(r.entry.Text, day, r.f.location()))
	}
	cal.onClose = func() {
		pop.Hide()
		c.Focus(r.entry)
	}
	cal.onLeave = func() fyne.Focusable {
		pop.Hide()
		return c.Focused()
	}
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.entry)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, r.entry.Size().Height)))
	c.Focus(cal)
}

func (r *entryRow) updateReadTime() {
	if r.f.broken || r.f.doc == nil {
		return
	}
	n := max(document.CountText(r.f.doc.Body()).ReadingMinutes(), 1)
	if r.value.Kind == document.Int {
		r.setText(strconv.Itoa(n))
		return
	}
	r.setText(withMinutes(r.entry.Text, n))
}

func (r *entryRow) showSuggestions() {
	typed := r.entry.Text
	if typed == r.shown {
		typed = "" // nothing typed yet: the folder's most used values
	}
	vals := suggest(r.f.values(r.key), typed, map[string]bool{r.entry.Text: true}, 6)
	r.suggest.Objects = suggestionPills(vals, r.setText, &r.f.width, r.entry.Disabled())
	r.suggest.Refresh()
	r.f.relayout()
}

// boolRow is a check.
type boolRow struct {
	*rowBase
	check *widget.Check
}

func (f *Form) newBoolRow(key string) *boolRow {
	r := &boolRow{rowBase: f.newBase(key, kBool)}
	r.check = widget.NewCheck("", func(on bool) {
		if f.syncing {
			return
		}
		text := "false"
		if on {
			text = "true"
		}
		// Keep the file's capitalisation (True, TRUE).
		if old := r.value.Text; len(old) > 0 && old[0] >= 'A' && old[0] <= 'Z' {
			if old == strings.ToUpper(old) {
				text = strings.ToUpper(text)
			} else {
				text = strings.ToUpper(text[:1]) + text[1:]
			}
		}
		f.set(r, document.Value{Kind: document.Bool, Text: text})
	})
	r.layoutRow(r.check)
	return r
}

func (r *boolRow) show(v document.Value) {
	on := strings.EqualFold(v.Text, "true")
	if r.check.Checked != on {
		r.check.SetChecked(on)
	}
}
func (r *boolRow) focused() bool               { return false }
func (r *boolRow) focusTarget() fyne.Focusable { return r.check }
func (r *boolRow) setEnabled(on bool) {
	setEnabled(r.check, on)
	r.remove.disabled = !on
}

// listRow is a list of scalars as removable chips, with an entry whose
// text is suggested from the folder's values.
type listRow struct {
	*rowBase
	items   []document.Value
	chips   *fyne.Container
	entry   *fieldEntry
	suggest *fyne.Container
	enabled bool
}

func (f *Form) newListRow(key string) *listRow {
	r := &listRow{rowBase: f.newBase(key, kList), enabled: true}
	r.chips = container.New(f.flow())
	r.suggest = container.New(f.flow())
	r.entry = newFieldEntry(false)
	r.entry.SetPlaceHolder(lang.L("Add… (Enter or comma)"))
	r.entry.onCommit = func() {
		if r.entry.hasFocus { // Enter; leaving the field keeps the text
			r.addTyped()
		}
	}
	r.entry.onEscape = f.escape
	r.entry.onUndo = func(redo bool) { f.undo(r, redo) }
	r.entry.onRune = func(c rune) bool {
		if c == ',' || c == '，' || c == '、' {
			r.addTyped()
			return true
		}
		return false
	}
	r.entry.OnChanged = func(string) { r.showSuggestions() }
	r.layoutRow(r.chips, f.wheel(r.entry), r.suggest)
	return r
}

func (r *listRow) focused() bool               { return r.entry.hasFocus }
func (r *listRow) focusTarget() fyne.Focusable { return r.entry }

func (r *listRow) setEnabled(on bool) {
	r.enabled = on
	setEnabled(r.entry, on)
	r.remove.disabled = !on
	for _, c := range [][]fyne.CanvasObject{r.chips.Objects, r.suggest.Objects} {
		for _, o := range c {
			o.(*pill).setDisabled(!on)
		}
	}
}

func (r *listRow) show(v document.Value) {
	if r.shows(v.Items) {
		// The same items (a rebuild for a new schema, another field
		// changed): the chips stay. New chips would be new icons, and a
		// new icon is drawn a second time in the frame after it appears.
		r.showSuggestions()
		return
	}
	r.items = append(r.items[:0:0], v.Items...)
	objs := make([]fyne.CanvasObject, len(r.items))
	for i, it := range r.items {
		i := i
		p := newPill(it.Plain(), nil, func() { r.removeAt(i) }, false)
		p.maxW = &r.f.width
		p.disabled = !r.enabled
		objs[i] = p
	}
	r.chips.Objects = objs
	r.chips.Refresh()
	r.showSuggestions() // and relayout
}

// shows reports whether the chips show items already.
func (r *listRow) shows(items []document.Value) bool {
	if r.items == nil || len(items) != len(r.items) || len(r.chips.Objects) != len(items) {
		return false
	}
	for i := range items {
		if !sameValue(items[i], r.items[i]) {
			return false
		}
	}
	return true
}

func (r *listRow) has(s string) bool {
	for _, it := range r.items {
		if it.Plain() == s {
			return true
		}
	}
	return false
}

func (r *listRow) showSuggestions() {
	skip := map[string]bool{}
	for _, it := range r.items {
		skip[it.Plain()] = true
	}
	vals := suggest(r.f.values(r.key), r.entry.Text, skip, 8)
	r.suggest.Objects = suggestionPills(vals, r.add, &r.f.width, !r.enabled)
	r.suggest.Refresh()
	r.f.relayout()
}

func (r *listRow) addTyped() {
	text := strings.TrimSpace(r.entry.Text)
	if text == "" {
		return
	}
	r.add(text)
}

// add appends one item (not one already there) as one edit.
func (r *listRow) add(s string) {
	if r.f.broken {
		return
	}
	if r.has(s) {
		r.entry.SetText("")
		return
	}
	items := append(append([]document.Value(nil), r.items...), document.S(s))
	if r.f.set(r, document.Value{Kind: document.List, Items: items}) {
		r.entry.SetText("")
		r.show(r.value)
	}
}

func (r *listRow) removeAt(i int) {
	if r.f.broken || i >= len(r.items) {
		return
	}
	items := append(append([]document.Value(nil), r.items[:i]...), r.items[i+1:]...)
	if r.f.set(r, document.Value{Kind: document.List, Items: items}) {
		r.show(r.value)
	}
}

// rawRow edits a nested value as its own text in the file's syntax. A
// value the document cannot replace by itself (a TOML [table]) is shown
// read-only, as the file writes it, with a link to it in the source.
type rawRow struct {
	*rowBase
	entry *fieldEntry
	shown string
	apply *pill
	// readOnly is set while the value can only be edited in the source:
	// ro shows its text, hint says so and line is where it starts.
	readOnly bool
	ro       *widget.Label
	hint     *fyne.Container
	link     *pill // "Go to line N"
	line     int
}

func (f *Form) newRawRow(key string) *rawRow {
	r := &rawRow{rowBase: f.newBase(key, kRaw)}
	r.entry = newFieldEntry(true)
	r.entry.Wrapping = fyne.TextWrapOff
	r.entry.TextStyle = fyne.TextStyle{Monospace: true}
	r.entry.onCommit = r.commit
	r.entry.onEscape = f.escape
	r.entry.onUndo = func(redo bool) { f.undo(r, redo) }
	r.apply = newPill(lang.L("Apply"), r.commit, nil, false)
	r.ro = widget.NewLabel("")
	r.ro.TextStyle = fyne.TextStyle{Monospace: true}
	r.ro.Selectable = true
	r.ro.Hide()
	note := widget.NewLabel(lang.L("This value can only be edited in the editor."))
	note.Wrapping = fyne.TextWrapWord
	r.link = newPill("", r.gotoSource, nil, false)
	r.hint = container.NewVBox(note, container.NewHBox(r.link))
	r.hint.Hide()
	r.layoutRow(container.NewStack(r.entry, r.ro), container.NewHBox(layout.NewSpacer(), r.apply), r.hint)
	return r
}

func (r *rawRow) focused() bool { return r.entry.hasFocus }
func (r *rawRow) focusTarget() fyne.Focusable {
	if r.readOnly {
		return nil
	}
	return r.entry
}
func (r *rawRow) setEnabled(on bool) {
	setEnabled(r.entry, on && !r.readOnly)
	r.remove.disabled = !on
	r.apply.setDisabled(!on)
}

func (r *rawRow) show(document.Value) {
	text, ok := r.f.doc.RawValue(r.key)
	readOnly := !ok
	if readOnly {
		text = r.value.Plain()
		r.line = r.f.doc.FrontMatterLine()
		if r.f.doc.Format() == document.TOML {
			if t, first, found := tomlTableText(r.f.doc.FrontMatter(), r.key); found {
				text, r.line = t, r.f.doc.FrontMatterLine()+first
			}
		}
		if t := lang.L("Go to line {{.Line}}", map[string]any{"Line": r.line}); r.link.text != t {
			r.link.text = t
			r.link.Refresh()
		}
	}
	r.setReadOnly(readOnly, text)
	r.shown = text
	if r.entry.Text != text {
		r.entry.SetText(text)
	}
	r.entry.SetMinRowsVisible(min(max(strings.Count(text, "\n")+1, 2), 8))
}

// setReadOnly shows the value as an entry with Apply, or read-only with
// the hint to edit it in the source.
func (r *rawRow) setReadOnly(on bool, text string) {
	if on {
		r.ro.SetText(text)
	}
	if on == r.readOnly {
		return
	}
	r.readOnly = on
	setEnabled(r.entry, !on)
	if on {
		r.entry.Hide()
		r.apply.Hide()
		r.ro.Show()
		r.hint.Show()
	} else {
		r.ro.Hide()
		r.hint.Hide()
		r.entry.Show()
		r.apply.Show()
	}
	r.f.relayout()
}

// gotoSource puts the editor's caret on the value's first line.
func (r *rawRow) gotoSource() {
	if r.f.OnGotoLine != nil && r.line > 0 {
		r.f.OnGotoLine(r.line)
	}
}

// commit applies the text if it reads back as a value of the file's syntax
// that leaves every other field alone; otherwise it shows why.
func (r *rawRow) commit() {
	text := r.entry.Text
	if text == r.shown || r.f.syncing || r.f.broken || r.readOnly {
		return
	}
	key := r.key
	if r.f.apply(func(d *document.Document) (document.Edit, error) { return d.SetRawEdit(key, text) }, r) {
		r.value, _ = r.f.doc.Get(key)
		r.shown, _ = r.f.doc.RawValue(key)
	}
}
