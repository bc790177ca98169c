package preview

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestCodeToggleTabs: Hugo's code-toggle is a row of YAML, TOML and JSON
// tabs, YAML shown first under its file name; a click shows TOML.
func TestCodeToggleTabs(t *testing.T) {
	p := showPreview(t)
	body := "前言。\n\n{{< code-toggle file=hugo >}}\n[params]\ncolor = 'red'\n{{< /code-toggle >}}\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	box := itemOfKind(t, p, "tabs")
	got := shownTexts(box)
	for _, want := range []string{"YAML", "TOML", "JSON", "hugo.yaml", "color", "red"} {
		if !strings.Contains(got, want) {
			t.Errorf("the code-toggle shows %q; it lacks %q", got, want)
		}
	}
	if strings.Contains(got, "code-toggle") || strings.Contains(got, "hugo.toml") || strings.Contains(got, "[params]") {
		t.Errorf("the code-toggle shows %q; want the YAML tab alone, no chip", got)
	}
	test.Tap(tabLabel(t, box, "TOML"))
	if got := shownTexts(box); !strings.Contains(got, "hugo.toml") || !strings.Contains(got, "[params]") || strings.Contains(got, "hugo.yaml") {
		t.Errorf("after a click on TOML it shows %q", got)
	}
}

// TestShortcodeLinesShown: docs-cn's copyable line shows nothing (no
// chip, no gap's worth of text); Hugo's include shows the included body.
func TestShortcodeLinesShown(t *testing.T) {
	p := showPreview(t)
	dir, err := filepath.Abs(filepath.Join("testdata", "includesite", "content", "post"))
	if err != nil {
		t.Fatal(err)
	}
	body := "A.\n\n{{< copyable \"shell-regular\" >}}\n\n```shell\nls\n```\n\n{{% include \"_common/opts.md\" %}}\n"
	p.updateNow([]byte(body), Meta{}, dir, 1)
	var all []string
	for i := range p.items {
		all = append(all, shownTexts(p.objectFor(i)))
	}
	got := strings.Join(all, "|")
	if strings.Contains(got, "copyable") || strings.Contains(got, "include") || strings.Contains(got, "_comment") {
		t.Errorf("the preview shows %q; want no chip and no front matter", got)
	}
	if !strings.Contains(got, "Included") || !strings.Contains(got, "body") || !strings.Contains(got, "ls") {
		t.Errorf("the preview shows %q; want the code and the included body", got)
	}
}

// TestHighlightLineNumbers: Hugo's highlight with linenos and hl_lines
// shows the numbers left of the code and tints the marked lines; no chip;
// a drag over the code selects the code's text, not the numbers.
func TestHighlightLineNumbers(t *testing.T) {
	p := showPreview(t)
	body := "{{< highlight go \"linenos=inline, hl_Lines=2\" >}}\npackage main\nvar x = 1\n{{< /highlight >}}\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	code := findCode(t, p)
	nums := findType[*canvas.Text](test.WidgetRenderer(code).Objects()[0].(*fyne.Container).Objects[3])
	var shown []string
	for _, n := range nums {
		shown = append(shown, n.Text)
	}
	if strings.Join(shown, " ") != "1 2" {
		t.Errorf("line numbers %q, want 1 2", shown)
	}
	tints := 0
	for _, r := range findType[*canvas.Rectangle](code) {
		if r.FillColor == lineMarkColour(codeStyle(code.dark)) {
			tints++
		}
	}
	if tints != 2 { // line 2, under the code and under its number
		t.Errorf("%d tinted rectangles, want 2", tints)
	}
	if strings.Contains(strings.Join(texts(p.objectFor(0)), ""), "highlight") {
		t.Error("a chip is shown")
	}
	_, cell := codeCell()
	in := codeInset(code)
	if in.X < code.gutterWidth() {
		t.Fatalf("the code starts at %v, inside the numbers (%v wide)", in.X, code.gutterWidth())
	}
	from := abs(code).Add(fyne.NewPos(in.X+0.1*cell.Width, in.Y+0.5*cell.Height))
	to := abs(code).Add(fyne.NewPos(in.X+7.1*cell.Width, in.Y+0.5*cell.Height))
	dragTo(p, p.content, from, to)
	if got := p.SelectedText(); got != "package" {
		t.Errorf("selected %q, want \"package\"", got)
	}
}

// TestCopyableCodeButton: the code block after docs-cn's copyable line
// has a copy button that puts its code on the clipboard; another has none.
func TestCopyableCodeButton(t *testing.T) {
	p := showPreview(t)
	body := "{{< copyable \"shell-regular\" >}}\n\n```shell\ntiup dumpling -u root\n```\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	code := findCode(t, p)
	btns := findType[*copyButton](code)
	if len(btns) != 1 {
		t.Fatalf("%d buttons on the copyable block, want 1", len(btns))
	}
	test.Tap(btns[0])
	if got := fyne.CurrentApp().Clipboard().Content(); got != "tiup dumpling -u root" {
		t.Errorf("the clipboard holds %q", got)
	}
	p.updateNow([]byte("```shell\nls\n```\n"), Meta{}, "", 1)
	if n := len(findType[*copyButton](findCode(t, p))); n != 0 {
		t.Errorf("%d buttons on a plain block", n)
	}
}
