package assets

import (
	_ "embed" // for go:embed

	"fyne.io/fyne/v2"
)

//go:generate go run ./internal/icongen -icon icon/folio.png -chart samples/images/reading-time.png

//go:embed icon/folio.png
var iconPNG []byte

// Icon is Folio's 512×512 application icon (PNG), drawn by internal/icongen.
var Icon = fyne.NewStaticResource("folio.png", iconPNG)
