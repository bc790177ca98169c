package preview

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	foliotheme "folio/app/theme"
)

func TestWordAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		off  int
		want string
	}{
		{"hello world", 1, "hello"},
		{"hello world", 5, " "},
		{"hello world", 6, "world"},
		{"hello world", 11, "world"},
		{"foo_bar2, baz", 3, "foo_bar2"},
		{"foo_bar2, baz", 8, ","},
		{"随着2024年的到来，AI技术", 0, "随着"},
		{"随着2024年的到来，AI技术", len("随着20"), "2024"},
		{"随着2024年的到来，AI技术", len("随着2024"), "年的到来"},
		{"随着2024年的到来，AI技术", len("随着2024年的到来"), "，"},
		{"随着2024年的到来，AI技术", len("随着2024年的到来，A"), "AI"},
		{"line\nnext", 4, "\n"},
		// script changes and CJK punctuation end a run
		{"漢字とカタカナ、한국어", 0, "漢字"},
		{"漢字とカタカナ、한국어", len("漢字"), "と"},
		{"漢字とカタカナ、한국어", len("漢字と"), "カタカナ"},
		{"漢字とカタカナ、한국어", len("漢字とカタカナ"), "、"},
		{"漢字とカタカナ、한국어", len("漢字とカタカナ、"), "한국어"},
		{"スーパー「引用」中文", 0, "スーパー"},
		{"スーパー「引用」中文", len("スーパー「"), "引用"},
		{"中文（注释）结束", len("中文（"), "注释"},
		{"", 0, ""},
	} {
		a, b := wordAt(tc.text, tc.off)
		if got := tc.text[a:b]; got != tc.want {
			t.Errorf("wordAt(%q, %d) = %q, want %q", tc.text, tc.off, got, tc.want)
		}
	}
}

func TestLineAt(t *testing.T) {
	text := "one\n\ttwo 二\nthree"
	for off, want := range map[int]string{0: "one", 3: "one", 4: "\ttwo 二", 9: "\ttwo 二", len(text): "three"} {
		a, b := lineAt(text, off)
		if text[a:b] != want {
			t.Errorf("lineAt(%d) = %q, want %q", off, text[a:b], want)
		}
	}
}

// selDoc has one of each selectable thing, Chinese included.
const selDoc = "# 标题一\n\n第一段，中文 text [链接](next.md) 结束。\n\n" +
	"- 项目一\n- item two\n\n| a | b |\n|---|---|\n| 甲 | 乙 |\n\n" +
	"```go\nfunc main() {\n\tfmt.Println(\"你好\")\n}\n```\n\n最后一段。\n"

// selDocText is all of selDoc copied as plain text.
const selDocText = "标题一\n\n第一段，中文 text 链接 结束。\n\n项目一\nitem two\n\na\tb\n甲\t乙\n\n" +
	"func main() {\n\tfmt.Println(\"你好\")\n}\n\n最后一段。"

// findFlow is the visible text flow showing text.
func findFlow(t *testing.T, p *Preview, text string) *textFlow {
	t.Helper()
	var found *textFlow
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *textFlow:
			if w.plainText() == text && found == nil {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range p.content.objs {
		walk(o)
	}
	if found == nil {
		t.Fatalf("no text flow shows %q", text)
	}
	return found
}

// findCode is the visible code block.
func findCode(t *testing.T, p *Preview) *codeBlock {
	t.Helper()
	for _, o := range p.content.objs {
		if c, ok := o.(*codeBlock); ok {
			return c
		}
	}
	t.Fatal("no code block on screen")
	return nil
}

func abs(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// flowPoint is the absolute position of the boundary before byte off of a
// one-line flow's text.
func flowPoint(f *textFlow, off int) fyne.Position {
	f.laid()
	l := &f.lines[0]
	return abs(f).Add(fyne.NewPos(f.xAt(l, off, f.runStarts()), l.y+l.h/2))
}

// pressOn presses the primary button at an absolute position, as the
// window does: on a flow if one is there, else on the content.
func pressOn(p *Preview, o fyne.CanvasObject, at fyne.Position, mod fyne.KeyModifier) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mod}
	ev.AbsolutePosition = at
	ev.Position = at.Subtract(abs(o))
	o.(desktop.Mouseable).MouseDown(ev)
	o.(desktop.Mouseable).MouseUp(ev)
}

