package assets

import "embed"

// Translations holds the UI's strings: i18n/en.json and i18n/zh_Hans.json,
// in the format of fyne.io/fyne/v2/lang (lang.AddTranslationsFS(Translations, "i18n")).
//
//go:embed i18n/*.json
var Translations embed.FS
