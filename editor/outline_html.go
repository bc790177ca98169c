package editor

import "strings"

// htmlKind is what a line starting with '<' is to the outline.
type htmlKind uint8

const (
	htmlNone      htmlKind = iota // not a block's start: paragraph text
	htmlRaw                       // starts a raw HTML block: no heading until it ends
	htmlContainer                 // a container's tag: the Markdown around it goes on
)

// htmlBlockTags are the tags that start a raw HTML block ending at a
// blank line (CommonMark's condition 6).
var htmlBlockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center col
		colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
		h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol
		optgroup option p param search section summary table tbody td tfoot th thead title tr track ul`) {
		m[t] = true
	}
	return m
}()

// containerTags are the tags whose content the preview reads as Markdown
// even without blank lines around it (preview/markdown/containers.go):
// <details>, docs-cn's <SimpleTab> and its <div label="…"> tabs, and the
// callouts; a capitalised MDX component too.
var containerTags = map[string]bool{"details": true, "simpletab": true, "note": true, "tip": true, "important": true, "warning": true, "caution": true}

// htmlLine tells what the trimmed line s, which starts with '<', is: the
// start of a raw HTML block (with what ends it: a substring, lower case,
// or "\n" for a blank line), a container's tag, or neither. inPara: a
// paragraph is open, which a lone tag of any name (condition 7) does not
// interrupt.
func htmlLine(s string, inPara bool) (string, htmlKind) {
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "<!--"):
		return "-->", htmlRaw
	case strings.HasPrefix(low, "<?"):
		return "?>", htmlRaw
	case strings.HasPrefix(low, "<![cdata["):
		return "]]>", htmlRaw
	case len(low) > 2 && low[1] == '!' && isASCIILetter(low[2]):
		return ">", htmlRaw
	}
	closing := strings.HasPrefix(s, "</")
	nameAt := 1
	if closing {
		nameAt = 2
	}
	j := nameAt
	for j < len(s) && (isASCIILetter(s[j]) || j > nameAt && (s[j] == '-' || s[j] >= '0' && s[j] <= '9')) {
		j++
	}
	if j == nameAt {
		return "", htmlNone
	}
	name, after := low[nameAt:j], s[j:]
	ends := after == "" || after[0] == ' ' || after[0] == '\t' || after[0] == '>' || strings.HasPrefix(after, "/>")
	if !ends {
		return "", htmlNone
	}
	if !closing {
		for _, t := range []string{"script", "pre", "style", "textarea"} {
			if name == t {
				return "</" + t + ">", htmlRaw
			}
		}
	}
	switch {
	case containerTags[name], s[nameAt] >= 'A' && s[nameAt] <= 'Z',
		name == "div" && (closing || strings.Contains(low, "label=")),
		name == "summary" && strings.HasSuffix(low, "</summary>"):
		return "", htmlContainer
	case htmlBlockTags[name]:
		return "\n", htmlRaw
	case !inPara && strings.HasSuffix(s, ">") && strings.IndexByte(s[1:], '<') < 0:
		return "\n", htmlRaw // a lone tag of another name (condition 7)
	}
	return "", htmlNone
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
