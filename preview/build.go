package preview

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"folio/preview/markdown"
)

// builder turns model blocks into Fyne objects. It runs on the UI
// goroutine, only for the blocks that are on screen.
type builder struct {
	lang     string // the content's language: alert titles follow it
	onLink   func(string)
	images   *imageLoader
	resolver markdown.Resolver
	dark     bool
	changed  func() // an object's height changed after it was built
	measure  *measureCache
	// scrollPage scrolls the page: a wheel over a table or code block
	scrollPage func(*fyne.ScrollEvent)
	// onTask toggles the task box at an offset from the start of the
	// shown block item (done: it is checked)
	onTask func(item *Block, at int, done bool)
	// flows are the text flows of dropped widgets, to make flows from
	flows *flowPool
	// item is the shown block being built (a top-level block or a part)
	item *Block
	// boxes remembers which <details> the reader opened or closed and
	// which tab he chose (blockstate.go), so a rebuilt one (its text
	// edited) stays as it was; seq counts the item's containers built
	boxes *containerStates
	seq   *int
	// codeGroup is the sideways scroll a big code block's part shares
	// with the others (codegroup.go)
	codeGroup func(item *Block) *codeGroup

	muted bool    // quote text
	scale float32 // footnote text
	depth int     // list nesting
}

// newFlow is a text flow sharing the preview's measurement cache.
func (b builder) newFlow(runs []flowRun, onLink func(string)) *textFlow {
	f := b.flows.get(runs, onLink)
	f.mc = b.measure
	return f
}

var headingScale = [...]float32{1, 2.0, 1.6, 1.35, 1.15, 1.0, 0.9}

func (b builder) textScale() float32 {
	if b.scale == 0 {
		return 1
	}
	return b.scale
}

// runs maps inline runs to flow runs; base carries the block's style.
func (b builder) runs(in []Inline, base flowRun) []flowRun {
	out := make([]flowRun, 0, len(in))
	for _, r := range in {
		fr := base
		switch r.Kind {
		case InlineBreak:
			fr.br = true
			out = append(out, fr)
			continue
		case InlineImage:
			continue
		}
		// copies: a widget may outlive its model in Fyne's renderer cache,
		// and the model's strings are slices of the whole source
		fr.text = strings.Clone(r.Text)
		fr.link = strings.Clone(r.Link)
		if r.Style&Bold != 0 {
			fr.style.Bold = true
		}
		if r.Style&Italic != 0 {
			fr.style.Italic = true
		}
		if r.Style&Strike != 0 {
			fr.style.Strikethrough = true
		}
		if r.Style&Code != 0 {
			// themes rarely have bold or italic monospace faces
			fr.style = fyne.TextStyle{Monospace: true, Strikethrough: fr.style.Strikethrough}
			fr.code = true
			fr.scale = base.scale * 0.92
			if fr.scale == 0 {
				fr.scale = 0.92
			}
			if base.style.Bold && base.scale > 1 {
				// in a heading the code is the heading (docs-cn's
				// "### `tidb_x`"): its size, as no bold mono face says it
				// (QA G2: it was drawn smaller than the heading's text)
				fr.scale = base.scale
			}
		}
		if r.Style&Sup != 0 || r.Style&Sub != 0 {
			fr.scale = 0.72
			fr.sub = r.Style&Sub != 0
		}
		if r.Style&Underline != 0 {
			fr.style.Underline = true
		}
		if r.Style&Mark != 0 {
			fr.mark = true
		}
		if r.Style&Chip != 0 {
			fr.chip = true
			fr.scale = base.scale * 0.85
			if fr.scale == 0 {
				fr.scale = 0.85
			}
			fr.color = theme.ColorNamePrimary
		}
		out = append(out, fr)
	}
	return out
}

func (b builder) baseRun() flowRun {
	r := flowRun{scale: b.textScale()}
	if b.muted {
		r.color = theme.ColorNamePlaceHolder
	}
	return r
}

