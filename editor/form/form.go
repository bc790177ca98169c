// Package form is the front matter form: one typed row per front matter
// key of an article, in the file's order, driven by the folder's inferred
// schema. Every change the user makes becomes exactly one minimal
// document.Edit of the article's text, handed to OnEdit; the editor applies
// it and gives the new text back through Update.
package form

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor"
	"folio/editor/document"
)

// Options are what the app knows about the site around the article (the
// form imports nothing of the app).
type Options struct {
	// Taxonomies are the keys edited as lists with autocomplete (a Hugo
	// site's taxonomies); tags, categories, keywords and aliases when nil.
	Taxonomies []string
	// Selects are keys edited as one value with suggestions from the
	// folder (category, series, author… when nil).
	Selects []string
	// Location is the time zone of "now" in date fields; the system's when nil.
	Location *time.Location
	// Now gives the current time; time.Now when nil (tests set it).
	Now func() time.Time
}

var (
	defaultTaxonomies = []string{"tags", "categories", "keywords", "aliases"}
	// listKeys are the front matter keys that are lists by convention
	// (Hugo's taxonomies and aliases, authors, series): a field added by
	// such a name that no article of the folder has starts as a list.
	listKeys       = []string{"tags", "categories", "keywords", "aliases", "authors", "series"}
	defaultSelects = []string{"category", "series", "author", "authors", "layout", "type", "lang", "language"}
	// uniqueKeys hold one page's own values (Hugo's aliases, url, slug…):
	// the folder's values are not suggested for them.
	uniqueKeys = []string{"aliases", "alias", "url", "urls", "slug", "permalink", "permalinks", "id", "uid", "uuid", "guid"}
	longKeys   = []string{"summary", "description", "excerpt", "abstract", "subtitle"}
)

// Form is the front matter form widget.
type Form struct {
	widget.BaseWidget

	// OnEdit receives each change the user makes, as one minimal edit of
	// the text last given to SetDocument or Update.
	OnEdit func(document.Edit)
	// OnGotoLine asks to put the editor's caret on a 1-based line (the
	// line of a front matter error).
	OnGotoLine func(line int)
	// OnEscape is called when Escape is pressed in a field.
	OnEscape func()
	// BeforeEdit is called before the form computes an edit, so the app
	// can hand it the newest text first (Update) when a parse is pending:
	// an edit is only ever made against the text the editor holds.
	BeforeEdit func()
	// OnUndo is called for Ctrl+Z (redo false) or redo in a field that has
	// no typing of its own to undo: the app undoes the text's last step
	// and gives the form the new text (Update) before it returns.
	OnUndo func(redo bool)

	opts Options
	// later runs fn on the UI goroutine after d (time.AfterFunc handing
	// over with fyne.Do; tests replace it) and returns what stops it.
	later    func(d time.Duration, fn func()) (stop func() bool)
	stopIdle func() bool // the pending idle commit, if any
	// idleFirst is when the first key not yet written was typed.
	idleFirst time.Time
	schema    *document.Schema
	path      string
	doc       *document.Document // the form's own copy; edits go through it

	rows       []row
	byKey      map[string]row
	width      float32 // for the flowing chips
	labelW     float32 // the key column's width
	broken     bool
	syncing    bool // rows are being set from the text: no edits
	needLayout bool // a row changed size while syncing

	pathLabel *widget.Label
	info      *widget.Label
	errLabel  *widget.Label
	gotoBtn   *widget.Button
	errBox    *fyne.Container
	list      *fyne.Container
	missing   *fyne.Container
	addEntry  *fieldEntry
	scroll    *container.Scroll
	content   fyne.CanvasObject
}

// New returns an empty form.
func New(opts Options) *Form {
	f := &Form{opts: opts, byKey: map[string]row{}, width: 300, labelW: labelWidth}
	f.SetUIRunner(fyne.Do)
	f.ExtendBaseWidget(f)
	f.pathLabel = widget.NewLabel("")
	f.pathLabel.Truncation = fyne.TextTruncateEllipsis
	f.pathLabel.TextStyle.Bold = true
	f.info = widget.NewLabel("")
	f.info.TextStyle.Italic = true
	f.errLabel = widget.NewLabel("")
	f.errLabel.Wrapping = fyne.TextWrapWord
	f.errLabel.Importance = widget.DangerImportance
	f.gotoBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), nil)
	f.errBox = container.NewVBox(f.errLabel, container.NewHBox(f.gotoBtn))
	f.errBox.Hide()
	f.list = container.NewVBox()
	f.missing = container.New(f.flow())
	f.addEntry = newFieldEntry(false)
	f.addEntry.SetPlaceHolder(lang.L("Add a field by name…"))
	f.addEntry.onCommit = f.addTyped
	f.addEntry.onEscape = f.escape
	f.addEntry.FocusLost() // no commit on an empty entry; clears the focus flag
	f.scroll = container.NewVScroll(nil)
	f.scroll.Content = container.NewVBox(f.list, widget.NewSeparator(), f.missing, f.wheel(f.addEntry))
	header := container.NewVBox(f.pathLabel, f.info, f.errBox)
	f.content = container.NewBorder(header, nil, nil, nil, f.scroll)
	return f
}

