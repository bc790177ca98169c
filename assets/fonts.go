package assets

import (
	_ "embed" // for go:embed

	"fyne.io/fyne/v2"
)

// The fonts are subsets of Noto Sans CJK SC made by fonts/subset.sh; see
// fonts/README.md for their coverage and fonts/OFL.txt for their licence.

//go:embed fonts/NotoSansSC-Regular.otf
var fontRegular []byte

//go:embed fonts/NotoSansSC-Bold.otf
var fontBold []byte

//go:embed fonts/NotoSansMonoSC-Regular.otf
var fontMonospace []byte

//go:embed fonts/OFL.txt
var fontLicense []byte

// FontRegular is Noto Sans SC Regular (subset): Latin-1, general punctuation,
// CJK symbols, fullwidth forms, all of GB 2312 and the whole CJK Unified
// Ideographs block U+4E00–U+9FFF.
var FontRegular = fyne.NewStaticResource("NotoSansSC-Regular.otf", fontRegular)

// FontBold is Noto Sans SC Bold with the same coverage as FontRegular.
var FontBold = fyne.NewStaticResource("NotoSansSC-Bold.otf", fontBold)

// FontMonospace is Noto Sans Mono CJK SC Regular with the same coverage as
// FontRegular. Its Latin glyphs are exactly half the width of its hanzi, so
// mixed Chinese/ASCII source text lines up in columns.
var FontMonospace = fyne.NewStaticResource("NotoSansMonoSC-Regular.otf", fontMonospace)

// FontLicense is the SIL Open Font License 1.1 text that must travel with the
// fonts; show it in an "about" or "licences" dialog.
var FontLicense = fyne.NewStaticResource("OFL.txt", fontLicense)