// block builds the object for one block.
func (b builder) block(bl *Block) fyne.CanvasObject {
	bl.Fill()
	pad := theme.Padding()
	switch bl.Kind {
	case KindParagraph:
		return b.paragraph(bl.Inlines, b.baseRun())
	case KindHeading:
		r := b.baseRun()
		r.scale = headingScale[min(max(bl.Level, 1), 6)]
		r.style.Bold = true
		if bl.Level == 6 {
			r.color = theme.ColorNamePlaceHolder
		}
		flow := b.paragraph(bl.Inlines, r)
		if bl.Level <= 2 {
			line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
			line.SetMinSize(fyne.NewSize(1, 1))
			return &fyne.Container{Layout: &stackLayout{gap: pad}, Objects: []fyne.CanvasObject{flow, line}}
		}
		return flow
	case KindQuote:
		if bl.Alert != "" {
			return b.alert(bl)
		}
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bar.CornerRadius = 1.5
		inner := b
		inner.muted = true
		body := inner.stack(bl.Children, pad*2)
		return &fyne.Container{Layout: &indentLayout{gutter: pad * 4, bar: true}, Objects: []fyne.CanvasObject{bar, body}}
	case KindList:
		return b.list(bl)
	case KindTable:
		return b.table(bl)
	case KindCode:
		cb := newCodeBlock(bl.Lang, bl.Text, b.dark)
		cb.cont, cb.outer = bl.Cont(), b.scrollPage
		cb.group, cb.item = b.codeGroupOf(bl), bl
		cb.tokens = bl.CodeHighlight()
		cb.opts = bl.Opts
		return b.labelled(bl.Label, cb)
	case KindHTML:
		cb := newCodeBlock("html", bl.Text, b.dark)
		cb.outer = b.scrollPage
		return cb
	case KindRule:
		line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
		line.SetMinSize(fyne.NewSize(1, 2))
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(1, pad))
		return &fyne.Container{Layout: &stackLayout{}, Objects: []fyne.CanvasObject{spacer, line, spacer}}
	case KindFootnotes:
		return b.footnotes(bl)
	case markdown.KindDetails:
		return b.details(bl)
	case markdown.KindTabs:
		return b.tabs(bl)
	case markdown.KindDefList:
		return b.defList(bl)
	}
	return canvas.NewRectangle(color.Transparent)
}

// alertLooks are the icon, title and colours (light, dark) of each GitHub
// alert type, as github.com draws them.
var alertLooks = map[string]struct {
	icon, title string
	light, dark color.NRGBA
}{
	"note":      {"ℹ", "Note", color.NRGBA{0x09, 0x69, 0xda, 0xff}, color.NRGBA{0x44, 0x93, 0xf8, 0xff}},
	"tip":       {"💡", "Tip", color.NRGBA{0x1a, 0x7f, 0x37, 0xff}, color.NRGBA{0x3f, 0xb9, 0x50, 0xff}},
	"important": {"❗", "Important", color.NRGBA{0x82, 0x50, 0xdf, 0xff}, color.NRGBA{0xab, 0x7d, 0xf8, 0xff}},
	"warning":   {"⚠", "Warning", color.NRGBA{0x9a, 0x67, 0x00, 0xff}, color.NRGBA{0xd2, 0x99, 0x22, 0xff}},
	"caution":   {"⛔", "Caution", color.NRGBA{0xd1, 0x24, 0x2f, 0xff}, color.NRGBA{0xf8, 0x51, 0x49, 0xff}},
	"conflict":  {"⚠", "Conflict", color.NRGBA{0xbc, 0x4c, 0x00, 0xff}, color.NRGBA{0xdb, 0x6d, 0x28, 0xff}},
}

