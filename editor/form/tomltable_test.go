package form

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTOMLTableText(t *testing.T) {
	fm := "title = \"标题\"\nparams.extra = 1\nweight = 3\n\n[params]\nauthor = \"张三\" # 作者\nrating = 4.5\n\n[params.social]\nweibo = \"x\"\n\n[menu]\nmain = 1\n[[params2]]\nname = \"n\"\n"
	for _, tc := range []struct {
		key, want string
		first     int
		ok        bool
	}{
		{"params", "params.extra = 1\n[params]\nauthor = \"张三\" # 作者\nrating = 4.5\n\n[params.social]\nweibo = \"x\"", 1, true},
		{"menu", "[menu]\nmain = 1", 11, true},
		{"params2", "[[params2]]\nname = \"n\"", 13, true},
		{"title", "", 0, false},
		{"nothing", "", 0, false},
	} {
		text, first, ok := tomlTableText([]byte(fm), tc.key)
		if text != tc.want || ok != tc.ok || (ok && first != tc.first) {
			t.Errorf("%s: %q line %d %v, want %q line %d %v", tc.key, text, first, ok, tc.want, tc.first, tc.ok)
		}
	}
	if text, _, _ := tomlTableText([]byte("[\"my key\"] # c\na = 1\r\n"), "my key"); text != "[\"my key\"] # c\na = 1" {
		t.Errorf("quoted header: %q", text)
	}
}

// QA F29: a TOML [params] table was shown as JSON in an editable box whose
// Apply always failed, with an English message that outlived the action.
// It is shown as the file writes it, read-only, with a translated hint and
// a link to its line in the editor.
func TestTOMLTableIsShownAsTOMLReadOnly(t *testing.T) {
	src := "+++\ntitle = \"表格\"\ndraft = false\n\n[params]\nauthor = \"张三\" # 作者\nrating = 4.5\n+++\n正文\n"
	for _, tc := range []struct{ loc, note, link string }{
		{"en_US", "This value can only be edited in the editor.", "Go to line 5"},
		{"zh_CN", "此值只能在编辑器中修改。", "跳到第 5 行"},
	} {
		t.Run(tc.loc, func(t *testing.T) {
			inLanguage(t, tc.loc)
			h := newHarness(t, []byte(src), nil)
			r, ok := h.f.byKey["params"].(*rawRow)
			if !ok {
				t.Fatalf("params row is %T", h.f.byKey["params"])
			}
			if !r.readOnly || r.entry.Visible() || r.apply.Visible() || !r.ro.Visible() || !r.hint.Visible() {
				t.Fatalf("read-only %v, entry shown %v, Apply shown %v, text shown %v, hint shown %v",
					r.readOnly, r.entry.Visible(), r.apply.Visible(), r.ro.Visible(), r.hint.Visible())
			}
			if want := "[params]\nauthor = \"张三\" # 作者\nrating = 4.5"; r.ro.Text != want {
				t.Errorf("shown %q, want the file's own text %q", r.ro.Text, want)
			}
			note := r.hint.Objects[0].(*widget.Label).Text
			if note != tc.note || r.link.text != tc.link {
				t.Errorf("hint %q / %q, want %q / %q", note, r.link.text, tc.note, tc.link)
			}
			h.noEdit("tap the link", func() { test.Tap(r.link) })
			if h.goto_ != 5 {
				t.Errorf("the link went to line %d, want 5 (the [params] line)", h.goto_)
			}
			if r.focusTarget() != nil {
				t.Error("the read-only value takes the focus")
			}
			h.noEdit("commit", func() { r.entry.SetText("{}"); r.commit(); h.f.Commit() })
			if r.errMsg.Visible() {
				t.Errorf("an error is shown: %q", r.errMsg.Text)
			}
			// The other fields still edit the file.
			h.step("title", `title = "新"`, func() { h.typeAndEnter(h.entry("title").entry, "新") })
			if !r.readOnly || r.ro.Text != "[params]\nauthor = \"张三\" # 作者\nrating = 4.5" {
				t.Error("after an edit the table is no longer shown read-only as written")
			}
		})
	}
}

// A row's error goes when another field is written, when the article is
// renamed, and when its value comes anew from the text.
func TestARowErrorDoesNotOutliveTheAction(t *testing.T) {
	h := newHarness(t, []byte("---\ntitle: A\nauthor:\n  name: 李华\n---\nbody\n"), nil)
	r := h.f.byKey["author"].(*rawRow)
	bad := func() {
		h.noEdit("invalid raw text", func() {
			r.entry.SetText("name: [李华")
			test.Tap(r.apply)
		})
		if !r.errMsg.Visible() {
			t.Fatal("no error for invalid raw text")
		}
	}
	bad()
	h.step("another field", "title: B", func() { h.typeAndEnter(h.entry("title").entry, "B") })
	if r.errMsg.Visible() {
		t.Error("the error stayed after another field was written")
	}
	bad()
	h.f.SetPath("content/renamed.md")
	if r.errMsg.Visible() {
		t.Error("the error stayed after a rename")
	}
}
