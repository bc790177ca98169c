package editor

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeadings(t *testing.T) {
	for _, c := range []struct {
		name, md  string
		firstLine int
		want      string // level:line:text per heading, joined by " | "
	}{
		{"atx", "# One\n\ntext\n## Two ##\n### Three #not closing\n####### seven\n#nospace\n   #### Indented\n    # code\n", 0,
			"1:0:One | 2:3:Two | 3:4:Three #not closing | 4:7:Indented"},
		{"empty atx", "#\n## ##\n", 0, "1:0: | 2:1:"},
		{"setext", "Title\n=====\n\nSub\ntitle\n---\n\n- item\n---\n\n> quote\n---\n\n---\n", 0,
			"1:0:Title | 2:3:Sub title"},
		{"lazy list line", "- item\nlazy\n---\n", 0, ""},
		{"fences", "```go\n# not\n```\n~~~~\n# not\n~~~\n```\n# still not\n~~~~\n# yes\n", 0, "1:9:yes"},
		{"unclosed fence", "```\n# no\n", 0, ""},
		{"backtick info with backtick is no fence", "``` a`b\n# yes\n", 0, "1:1:yes"},
		{"yaml front matter", "---\ntitle: x\n# comment\n---\n\n# Body\n", 0, "1:5:Body"},
		{"toml front matter", "+++\ntitle = 'x'\n+++\nText\n===\n", 0, "1:3:Text"},
		{"json front matter", "{\n  \"title\": \"x\"\n}\n# H\n", 0, "1:3:H"},
		{"first line", "# A\n## B\n", 10, "1:10:A | 2:11:B"},
		{"crlf", "# A\r\nB\r\n---\r\n", 0, "1:0:A | 2:1:B"},
		{"chinese", "# 2024年AI发展趋势\n\n## 一、技术突破 ##\n", 0, "1:0:2024年AI发展趋势 | 2:2:一、技术突破"},
		{"thematic break is no heading", "text\n\n***\n___\n", 0, ""},
		{"setext after heading", "# A\n---\n", 0, "1:0:A"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var parts []string
			for _, h := range Headings([]byte(c.md), c.firstLine) {
				parts = append(parts, fmt.Sprintf("%d:%d:%s", h.Level, h.Line, h.Text))
			}
			if got := strings.Join(parts, " | "); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestHeadingsSample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "samples", "2024-ai-trends.md"))
	if err != nil {
		t.Skip(err)
	}
	hs := Headings(data, 0)
	if len(hs) < 3 {
		t.Fatalf("%d headings in the reference article", len(hs))
	}
	lines := strings.Split(string(data), "\n")
	for _, h := range hs {
		if !strings.Contains(lines[h.Line], h.Text) {
			t.Errorf("heading %q is not on line %d: %q", h.Text, h.Line, lines[h.Line])
		}
	}
}

func FuzzHeadings(f *testing.F) {
	for _, s := range []string{"# A\n", "A\n===\n", "---\nt: 1\n---\n# x", "```\n# a\n```\n## b ##", "- a\n---", "+++\n", "{\n", "   ### x ###   \n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		hs := Headings([]byte(md), 5)
		nLines := strings.Count(md, "\n") + 1
		prev := -1
		for _, h := range hs {
			if h.Level < 1 || h.Level > 6 {
				t.Fatalf("level %d", h.Level)
			}
			if h.Line < 5 || h.Line >= 5+nLines || h.Line <= prev {
				t.Fatalf("line %d (prev %d, %d lines)", h.Line, prev, nLines)
			}
			if strings.ContainsAny(h.Text, "\n\r") {
				t.Fatalf("text %q has a line break", h.Text)
			}
			prev = h.Line
		}
	})
}
