package library

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// rfc3339 matches the timestamps Hugo and NewArticle write, to compare
// articles made at different moments.
var rfc3339 = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)`)

// TestNewArticleMatchesHugo renders archetypes with NewArticle and with
// `hugo new` and compares the results byte for byte (timestamps aside).
// It is skipped when hugo is not installed.
func TestNewArticleMatchesHugo(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo not installed")
	}
	for _, c := range []struct{ name, archetype string }{
		{"default toml", hugoDefaultArchetype},
		{"default yaml", hugoYAMLArchetype},
		{"docsy", "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\nlinkTitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\ndescription: >\n  A short lead description.\n---\n\nText can be **bold**.\n"},
		{"functions", `---
title: "{{ replace .File.ContentBaseName "-" " " | title }}"
slug: "{{ .Name | urlize }}"
human: "{{ .Name | humanize }}"
section: {{ .Section }}
type: {{ .Type }}
site: {{ .Site.Title }}
author: {{ .Site.Params.author | default "Anonymous" }}
editor: {{ .Site.Params.missing | default "nobody" }}
upper: {{ upper .Name }}
lower: {{ lower "ABC" }}
{{- with .Site.Params.author }}
by: {{ . }}
{{- end }}
draft: true
---
`},
		{"dates", `+++
title = "{{ replace .Name "-" " " | title }}"
year = {{ now.Year }}
day = "{{ now.Format "2006-01-02" }}"
long = "{{ dateFormat ":date_long" .Date }}"
short = "{{ .Date | time.Format "Jan 2006" }}"
tnow = "{{ (time.Now).Format "2006" }}"
+++
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, map[string]string{
				"config.toml":           "baseURL = 'https://example.org/'\ntitle = 'My Site'\n[params]\nauthor = 'Ann'\n",
				"archetypes/default.md": c.archetype,
				"content/posts/old.md":  "---\ntitle: old\n---\n",
			})
			cmd := exec.Command(hugo, "new", "posts/my-first-post.md", "--source", site)
			cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(site, ".cache"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("hugo new: %v\n%s", err, out)
			}
			want, err := os.ReadFile(filepath.Join(site, "content", "posts", "my-first-post.md"))
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(site, "content", "posts", "my-first-post.md"))
			name, got, err := NewArticle(NewRequest{Root: filepath.Join(site, "content"), Dir: "posts", Title: "My First Post", Now: time.Now()})
			if err != nil {
				t.Fatal(err)
			}
			if name != "my-first-post.md" {
				t.Errorf("name %q", name)
			}
			g, w := rfc3339.ReplaceAllString(string(got), "DATE"), rfc3339.ReplaceAllString(string(want), "DATE")
			if g != w {
				t.Errorf("NewArticle:\n%s\nhugo new:\n%s", g, w)
			}
		})
	}
}
