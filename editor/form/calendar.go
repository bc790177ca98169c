package form

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendar is the date row's picker (Fyne's widget.Calendar has an
// English month header and marks no day): a month of days under a
// translated header ("December 2026", "2026年12月"), the marked day (the
// field's date, moved by the arrow keys) drawn as the primary button and
// today outlined. It takes the keys while it is shown: the arrows move the
// mark, Page Up/Down turn the month, Enter or Space picks the marked day,
// Escape closes it (onClose); any other key closes it too and goes on to
// what has the focus under it (onLeave returns that), so typing is never
// swallowed.
type calendar struct {
	widget.BaseWidget
	mark    time.Time // the marked day (midnight, in the field's location)
	today   time.Time // midnight today, same location
	onPick  func(day time.Time)
	onClose func()
	onLeave func() fyne.Focusable

	header  *widget.Label
	days    *fyne.Container
	focused bool
}

// newCalendar shows the month of mark with mark marked.
func newCalendar(mark, today time.Time) *calendar {
	c := &calendar{mark: midnight(mark), today: midnight(today.In(mark.Location()))}
	c.ExtendBaseWidget(c)
	return c
}

// midnight is the start of t's day in t's location.
func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// CreateRenderer builds the header and the days.
func (c *calendar) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.move(0, -1, 0) })
	prev.Importance = widget.LowImportance
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.move(0, 1, 0) })
	next.Importance = widget.LowImportance
	c.header = widget.NewLabel("")
	c.header.Alignment = fyne.TextAlignCenter
	c.days = container.NewGridWithColumns(7)
	c.refresh()
	nav := container.NewBorder(nil, nil, prev, next, c.header)
	return widget.NewSimpleRenderer(container.NewBorder(nav, nil, nil, nil, c.days))
}

// monthHeader is the header of the month of t: "December 2026" in
// English, "2026年12月" in Chinese.
func monthHeader(t time.Time) string {
	return lang.L("{{.Month}} {{.Year}}", map[string]any{"Month": t.Month().String(), "Num": int(t.Month()), "Year": t.Year()})
}

// weekStart is the first day of the calendar's weeks: Sunday where the
// system's region counts so, Monday elsewhere (China's calendars too).
func weekStart() time.Weekday {
	l := lang.SystemLocale().String()
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		switch l[i+1:] {
		case "US", "CA", "JP", "BR", "MX", "IL", "PH", "TW", "HK", "KR", "IN", "ZA", "SA":
			return time.Sunday
		}
	}
	return time.Monday
}

// dayName is a weekday's short name in the interface language (Fyne's own
// translations: "Mon", "周一").
func dayName(d time.Weekday) string {
	long := strings.ToLower(d.String())
	return lang.X(long+".short", d.String()[:3])
}

// refresh rebuilds the header and days for the marked day's month.
func (c *calendar) refresh() {
	if c.header == nil {
		return
	}
	c.header.SetText(monthHeader(c.mark))
	first := weekStart()
	objs := make([]fyne.CanvasObject, 0, 7+6+31)
	for i := range 7 {
		l := widget.NewLabel(dayName((first + time.Weekday(i)) % 7))
		l.Alignment = fyne.TextAlignCenter // in the text colour: the dimmed grey is 1.5:1 in the dark theme
		objs = append(objs, l)
	}
	start := time.Date(c.mark.Year(), c.mark.Month(), 1, 0, 0, 0, 0, c.mark.Location())
	for range (int(start.Weekday()) - int(first) + 7) % 7 {
		objs = append(objs, layout.NewSpacer())
	}
	for d := start; d.Month() == start.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.pick(day) })
		switch {
		case day.Equal(c.mark):
			b.Importance = widget.HighImportance
		case day.Equal(c.today):
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	c.days.Objects = objs
	c.days.Refresh()
}

// move moves the mark by years, months and days (a month's move keeps
// the day where the new month has it, else its last day).
func (c *calendar) move(years, months, days int) {
	m := c.mark
	if days != 0 {
		m = m.AddDate(0, 0, days)
	} else {
		first := time.Date(m.Year()+years, m.Month()+time.Month(months), 1, 0, 0, 0, 0, m.Location())
		last := first.AddDate(0, 1, -1).Day()
		m = time.Date(first.Year(), first.Month(), min(m.Day(), last), 0, 0, 0, 0, m.Location())
	}
	c.mark = m
	c.refresh()
}

func (c *calendar) pick(day time.Time) {
	if c.onPick != nil {
		c.onPick(day)
	}
}

// FocusGained is part of fyne.Focusable.
func (c *calendar) FocusGained() { c.focused = true }

// FocusLost is part of fyne.Focusable.
func (c *calendar) FocusLost() { c.focused = false }

// TypedRune picks on Space; any other character closes the calendar and
// is typed where the focus is under it.
func (c *calendar) TypedRune(r rune) {
	if r == ' ' {
		c.pick(c.mark)
		return
	}
	if c.onLeave != nil {
		if f := c.onLeave(); f != nil && f != fyne.Focusable(c) {
			f.TypedRune(r)
		}
	}
}

// TypedKey moves the mark, turns the month, picks or closes; another key
// closes the calendar and goes to where the focus is under it.
func (c *calendar) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft:
		c.move(0, 0, -1)
	case fyne.KeyRight:
		c.move(0, 0, 1)
	case fyne.KeyUp:
		c.move(0, 0, -7)
	case fyne.KeyDown:
		c.move(0, 0, 7)
	case fyne.KeyPageUp:
		c.move(0, -1, 0)
	case fyne.KeyPageDown:
		c.move(0, 1, 0)
	case fyne.KeyReturn, fyne.KeyEnter:
		c.pick(c.mark)
	case fyne.KeyEscape:
		if c.onClose != nil {
			c.onClose()
		}
	default:
		if c.onLeave != nil {
			if f := c.onLeave(); f != nil && f != fyne.Focusable(c) {
				f.TypedKey(e)
			}
		}
	}
}
