package markdown

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

// An HTML <table> block is a table of the block model: rowspan keeps the
// later rows' cells in their columns, colspan leaves the spanned columns
// empty, cells hold links, code, bold, breaks and list items; unsafe tags
// in a cell are literal text; anything not one plain table stays the
// literal box.
func TestHTMLTableModel(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"rowspan", "<table>\n<thead><tr><th>分类</th><th>功能</th><th>描述</th></tr></thead>\n<tbody>\n<tr><td rowspan=\"2\">性能</td><td>A</td><td>a</td></tr>\n<tr><td>B</td><td>b</td></tr>\n<tr><td>C</td><td>D</td><td>c</td></tr>\n</tbody>\n</table>\n",
			"@1 table align=none,none,none\n  header\n    cell\n      text \"分类\"\n    cell\n      text \"功能\"\n    cell\n      text \"描述\"\n" +
				"  row\n    cell\n      text \"性能\"\n    cell\n      text \"A\"\n    cell\n      text \"a\"\n" +
				"  row\n    cell\n    cell\n      text \"B\"\n    cell\n      text \"b\"\n" +
				"  row\n    cell\n      text \"C\"\n    cell\n      text \"D\"\n    cell\n      text \"c\"\n"},
		{"colspan and no thead", "<table>\n<tr><td colspan=\"2\">宽</td><td>x</td></tr>\n<tr><td>1</td><td>2</td><td>3</td></tr>\n</table>\n",
			"@1 table align=none,none,none\n  header\n" +
				"  row\n    cell\n      text \"宽\"\n    cell\n    cell\n      text \"x\"\n" +
				"  row\n    cell\n      text \"1\"\n    cell\n      text \"2\"\n    cell\n      text \"3\"\n"},
		{"inlines and a list", "<table><tr><th>h</th></tr><tr><td>关键：\n <ul><li><a href=\"https://a.b/c\">排序</a>（v8）</li>\n <li>降低 <code>DELETE</code> 的<b>开销</b><br>下一行</li></ul>\n</td></tr></table>\n",
			"@1 table align=none\n  header\n    cell\n      text \"h\"\n  row\n    cell\n      text \"关键：\"\n      break\n      text \"• \"\n      text link=\"https://a.b/c\" \"排序\"\n      text \"（v8）\"\n      break\n" +
				"      text \"• 降低 \"\n      text[code] \"DELETE\"\n      text \" 的\"\n      text[bold] \"开销\"\n      break\n      text \"下一行\"\n"},
		{"a line break between Chinese is no space", "<table><tr><td>中文\n  换行 a\n b 中\t文</td></tr></table>\n",
			"@1 table align=none\n  header\n  row\n    cell\n      text \"中文换行 a b 中 文\"\n"},
		{"unsafe tags are literal", "<table><tr><td><script>alert(1)</script><a href=\"javascript:x\">j</a><img src=x onerror=y></td></tr></table>\n",
			"@1 table align=none\n  header\n  row\n    cell\n      text[code] \"<script>\"\n      text \"alert(1)\"\n      text[code] \"</script><a href=\\\"javascript:x\\\">\"\n      text \"j\"\n      text[code] \"<img src=x onerror=y>\"\n"},
		{"nested table stays literal", "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>\n",
			"@1 html \"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>\"\n"},
		{"text between rows stays literal", "<table>\n<tr><td>x</td></tr>\nloose\n</table>\n", "@1 html \"<table>\\n<tr><td>x</td></tr>\\nloose\\n</table>\"\n"},
		{"unclosed table stays literal", "<table>\n<tr><td>x</td></tr>\n", "@1 html \"<table>\\n<tr><td>x</td></tr>\"\n"},
		{"a caption stays literal", "<table><caption>c</caption><tr><td>x</td></tr></table>\n", "@1 html \"<table><caption>c</caption><tr><td>x</td></tr></table>\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%s: %q:\n%s\nwant\n%s", tc.name, tc.src, got, tc.want)
		}
	}
}

