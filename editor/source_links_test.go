package editor

import (
	"strings"
	"testing"
)

// TestLexLinks: inline links, full [text][label] and collapsed [text][]
// reference links are coloured each on its own, a code span in a link's
// text stays code, and what is not a link (a shortcut "[x]", an alert's
// "[!NOTE]", brackets never closed) stays text (QA7 H6: "[x][] … [y](z)"
// was one link running from x to y, and "[source code][]" was text).
func TestLexLinks(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		// hugoDocs content/en/shortcodes/highlight.md line 17
		{"calls the [`transform.Highlight`][] function to generate code, [language][], and [options](#options-1).",
			"t:calls the  l:[ c:`transform.Highlight` l:] u:[] t: function to generate code,  l:[language] u:[] t:, and  l:[options] u:(#options-1) t:."},
		// line 10
		{"> To override, copy the [source code][] to a file.", "m:> t: To override, copy the  l:[source code] u:[] t: to a file."},
		{"see [the docs][docs] now", "t:see  l:[the docs] u:[docs] t: now"},
		{"[a][b][c](d)", "l:[a] u:[b] l:[c] u:(d)"},
		{"see [链接](https://x.cn).", "t:see  l:[链接] u:(https://x.cn) t:."},
		{"![图](a.png) and ![logo][]", "l:![图] u:(a.png) t: and  l:![logo] u:[]"},
		{"[a [nested] b](u)", "l:[a [nested] b] u:(u)"},
		{"[`a]b`](u)", "l:[ c:`a]b` l:] u:(u)"},
		{`[a\]b](u)`, `l:[a\]b] u:(u)`},
		{"[x] then [y](z)", "t:[x] then  l:[y] u:(z)"},
		{"> [!NOTE]", "m:> t: [!NOTE]"},
		{"[^1] and [open", "t:[^1] and [open"},
		{"[a] [b]", "t:[a] [b]"},
		{"[a][b", "t:[a][b"},
		{"[a][b[c]", "t:[a][b[c]"},
	} {
		got, _ := lexLine(tc.line, lexNormal, nil)
		if r := render(tc.line, got); r != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.line, r, tc.want)
		}
		ref, _ := refLexLine(tc.line, lexNormal, nil)
		if r := render(tc.line, ref); r != tc.want {
			t.Errorf("%q (reference lexer):\n got %s\nwant %s", tc.line, r, tc.want)
		}
	}
	// a long line lexed in pieces agrees with the whole line
	long := strings.Repeat("x [a][] y [`c`][d] z [e](f) ", 2000)
	whole, _ := lexLine(long, lexNormal, nil)
	if n := strings.Count(render(long, whole), "c:`c`"); n != 2000 {
		t.Errorf("long line: %d code spans in link texts, want 2000", n)
	}
}
