package markdown

import "testing"

func TestCodeToggle(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		// hugoDocs' front-matter.md: YAML, TOML and JSON tabs, keys sorted
		// as transform.Remarshal gives them, delimiters with fm=true
		{"front matter", "{{< code-toggle file=content/example.md fm=true >}}\ntitle = 'Example'\ndate = 2024-02-02T04:14:54-08:00\ndraft = false\nweight = 10\n[params]\nauthor = 'John Smith'\n{{< /code-toggle >}}\n",
			`@1 tabs
  tab
    text "YAML"
    code lang="yaml" label="content/example.md" "---\ndate: 2024-02-02T04:14:54-08:00\ndraft: false\nparams:\n  author: John Smith\ntitle: Example\nweight: 10\n---"
  tab
    text "TOML"
    code lang="toml" label="content/example.md" "+++\ndate = 2024-02-02T04:14:54-08:00\ndraft = false\ntitle = 'Example'\nweight = 10\n[params]\n  author = 'John Smith'\n+++"
  tab
    text "JSON"
    code lang="json" label="content/example.md" "{\n  \"date\": \"2024-02-02T04:14:54-08:00\",\n  \"draft\": false,\n  \"params\": {\n    \"author\": \"John Smith\"\n  },\n  \"title\": \"Example\",\n  \"weight\": 10\n}"
`},
		// site configuration: the file name takes each format's extension
		{"config", "{{< code-toggle file=hugo >}}\n[markup.highlight]\nstyle = \"it's\"\n{{< /code-toggle >}}\n",
			`@1 tabs
  tab
    text "YAML"
    code lang="yaml" label="hugo.yaml" "markup:\n  highlight:\n    style: it's"
  tab
    text "TOML"
    code lang="toml" label="hugo.toml" "[markup]\n  [markup.highlight]\n    style = \"it's\""
  tab
    text "JSON"
    code lang="json" label="hugo.json" "{\n  \"markup\": {\n    \"highlight\": {\n      \"style\": \"it's\"\n    }\n  }\n}"
`},
		// a body that does not parse: one tab, as written
		{"broken", "{{< code-toggle >}}\na = 1\nb = = 1\n{{< /code-toggle >}}\n",
			"@1 tabs\n  tab\n    text \"TOML\"\n    code lang=\"toml\" \"a = 1\\nb = = 1\"\n"},
		// JSON: numbers stay integers
		{"json", "{{< code-toggle >}}\n{\"a\": 1}\n{{< /code-toggle >}}\n",
			"@1 tabs\n  tab\n    text \"YAML\"\n    code lang=\"yaml\" \"a: 1\"\n  tab\n    text \"TOML\"\n    code lang=\"toml\" \"a = 1\"\n  tab\n    text \"JSON\"\n    code lang=\"json\" \"{\\n  \\\"a\\\": 1\\n}\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

func TestShortcodeArg(t *testing.T) {
	for _, tc := range []struct{ args, name, want string }{
		{`file=hugo fm=true`, "fm", "true"},
		{`file="content/a b.md" fm=true`, "file", "content/a b.md"},
		{`go "linenos=inline" file=x`, "file", "x"},
		{`file=hugo`, "fm", ""},
	} {
		if got, _ := shortcodeArg(tc.args, tc.name); got != tc.want {
			t.Errorf("shortcodeArg(%q, %q) = %q, want %q", tc.args, tc.name, got, tc.want)
		}
	}
}

func TestTOMLLiterals(t *testing.T) {
	for in, want := range map[string]string{
		`a = "x"`:               `a = 'x'`,
		`a = ["x", "y"]`:        `a = ['x', 'y']`,
		`a = "it's"`:            `a = "it's"`,
		`a = "q\"b" b = "c"`:    `a = 'q"b' b = 'c'`,
		`"k k" = "v\\"`:         `'k k' = 'v\'`,
		`a = "x\ny"`:            `a = "x\ny"`,
		"a = \"open\nb = \"c\"": "a = \"open\nb = 'c'",
	} {
		if got := tomlLiterals(in); got != want {
			t.Errorf("tomlLiterals(%q) = %q, want %q", in, got, want)
		}
	}
}

// A code-toggle without a body shows a section of data/docs.yaml.
func TestCodeToggleData(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"config", "{{< code-toggle file=hugo config=markup.highlight />}}\n",
			"@1 tabs\n  tab\n    text \"YAML\"\n    code lang=\"yaml\" label=\"hugo.yaml\" \"markup:\\n  highlight:\\n    lineNos: false\"\n  tab\n    text \"TOML\"\n    code lang=\"toml\" label=\"hugo.toml\" \"[markup]\\n  [markup.highlight]\\n    lineNos = false\"\n  tab\n    text \"JSON\"\n    code lang=\"json\" label=\"hugo.json\" \"{\\n  \\\"markup\\\": {\\n    \\\"highlight\\\": {\\n      \\\"lineNos\\\": false\\n    }\\n  }\\n}\"\n"},
		{"list of maps", "{{< code-toggle config=build />}}\n",
			"@1 tabs\n  tab\n    text \"YAML\"\n    code lang=\"yaml\" label=\"hugo.yaml\" \"build:\\n  cacheBusters:\\n  - source: assets/.*\\\\.js\\n    target: js\\n  noJSConfigInAssets: false\"\n  tab\n    text \"TOML\"\n    code lang=\"toml\" label=\"hugo.toml\" \"[build]\\n  noJSConfigInAssets = false\\n  [[build.cacheBusters]]\\n    source = 'assets/.*\\\\.js'\\n    target = 'js'\"\n  tab\n    text \"JSON\"\n    code lang=\"json\" label=\"hugo.json\" \"{\\n  \\\"build\\\": {\\n    \\\"cacheBusters\\\": [\\n      {\\n        \\\"source\\\": \\\"assets/.*\\\\\\\\.js\\\",\\n        \\\"target\\\": \\\"js\\\"\\n      }\\n    ],\\n    \\\"noJSConfigInAssets\\\": false\\n  }\\n}\"\n"},
		{"dataKey", "{{< code-toggle file=hugo dataKey=\"config_helpers.mergeStrategy\" skipHeader=true />}}\n",
			"@1 tabs\n  tab\n    text \"YAML\"\n    code lang=\"yaml\" label=\"hugo.yaml\" \"build:\\n  _merge: none\"\n  tab\n    text \"TOML\"\n    code lang=\"toml\" label=\"hugo.toml\" \"[build]\\n  _merge = 'none'\"\n  tab\n    text \"JSON\"\n    code lang=\"json\" label=\"hugo.json\" \"{\\n  \\\"build\\\": {\\n    \\\"_merge\\\": \\\"none\\\"\\n  }\\n}\"\n"},
		{"missing", "{{< code-toggle config=nothing />}}\n",
			"@1 tabs\n  tab\n    paragraph\n      text[chip] \"code-toggle config=nothing: not in data/docs.yaml\"\n"},
	} {
		if got := includeDump(t, tc.src); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}
