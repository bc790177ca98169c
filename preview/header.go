package preview

import (
	"fyne.io/fyne/v2/lang"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"folio/preview/markdown"
)

// byline is "author · date · reading time", skipping what is missing.
func (m Meta) byline() string {
	var parts []string
	for _, p := range []string{m.Author, m.Date, m.ReadTime} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// expanded is m with the site's variables ("{{{ .starter }}}" in a docs-cn
// title) shown as their values, as the published page shows them.
func (m Meta) expanded(s *markdown.Site) Meta {
	if s == nil || len(s.Vars) == 0 {
		return m
	}
	m.Title, m.Summary, m.Category = s.Expand(m.Title), s.Expand(m.Summary), s.Expand(m.Category)
	if len(m.Tags) > 0 {
		tags := make([]string, len(m.Tags))
		for i, t := range m.Tags {
			tags[i] = s.Expand(t)
		}
		m.Tags = tags
	}
	return m
}

// chip is a small rounded label.
func chip(text string, fill color.Color, fg fyne.ThemeColorName, bold bool) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.CornerRadius = theme.TextSize()
	label := newTextFlow([]flowRun{{text: text, scale: 0.85, color: fg, style: fyne.TextStyle{Bold: bold}}}, nil)
	label.noWrap = true
	return &fyne.Container{Layout: &chipLayout{padX: theme.Padding() * 2.5, padY: theme.Padding()}, Objects: []fyne.CanvasObject{bg, label}}
}

type chipLayout struct{ padX, padY float32 }

func (l *chipLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[1].MinSize()
	return fyne.NewSize(m.Width+2*l.padX, m.Height+2*l.padY)
}

func (l *chipLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[0].Resize(s)
	objs[1].Move(fyne.NewPos(l.padX, l.padY))
	objs[1].Resize(fyne.NewSize(s.Width-2*l.padX, s.Height-2*l.padY))
}

// header builds the card shown above the body: badges, title, summary,
// byline, tags and the cover image, as the published page shows them.
func (b builder) header(m Meta) fyne.CanvasObject {
	m = m.expanded(textSite(b.resolver.Dir)) // the site the body is shown with
	pad := theme.Padding()
	var rows []fyne.CanvasObject
	if m.Problem != nil {
		rows = append(rows, b.problemCallout(m.Problem))
	}
	var badges []fyne.CanvasObject
	if m.Featured {
		badges = append(badges, chip(lang.L("★ Featured"), theme.Color(theme.ColorNamePrimary), theme.ColorNameForegroundOnPrimary, true))
	}
	if m.Draft {
		badges = append(badges, chip(lang.L("Draft"), theme.Color(theme.ColorNameWarning), theme.ColorNameForegroundOnWarning, true))
	}
	if m.Category != "" {
		badges = append(badges, chip(m.Category, theme.Color(theme.ColorNameSelection), theme.ColorNameForeground, false))
	}
	if len(badges) > 0 {
		rows = append(rows, &fyne.Container{Layout: &chipsLayout{gap: pad * 1.5}, Objects: badges})
	}
	if m.Title != "" {
		rows = append(rows, newTextFlow([]flowRun{{text: m.Title, scale: 2.1, style: fyne.TextStyle{Bold: true}}}, nil))
	}
	if m.Summary != "" {
		rows = append(rows, newTextFlow([]flowRun{{text: m.Summary, scale: 1.05, color: theme.ColorNamePlaceHolder}}, nil))
	}
	if by := m.byline(); by != "" {
		rows = append(rows, newTextFlow([]flowRun{{text: by, scale: 0.9, color: theme.ColorNamePlaceHolder}}, nil))
	}
	if len(m.Tags) > 0 {
		tags := make([]fyne.CanvasObject, len(m.Tags))
		for i, t := range m.Tags {
			tags[i] = chip("#"+t, theme.Color(theme.ColorNameHover), theme.ColorNamePrimary, false)
		}
		rows = append(rows, &fyne.Container{Layout: &chipsLayout{gap: pad * 1.5}, Objects: tags})
	}
	if m.Cover != "" {
		rows = append(rows, newImageBox(Inline{Kind: InlineImage, Dest: m.Cover, Text: m.Title}, b.resolver, b.images, nil, b.changed))
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	body := &fyne.Container{Layout: &stackLayout{gap: pad * 2}, Objects: rows}
	return &fyne.Container{Layout: &panelLayout{pad: pad * 4}, Objects: []fyne.CanvasObject{bg, body}}
}

// problemCallout says why the front matter could not be read, drawn like
// a body conflict's callout: a coloured bar and title over the message.
func (b builder) problemCallout(p *FrontMatterProblem) fyne.CanvasObject {
	pad := theme.Padding()
	look := alertLooks["caution"]
	name := lang.L("The front matter cannot be read")
	var msg string
	switch {
	case p.Conflict:
		look = alertLooks["conflict"]
		name = lang.L("Conflict in the front matter")
		msg = lang.L("Line {{.Line}}: both versions are kept between the markers (<<<<<<< mine … >>>>>>> theirs). Settle it in the editor to see the title, tags and the rest.", map[string]any{"Line": p.Line})
	case p.Line > 0:
		msg = lang.L("Line {{.Line}}: {{.Err}}. Fix it in the editor.", map[string]any{"Line": p.Line, "Err": p.Msg})
	default:
		msg = lang.L("{{.Err}}. Fix it in the editor.", map[string]any{"Err": p.Msg})
	}
	col := look.light
	if b.dark {
		col = look.dark
	}
	bar := canvas.NewRectangle(col)
	bar.CornerRadius = 1.5
	title := canvas.NewText(look.icon+" "+name, col)
	title.TextStyle.Bold = true
	title.TextSize = theme.TextSize() * b.textScale()
	text := newTextFlow([]flowRun{{text: msg}}, nil)
	body := &fyne.Container{Layout: &stackLayout{gap: pad}, Objects: []fyne.CanvasObject{title, text}}
	return &fyne.Container{Layout: &indentLayout{gutter: pad * 4, bar: true}, Objects: []fyne.CanvasObject{bar, body}}
}
