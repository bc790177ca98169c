package markdown

import (
	"strings"
	"testing"
)

// TestParamShortcode: Hugo's {{% param "name" %}} shows the article's
// front matter param, else the site config's params (any letter case, a
// dotted name into a nested table); an unknown one stays a chip.
func TestParamShortcode(t *testing.T) {
	site := LoadSite(siteVarsFixture)
	page := map[string]any{"minversion": "v0.158.0", "only": map[string]any{"Page": 7}}
	for _, tc := range []struct {
		page     map[string]any
		body     string
		want     string
		wantChip bool
	}{
		{nil, `Hugo {{% param "minVersion" %}} or later`, `"Hugo v0.140.0 or later"`, false},
		{page, `Hugo {{% param "minVersion" %}} or later`, `"Hugo v0.158.0 or later"`, false},
		{nil, `at {{< param "social.host" >}}`, `"at fosstodon.org"`, false},
		{page, `n {{< param only.page >}}`, `"n 7"`, false},
		{nil, `x {{% param "nosuch" %}}`, `text[chip] "param \"nosuch\""`, true},
	} {
		blocks := NewDocument(NewForPage(site, tc.page)).Set([]byte(tc.body + "\n"))
		got := DumpDocument(blocks)
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: shown\n%s\nwant %s", tc.body, got, tc.want)
		}
	}
}
