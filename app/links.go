package app

import (
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"folio/app/library"
)

// linkTarget returns where abs really leads (its symbolic links resolved,
// absolute), and false when that cannot be found (a dangling link: the
// load then reports the error itself).
func linkTarget(abs string) (string, bool) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", false
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", false
	}
	return real, true
}

// realRoot is the opened folder with its symbolic links resolved.
func (ws *workspace) realRoot() string {
	root, ok := linkTarget(ws.root)
	if !ok {
		return filepath.Clean(ws.root)
	}
	return root
}

// mayOpen applies the rules about where an article leads before it is
// read (issue 12): a file of /proc, /sys or /dev is refused with a message
// naming it; a file whose real path lies outside the opened folder (a
// symbolic link out of it, or into a linked folder elsewhere) is opened
// only after the user confirms, and then retry runs (the answer holds for
// that target until the folder is closed). It returns true when the
// article may be read now. FIFOs and devices inside the folder are refused
// by library.Read, which opens without blocking.
func (ws *workspace) mayOpen(abs string, retry func()) bool {
	real, ok := linkTarget(abs)
	if !ok {
		return true
	}
	name := filepath.Base(abs)
	if library.IsSystemPath(real) {
		ws.status.problem(lang.L("Could not open {{.Name}}: it leads to {{.Target}}, a system file", map[string]any{"Name": name, "Target": real}))
		ws.list.selectCurrent()
		return false
	}
	if library.Within(real, ws.realRoot()) || ws.allowedLinks[abs] == real {
		return true
	}
	msg := lang.L("{{.Name}} is a link to {{.Target}}, outside the opened folder. Open it?", map[string]any{"Name": name, "Target": real})
	if a, err := filepath.Abs(abs); err == nil && a == real {
		// no symbolic link: a Markdown link to an article outside the
		// folder (a site's page link when only a section is open)
		msg = lang.L("{{.Name}} ({{.Target}}) is outside the opened folder. Open it?", map[string]any{"Name": name, "Target": real})
	}
	ws.ask(lang.L("Link out of the folder"), msg,
		askButton{lang.L("Cancel"), func() { ws.list.selectCurrent() }},
		askButton{lang.L("Open"), func() {
			if ws.allowedLinks == nil {
				ws.allowedLinks = map[string]string{}
			}
			ws.allowedLinks[abs] = real
			retry()
		}})
	return false
}