// dragTo drags from a press at from (on object o) to the absolute
// position to.
func dragTo(p *Preview, o fyne.CanvasObject, from, to fyne.Position) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	ev.AbsolutePosition = from
	ev.Position = from.Subtract(abs(o))
	o.(desktop.Mouseable).MouseDown(ev)
	d := &fyne.DragEvent{Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)}
	d.AbsolutePosition = to
	d.Position = to.Subtract(abs(p.content))
	p.content.Dragged(d)
	p.content.DragEnd()
}

func TestDragSelectsAcrossBlocksInOrder(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	head := findFlow(t, p, "标题一")
	last := findFlow(t, p, "最后一段。")
	dragTo(p, head, flowPoint(head, 0), flowPoint(last, len("最后一段。")))
	if got := p.SelectedText(); got != selDocText {
		t.Errorf("dragging over everything selected\n%q\nwant\n%q", got, selDocText)
	}
	// backwards, from inside the first paragraph to inside the code
	p1 := findFlow(t, p, "第一段，中文 text 链接 结束。")
	code := findCode(t, p)
	_, cell := codeCell()
	in := codeInset(code)
	inCode := abs(code).Add(fyne.NewPos(in.X+17.2*cell.Width, in.Y+1.5*cell.Height)) // before "你好"
	dragTo(p, p.content, inCode, flowPoint(p1, len("第一段，")))
	want := "中文 text 链接 结束。\n\n项目一\nitem two\n\na\tb\n甲\t乙\n\nfunc main() {\n\tfmt.Println(\""
	if got := p.SelectedText(); got != want {
		t.Errorf("dragging back selected\n%q\nwant\n%q", got, want)
	}
}

func TestSelectionIsDrawnBehindTheText(t *testing.T) {
	{
		p := showPreview(t)
		p.updateNow([]byte(selDoc), Meta{}, "", 1)
		f := findFlow(t, p, "第一段，中文 text 链接 结束。")
		dragTo(p, f, flowPoint(f, len("第一段，")), flowPoint(f, len("第一段，中文")))
		objs := test.WidgetRenderer(f).Objects()
		r, ok := objs[0].(*canvas.Rectangle)
		if !ok || r.FillColor != theme.Color(theme.ColorNameSelection) {
			t.Fatalf("first object of a selected flow is %T %v, want the selection colour behind the text", objs[0], objs[0])
		}
		x0 := flowPoint(f, len("第一段，")).X - abs(f).X
		x1 := flowPoint(f, len("第一段，中文")).X - abs(f).X
		if d := r.Position().X - x0; d < -0.5 || d > 0.5 || r.Size().Width < x1-x0-0.5 || r.Size().Width > x1-x0+0.5 {
			t.Errorf("highlight at %v %v, want x %v..%v", r.Position(), r.Size(), x0, x1)
		}
		if _, ok := objs[1].(*canvas.Rectangle); ok {
			t.Errorf("two highlights for a one-line selection")
		}
		// a click clears it
		pressOn(p, f, flowPoint(f, 2), 0)
		p.sel.lastDown = time.Time{}
		if _, ok := test.WidgetRenderer(f).Objects()[0].(*canvas.Rectangle); ok {
			t.Errorf("the highlight stayed after a click")
		}
	}
}

func TestDoubleAndTripleClick(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	f := findFlow(t, p, "第一段，中文 text 链接 结束。")
	at := flowPoint(f, len("第一段，中")) // between 中 and 文
	pressOn(p, f, at, 0)
	pressOn(p, f, at, 0)
	if got := p.SelectedText(); got != "中文" {
		t.Errorf("double click selected %q, want 中文", got)
	}
	pressOn(p, f, at, 0)
	if got := p.SelectedText(); got != "第一段，中文 text 链接 结束。" {
		t.Errorf("triple click selected %q, want the paragraph", got)
	}
	p.sel.lastDown = time.Time{}
	item := findFlow(t, p, "item two")
	at = flowPoint(item, len("item t"))
	pressOn(p, item, at, 0)
	pressOn(p, item, at, 0)
	if got := p.SelectedText(); got != "two" {
		t.Errorf("double click selected %q, want two", got)
	}
	// shift+click extends from the word's start
	p.sel.lastDown = time.Time{}
	last := findFlow(t, p, "最后一段。")
	pressOn(p, last, flowPoint(last, len("最后")), fyne.KeyModifierShift)
	want := "two\n\na\tb\n甲\t乙\n\nfunc main() {\n\tfmt.Println(\"你好\")\n}\n\n最后"
	if got := p.SelectedText(); got != want {
		t.Errorf("shift+click selected %q, want %q", got, want)
	}
	// a triple click in code selects the line
	p.sel.lastDown = time.Time{}
	code := findCode(t, p)
	_, cell := codeCell()
	in := codeInset(code)
	at = abs(code).Add(fyne.NewPos(in.X+6*cell.Width, in.Y+1.5*cell.Height))
	for range 3 {
		pressOn(p, p.content, at, 0)
	}
	if got := p.SelectedText(); got != "\tfmt.Println(\"你好\")" {
		t.Errorf("triple click in code selected %q", got)
	}
}

