package markdown

import (
	"html"
	"regexp"
	"strings"
)

// Raw HTML in Markdown: the tags people use in articles (<kbd>, <br>,
// <sup>, <sub>, <span>, <mark>, <u>, <del>, <img src alt width>,
// <details><summary>, and plain formatting and container tags) render as
// what they mean, in the preview and in the HTML export alike, with only
// harmless attributes kept. Everything else (<script>, <iframe>, <style>,
// forms, any tag with an event attribute or a javascript: URL) stays
// visible as literal text and does nothing. <video> and <audio> become a
// placeholder naming their source.

// Tag is one HTML tag found in raw HTML.
type Tag struct {
	Name        string            // lower case
	Closing     bool              // </name>
	SelfClosing bool              // <name/>
	Capital     bool              // the name is written with a capital first (a JSX-style component)
	Attrs       map[string]string // lower-case names, unescaped values
	Start, End  int               // byte range in the scanned text
}

var (
	tagRE  = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*(/?)>`)
	attrRE = regexp.MustCompile(`([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
)

// ScanTags finds the tags of raw HTML, in order. Comments are not tags.
func ScanTags(s string) []Tag {
	var out []Tag
	for _, m := range tagRE.FindAllStringSubmatchIndex(s, -1) {
		t := Tag{Name: strings.ToLower(s[m[4]:m[5]]), Closing: m[3] > m[2], SelfClosing: m[9] > m[8], Start: m[0], End: m[1],
			Capital: 'A' <= s[m[4]] && s[m[4]] <= 'Z'}
		if m[6] < m[7] {
			for _, a := range attrRE.FindAllStringSubmatch(s[m[6]:m[7]], -1) {
				if t.Attrs == nil {
					t.Attrs = map[string]string{}
				}
				t.Attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3] + a[4])
			}
		}
		out = append(out, t)
	}
	return out
}

// safeTags are the tags rendered as what they mean, with the attributes
// each keeps.
var safeTags = map[string][]string{
	"kbd": nil, "br": nil, "sup": nil, "sub": nil, "span": nil, "mark": nil, "u": nil, "ins": nil,
	"del": nil, "s": nil, "b": nil, "strong": nil, "i": nil, "em": nil, "code": nil, "small": nil,
	"abbr": {"title"}, "p": nil, "div": nil, "center": nil, "details": {"open"}, "summary": nil,
	"img": {"src", "alt", "width", "height", "title"}, "a": {"href", "title"}, "hr": nil,
}

// mediaTags become a placeholder naming their source.
var mediaTags = map[string]bool{"video": true, "audio": true, "source": true}

// IsSafe reports whether a tag renders as what it means: a known harmless
// tag with no event handler and no script URL.
func (t Tag) IsSafe() bool {
	if _, ok := safeTags[t.Name]; !ok {
		return false
	}
	for k, v := range t.Attrs {
		if strings.HasPrefix(k, "on") || (k == "href" || k == "src") && !safeURL(v) {
			return false
		}
	}
	return true
}

// pairedTag reports whether a safe inline tag stays open until its
// closing tag (formatting tags, span, a, summary), as void tags (br, img)
// and the block tags the preview breaks lines at do not. A closing paired
// tag with no opening one before it in its block (that one was shown
// literally, or never written) is shown literally, in the preview and the
// export alike.
func pairedTag(name string) bool {
	switch name {
	case "br", "hr", "img", "p", "div", "center", "details":
		return false
	}
	_, safe := safeTags[name]
	return safe
}

// IsMedia reports whether a tag is <video>, <audio> or <source>.
func (t Tag) IsMedia() bool { return mediaTags[t.Name] }

// safeURL accepts http(s), mailto, relative and fragment URLs and data:
// images.
func safeURL(u string) bool {
	u = strings.ToLower(strings.TrimSpace(u))
	if !schemeRE.MatchString(u) {
		return true
	}
	for _, ok := range []string{"http:", "https:", "mailto:", "data:image/"} {
		if strings.HasPrefix(u, ok) {
			return true
		}
	}
	return false
}

// Sanitized is a safe tag written back with only its kept attributes.
func (t Tag) Sanitized() string {
	var b strings.Builder
	b.WriteByte('<')
	if t.Closing {
		b.WriteByte('/')
	}
	b.WriteString(t.Name)
	if !t.Closing {
		for _, k := range safeTags[t.Name] {
			if v, ok := t.Attrs[k]; ok {
				b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
			}
		}
	}
	b.WriteByte('>')
	return b.String()
}

// MediaSource is the source a <video>, <audio> or <source> names.
func (t Tag) MediaSource() string { return t.Attrs["src"] }

// IsComment reports whether raw HTML is only comments (and space).
func IsComment(s string) bool {
	s = strings.TrimSpace(s)
	for s != "" {
		if !strings.HasPrefix(s, "<!--") {
			return false
		}
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimSpace(s[end+3:])
	}
	return true
}

// HTMLPiece is text or a tag of a raw HTML fragment.
type HTMLPiece struct {
	Text string // text between tags, unescaped ("" for a tag)
	Tag  *Tag
}

// SplitHTML cuts raw HTML into text and tags. ok is false when the
// fragment holds anything that is not a safe or media tag (or a comment),
// which then is to be shown literally.
func SplitHTML(s string) (pieces []HTMLPiece, ok bool) {
	s = stripComments(s)
	tags := ScanTags(s)
	at := 0
	for i := range tags {
		t := &tags[i]
		if !t.IsSafe() && !t.IsMedia() {
			return nil, false
		}
		if t.Start > at {
			pieces = append(pieces, HTMLPiece{Text: html.UnescapeString(s[at:t.Start])})
		}
		pieces = append(pieces, HTMLPiece{Tag: t})
		at = t.End
	}
	if at < len(s) {
		rest := s[at:]
		if strings.ContainsAny(rest, "<>") && strings.Contains(rest, "<") {
			return nil, false // an unrecognised tag
		}
		pieces = append(pieces, HTMLPiece{Text: html.UnescapeString(rest)})
	}
	for _, p := range pieces {
		if p.Tag == nil && strings.Contains(p.Text, "<") && tagRE.MatchString(p.Text) {
			return nil, false
		}
	}
	// text between tags must not hide a tag the scanner did not take
	for i := 0; i < len(tags); i++ {
		prev := 0
		if i > 0 {
			prev = tags[i-1].End
		}
		if strings.Contains(s[prev:tags[i].Start], "<") {
			return nil, false
		}
	}
	return pieces, true
}

func stripComments(s string) string {
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+4+j+3:]
	}
}

// ImgWidth is an <img width> attribute in pixels ("200" or "200px"); 0
// for none, a percentage, anything else, or more than 8192.
func ImgWidth(attr string) uint16 {
	v := strings.TrimSuffix(strings.TrimSpace(attr), "px")
	if v == "" || len(v) > 4 {
		return 0
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	if n > 8192 {
		return 0
	}
	return uint16(n)
}
