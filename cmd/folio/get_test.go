package main

import "testing"

func TestGet(t *testing.T) {
	fixtureDir(t, fixtures)
	tests := []struct {
		args     []string
		out, err string
		code     int
	}{
		// A value, as plain text.
		{[]string{"yaml.md", "title"}, "2024年AI技术发展趋势预测\n", "", 0},
		{[]string{"yaml.md", "summary"}, "单引号\n", "", 0},
		{[]string{"yaml.md", "category"}, "行业洞察\n", "", 0},
		{[]string{"yaml.md", "publishDate"}, "2024-01-10\n", "", 0},
		{[]string{"yaml.md", "readTime"}, "12分钟\n", "", 0},
		{[]string{"yaml.md", "tags"}, "AI趋势\n技术预测\n", "", 0},
		{[]string{"yaml.md", "featured"}, "true\n", "", 0},
		{[]string{"yaml.md", "weight"}, "1.50\n", "", 0},
		{[]string{"yaml.md", "count"}, "0x1F\n", "", 0},
		{[]string{"yaml.md", "empty"}, "", "", 0},
		{[]string{"toml.md", "date"}, "2024-03-01\n", "", 0},
		{[]string{"toml.md", "tags"}, "toml\ngo\n", "", 0},
		{[]string{"toml.md", "draft"}, "true\n", "", 0},
		{[]string{"json.md", "title"}, "JSON <article> & co\n", "", 0},
		{[]string{"json.md", "tags"}, "", "", 0},
		{[]string{"json.md", "n"}, "3\n", "", 0},
		{[]string{"bom.md", "title"}, "带 BOM\n", "", 0},
		{[]string{"crlf.md", "title"}, "CRLF 文件\n", "", 0},
		{[]string{"crlf.md", "tags"}, "a\nb\n", "", 0},
		// Errors.
		{[]string{"yaml.md", "nope"}, "", "yaml.md: no field \"nope\"\n", 1},
		{[]string{"yaml.md", "Title"}, "", "yaml.md: no field \"Title\"\n", 1},
		{[]string{"none.md", "title"}, "", "none.md: no field \"title\"\n", 1},
		{[]string{"bad.md", "title"}, "", "bad.md:3: YAML: unclosed quote\n", 1},
		{[]string{"bad.md"}, "", "bad.md:3: YAML: unclosed quote\n", 1},
		{[]string{"noend.md"}, "", "noend.md:1: front matter opened with \"---\" is never closed\n", 1},
		{[]string{"missing.md", "title"}, "", "missing.md: no such file or directory\n", 1},
		{[]string{}, "", "usage: folio get [--follow-links] FILE [KEY]\n", 2},
		{[]string{"a", "b", "c"}, "", "usage: folio get [--follow-links] FILE [KEY]\n", 2},
		// All fields, as JSON in file order.
		{[]string{"none.md"}, "{}\n", "", 0},
		{[]string{"toml.md"}, lines(
			`{`,
			`  "title": "TOML 文章",`,
			`  "date": "2024-03-01",`,
			`  "tags": [`,
			`    "toml",`,
			`    "go"`,
			`  ],`,
			`  "draft": true`,
			`}`), "", 0},
		{[]string{"json.md"}, lines(
			`{`,
			`  "title": "JSON <article> & co",`,
			`  "date": "2023-12-31",`,
			`  "tags": [],`,
			`  "n": 3`,
			`}`), "", 0},
		{[]string{"yaml.md"}, lines(
			`{`,
			`  "title": "2024年AI技术发展趋势预测",`,
			`  "summary": "单引号",`,
			`  "category": "行业洞察",`,
			`  "publishDate": "2024-01-10",`,
			`  "readTime": "12分钟",`,
			`  "tags": [`,
			`    "AI趋势",`,
			`    "技术预测"`,
			`  ],`,
			`  "featured": true,`,
			`  "weight": 1.50,`,
			`  "count": 31,`,
			`  "empty": null,`,
			`  "meta": {`,
			`    "author": "李华",`,
			`    "links": [`,
			`      "a",`,
			`      "b"`,
			`    ]`,
			`  }`,
			`}`), "", 0},
		{[]string{"crlf.md"}, lines(
			`{`,
			`  "title": "CRLF 文件",`,
			`  "date": "2022-02-02",`,
			`  "tags": [`,
			`    "a",`,
			`    "b"`,
			`  ]`,
			`}`), "", 0},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(append([]string{"get"}, tt.args...)...)
		if out != tt.out || errOut != tt.err || code != tt.code {
			t.Errorf("folio get %q:\nstdout %q\n  want %q\nstderr %q\n  want %q\nexit %d, want %d",
				tt.args, out, tt.out, errOut, tt.err, code, tt.code)
		}
	}
}
