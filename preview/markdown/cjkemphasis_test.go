package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestCJKFriendlyEmphasis checks the emphasis runs Chinese writers use
// (docs-cn's "**注意：**请…") become emphasis, and that runs without a
// CJK neighbour keep CommonMark's rules.
func TestCJKFriendlyEmphasis(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		// Closing run after CJK punctuation, before a Han character:
		// strict CommonMark leaves the asterisks (docs-cn dm-overview.md).
		{"- **与 TiDB 同样保持 MySQL 兼容性。**高度兼容", "<strong>与 TiDB 同样保持 MySQL 兼容性。</strong>高度兼容"},
		{"**场景 1：**目标集群", "<strong>场景 1：</strong>目标集群"},
		// CJK punctuation, then Latin text (docs-cn dm-overview.md).
		{"- **集中管理。**DM 支持", "<strong>集中管理。</strong>DM 支持"},
		{"见**（可选）**step", "见<strong>（可选）</strong>step"},
		// Opening run after a Han character, before CJK punctuation.
		{"中文**“引号”**中文", "中文<strong>“引号”</strong>中文"},
		{"这是*《书名》*的", "这是<em>《书名》</em>的"},
		// Already emphasis under CommonMark: unchanged.
		{"**粗体**中文", "<strong>粗体</strong>中文"},
		{"中文 **bold** text", "中文 <strong>bold</strong> text"},
		// No CJK neighbour: CommonMark's rules stand.
		{"**foo.**bar", "**foo.**bar"},
		{"a**\"b\"**c", "a**&quot;b&quot;**c"},
		// A run before a space never closes, after a space never opens.
		{"中文** 不是粗体**", "中文** 不是粗体**"},
		// Underscores inside CJK words stay literal, as between letters.
		{"中文_不是_中文", "中文_不是_中文"},
		{"snake_case_name", "snake_case_name"},
		{"进行 _autocommit_（自动提交）", "进行 <em>autocommit</em>（自动提交）"},
		{"不支持 _gap locking_（间隙锁）。", "<em>gap locking</em>（间隙锁）"},
		{"（_而不是_ x）", "（<em>而不是</em> x）"},
		// Strikethrough is not touched.
		{"~~删除。~~中文", "~~删除。~~中文"},
	}
	md := New()
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := md.Convert([]byte(tt.src), &buf); err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		got := buf.String()
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant it to contain %s", tt.src, got, tt.want)
		}
	}
}
