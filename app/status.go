package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/editor/document"
)

// statusBar is the line under the panes: Folio's own count of the body and
// the caret's place on the left, the article's problem (or a message) on
// the right.
type statusBar struct {
	label *widget.Label
	err   *canvas.Text
	box   *fyne.Container
	// held is a message sayHere keeps over the counts while the caret
	// stays at heldAt (the parse after an edit shows the counts again)
	held   string
	heldAt [2]int
}

func newStatusBar() *statusBar {
	sb := &statusBar{label: widget.NewLabel("")}
	sb.label.Truncation = fyne.TextTruncateEllipsis
	sb.err = canvas.NewText("", fynetheme.Color(fynetheme.ColorNameError))
	sb.err.TextSize = fynetheme.CaptionTextSize()
	sb.box = container.NewBorder(nil, nil, nil, sb.err, sb.label)
	return sb
}

// show puts the counts and the caret position in the bar.
func (sb *statusBar) show(stats document.TextStats, line, col int) {
	// Folio's own count of the body, named as such: the preview's header
	// shows the front matter's readTime when the article has one, else
	// this same estimate (document's ReadingMinutes; the header leaves it
	// out at 0).
	minutes := stats.ReadingMinutes()
	words := lang.L("Folio counts {{.Words}} words · {{.Minutes}} min read", map[string]any{"Words": stats.Total, "Minutes": minutes})
	pos := lang.L("Ln {{.Line}}, Col {{.Col}}", map[string]any{"Line": line + 1, "Col": col + 1})
	if sb.held != "" && sb.heldAt == [2]int{line, col} {
		sb.set(sb.held)
		return
	}
	sb.held = ""
	sb.set(words + "    " + pos)
}

// sayHere shows a message about an edit just made, kept until the caret
// leaves line and col (say's message goes with the next count).
func (sb *statusBar) sayHere(msg string, line, col int) {
	sb.held, sb.heldAt = msg, [2]int{line, col}
	sb.set(msg)
}

// say shows a passing message (until the caret moves). The same text
// again is left alone: every parse (an outside write) shows the counts,
// and a label set anew lays its text out again.
func (sb *statusBar) say(msg string) {
	sb.held = ""
	sb.set(msg)
}

// set puts msg in the label.
func (sb *statusBar) set(msg string) {
	if sb.label.Text != msg {
		sb.label.SetText(msg)
	}
}

// problem shows msg in the error colour; "" clears it.
func (sb *statusBar) problem(msg string) {
	c := fynetheme.Color(fynetheme.ColorNameError)
	if sb.err.Text == msg && sb.err.Color == c {
		return // every parse clears it: no refresh for nothing
	}
	sb.err.Text = msg
	sb.err.Color = c
	sb.err.Refresh()
}

// problemText is the problem shown now.
func (sb *statusBar) problemText() string { return sb.err.Text }
