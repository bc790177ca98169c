package editor

import (
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// nestedFences is the shape of docs-cn's dm/deploy-a-dm-cluster-using-
// tiup-offline.md: ```shell blocks nested in numbered items of a bullet
// list, then a top-level fence.
const nestedFences = `---
title: 使用 TiUP 离线部署 DM 集群
---

## 第 1 步：准备 TiUP 离线组件包

- 在线环境中安装 TiUP 包管理器工具

    1. 执行如下命令安装 TiUP 工具：

        {{< copyable "shell-regular" >}}

        ` + "```shell" + `
        curl --proto '=https' --tlsv1.2 -sSf https://tiup-mirrors.pingcap.com/install.sh | sh
        ` + "```" + `

    2. 重新声明全局环境变量：

        ` + "```bash" + `
        # 将 ${version} 修改为实际需要的版本
        source .bash_profile
        ` + "```" + `

        该命令会在当前目录下创建一个名叫 tidb-dm-${version}-linux-amd64 的目录。

- 使用 TiUP 制作离线镜像

` + "```yaml" + `
# 全局变量
global:
  user: "tidb"
` + "```" + `

完成。
`

// kindsOf returns the kinds of the spans the layout gives line i.
func kindsOf(s *Source, i int) []hlKind {
	var out []hlKind
	for _, sp := range s.lay.spans(i) {
		out = append(out, sp.kind)
	}
	return out
}

func lineIndex(t *testing.T, s *Source, prefix string) int {
	t.Helper()
	for i := range s.buf.LineCount() {
		if strings.HasPrefix(s.buf.Line(i), prefix) {
			return i
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return -1
}

func TestFencesNestedInListItemsAreCode(t *testing.T) {
	s, _ := newTestSource(t, nestedFences)
	for _, code := range []string{"        ```shell", "        curl --proto", "        # 将 ${version}", "        source .bash_profile", "```yaml", "# 全局变量", "  user:"} {
		i := lineIndex(t, s, code)
		if k := kindsOf(s, i); len(k) != 1 || k[0] != hlCode {
			t.Errorf("line %d %q: kinds %v, want code", i, s.buf.Line(i), k)
		}
	}
	for _, text := range []string{"        {{< copyable", "        该命令会", "完成。"} {
		i := lineIndex(t, s, text)
		for _, k := range kindsOf(s, i) {
			if k == hlCode {
				t.Errorf("line %d %q: kinds %v, want no code", i, s.buf.Line(i), kindsOf(s, i))
			}
		}
	}
	if i := lineIndex(t, s, "- 使用 TiUP"); kindsOf(s, i)[0] != hlMarker {
		t.Errorf("line after the nested fences: kinds %v", kindsOf(s, i))
	}
}

// TestBOMFrontMatterIsHighlighted opens what Windows Notepad writes: a
// byte order mark and CRLF line ends (F43).
func TestBOMFrontMatterIsHighlighted(t *testing.T) {
	text := "\uFEFF---\r\ntitle: BOM 测试\r\ntags: [a]\r\n---\r\n\r\n正文\r\n"
	s, _ := newTestSource(t, text)
	if s.Text() != text {
		t.Fatalf("text changed: %q", s.Text())
	}
	if got := s.buf.Line(0); got != "\uFEFF---\r" {
		t.Fatalf("line 0 is %q", got)
	}
	want := [][]hlKind{{hlMeta}, {hlKey, hlText}, {hlKey, hlText}, {hlMeta}, {hlText}, {hlText}}
	for i, w := range want {
		if got := kindsOf(s, i); !slicesEqualKinds(got, w) {
			t.Errorf("line %d %q: kinds %v, want %v", i, s.buf.Line(i), got, w)
		}
	}
	// typing in the body leaves the front matter's state alone
	s.SetCursorOffset(len(text))
	s.TypedRune('字')
	if got := kindsOf(s, 3); !slicesEqualKinds(got, []hlKind{hlMeta}) {
		t.Errorf("closing --- after typing: kinds %v", got)
	}
	if s.Text() != text+"字" {
		t.Fatalf("text after typing: %q", s.Text())
	}
}

func slicesEqualKinds(a, b []hlKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRandomEditsInNestedListsKeepCachesExact is
// TestRandomEditsKeepCachesExact on nested lists and fences, typing the
// characters that open, indent and close them, so that the layout's
// incremental states and spans are checked against a full lex.
func TestRandomEditsInNestedListsKeepCachesExact(t *testing.T) {
	s := newNarrowSource(t, "\uFEFF"+nestedFences, 13)
	rng := rand.New(rand.NewPCG(3, 4))
	runes := []rune("    \t``1.-*字a\n")
	for step := range 500 {
		switch op := rng.IntN(10); {
		case op < 5:
			s.TypedRune(runes[rng.IntN(len(runes))])
		case op == 5:
			key(s, fyne.KeyReturn)
		case op == 6:
			key(s, fyne.KeyBackspace)
		case op == 7:
			fyne.CurrentApp().Clipboard().SetContent("    ```\n    1. x\n")
			s.TypedShortcut(&fyne.ShortcutPaste{})
		case op == 8:
			if rng.IntN(2) == 0 {
				s.Undo()
			} else {
				s.Redo()
			}
		default:
			s.SetCursorOffset(rng.IntN(s.Len() + 1))
			s.ScrollToLine(s.CursorLine() - 3)
		}
		checkCaches(t, s, step)
		if t.Failed() {
			return
		}
	}
}

// TestLongFirstLineIsNotJoined: reading a long first line for front matter
// (after a byte order mark or not) never joins its pieces into a string.
func TestLongFirstLineIsNotJoined(t *testing.T) {
	for _, lead := range []string{"", "\uFEFF"} {
		s, _ := newTestSource(t, lead+strings.Repeat("中文段落很长没有换行，", 20000)+"\n尾")
		s.SetCursorOffset(s.buf.LineLen(0) / 2 / 3 * 3)
		s.TypedRune('字') // the line is now several pieces
		out := make([]span, 0, 8)
		allocs := testing.AllocsPerRun(20, func() {
			src := bufSrc(s.buf, 0)
			out, _, _ = lexHead(&src, lexStart, out[:0])
			nextStateSrc(&src, lexStart)
		})
		if allocs != 0 {
			t.Errorf("%q: reading the first line's head allocates %v times", lead, allocs)
		}
	}
}
