package form

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// openCalendar taps the date row's picker and returns the calendar shown.
func openCalendar(t *testing.T, h *harness, r *entryRow) *calendar {
	t.Helper()
	r.pickDate()
	if h.w.Canvas().Overlays().Top() == nil || r.picker == nil {
		t.Fatal("no popup after the calendar button")
	}
	return r.picker
}

// dayButton is the calendar's button of day n of its month.
func dayButton(t *testing.T, cal *calendar, n string) *widget.Button {
	t.Helper()
	for _, o := range cal.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == n {
			return b
		}
	}
	t.Fatalf("no button for day %s", n)
	return nil
}

// QA F45: the zh UI's date picker said "December 2026" and marked no day;
// Escape did not close it and the keys typed while it was open were lost.
func TestDatePickerHeaderMarkAndKeys(t *testing.T) {
	for _, tc := range []struct{ loc, header string }{{"en_US", "December 2026"}, {"zh_CN", "2026年12月"}} {
		t.Run(tc.loc, func(t *testing.T) {
			inLanguage(t, tc.loc)
			h := newHarness(t, []byte("---\ntitle: 日期\ndate: 2026-12-02\n---\n正文\n"), nil)
			r := h.entry("date")
			h.w.Canvas().Focus(r.entry)
			cal := openCalendar(t, h, r)
			if got := cal.header.Text; got != tc.header {
				t.Errorf("month header %q, want %q", got, tc.header)
			}
			if b := dayButton(t, cal, "2"); b.Importance != widget.HighImportance {
				t.Errorf("the field's day is drawn with importance %v, want high", b.Importance)
			}
			if b := dayButton(t, cal, "3"); b.Importance == widget.HighImportance {
				t.Error("another day is marked too")
			}
			if h.w.Canvas().Focused() != fyne.Focusable(cal) {
				t.Fatalf("the calendar does not have the keys: %T", h.w.Canvas().Focused())
			}
			// Arrows move the mark, Enter picks it.
			h.step("arrow and enter", "date: 2026-12-10", func() {
				cal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
				cal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
				if b := dayButton(t, cal, "10"); b.Importance != widget.HighImportance {
					t.Error("the arrows did not move the mark")
				}
				cal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			})
			if h.w.Canvas().Overlays().Top() != nil || h.w.Canvas().Focused() != fyne.Focusable(r.entry) {
				t.Error("after a pick the popup is open or the field lost the focus")
			}
			// Escape closes it and gives the field its focus back.
			openCalendar(t, h, r)
			h.noEdit("escape", func() { h.w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
			if h.w.Canvas().Overlays().Top() != nil {
				t.Error("Escape did not close the calendar")
			}
			if h.w.Canvas().Focused() != fyne.Focusable(r.entry) {
				t.Errorf("after Escape the focus is on %T, want the date field", h.w.Canvas().Focused())
			}
			// Typing with it open is not lost: it closes and the keys go
			// to the focus under it.
			openCalendar(t, h, r)
			h.w.Canvas().Focused().TypedRune('x') // as the driver delivers a key
			if h.w.Canvas().Overlays().Top() != nil {
				t.Error("typing did not close the calendar")
			}
			if got := r.entry.Text; got != "2026-12-10x" && got != "x2026-12-10" {
				t.Errorf("the typed key was lost: the field holds %q", got)
			}
		})
	}
}