// alert builds a GitHub alert: a coloured bar, a coloured title and the
// content in the normal text colour.
func (b builder) alert(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	look := alertLooks[bl.Alert]
	col := look.light
	if b.dark {
		col = look.dark
	}
	bar := canvas.NewRectangle(col)
	bar.CornerRadius = 1.5
	name := markdown.AlertLabel(bl.Alert, b.lang) // part of the page
	if bl.Alert == "conflict" {
		name = lang.L(look.title) // Folio's own mark: the UI's language
	}
	if bl.Label != "" {
		name = bl.Label // the article's own word ("注意")
	}
	title := canvas.NewText(look.icon+" "+name, col)
	title.TextStyle.Bold = true
	title.TextSize = theme.TextSize() * b.textScale()
	objs := []fyne.CanvasObject{title}
	if len(bl.Children) > 0 {
		objs = append(objs, b.stack(bl.Children, pad*2))
	}
	body := &fyne.Container{Layout: &stackLayout{gap: pad}, Objects: objs}
	return &fyne.Container{Layout: &indentLayout{gutter: pad * 4, bar: true}, Objects: []fyne.CanvasObject{bar, body}}
}

// stack builds blocks top to bottom.
func (b builder) stack(blocks []*Block, gap float32) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(blocks))
	for _, bl := range blocks {
		if bl.Kind != KindNone {
			objs = append(objs, b.block(bl))
		}
	}
	return &fyne.Container{Layout: &stackLayout{gap: gap}, Objects: objs}
}

// paragraph is a text flow, split around images, which stand on their own.
func (b builder) paragraph(in []Inline, base flowRun) fyne.CanvasObject {
	hasImage := false
	for _, r := range in {
		if r.Kind == InlineImage {
			hasImage = true
			break
		}
	}
	if !hasImage {
		return b.newFlow(b.runs(in, base), b.onLink)
	}
	var objs []fyne.CanvasObject
	start := 0
	flushText := func(end int) {
		part := in[start:end]
		for _, r := range part {
			if r.Kind == InlineText && len(r.Text) > 0 && r.Text != " " {
				objs = append(objs, b.newFlow(b.runs(part, base), b.onLink))
				return
			}
		}
	}
	for i, r := range in {
		if r.Kind != InlineImage {
			continue
		}
		flushText(i)
		start = i + 1
		img := Inline{Kind: InlineImage, Dest: strings.Clone(r.Dest), Text: strings.Clone(r.Text), Link: strings.Clone(r.Link), Width: r.Width}
		objs = append(objs, newImageBox(img, b.resolver, b.images, b.onLink, b.changed))
	}
	flushText(len(in))
	if len(objs) == 1 {
		return objs[0]
	}
	return &fyne.Container{Layout: &stackLayout{gap: theme.Padding()}, Objects: objs}
}

var bullets = [...]string{"•", "◦", "▪"}

func (b builder) list(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	gap := pad
	if !bl.Tight {
		gap = pad * 2
	}
	inner := b
	inner.depth++
	objs := make([]fyne.CanvasObject, 0, len(bl.Items))
	for i, it := range bl.Items {
		var marker fyne.CanvasObject
		switch {
		case it.Task != TaskNone:
			box := newTaskBox(it.Task == TaskDone)
			if it.TaskAt >= 0 && b.onTask != nil {
				// the block may move while its widget is kept: the offset
				// is resolved when tapped
				item, at, done, onTask := b.item, it.TaskAt, it.Task == TaskDone, b.onTask
				box.onTap = func() { onTask(item, at, done) }
			}
			marker = box
		default:
			label := bullets[b.depth%len(bullets)]
			if bl.Ordered {
				label = strconv.Itoa(bl.Start+i) + "."
			}
			marker = b.newFlow([]flowRun{{text: label, scale: b.textScale(), color: theme.ColorNamePlaceHolder}}, nil)
			marker.(*textFlow).noWrap = true
		}
		body := inner.stack(it.Blocks, pad)
		objs = append(objs, &fyne.Container{Layout: &indentLayout{gutter: pad * 7}, Objects: []fyne.CanvasObject{marker, body}})
	}
	return &fyne.Container{Layout: &stackLayout{gap: gap}, Objects: objs}
}

