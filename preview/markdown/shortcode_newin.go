package markdown

import "strings"

// Hugo docs' version badges ({{< new-in 0.140.0 />}}, {{< deprecated-in
// 0.120.0 />}}, layouts/_partials/layouts/blocks/feature-state.html) are
// shown as gohugo.io shows them: a small badge reading "New in v0.140.0"
// ("Deprecated in v…") that links to the release's notes, rather than the
// call's chip. The template only warns about old versions, it shows them
// all; the closing call of the form with text between ({{< /new-in >}})
// shows nothing.

// versionBadges are the badge shortcodes and the text before the version.
var versionBadges = map[string]string{"new-in": "New in", "deprecated-in": "Deprecated in"}

// versionBadge is the badge a version shortcode shows, and the link of
// its release: ok is false for other shortcodes and for a call without a
// version. A closing call gives ok with an empty text: nothing is shown.
func versionBadge(sc *Shortcode) (text, link string, ok bool) {
	name := strings.TrimPrefix(sc.Name, "/")
	prefix, known := versionBadges[name]
	if !known {
		return "", "", false
	}
	if sc.Closing {
		return "", "", true
	}
	fields := strings.Fields(sc.Args)
	if len(fields) == 0 {
		return "", "", false
	}
	v := strings.TrimLeft(strings.Trim(fields[0], `"'`), "vV")
	if v == "" {
		return "", "", false
	}
	return prefix + " v" + v, "https://github.com/gohugoio/hugo/releases/tag/v" + v, true
}
