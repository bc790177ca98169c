package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Hugo docs' code fences name the file they show: ```md
// {file="content/example.md"} (layouts/_markup/render-codeblock.html)
// shows the name as a caption over the code. The preview shows it as the
// label code-toggle's tabs show over their code.

// fenceFile is the file a fenced code block's attributes name
// ({file="content/example.md"}), or "".
func fenceFile(n *ast.FencedCodeBlock, src []byte) string {
	if n.Info == nil {
		return ""
	}
	info := n.Info.Segment.Value(src)
	i := bytes.IndexByte(info, '{')
	if i < 0 || !bytes.HasSuffix(bytes.TrimSpace(info), []byte("}")) {
		return ""
	}
	return fenceAttrs(string(bytes.TrimSpace(info[i+1:])))["file"]
}
