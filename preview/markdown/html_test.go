package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestSplitHTML(t *testing.T) {
	for _, c := range []struct {
		in   string
		ok   bool
		tags int
	}{
		{`<kbd>Ctrl</kbd>`, true, 2},
		{`<img src="a.png" alt="x" width="100">`, true, 1},
		{`<span style="color:red">red</span>`, true, 2},
		{`<details><summary>更多</summary>内容</details>`, true, 4},
		{`<script>alert(1)</script>`, false, 0},
		{`<img src=x onerror="alert(1)">`, false, 0},
		{`<a href="javascript:alert(1)">x</a>`, false, 0},
		{`<iframe src="https://x"></iframe>`, false, 0},
		{`<video src="v.mp4" controls></video>`, true, 2},
		{`<!-- note --><br>`, true, 1},
		{`<b>a</b> <custom>`, false, 0},
	} {
		pieces, ok := SplitHTML(c.in)
		tags := 0
		for _, p := range pieces {
			if p.Tag != nil {
				tags++
			}
		}
		if ok != c.ok || ok && tags != c.tags {
			t.Errorf("SplitHTML(%q) = %d tags, %v; want %d, %v", c.in, tags, ok, c.tags, c.ok)
		}
	}
	tags := ScanTags(`<img SRC="a&amp;b.png" alt='x y' width=100 onclick="z">`)
	if len(tags) != 1 || tags[0].Attrs["src"] != "a&b.png" || tags[0].Attrs["alt"] != "x y" || tags[0].IsSafe() {
		t.Errorf("ScanTags = %+v", tags)
	}
	if got := (Tag{Name: "img", Attrs: map[string]string{"src": `a".png`, "style": "x"}}).Sanitized(); got != `<img src="a&#34;.png">` {
		t.Errorf("Sanitized = %s", got)
	}
	if !IsComment("<!-- a -->\n<!-- b -->") || IsComment("<!-- a --> x") {
		t.Error("IsComment")
	}
}

func TestImgWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint16
	}{
		{"200", 200}, {"200px", 200}, {" 120 ", 120}, {"0", 0}, {"50%", 0}, {"", 0},
		{"abc", 0}, {"-5", 0}, {"1e3", 0}, {"8192", 8192}, {"9000", 0}, {"123456", 0},
	} {
		if got := ImgWidth(tc.in); got != tc.want {
			t.Errorf("ImgWidth(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
	c := newConverter([]byte("x"))
	runs := c.htmlTag(nil, &ScanTags(`<img src="a.png" alt="直方图" width="200">`)[0], 0, "")
	if len(runs) != 1 || runs[0].Kind != InlineImage || runs[0].Width != 200 || runs[0].Dest != "a.png" {
		t.Errorf("<img width=200> gave %+v", runs)
	}
}

// QA F27: an inline tag shown literally for its event attribute takes its
// closing tag with it: both stay literal text, in the preview and the
// export, while a safe span's tags still vanish and a closing tag with
// nothing open (a stray </b>) is literal too.
func TestUnsafeTagsClosingTagIsLiteral(t *testing.T) {
	for _, tc := range []struct{ src, dump, html string }{
		{`行内 <span onclick="alert(1)">带事件的 span</span> 结束`,
			`text[code] "<span onclick=\"alert(1)\">"` + "\n" + `  text "带事件的 span"` + "\n" + `  text[code] "</span>"`,
			`行内 <code class="raw-html">&lt;span onclick=&#34;alert(1)&#34;&gt;</code>带事件的 span<code class="raw-html">&lt;/span&gt;</code> 结束`},
		{`安全 <span>普通</span> <b>粗</b>`, `text "安全 普通 "` + "\n" + `  text[bold] "粗"`, `安全 <span>普通</span> <b>粗</b>`},
		{`<a href="javascript:x()">j</a> 与 x</b>`, `text[code] "<a href=\"javascript:x()\">"`, `<code class="raw-html">&lt;/a&gt;</code> 与 x<code class="raw-html">&lt;/b&gt;</code>`},
		{`<span>外 <span onclick="x">内</span></span>`, `text[code] "<span onclick=\"x\">"`, `<span>外 <code class="raw-html">&lt;span onclick=&#34;x&#34;&gt;</code>内</span><code class="raw-html">&lt;/span&gt;</code>`}, // the first closes the open one
	} {
		dump := dumpOf(tc.src + "\n")
		if !strings.Contains(dump, tc.dump) {
			t.Errorf("%s: preview\n%s\nlacks\n%s", tc.src, dump, tc.dump)
		}
		var out bytes.Buffer
		if err := RenderHTML(&out, []byte(tc.src+"\n"), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.html) {
			t.Errorf("%s: export\n%s\nlacks\n%s", tc.src, out.String(), tc.html)
		}
	}
}
