package markdown

import "testing"

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
