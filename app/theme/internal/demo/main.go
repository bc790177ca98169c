// Command demo shows Folio's theme with Chinese and English text in regular,
// bold, italic and monospace, so the bundled fonts can be checked by eye:
//
//	go run ./app/theme/internal/demo -variant dark
//	go run ./app/theme/internal/demo -fyne   # Fyne's default theme, for comparison
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"folio/app/theme"
	"folio/assets"
)

const (
	title = "中文标题 “引号”，标点。Folio — Markdown 写作"
	body  = "随着2024年的到来，人工智能技术正站在一个新的历史节点上。English text mixes in: GitHub、JavaScript, 123 ½ ©."
	code  = "func main() { fmt.Println(\"你好，世界\") } // 中文注释"
)

func main() {
	variant := flag.String("variant", "light", "light or dark")
	scale := flag.Float64("scale", 1, "text scale")
	fyneTheme := flag.Bool("fyne", false, "use Fyne's default theme instead of Folio's (control)")
	flag.Parse()

	v := theme.VariantLight
	switch *variant {
	case "light":
	case "dark":
		v = theme.VariantDark
	default:
		fmt.Fprintf(os.Stderr, "demo: -variant must be light or dark, not %q\n", *variant)
		os.Exit(2)
	}

	a := app.NewWithID("dev.folio.fontdemo")
	a.SetIcon(assets.Icon)
	if !*fyneTheme {
		a.Settings().SetTheme(theme.New(theme.Options{TextScale: float32(*scale), Variant: v}))
	}
	w := a.NewWindow("Folio 字体演示")

	label := func(text string, style fyne.TextStyle) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	which := "Folio theme (bundled Noto Sans SC), " + *variant
	if *fyneTheme {
		which = "Fyne default theme (control)"
	}
	heading := widget.NewRichTextFromMarkdown("# " + title + "\n\n## 二级标题 Sub-heading")
	entry := widget.NewMultiLineEntry()
	entry.SetText("可编辑：在这里输入中文。Type here.\n第二行 second line")
	content := container.NewVBox(
		widget.NewLabel(which),
		heading,
		widget.NewSeparator(),
		label("Regular 常规: "+title, fyne.TextStyle{}),
		label("Bold 粗体: "+title, fyne.TextStyle{Bold: true}),
		label("Italic 斜体: "+title, fyne.TextStyle{Italic: true}),
		label("Mono 等宽: "+code, fyne.TextStyle{Monospace: true}),
		label("Mono 等宽: abcdefghij|", fyne.TextStyle{Monospace: true}),
		label("Mono 等宽: 一二三四五|", fyne.TextStyle{Monospace: true}),
		label(body, fyne.TextStyle{}),
		container.NewHBox(widget.NewButton("保存 Save", nil), widget.NewCheck("已完成 Done", nil), widget.NewButton("取消", nil)),
		entry,
	)
	w.SetContent(container.NewPadded(content))
	w.Resize(fyne.NewSize(1000, 700))
	w.ShowAndRun()
}