// CreateRenderer lays out the header above the scrolling rows.
func (f *Form) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.content)
}

// Resize sets the width the chips wrap in before the rows are laid out:
// the rows fill the form's width, so a flow's minimum height is known.
func (f *Form) Resize(s fyne.Size) {
	th := f.Theme()
	f.labelW = labelWidth
	if s.Width < narrowForm {
		f.labelW = narrowLabelWidth
	}
	f.width = s.Width - f.labelW - th.Size(theme.SizeNameInlineIcon) - 2*th.Size(theme.SizeNamePadding)
	f.BaseWidget.Resize(s)
}

// flow returns a wrapping layout for chips and suggestions.
func (f *Form) flow() *flowLayout {
	return &flowLayout{width: &f.width, gap: 4}
}

// relayout measures the rows again after one grew or shrank (chips,
// suggestions, an error line), so the scrolled content fits them.
// While rows are being set from the text it happens once, at the end.
func (f *Form) relayout() {
	if f.syncing {
		f.needLayout = true
		return
	}
	f.needLayout = false
	f.list.Refresh()
	f.scroll.Refresh()
}

// sync runs fn with edits off and lays the rows out once afterwards if
// they changed size.
func (f *Form) sync(fn func()) {
	if f.syncing {
		fn()
		return
	}
	f.syncing = true
	fn()
	f.syncing = false
	if f.needLayout {
		f.relayout()
	}
}

// SetOptions changes the site options and rebuilds the rows.
func (f *Form) SetOptions(o Options) {
	f.opts = o
	f.rebuild(false)
}

// SetSchema gives the folder's schema: it decides the widget of keys whose
// value does not (an empty value), the suggestions and the missing keys.
//
// A schema that changed only in values no row suggests (every article's
// title is a value of the folder's title key: an outside program retitled
// one) rebuilds nothing; a row that suggests values shows them again when
// its key's values changed.
func (f *Form) SetSchema(s *document.Schema) {
	old := f.schema
	f.schema = s
	if f.doc == nil || f.broken || !sameSchemaShape(old, s) {
		f.rebuild(false)
		return
	}
	f.sync(func() {
		for _, r := range f.rows {
			key := r.base().key
			if slices.Equal(keyValues(old, key), keyValues(s, key)) {
				continue
			}
			switch r := r.(type) {
			case *entryRow:
				if r.suggest != nil {
					r.showSuggestions()
				}
			case *listRow:
				r.showSuggestions()
			}
		}
	})
}

// keyValues are the values s saw for key (nil when it has no such key).
func keyValues(s *document.Schema, key string) []document.ValueCount {
	if ks, ok := s.Key(key); ok {
		return ks.Values
	}
	return nil
}

// sameSchemaShape reports whether two schemas give every key the same
// widget and the same place among the missing keys: the same keys in the
// same order, with the same types, common in both or in neither.
func sameSchemaShape(a, b *document.Schema) bool {
	if a == nil || b == nil || len(a.Keys) != len(b.Keys) {
		return a == nil && b == nil
	}
	for i := range a.Keys {
		x, y := &a.Keys[i], &b.Keys[i]
		if x.Key != y.Key || x.Type != y.Type || x.Common() != y.Common() {
			return false
		}
	}
	return true
}

// SetDocument shows an article: every row shows its value anew (a row
// whose key and widget the last article had too is reused).
func (f *Form) SetDocument(path string, doc *document.Document) {
	f.path = path
	f.doc = copyDoc(doc)
	f.rebuild(true)
}