func TestCopyPutsTheTextOnTheClipboard(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("before")
	p.content.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "before" {
		t.Errorf("copying nothing changed the clipboard to %q", got)
	}
	p.content.TypedShortcut(&fyne.ShortcutSelectAll{})
	p.content.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != selDocText {
		t.Errorf("Ctrl+A Ctrl+C copied\n%q\nwant\n%q", got, selDocText)
	}
	// a press in the preview gives it the focus, so the keys reach it
	f := findFlow(t, p, "最后一段。")
	pressOn(p, f, flowPoint(f, 1), 0)
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c.Focused() != p.content {
		t.Errorf("the focus is on %v after a press in the preview", c.Focused())
	}
	p.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.SelectedText() != "" {
		t.Errorf("Escape left %q selected", p.SelectedText())
	}
}

func TestSelectionSurvivesScrollingAndCopiesOffScreenBlocks(t *testing.T) {
	p := showPreview(t)
	body := seedOfSize(t, 200<<10)
	p.updateNow(body, Meta{}, "", 1)
	// press at the start of the first paragraph on screen
	var first *textFlow
	for _, o := range p.content.objs {
		if f, ok := o.(*textFlow); ok && f.plainText() != "" {
			first = f
			break
		}
	}
	if first == nil {
		t.Fatal("no paragraph on screen")
	}
	pressOn(p, first, flowPoint(first, 0), 0)
	p.sel.lastDown = time.Time{}
	start := p.sel.anchor
	// scroll to the end, shift+click at the end of the last paragraph
	p.ScrollToSourceLine(strings.Count(string(body), "\n") + 1)
	var last *textFlow
	for _, o := range p.content.objs {
		if f, ok := o.(*textFlow); ok && f.plainText() != "" {
			last = f
		}
	}
	if last == nil {
		t.Fatal("no paragraph at the end")
	}
	end := fyne.NewPos(abs(last).X+last.Size().Width-1, abs(last).Y+last.Size().Height-2)
	pressOn(p, last, end, fyne.KeyModifierShift)
	got := p.SelectedText()
	if !strings.HasPrefix(got, first.plainText()) || !strings.HasSuffix(got, last.plainText()) {
		t.Fatalf("selection does not run from the first to the last paragraph: %q…%q", got[:min(60, len(got))], got[max(0, len(got)-60):])
	}
	// every block between is in it, though most were never built
	never := 0
	for i := start.item; i < p.sel.focus.item; i++ {
		it := p.items[i]
		if it.st.obj == nil {
			never++
		}
		for _, sg := range blockSegments(it.block) {
			if !strings.Contains(got, sg.text) {
				t.Fatalf("block %d's text %q is not in the copied text", i, sg.text)
			}
		}
	}
	if never == 0 {
		t.Errorf("every block was built: the test does not test copying off-screen blocks")
	}
	// back at the top the first paragraph still shows its selection
	p.scroll.ScrollToOffset(fyne.NewPos(0, 0))
	p.refreshVisible()
	if first.selFrom != 0 || first.selTo != len(first.plainText()) {
		t.Errorf("first paragraph shows %d..%d selected after scrolling back, want all %d bytes", first.selFrom, first.selTo, len(first.plainText()))
	}
	if again := p.SelectedText(); again != got {
		t.Errorf("the selection changed with scrolling")
	}
}

func TestSelectionSurvivesAnEditElsewhere(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	f := findFlow(t, p, "第一段，中文 text 链接 结束。")
	dragTo(p, f, flowPoint(f, 0), flowPoint(f, len("第一段")))
	p.updateNow([]byte("新的开头。\n\n"+strings.Replace(selDoc, "最后一段", "最后两段", 1)), Meta{}, "", 1)
	if got := p.SelectedText(); got != "第一段" {
		t.Errorf("after an edit elsewhere the selection is %q", got)
	}
	p.updateNow([]byte("全部换掉。\n"), Meta{}, "", 1)
	if got := p.SelectedText(); got != "" {
		t.Errorf("the selection outlived its block: %q", got)
	}
}

