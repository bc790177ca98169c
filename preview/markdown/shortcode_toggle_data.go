package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// Hugo docs' code-toggle without a body ({{< code-toggle file=hugo
// config=build />}}) shows a section of the site's data/docs.yaml
// (hugo.Data.docs): config=a.b is docs' config.a.b under its keys a and b
// (only its own keys with skipHeader=true), dataKey=x.y is docs' x.y.
// Read with the site resolver's root; the file is read again when it
// changes.

// maxDocsData is the largest data/docs.yaml read.
const maxDocsData = 8 << 20

// docsData caches the last site's data/docs.yaml.
var docsData struct {
	mu   sync.Mutex
	path string
	size int64
	mod  time.Time
	data map[string]any
	err  error
}

// siteDocs is the site at root's data/docs.yaml as a map.
func siteDocs(root string) (map[string]any, error) {
	p := filepath.Join(root, "data", "docs.yaml")
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("no data/docs.yaml")
	}
	if info.Size() > maxDocsData {
		return nil, fmt.Errorf("data/docs.yaml too big")
	}
	docsData.mu.Lock()
	defer docsData.mu.Unlock()
	if docsData.path == p && docsData.size == info.Size() && docsData.mod.Equal(info.ModTime()) {
		return docsData.data, docsData.err
	}
	b, err := os.ReadFile(p)
	var m map[string]any
	if err == nil {
		err = yaml.Unmarshal(b, &m)
	}
	if err != nil {
		err = fmt.Errorf("data/docs.yaml: %w", err)
	}
	docsData.path, docsData.size, docsData.mod, docsData.data, docsData.err = p, info.Size(), info.ModTime(), m, err
	return m, err
}

// warmDocs reads the site's data/docs.yaml in the background, when it has
// one, so a code-toggle shown later (converted on the UI goroutine) finds
// it parsed (hugoDocs' takes some 30 ms).
func warmDocs(root string) {
	if root == "" {
		return
	}
	if _, err := os.Stat(filepath.Join(root, "data", "docs.yaml")); err == nil {
		go func() { _, _ = siteDocs(root) }()
	}
}

// dataToggleBlock converts a code-toggle without a body: its data's tabs,
// or a chip saying why there are none.
func (c *converter) dataToggleBlock(n *LineShortcode) *Block {
	chip := func(why string) *Block {
		text := n.Label()
		if why != "" {
			text += ": " + why
		}
		in := []Inline{{Style: Chip, Text: text}}
		return group([]*Block{{Kind: KindParagraph, Inlines: in, units: textUnits(in)}})
	}
	if c.inc == nil || c.inc.res.Root == "" {
		return chip("")
	}
	docs, err := siteDocs(c.inc.res.Root)
	if err != nil {
		return chip(err.Error())
	}
	file, _ := shortcodeArg(n.Args, "file")
	fmv, _ := shortcodeArg(n.Args, "fm")
	skip, _ := shortcodeArg(n.Args, "skipHeader")
	var code any
	if config, ok := shortcodeArg(n.Args, "config"); ok && config != "" {
		if file == "" {
			file = "hugo"
		}
		sections := strings.Split(config, ".")
		v, found := dataIndex(docs["config"], sections)
		if !found {
			return chip("not in data/docs.yaml")
		}
		code = v
		if skip != "true" {
			for i := len(sections) - 1; i >= 0; i-- {
				code = map[string]any{sections[i]: code}
			}
		}
	} else if key, ok := shortcodeArg(n.Args, "dataKey"); ok && key != "" {
		if file == "" {
			file = key
		}
		v, found := dataIndex(docs, strings.Split(key, "."))
		if !found {
			return chip("not in data/docs.yaml")
		}
		code = v
	}
	m, ok := code.(map[string]any)
	if !ok || len(m) == 0 {
		return chip("")
	}
	return toggleTabs(m, file, fmv == "true", "", "")
}

// dataIndex is Hugo's index: the value under the keys path in nested
// maps.
func dataIndex(v any, path []string) (any, bool) {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}