// Update shows a new text of the same article (typed in the editor). It is
// cheap: when the front matter did not change nothing happens, when only
// values changed the rows are updated in place, and a field the user is
// typing in keeps its text, focus and caret.
func (f *Form) Update(doc *document.Document) {
	if doc == nil {
		f.SetDocument(f.path, nil)
		return
	}
	old := f.doc
	f.doc = copyDoc(doc)
	if old != nil && old.Err() == nil && doc.Err() == nil && old.Format() == doc.Format() &&
		bytes.Equal(old.FrontMatter(), doc.FrontMatter()) {
		return
	}
	if doc.Err() == nil && !f.broken && f.sameShape(doc.Fields()) {
		f.setRows(doc.Fields())
		return
	}
	f.rebuild(false)
}

// SetPath changes the path the header shows (the article was renamed or
// moved); the rows stay as they are.
func (f *Form) SetPath(path string) {
	f.path = path
	f.pathLabel.SetText(path)
	f.clearErrors(nil)
}

// FieldText returns the text the entry of key's field shows ("" when the
// field has no entry).
func (f *Form) FieldText(key string) string {
	if r, ok := f.byKey[key]; ok {
		switch t := r.focusTarget().(type) {
		case *fieldEntry:
			return t.Text
		case *editor.Source:
			return t.Text()
		}
	}
	return ""
}

// Path returns the path the header shows.
func (f *Form) Path() string { return f.path }

// Document returns the form's current document (nil when none).
func (f *Form) Document() *document.Document { return f.doc }