func fyneAlign(a Align) fyne.TextAlign {
	switch a {
	case AlignCenter:
		return fyne.TextAlignCenter
	case AlignRight:
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// table builds a table (or a part of a big one): cells wrap, Chinese
// included, to fit the pane; only a table whose columns cannot shrink
// enough scrolls sideways, with room below its last row for the scroll
// bar.
func (b builder) table(bl *Block) fyne.CanvasObject {
	plan := bl.Plan()
	if plan == nil {
		plan = markdown.PlanTable(bl)
	}
	cols := plan.Cols
	if cols == 0 {
		return canvas.NewRectangle(color.Transparent)
	}
	if isWideTable(bl, plan) { // it scrolls at any width: build only what is in view (tablegrid.go)
		return newWideBox(b, bl, plan)
	}
	pad := theme.Padding()
	var cells []fyne.CanvasObject
	// an HTML table's cells that span rows: one tall cell, and nothing
	// drawn in the places under it (QA G1: row lines crossed it)
	spans := map[int]int{} // object index → rows
	covered := map[int]bool{}
	for _, sp := range bl.RowSpans {
		if sp.Col >= cols {
			continue
		}
		spans[sp.Row*cols+sp.Col] = sp.Rows
		for k := 1; k < sp.Rows; k++ {
			covered[(sp.Row+k)*cols+sp.Col] = true
		}
	}
	addRow := func(row [][]Inline, header bool) {
		for c := 0; c < cols; c++ {
			if covered[len(cells)] {
				cells = append(cells, canvas.NewRectangle(color.Transparent))
				continue
			}
			var in []Inline
			if c < len(row) {
				in = row[c]
			}
			base := b.baseRun()
			base.style.Bold = header
			flow := b.newFlow(b.runs(in, base), b.onLink)
			if c < len(bl.Align) {
				flow.align = fyneAlign(bl.Align[c])
			}
			fill := theme.Color(theme.ColorNameBackground)
			if header {
				fill = theme.Color(theme.ColorNameHeaderBackground)
			}
			cells = append(cells, &fyne.Container{Layout: &panelLayout{pad: pad * 1.5}, Objects: []fyne.CanvasObject{canvas.NewRectangle(fill), flow}})
		}
	}
	if bl.Header != nil {
		addRow(bl.Header, true)
	}
	for _, r := range bl.Rows {
		addRow(r, false)
	}
	tl := &tableLayout{plan: plan, gap: 1, em: theme.TextSize(), cellPad: 2 * pad * 1.5, top: bl.Cont()&markdown.ContAbove == 0}
	if len(spans) > 0 {
		tl.spans = spans
	}
	grid := &fyne.Container{Layout: tl, Objects: cells}
	lines := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	box := &tableBox{tl: tl, grid: grid, body: &fyne.Container{Layout: &panelLayout{}, Objects: []fyne.CanvasObject{lines, grid}}, outer: b.scrollPage}
	box.ExtendBaseWidget(box)
	return box
}

func (b builder) footnotes(bl *Block) fyne.CanvasObject {
	pad := theme.Padding()
	inner := b
	inner.scale = 0.88
	inner.muted = true
	line := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	line.SetMinSize(fyne.NewSize(1, 1))
	objs := []fyne.CanvasObject{line}
	for _, it := range bl.Items {
		marker := b.newFlow([]flowRun{{text: strconv.Itoa(it.Index) + ".", scale: 0.88, color: theme.ColorNamePlaceHolder}}, nil)
		marker.noWrap = true
		body := inner.stack(it.Blocks, pad)
		objs = append(objs, &fyne.Container{Layout: &indentLayout{gutter: pad * 6}, Objects: []fyne.CanvasObject{marker, body}})
	}
	return &fyne.Container{Layout: &stackLayout{gap: pad}, Objects: objs}
}