func TestLinkStillOpensWithSelection(t *testing.T) {
	p := showPreview(t)
	var opened string
	p.OnOpenArticle = func(path string) { opened = path }
	p.updateNow([]byte(selDoc), Meta{}, "/articles", 1)
	f := findFlow(t, p, "第一段，中文 text 链接 结束。")
	at := flowPoint(f, len("第一段，中文 text 链"))
	// a drag that starts on the link selects
	dragTo(p, f, at, flowPoint(f, len("第一段，中文 text 链接 结束")))
	if got := p.SelectedText(); got != "接 结束" {
		t.Errorf("drag from the link selected %q", got)
	}
	if opened != "" {
		t.Errorf("a drag opened %q", opened)
	}
	// a click on it opens it (the window taps after the press)
	pressOn(p, f, at, 0)
	test.TapAt(f, at.Subtract(abs(f)))
	if want := filepath.Join("/articles", "next.md"); opened != want {
		t.Errorf("click opened %q, want %q", opened, want)
	}
}

func TestTableCellsAndCodeHitTesting(t *testing.T) {
	c := newCodeBlock("go", "a\tb\n中文x\n", false)
	c.Resize(fyne.NewSize(400, 100))
	_, cell := codeCell()
	in := codeInset(c)
	at := func(col, row float32) fyne.Position {
		return fyne.NewPos(in.X+col*cell.Width, in.Y+(row+0.5)*cell.Height)
	}
	for _, tc := range []struct {
		pos  fyne.Position
		want int
	}{
		{at(0.2, 0), 0},
		{at(1.2, 0), 1},         // before the tab
		{at(3.8, 0), 2},         // the tab runs to column 4: nearer its end
		{at(4.2, 0), 2},         // before b
		{at(9, 0), 3},           // past the end of the line
		{at(0.9, 1), 4},         // 中 is two columns: before it
		{at(1.2, 1), 4 + 3},     // after it
		{at(4.6, 1), 4 + 6 + 1}, // after x
		{at(2, 5), len(c.text)}, // below
		{fyne.NewPos(5, -3), 0}, // above
	} {
		if got := codeOffsetAt(c, tc.pos); got != tc.want {
			t.Errorf("codeOffsetAt(%v) = %d, want %d", tc.pos, got, tc.want)
		}
	}
	// a selection of 中 covers its two columns
	boxes := codeBoxes(c, 4, 7)
	if len(boxes) != 1 || boxes[0].size.Width < 2*cell.Width-0.1 || boxes[0].size.Width > 2*cell.Width+0.1 {
		t.Errorf("boxes for 中: %+v (cell %v)", boxes, cell)
	}
}

// TestShorterArticleAfterScrollingShowsItsStart: after scrolling far down
// (the keys, a drag at the edge), a shorter article is shown from its
// start, not as an empty page at the old offset.
func TestShorterArticleAfterScrollingShowsItsStart(t *testing.T) {
	p := showPreview(t)
	p.updateNow(seedOfSize(t, 20<<10), Meta{}, "", 1)
	p.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	p.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if p.scroll.Offset.Y < 500 {
		t.Fatalf("two pages down scrolled to %v", p.scroll.Offset.Y)
	}
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	if !p.visible[0] || p.scroll.Offset.Y != 0 {
		t.Errorf("the short article is shown at offset %v with items %v on screen", p.scroll.Offset.Y, p.visible)
	}
}

func FuzzWordAt(f *testing.F) {
	for _, s := range []string{"hello world", "随着2024年的到来，AI技术", "a\n\nb", "  ", "é́x"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, off int) {
		if !utf8.ValidString(text) {
			return // the preview's text is UTF-8
		}
		if off < 0 || len(text) == 0 {
			off = 0
		} else {
			off %= len(text) + 1
		}
		for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
			off--
		}
		a, b := wordAt(text, off)
		if text == "" {
			if a != 0 || b != 0 {
				t.Fatalf("empty text gave %d..%d", a, b)
			}
			return
		}
		if a < 0 || b > len(text) || a >= b {
			t.Fatalf("wordAt(%q, %d) = %d..%d", text, off, a, b)
		}
		if !(a <= off && off <= b) {
			t.Fatalf("wordAt(%q, %d) = %d..%d does not hold the offset", text, off, a, b)
		}
		if a < len(text) && !utf8.RuneStart(text[a]) || b < len(text) && !utf8.RuneStart(text[b]) {
			t.Fatalf("wordAt(%q, %d) = %d..%d cuts a character", text, off, a, b)
		}
	})
}

