package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// alertTitlesZH are the Chinese titles of the GitHub alert kinds, as
// GitHub's Chinese pages word them.
var alertTitlesZH = map[string]string{
	"note":      "注意",
	"tip":       "提示",
	"important": "重要",
	"warning":   "警告",
	"caution":   "小心",
}

// AlertLabel is the title of an alert kind in the article's language lang
// (a language tag: "zh", "zh-CN", "en"…): the Chinese title for Chinese,
// else the English one (AlertTitle). The title is part of the page, so it
// follows the content's language (ContentLang), not the UI's.
func AlertLabel(kind, lang string) string {
	if isChinese(lang) {
		if t, ok := alertTitlesZH[strings.ToLower(kind)]; ok {
			return t
		}
	}
	return AlertTitle(kind)
}

// isChinese tells whether a language tag is Chinese ("zh", "zh-CN",
// "zh_Hans", "ZH-tw").
func isChinese(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "zh" || strings.HasPrefix(lang, "zh-") || strings.HasPrefix(lang, "zh_")
}

// ContentLang is the language an article's content is written in: what
// the site's config says (Site.Lang), else what its own script says
// (ScriptLang of body).
func ContentLang(site *Site, body []byte) string {
	if site != nil && site.Lang != "" {
		return site.Lang
	}
	return ScriptLang(body)
}

// scriptScan is how much of a body ScriptLang looks at: enough prose to
// tell, without scanning a whole long article on every keystroke.
const scriptScan = 16 << 10

// ScriptLang guesses a body's language from its script: "zh" when its
// Han characters are at least as many as its Latin words, else "en".
// Fenced code is skipped (docs-cn's SQL would otherwise outvote the
// prose); only the first 16 KiB are looked at.
func ScriptLang(body []byte) string {
	if len(body) > scriptScan {
		body = body[:scriptScan]
	}
	han, words := 0, 0
	inWord, fence := false, ""
	lineStart := true
	for i := 0; i < len(body); {
		if lineStart {
			lineStart = false
			j := i
			for j < len(body) && j-i < 4 && body[j] == ' ' {
				j++
			}
			rest := body[j:]
			for _, f := range []string{"```", "~~~"} {
				if strings.HasPrefix(string(rest[:min(len(rest), 3)]), f) {
					switch fence {
					case "":
						fence = f
					case f:
						fence = ""
					}
				}
			}
		}
		r, n := utf8.DecodeRune(body[i:])
		i += n
		if r == '\n' {
			lineStart = true
			inWord = false
			continue
		}
		if fence != "" {
			continue
		}
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			inWord = false
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	if han > 0 && han >= words {
		return "zh"
	}
	return "en"
}
