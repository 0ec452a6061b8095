package cases

import (
	"encoding/json"
	"fmt"
	"time"
)

// Zone is China Standard Time. China keeps no daylight saving, so a fixed
// zone is exact and needs no tz database on the kiosk.
var Zone = time.FixedZone("CST", 8*3600)

// Calendar is a center's working-day calendar: weekends and listed public
// holidays are off, except weekend days listed as make-up working days
// (调休上班).
type Calendar struct {
	holidays map[string]bool
	workdays map[string]bool
}

type calendarFile struct {
	Source   string   `json:"source"`
	Holidays []string `json:"holidays"`
	Workdays []string `json:"workdays"`
}

// ParseCalendar reads a calendar file: {"holidays": [...], "workdays": [...]}
// with dates as YYYY-MM-DD. Several files may be merged with Merge.
func ParseCalendar(data []byte) (*Calendar, error) {
	var f calendarFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("the calendar file is not valid JSON: %v", err)
	}
	c := &Calendar{holidays: map[string]bool{}, workdays: map[string]bool{}}
	for _, list := range []struct {
		days []string
		into map[string]bool
		name string
	}{{f.Holidays, c.holidays, "holidays"}, {f.Workdays, c.workdays, "workdays"}} {
		for _, d := range list.days {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return nil, fmt.Errorf("the calendar's %s list has %q, which is not a date like 2026-10-01", list.name, d)
			}
			list.into[d] = true
		}
	}
	return c, nil
}

// Merge adds another calendar's holidays and workdays to c.
func (c *Calendar) Merge(o *Calendar) {
	for d := range o.holidays {
		c.holidays[d] = true
	}
	for d := range o.workdays {
		c.workdays[d] = true
	}
}

// IsWorkday reports whether the center is open for cases on t's date.
func (c *Calendar) IsWorkday(t time.Time) bool {
	t = t.In(Zone)
	d := t.Format(time.DateOnly)
	if c != nil && c.workdays[d] {
		return true
	}
	if c != nil && c.holidays[d] {
		return false
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkdays returns the date n working days after from's date; the day
// of from itself does not count, as a time limit starts the next day.
func (c *Calendar) AddWorkdays(from time.Time, n int) time.Time {
	d := dateOf(from)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// WorkdaysBetween counts the working days after from's date up to and
// including to's date.
func (c *Calendar) WorkdaysBetween(from, to time.Time) int {
	n := 0
	end := dateOf(to)
	for d := dateOf(from).AddDate(0, 0, 1); !d.After(end); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

// dateOf is midnight of t's date in China Standard Time.
func dateOf(t time.Time) time.Time {
	y, m, d := t.In(Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, Zone)
}