// The export keeps the table with rowspan and colspan and only the safe
// tags and attributes; unsafe tags are escaped text.
func TestHTMLTableExport(t *testing.T) {
	src := "<table>\n<thead><tr><th>分类</th><th>功能</th></tr></thead>\n<tbody>\n<tr><td rowspan=\"2\" style=\"color:red\" onclick=\"x\">性能</td><td><ul><li><a href=\"https://a.b\" onmouseover=\"y\" target=\"_blank\">链</a> <code>c</code></li></ul></td></tr>\n<tr><td colspan=\"2\"><script>alert(1)</script><iframe src=\"https://e\"></iframe></td></tr>\n</tbody>\n</table>\n"
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"<table>\n<thead>\n<tr><th>分类</th><th>功能</th></tr>\n</thead>\n<tbody>\n",
		`<td rowspan="2">性能</td>`, `<ul><li><code class="raw-html">&lt;a href=&#34;https://a.b&#34; onmouseover=&#34;y&#34; target=&#34;_blank&#34;&gt;</code>链</a> <code>c</code></li></ul>`,
		`<td colspan="2"><code class="raw-html">&lt;script&gt;</code>alert(1)<code class="raw-html">&lt;/script&gt;</code>`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, bad := range []string{"<script", "<iframe", "onclick", "style=", "<pre"} {
		if strings.Contains(got, bad) {
			t.Errorf("%s in\n%s", bad, got)
		}
	}
}

// FuzzHTMLTable: no input makes the HTML table parser, the converter or
// the export panic or hang, and the text put into two cells comes out as
// those cells' text (white space collapsed or, between Chinese, dropped).
func FuzzHTMLTable(f *testing.F) {
	for _, s := range []string{"<table><tr><td rowspan=3>a</td><td colspan=99999>b</td></tr><tr><td>c", "<table><thead><tr><th>x</th></tr></thead></table>",
		"<table><tr><td><ul><li>a<ol><li>b</ol></ul><script>x</script></td></tr></table>", "<TABLE><TR><TD>x</TD></TR></TABLE>", "<table/><tr>"} {
		f.Add(s, "分类 <b>x</b>", "a &amp; b\n c")
	}
	f.Fuzz(func(t *testing.T, raw, a, b string) {
		if tbl, ok := parseHTMLTable(raw); ok {
			if g, ok := tbl.grid(); ok {
				for _, r := range g {
					if len(r) > htmlTableMaxCols {
						t.Fatalf("%d columns", len(r))
					}
				}
			}
			writeHTMLTable(&bytes.Buffer{}, tbl)
		}
		c := newConverter([]byte(raw))
		c.htmlTableBlock(raw)
		if !utf8.ValidString(a) || !utf8.ValidString(b) || strings.ContainsRune(a+b, 0) {
			return
		}
		src := "<table>\n<tr><td>" + html.EscapeString(a) + "</td><td rowspan=\"2\">" + html.EscapeString(b) + "</td></tr>\n</table>"
		bl, ok := newConverter([]byte(src)).htmlTableBlock(src)
		if !ok {
			t.Fatalf("%q: not a table", src)
		}
		if len(bl.Header) != 0 || len(bl.Rows) != 1 {
			t.Fatalf("%q: %d header cells, %d rows", src, len(bl.Header), len(bl.Rows))
		}
		row := bl.Rows[0]
		if len(row) != 2 {
			t.Fatalf("%q: %d cells", src, len(row))
		}
		for i, want := range []string{a, b} {
			var got strings.Builder
			for _, in := range row[i] {
				got.WriteString(in.Text)
			}
			// all of its text, in order; white space collapsed (a line
			// break between Chinese characters drops)
			if strings.Join(strings.FieldsFunc(got.String(), isHTMLSpace), "") != strings.Join(strings.FieldsFunc(want, isHTMLSpace), "") {
				t.Fatalf("cell %d: %q, want %q", i, got.String(), want)
			}
		}
	})
}

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }
