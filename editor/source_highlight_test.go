package editor

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// render shows spans as "kind:text" pairs for compact expectations.
func render(line string, sp []span) string {
	names := [hlKinds]string{"t", "h", "b", "i", "c", "l", "u", "m", "M", "k"}
	var out []string
	for _, s := range sp {
		out = append(out, fmt.Sprintf("%s:%s", names[s.kind], line[s.start:s.end]))
	}
	return strings.Join(out, " ")
}

func TestLexLine(t *testing.T) {
	tests := []struct {
		line  string
		st    lexState
		want  string
		after lexState
	}{
		{"---", lexStart, "M:---", lexYAML},
		{"title: 标题", lexYAML, "k:title t:: 标题", lexYAML},
		{"  - item", lexYAML, "t:  - item", lexYAML},
		{"---", lexYAML, "M:---", lexNormal},
		{"+++", lexStart, "M:+++", lexTOML},
		{"title = \"x\"", lexTOML, "k:title  t:= \"x\"", lexTOML},
		{"# 2024年AI", lexStart, "h:# 2024年AI", lexNormal},
		{"###### six", lexNormal, "h:###### six", lexNormal},
		{"#hashtag", lexNormal, "t:#hashtag", lexNormal},
		{"正文**粗体**和*斜体*", lexNormal, "t:正文 b:**粗体** t:和 i:*斜体*", lexNormal},
		{"a `code` b", lexNormal, "t:a  c:`code` t: b", lexNormal},
		{"``a ` b``", lexNormal, "c:``a ` b``", lexNormal},
		{"see [链接](https://x.cn).", lexNormal, "t:see  l:[链接] u:(https://x.cn) t:.", lexNormal},
		{"![图](a.png)", lexNormal, "l:![图] u:(a.png)", lexNormal},
		{"<https://x.cn>", lexNormal, "u:<https://x.cn>", lexNormal},
		{"- 列表 **b**", lexNormal, "m:-  t:列表  b:**b**", lexNormal.withIndent(2)},
		{"1. first", lexNormal, "m:1.  t:first", lexNormal.withIndent(3)},
		{"- [ ] task", lexNormal, "m:- [ ]  t:task", lexNormal.withIndent(2)},
		{"> 引用", lexNormal, "m:> t: 引用", lexNormal},
		{"---", lexNormal, "m:---", lexNormal},
		{"snake_case_name", lexNormal, "t:snake_case_name", lexNormal},
		{"2 * 3 * 4", lexNormal, "t:2 * 3 * 4", lexNormal},
		{"```go", lexNormal, "c:```go", lexFence | 3},
		{"func main() {", lexFence | 3, "c:func main() {", lexFence | 3},
		{"# not a heading", lexFence | 3, "c:# not a heading", lexFence | 3},
		{"~~~", lexFence | 3, "c:~~~", lexFence | 3},
		{"```", lexFence | 3, "c:```", lexNormal},
		{"~~~~", lexNormal, "c:~~~~", lexFence | lexFenceT | 4},
		{"~~~", lexFence | lexFenceT | 4, "c:~~~", lexFence | lexFenceT | 4},
		{"", lexFence | 3, "", lexFence | 3},
		{"", lexYAML, "", lexYAML},
		{"", lexStart, "", lexStart},
		{"\\*not em\\*", lexNormal, "t:\\*not em\\*", lexNormal},
		// a byte order mark before the front matter (Windows Notepad, F43)
		{"\uFEFF---\r", lexStart, "M:\uFEFF---\r", lexYAML},
		{"\uFEFF+++", lexStart, "M:\uFEFF+++", lexTOML},
		{"\uFEFF# 标题", lexStart, "h:\uFEFF# 标题", lexNormal},
		{"\uFEFF- a", lexStart, "t:\uFEFF m:-  t:a", lexNormal.withIndent(2)},
		{"\uFEFF", lexStart, "t:\uFEFF", lexStart},
		{"  \r", lexStart, "t:  \r", lexStart},
		{"---\r", lexYAML, "M:---\r", lexNormal},
		// fences nested in list items (F32): up to 3 columns past the
		// item's content indent
		{"    1. 执行命令", lexNormal.withIndent(2), "m:    1.  t:执行命令", lexNormal.withIndent(7)},
		{"        ```shell", lexNormal.withIndent(7), "c:        ```shell", (lexFence | 3).withIndent(7)},
		{"        curl https://x.cn | sh", (lexFence | 3).withIndent(7), "c:        curl https://x.cn | sh", (lexFence | 3).withIndent(7)},
		{"        ```", (lexFence | 3).withIndent(7), "c:        ```", lexNormal.withIndent(7)},
		{"    ```", lexNormal.withIndent(3), "c:    ```", (lexFence | 3).withIndent(3)},
		{"      ```", lexNormal.withIndent(3), "c:      ```", (lexFence | 3).withIndent(3)},
		{"       ```", lexNormal.withIndent(3), "t:       ```", lexNormal.withIndent(3)}, // 4 past: indented code
		{"    ```", lexNormal, "t:    ```", lexNormal},                                   // at top level too
		{"   ```", lexNormal, "c:   ```", lexFence | 3},
		{"\t```", lexNormal.withIndent(4), "c:\t```", (lexFence | 3).withIndent(4)},
		{"     ## 小节", lexNormal.withIndent(3), "h:     ## 小节", lexNormal.withIndent(3)},
		{"     ## 小节", lexNormal, "t:     ## 小节", lexNormal},
		{"1.  two spaces", lexNormal, "m:1.  t: two spaces", lexNormal.withIndent(4)},
		{"-      far", lexNormal, "m:-  t:     far", lexNormal.withIndent(2)},
		{"-", lexNormal.withIndent(2), "t:-", lexNormal},
		{"", lexNormal.withIndent(7), "", lexNormal.withIndent(7)},
		{"   \t", lexNormal.withIndent(7), "t:   \t", lexNormal.withIndent(7)},
		{"正文", lexNormal.withIndent(7), "t:正文", lexNormal},
		{"    续行", lexNormal.withIndent(7), "t:    续行", lexNormal.withIndent(4)},
		{"* * *", lexNormal.withIndent(7), "m:* * *", lexNormal},
		// closing fences: same container, up to 3 columns in
		{"           ```", (lexFence | 3).withIndent(7), "c:           ```", (lexFence | 3).withIndent(7)},
		{"          ```", (lexFence | 3).withIndent(7), "c:          ```", lexNormal.withIndent(7)},
		{"", (lexFence | 3).withIndent(7), "", (lexFence | 3).withIndent(7)},
		// a line indented less than the item ends the item and its fence
		{"2. 下一步", (lexFence | 3).withIndent(3), "m:2.  t:下一步", lexNormal.withIndent(3)},
		{"```", (lexFence | 3).withIndent(3), "c:```", lexFence | 3},
		{"   ```", (lexFence | 3).withIndent(3), "c:   ```", lexNormal.withIndent(3)},
	}
	for _, tt := range tests {
		sp, after := lexLine(tt.line, tt.st, nil)
		if got := render(tt.line, sp); got != tt.want || after != tt.after {
			t.Errorf("lexLine(%q, %#x) = %q, %#x; want %q, %#x", tt.line, tt.st, got, after, tt.want, tt.after)
		}
		if ns := nextState(tt.line, tt.st); ns != tt.after {
			t.Errorf("nextState(%q, %#x) = %#x, want %#x", tt.line, tt.st, ns, tt.after)
		}
	}
}

func FuzzLexLine(f *testing.F) {
	f.Add("正文**粗体**和*斜体* `code` [a](b) <https://x>", uint16(lexNormal))
	f.Add("```go", uint16(lexNormal))
	f.Add("title: x", uint16(lexYAML))
	f.Fuzz(func(t *testing.T, line string, st uint16) {
		if !utf8.ValidString(line) || strings.ContainsRune(line, '\n') {
			return
		}
		sp, _ := lexLine(line, lexState(st), nil)
		pos := 0
		for _, s := range sp {
			if s.start != pos || s.end <= s.start || s.end > len(line) || s.kind >= hlKinds {
				t.Fatalf("bad spans %v for %q", sp, line)
			}
			pos = s.end
		}
		if pos != len(line) {
			t.Fatalf("spans %v do not cover %q", sp, line)
		}
	})
}