func copyDoc(d *document.Document) *document.Document {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// sameShape reports whether fields have the keys and widgets of the rows.
func (f *Form) sameShape(fields []document.Field) bool {
	if len(fields) != len(f.rows) {
		return false
	}
	for i, fl := range fields {
		if f.rows[i].base().key != fl.Key || f.rows[i].base().kind != f.kindFor(fl.Key, fl.Value) {
			return false
		}
	}
	return true
}

// setRows shows new values in the existing rows.
func (f *Form) setRows(fields []document.Field) {
	f.sync(func() { f.setRowValues(fields) })
}

func (f *Form) setRowValues(fields []document.Field) {
	for i, fl := range fields {
		r := f.rows[i]
		same := sameValue(r.base().value, fl.Value)
		r.base().value = fl.Value
		if !same && (!r.focused() || !typing(r)) {
			end := caretAtEnd(r)
			r.base().setError(nil) // its text is the document's again
			r.show(fl.Value)
			if end {
				caretToEnd(r)
			}
		}
	}
}

// typing reports whether r holds text typed but not yet written to the
// document. A focused row without any shows a new value at once (an
// outside change reloaded), else its next write would put the stale text
// back over the reload (QA H18).
func typing(r row) bool {
	switch r := r.(type) {
	case *entryRow:
		return r.entry.Text != r.shown
	case *rawRow:
		return r.entry.Text != r.shown
	case *longRow:
		return r.text() != r.shown
	case *listRow:
		return r.entry.Text != ""
	}
	return true
}

// caretAtEnd reports whether r is a focused entry whose caret is after
// its last character.
func caretAtEnd(r row) bool {
	er, ok := r.(*entryRow)
	if !ok || !r.focused() {
		return false
	}
	lines := strings.Split(er.entry.Text, "\n")
	return er.entry.CursorRow == len(lines)-1 && er.entry.CursorColumn == utf8.RuneCountInString(lines[len(lines)-1])
}

// caretToEnd puts the caret of r's entry after its last character: a
// focused field showing a value reloaded from the file keeps the caret at
// the end where it was, not at its old column in the new text (QA8 J5).
func caretToEnd(r row) {
	er, ok := r.(*entryRow)
	if !ok {
		return
	}
	lines := strings.Split(er.entry.Text, "\n")
	er.entry.CursorRow, er.entry.CursorColumn = len(lines)-1, utf8.RuneCountInString(lines[len(lines)-1])
	er.entry.Refresh()
}

// sameValue reports whether two values are spelled alike (lines aside).
func sameValue(a, b document.Value) bool {
	if a.Kind != b.Kind || a.Text != b.Text || len(a.Items) != len(b.Items) || len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Items {
		if !sameValue(a.Items[i], b.Items[i]) {
			return false
		}
	}
	for i := range a.Fields {
		if a.Fields[i].Key != b.Fields[i].Key || !sameValue(a.Fields[i].Value, b.Fields[i].Value) {
			return false
		}
	}
	return true
}

// rebuild makes the rows for the document, reusing those whose key and
// widget stay. A focused row keeps its text and caret unless force is set
// (another article: every row shows the new value, errors and half-typed
// items are cleared).
func (f *Form) rebuild(force bool) {
	f.sync(func() { f.build(force) })
}

func (f *Form) build(force bool) {
	d := f.doc
	f.pathLabel.SetText(f.path)
	if d == nil {
		f.info.SetText(lang.L("No article is open"))
		f.errBox.Hide()
		f.setRowList(nil)
		f.missing.Objects = nil
		f.missing.Refresh()
		f.addEntry.Hide()
		return
	}
	f.addEntry.Show()
	if err := d.Err(); err != nil {
		f.broken = true
		if force { // another article: the last one's fields are not this one's
			f.rows, f.byKey = nil, map[string]row{}
			f.setRowList(nil)
			f.missing.Objects = nil
			f.missing.Refresh()
		}
		f.showBroken(err)
		return
	}
	f.broken = false
	f.errBox.Hide()
	fields := d.Fields()
	f.info.SetText(formatName(d.Format()) + " · " + fieldCount(len(fields)))
	rows := make([]row, 0, len(fields))
	byKey := make(map[string]row, len(fields))
	for _, fl := range fields {
		if _, dup := byKey[fl.Key]; dup {
			continue
		}
		k := f.kindFor(fl.Key, fl.Value)
		r, ok := f.byKey[fl.Key]
		if !ok || r.base().kind != k {
			r = f.newRow(fl.Key, k)
		}
		r.base().value = fl.Value
		if force {
			r.base().setError(nil)
			if lr, ok := r.(*listRow); ok {
				lr.entry.SetText("")
			}
		}
		if force || !r.focused() {
			r.show(fl.Value)
		}
		r.setEnabled(true)
		rows = append(rows, r)
		byKey[fl.Key] = r
	}
	f.rows, f.byKey = rows, byKey
	f.setRowList(rows)
	f.showMissing()
	f.addEntry.Enable()
}

func (f *Form) setRowList(rows []row) {
	objs := make([]fyne.CanvasObject, len(rows))
	for i, r := range rows {
		objs[i] = r.base().box
	}
	f.list.Objects = objs
	f.relayout()
}

// showBroken shows the parse error and makes the rows read-only.
func (f *Form) showBroken(err error) {
	line := 0
	var pe *document.ParseError
	if errors.As(err, &pe) {
		line = pe.Line
	}
	f.info.SetText(formatName(f.doc.Format()))
	if errors.Is(err, document.ErrNotUTF8) || errors.Is(err, document.ErrBinary) {
		// the whole file is read-only: no English reason, no "fix it in
		// the editor" (QA F9)
		f.errLabel.SetText(lang.L("This file is not UTF-8 text (the first bad byte is on line {{.Line}}): it is opened read-only. Convert it to UTF-8 to edit it.", map[string]any{"Line": max(line, 1)}))
	} else {
		f.errLabel.SetText(lang.L("The front matter cannot be read: {{.Err}}. Fix it in the editor; the fields are read-only until then.", map[string]any{"Err": err.Error()}))
	}
	if line > 0 {
		f.gotoBtn.SetText(lang.L("Go to line {{.Line}}", map[string]any{"Line": line}))
		f.gotoBtn.OnTapped = func() {
			if f.OnGotoLine != nil {
				f.OnGotoLine(line)
			}
		}
		f.gotoBtn.Show()
	} else {
		f.gotoBtn.Hide()
	}
	f.errBox.Show()
	for _, r := range f.rows {
		r.setEnabled(false)
	}
	for _, o := range f.missing.Objects {
		if p, ok := o.(*pill); ok {
			p.setDisabled(true)
		}
	}
	f.addEntry.Disable()
}

// undo handles Ctrl+Z / redo in row r's entry: typing not yet written
// to the text is undone in the entry (all of it when the entry's history
// has no step), else the text's last step is undone (or redone) and the
// field shows the value it brought.
func (f *Form) undo(r row, redo bool) {
	b := r.base()
	var e *fieldEntry
	pending := ""
	switch r := r.(type) {
	case *longRow:
		f.undoLong(r, redo)
		return
	case *entryRow:
		e, pending = r.entry, r.shown
	case *rawRow:
		e, pending = r.entry, r.shown
	case *listRow:
		e = r.entry
	}
	if e != nil && e.Text != pending {
		before := e.Text
		if redo {
			e.Entry.Redo()
			return
		}
		e.Entry.Undo()
		if e.Text == before {
			e.SetText(pending)
		}
		if er, ok := r.(*entryRow); ok {
			er.check(e.Text)
		}
		return
	}
	if f.OnUndo == nil || f.broken {
		return
	}
	f.OnUndo(redo)
	if b.live() {
		r.show(b.value)
	}
}

// undoLong is undo for a long text: as for an entry, typing not yet
// written is undone in the field (all of it when the field's history has
// no step left), else the text's last step.
func (f *Form) undoLong(r *longRow, redo bool) {
	if r.text() != r.shown {
		if redo {
			r.src.Redo()
			return
		}
		before := r.text()
		r.src.Undo()
		if r.text() == before {
			r.src.SetText(r.shown)
			r.grown()
		}
		return
	}
	if f.OnUndo == nil || f.broken {
		return
	}
	f.OnUndo(redo)
	if r.live() {
		r.show(r.value)
	}
}

// uniqueKey reports whether key's values belong to one page (no
// suggestions from the folder).
func uniqueKey(key string) bool {
	return contains(uniqueKeys, strings.ToLower(key))
}

// fieldCount is the header's "1 field" / "8 fields" (one key each: a
// language may have one form for both).
func fieldCount(n int) string {
	if n == 1 {
		return lang.L("{{.Count}} field", map[string]any{"Count": n})
	}
	return lang.L("{{.Count}} fields", map[string]any{"Count": n})
}

func formatName(ft document.Format) string {
	switch ft {
	case document.YAML:
		return "YAML"
	case document.TOML:
		return "TOML"
	case document.JSON:
		return "JSON"
	}
	return lang.L("No front matter")
}

// showMissing lists the folder's common keys the article lacks.
func (f *Form) showMissing() {
	var objs []fyne.CanvasObject
	if f.schema != nil {
		for _, ks := range f.schema.Keys {
			if !ks.Common() {
				continue
			}
			if _, ok := f.byKey[ks.Key]; ok {
				continue
			}
			key, t := ks.Key, ks.Type
			objs = append(objs, newPill("+ "+key, func() { f.addKey(key, t) }, nil, true))
		}
	}
	f.missing.Objects = objs
	f.missing.Refresh()
	f.relayout()
}

// emptyValue is the value a new key starts with: empty text (quoted in the
// file's style), an empty list, false or 0.
func emptyValue(t document.FieldType) document.Value {
	switch t {
	case document.TypeList:
		return document.Value{Kind: document.List}
	case document.TypeBool:
		return document.Value{Kind: document.Bool, Text: "false"}
	case document.TypeNumber:
		return document.Value{Kind: document.Int, Text: "0"}
	}
	return document.S("")
}

func (f *Form) addKey(key string, t document.FieldType) {
	if f.broken || f.doc == nil {
		return
	}
	if f.isTaxonomy(key) && t == document.TypeUnknown {
		t = document.TypeList
	}
	if !f.apply(func(d *document.Document) (document.Edit, error) { return d.AddEdit(key, emptyValue(t)) }, nil) {
		return
	}
	f.rebuild(false)
	if r, ok := f.byKey[key]; ok {
		f.focus(r.focusTarget())
	}
}

// addTyped adds the key typed in the "add a field" entry.
func (f *Form) addTyped() {
	key := strings.TrimSpace(f.addEntry.Text)
	if key == "" || f.broken || f.doc == nil {
		return
	}
	if r, ok := f.byKey[key]; ok {
		f.addEntry.SetText("")
		f.focus(r.focusTarget())
		return
	}
	t := document.TypeText
	if ks, ok := f.schema.Key(key); ok {
		t = ks.Type
	} else if f.isTaxonomy(key) || contains(listKeys, key) {
		t = document.TypeList // a name that is a list by convention
	}
	f.addEntry.SetText("")
	f.addKey(key, t)
}

// apply runs an edit on the form's document and hands it to OnEdit. It
// reports whether the text changed; a refused edit shows its error on the
// row and changes nothing.
func (f *Form) apply(edit func(d *document.Document) (document.Edit, error), r row) bool {
	if f.BeforeEdit != nil && !f.syncing {
		f.BeforeEdit()
	}
	if f.syncing || f.broken || f.doc == nil {
		return false
	}
	if r != nil && !r.base().live() {
		return false // a row of an article no longer shown (its field lost the focus late)
	}
	e, err := edit(f.doc)
	if r != nil {
		r.base().setError(err)
	}
	if err != nil || e.Empty() {
		return false
	}
	f.clearErrors(r) // another row's message was about text the edit moved on from
	if f.OnEdit != nil {
		f.OnEdit(e)
	}
	return true
}

// clearErrors hides the error line of every row but keep.
func (f *Form) clearErrors(keep row) {
	for _, o := range f.rows {
		if o != keep {
			o.base().setError(nil)
		}
	}
}

// set gives a row's key a new value, reporting whether it was written (or
// already there).
func (f *Form) set(r row, v document.Value) bool {
	if f.syncing {
		return false
	}
	key := r.base().key
	var err error
	f.apply(func(d *document.Document) (document.Edit, error) {
		e, e2 := d.SetEdit(key, v)
		err = e2
		return e, e2
	}, r)
	if err != nil || f.broken || f.doc == nil {
		return false
	}
	r.base().value, _ = f.doc.Get(key)
	return true
}

// remove deletes a row's key.
func (f *Form) remove(key string) {
	if f.apply(func(d *document.Document) (document.Edit, error) { return d.DeleteEdit(key) }, nil) {
		f.rebuild(false)
	}
}

// SetUIRunner sets how the form hands work from a timer to the UI
// goroutine (fyne.Do unless set; the app passes its own hand-over).
func (f *Form) SetUIRunner(do func(func())) {
	f.later = func(d time.Duration, fn func()) func() bool {
		return time.AfterFunc(d, func() { do(fn) }).Stop
	}
}

// idleCommit is how long after the last change in a text field its text
// is written to the article while the caret stays in it (as leaving it
// would), so that the article is marked unsaved and journalled (0.4 s
// later) well within 2 s of the keystroke: a crash loses nothing typed
// earlier, on a loaded machine too (QA G13).
const idleCommit = 300 * time.Millisecond

// maxCommitWait bounds how long a field's text waits while typing goes on
// without a pause of idleCommit: it is written at most this long after the
// first key not yet written.
const maxCommitWait = time.Second

// typed notes a change in r's entry (or long-text field): its text is
// written after idleCommit unless another change comes first. Text set
// from the document (the entry is not focused, or shows what the document
// holds) writes nothing.
func (f *Form) typed(r row) {
	if f.syncing || !r.focused() {
		return
	}
	now, wait := f.now(), idleCommit
	if f.stopIdle != nil {
		f.stopIdle()
		// Typing that goes on without a pause is written at most
		// maxCommitWait after its first key (QA G13).
		wait = min(wait, max(0, f.idleFirst.Add(maxCommitWait).Sub(now)))
	} else {
		f.idleFirst = now
	}
	f.stopIdle = f.later(wait, func() {
		f.stopIdle = nil
		for _, r := range f.rows {
			switch r := r.(type) {
			case *entryRow:
				if r.focused() {
					r.commit()
				}
			case *longRow:
				if r.focused() {
					r.commit()
				}
			}
		}
	})
}

// Commit writes the text of the field being typed in, as leaving it would
// (the app calls it before saving). A list's half-typed item stays typed.
func (f *Form) Commit() {
	for _, r := range f.rows {
		if !r.focused() {
			continue
		}
		switch r := r.(type) {
		case *entryRow:
			r.commit()
		case *longRow:
			r.commit()
		case *rawRow:
			r.commit()
		}
	}
}

// FocusFirst puts the focus in the first field.
func (f *Form) FocusFirst() {
	for _, r := range f.rows {
		if t := r.focusTarget(); t != nil {
			f.focus(t)
			return
		}
	}
	f.focus(f.addEntry)
}

func (f *Form) focus(t fyne.Focusable) {
	if t == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil {
		c.Focus(t)
	}
}

func (f *Form) escape() {
	if f.OnEscape != nil {
		f.OnEscape()
	}
}

func (f *Form) now() time.Time {
	if f.opts.Now != nil {
		return f.opts.Now()
	}
	return time.Now()
}

func (f *Form) location() *time.Location {
	if f.opts.Location != nil {
		return f.opts.Location
	}
	return time.Local
}

func (f *Form) isTaxonomy(key string) bool {
	tx := f.opts.Taxonomies
	if tx == nil {
		tx = defaultTaxonomies
	}
	return contains(tx, key)
}

func (f *Form) isSelect(key string) bool {
	s := f.opts.Selects
	if s == nil {
		s = defaultSelects
	}
	return contains(s, key)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// values returns the folder's values of key, most used first.
func (f *Form) values(key string) []document.ValueCount {
	if uniqueKey(key) {
		return nil // another page's alias or URL is never this page's
	}
	if ks, ok := f.schema.Key(key); ok {
		return ks.Values
	}
	return nil
}
