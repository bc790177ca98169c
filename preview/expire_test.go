package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// widgetsUnder collects the widgets in o's tree, o included.
func widgetsUnder(o fyne.CanvasObject) []fyne.Widget {
	var out []fyne.Widget
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			out = append(out, t)
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestBlocksDrawnAfterTheirRenderersExpire: QA F46, after anchor jumps
// and a slow wheel back up (minutes under load) the header card was an
// empty box and the first paragraphs were not drawn. Fyne destroys the
// renderer of a widget not drawn for a minute and makes a new one when
// it is shown again, without laying it out if its size did not change:
// the text flow built its texts only in Layout, so the new renderer
// showed nothing. The same for a code block's panel and a table's scroll.
func TestBlocksDrawnAfterTheirRenderersExpire(t *testing.T) {
	p := showPreview(t)
	body := "[跳到 Hello World](#hello-world)\n\n填充段落 0。\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|---|\n| 一 | 二 |\n\n## Hello World\n\n填充段落 1。\n"
	p.updateNow([]byte(body), Meta{Title: "锚点测试", Tags: []string{"x"}}, "", 5)
	before := visibleText(p)
	for _, want := range []string{"锚点测试", "跳到 Hello World", "填充段落 0。", "main", "一", "Hello World", "填充段落 1。"} {
		if !strings.Contains(before, want) {
			t.Fatalf("%q is not shown at first:\n%s", want, before)
		}
	}
	// Fyne drops the renderers of widgets off screen for a while
	// (test.TempWidgetRenderer destroys the renderer when its test ends).
	var ws []fyne.Widget
	for _, o := range p.content.objs {
		ws = append(ws, widgetsUnder(o)...)
	}
	for _, w := range ws {
		t.Run("expire", func(t *testing.T) { test.TempWidgetRenderer(t, w) })
	}
	// Scrolled back into view: the blocks keep their sizes.
	p.refreshVisible()
	if got := visibleText(p); got != before {
		t.Fatalf("after the renderers expired the preview shows\n%s\nwant\n%s", got, before)
	}
	// and lays them out: a code block's panel, a table's scroll
	for _, o := range p.content.objs {
		for _, w := range widgetsUnder(o) {
			switch w.(type) {
			case *codeBlock, *tableBox:
				if in := test.WidgetRenderer(w).Objects()[0]; in.Size().Height <= 0 {
					t.Errorf("a %T is drawn %v high (the widget: %v)", w, in.Size(), w.Size())
				}
			}
		}
	}
}