// TestSelectionSurvivesRelayout: a narrower pane wraps the paragraph
// onto more lines; the selection is the same text, drawn on every line.
func TestSelectionSurvivesRelayout(t *testing.T) {
	p := showPreview(t)
	para := strings.Repeat("随着2024年的到来，人工智能技术正站在一个新的历史节点上。", 4)
	p.updateNow([]byte("# 标题\n\n"+para+"\n"), Meta{}, "", 1)
	f := findFlow(t, p, para)
	lines := func() int {
		n := 0
		for _, o := range test.WidgetRenderer(f).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == theme.Color(theme.ColorNameSelection) {
				n++
			}
		}
		return n
	}
	p.SelectAll()
	if got := p.SelectedText(); got != "标题\n\n"+para {
		t.Fatalf("select all: %q", got)
	}
	wide := lines()
	fyne.CurrentApp().Driver().CanvasForObject(p).Content().Resize(fyne.NewSize(400, 600))
	p.Resize(fyne.NewSize(400, 600))
	p.refreshVisible()
	f = findFlow(t, p, para)
	f.laid()
	if narrow := lines(); narrow <= wide || narrow != len(f.lines) {
		t.Errorf("%d highlighted lines at 400 wide (%d lines), %d at 800", narrow, len(f.lines), wide)
	}
	if got := p.SelectedText(); got != "标题\n\n"+para {
		t.Errorf("after re-layout: %q", got)
	}
}

func BenchmarkSelectAllCopy1MB(b *testing.B) {
	p := showPreview(b)
	p.updateNow(seedOfSize(b, 1<<20), Meta{}, "", 1)
	b.ResetTimer()
	for range b.N {
		p.SelectAll()
		if p.SelectedText() == "" {
			b.Fatal("nothing selected")
		}
	}
}

// TestSelectionLetsDroppedWidgetsGo: the selection's map of objects does
// not keep the widgets of blocks scrolled away alive.
func TestSelectionLetsDroppedWidgetsGo(t *testing.T) {
	p := showPreview(t)
	body := seedOfSize(t, 1<<20)
	p.updateNow(body, Meta{}, "", 1)
	lines := strings.Count(string(body), "\n")
	for l := 1; l < lines; l += lines / 60 {
		p.ScrollToSourceLine(l)
	}
	if len(p.built) > maxBuilt+len(p.visible) {
		t.Fatalf("%d widgets built", len(p.built))
	}
	if n := len(p.sel.targets); n > maxBuilt+len(p.visible)+1 {
		t.Errorf("the selection holds the objects of %d blocks, the preview %d", n, len(p.built))
	}
	if n := len(p.sel.segs); n > 2*maxBuilt+len(p.visible)+1 {
		t.Errorf("the selection holds the text of %d blocks", n)
	}
}

func TestContextMenuCopiesAndSelectsAll(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	m := p.contextMenu()
	if len(m.Items) != 2 || m.Items[0].Label != "Copy" || m.Items[1].Label != "Select All" {
		t.Fatalf("menu %+v", m.Items)
	}
	if !m.Items[0].Disabled {
		t.Errorf("Copy is enabled with nothing selected")
	}
	m.Items[1].Action()
	m = p.contextMenu()
	if m.Items[0].Disabled {
		t.Fatalf("Copy is disabled after Select All")
	}
	m.Items[0].Action()
	if got := fyne.CurrentApp().Clipboard().Content(); got != selDocText {
		t.Errorf("menu Copy copied %q", got)
	}
	// the right click on the page shows it
	f := findFlow(t, p, "最后一段。")
	f.TappedSecondary(&fyne.PointEvent{AbsolutePosition: flowPoint(f, 2)})
	if fyne.CurrentApp().Driver().CanvasForObject(p).Overlays().Top() == nil {
		t.Errorf("a right click on text shows no menu")
	}
}

// BenchmarkDragStep is one mouse move of a drag over the seed: finding the
// point under the pointer and repainting the selection.
func BenchmarkDragStep(b *testing.B) {
	p := showPreview(b)
	fm, body, first := splitSeed(b)
	p.updateNow(body, MetaFromMap(fm), "", first)
	h := p.scroll.Size().Height
	p.press(fyne.NewPos(100, 300), fyne.NewPos(100, 300), 0)
	b.ResetTimer()
	for i := range b.N {
		q := fyne.NewPos(float32(50+i%400), float32(200+(i*37)%int(h-250)))
		p.drag(q, fyne.NewDelta(1, 1))
	}
	p.release()
}

// TestSelectionColourFollowsTheTheme: the highlight is the theme's
// selection colour, dark or light, and changes with the theme.
func TestSelectionColourFollowsTheTheme(t *testing.T) {
	p := showPreview(t)
	settings := fyne.CurrentApp().Settings()
	settings.SetTheme(foliotheme.New(foliotheme.Options{Variant: foliotheme.VariantDark}))
	p.Refresh()
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	fill := func() color.Color {
		f := findFlow(t, p, "最后一段。")
		r, ok := test.WidgetRenderer(f).Objects()[0].(*canvas.Rectangle)
		if !ok {
			t.Fatalf("no highlight behind the selected flow")
		}
		return r.FillColor
	}
	p.SelectAll()
	dark := fill()
	if want := theme.Color(theme.ColorNameSelection); dark != want {
		t.Errorf("dark highlight %v, want the theme's %v", dark, want)
	}
	settings.SetTheme(foliotheme.New(foliotheme.Options{Variant: foliotheme.VariantLight}))
	p.Refresh()
	if light, want := fill(), theme.Color(theme.ColorNameSelection); light != want {
		t.Errorf("light highlight %v, want the theme's %v", light, want)
	}
	settings.SetTheme(test.NewTheme()) // a theme with a selection colour of its own
	p.Refresh()
	if other, want := fill(), theme.Color(theme.ColorNameSelection); other != want || other == dark {
		t.Errorf("highlight %v after a theme change, want the theme's %v (was %v)", other, want, dark)
	}
	if p.SelectedText() != selDocText {
		t.Errorf("the theme change lost the selection")
	}
}

// TestCopyAcrossCodeParts: a big code block shown as parts copies back
// verbatim.
func TestCopyAcrossCodeParts(t *testing.T) {
	p := showPreview(t)
	body := bigCode(64 << 10)
	p.updateNow(body, Meta{}, "", 1)
	parts := 0
	for _, it := range p.items {
		if it.block != nil && it.block.Kind == KindCode {
			parts++
		}
	}
	if parts < 2 {
		t.Fatalf("the code block is %d parts", parts)
	}
	p.SelectAll()
	s := string(body)
	code := s[strings.Index(s, "```go\n")+6 : strings.LastIndex(s, "\n```")]
	if want := "Big code\n\nbefore\n\n" + code + "\n\nafter"; p.SelectedText() != want {
		got := p.SelectedText()
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("copy differs at %d: %q vs %q", i, got[max(0, i-20):min(len(got), i+20)], want[max(0, i-20):min(len(want), i+20)])
			}
		}
		t.Fatalf("copy is %d bytes, want %d", len(got), len(want))
	}
}

// TestDragAtTheEdgeScrolls: holding a drag below the pane scrolls it and
// the selection follows; letting go stops.
func TestDragAtTheEdgeScrolls(t *testing.T) {
	p := showPreview(t)
	p.updateNow(seedOfSize(t, 40<<10), Meta{}, "", 1)
	h := p.scroll.Size().Height
	p.press(fyne.NewPos(100, 200), fyne.NewPos(100, 200), 0)
	p.drag(fyne.NewPos(200, h+30), fyne.NewDelta(100, h-170))
	if p.sel.scrollDY <= 0 || p.sel.stopTicks == nil {
		t.Fatalf("a drag below the pane does not scroll down (speed %v)", p.sel.scrollDY)
	}
	before, text := p.sel.focus, p.SelectedText()
	for range 10 {
		p.autoScroll() // what the ticker hands to the UI goroutine
	}
	if p.scroll.Offset.Y <= 0 {
		t.Errorf("autoscroll left the offset at %v", p.scroll.Offset.Y)
	}
	if !before.less(p.sel.focus) || len(p.SelectedText()) <= len(text) {
		t.Errorf("the selection did not follow the scroll: %+v → %+v", before, p.sel.focus)
	}
	p.release()
	if p.sel.stopTicks != nil || p.sel.pressed {
		t.Errorf("letting go left the autoscroll running")
	}
	y := p.scroll.Offset.Y
	p.autoScroll()
	if p.scroll.Offset.Y != y {
		t.Errorf("a tick after letting go scrolled")
	}
}

// TestHeaderCardTextIsSelectable: the card's title, summary and byline
// are text like the body's.
func TestHeaderCardTextIsSelectable(t *testing.T) {
	p := showPreview(t)
	fm, body, first := splitSeed(t)
	meta := MetaFromMap(fm)
	p.updateNow(body, meta, "../assets/samples", first)
	p.SelectAll()
	want := meta.Title + "\n" + meta.Summary + "\n" + meta.byline() + "\n\n2024年AI技术发展趋势预测：机遇与挑战并存\n\n随着"
	if got := p.SelectedText(); !strings.HasPrefix(got, want) {
		t.Errorf("select all starts %q, want %q", got[:min(len(got), len(want)+20)], want)
	}
	title := findFlow(t, p, meta.Title)
	at := flowPoint(title, 0).AddXY(title.Size().Width/2, 0)
	pressOn(p, title, at, 0)
	pressOn(p, title, at, 0)
	pressOn(p, title, at, 0)
	if got := p.SelectedText(); got != meta.Title {
		t.Errorf("triple click on the title selected %q", got)
	}
	// a new title drops a selection in the old one
	meta.Title = "新标题"
	p.updateNow(body, meta, "../assets/samples", first)
	if got := p.SelectedText(); got != "" {
		t.Errorf("the old title's selection outlived it: %q", got)
	}
}

// TestCodeSelectionIsDrawnBehindTheText: a code block draws its selected
// text's highlight between its background and its text, not over it.
func TestCodeSelectionIsDrawnBehindTheText(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	code := findCode(t, p)
	_, cell := codeCell()
	in := codeInset(code)
	from := abs(code).Add(fyne.NewPos(in.X+1.2*cell.Width, in.Y+0.5*cell.Height))
	to := abs(code).Add(fyne.NewPos(in.X+6.2*cell.Width, in.Y+1.5*cell.Height))
	dragTo(p, p.content, from, to)
	if p.SelectedText() == "" {
		t.Fatal("nothing selected in the code block")
	}
	if code.sel == nil || len(code.sel.Objects) != 2 {
		t.Fatalf("code block draws %v highlight boxes, want 2 (one a line)", code.sel)
	}
	panel := test.WidgetRenderer(code).Objects()[0].(*fyne.Container)
	if panel.Objects[1] != code.sel {
		t.Errorf("the highlight is not between the background and the text: %v", panel.Objects)
	}
	if p.sel.layer != nil && len(p.sel.layer.Objects) > 0 {
		t.Errorf("%d highlight boxes drawn over the page", len(p.sel.layer.Objects))
	}
	p.ClearSelection()
	if len(code.sel.Objects) != 0 {
		t.Error("the highlight stayed after the selection was cleared")
	}
}

// TestSelectionOverChips: a selection is drawn over the fills of <kbd>
// chips and inline code (and under their text), so a selected chip looks
// selected (QA: the highlight started after the "Ctrl" chip).
func TestSelectionOverChips(t *testing.T) {
	f := inlineFlow(t, "按 <kbd>Ctrl</kbd>+<kbd>S</kbd> 保存，`code` 键。\n")
	f.selFrom, f.selTo = 0, len(f.plainText())
	r := test.WidgetRenderer(f).(*flowRenderer)
	r.buildSelection()
	lastFill, firstSel, firstText := -1, -1, -1
	for i, o := range r.Objects() {
		switch v := o.(type) {
		case *canvas.Rectangle:
			if v.CornerRadius > 0 { // a chip's or code's fill
				lastFill = i
			} else if v.Size().Height > 4 && firstSel < 0 {
				firstSel = i
			}
		case *canvas.Text:
			if firstText < 0 {
				firstText = i
			}
		}
	}
	if lastFill < 0 || firstSel < 0 {
		t.Fatalf("fills at %d, selection at %d", lastFill, firstSel)
	}
	if lastFill > firstSel || firstSel > firstText {
		t.Errorf("drawn in order: fills up to %d, selection from %d, text from %d; want fills, selection, text", lastFill, firstSel, firstText)
	}
}
