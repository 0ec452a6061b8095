package cases

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A case number reads over the phone and is unique without coordination:
// the date, the device's short code (given at enrollment, unique in the
// center) and the device's sequence for that day, e.g. 261127-K01-0042.
var numberPattern = regexp.MustCompile(`^(\d{6})-([A-Z0-9]{2,4})-(\d{4,6})$`)

// shortCodePattern is what a device short code may look like.
var shortCodePattern = regexp.MustCompile(`^[A-Z0-9]{2,4}$`)

// FormatNumber makes the case number for a device's seq-th case of a day.
func FormatNumber(day time.Time, shortCode string, seq int) string {
	return fmt.Sprintf("%s-%s-%04d", day.In(Zone).Format("060102"), shortCode, seq)
}

// ValidShortCode reports whether s can be a device short code.
func ValidShortCode(s string) bool { return shortCodePattern.MatchString(s) }

// NormalizeNumber accepts what a person types or a phone call spells out
// (lower case, spaces, missing or odd dashes) and returns the canonical
// number, or ErrBadNumber.
func NormalizeNumber(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.NewReplacer(" ", "", "－", "-", "—", "-", "_", "-").Replace(s)
	if !strings.Contains(s, "-") && len(s) >= 12 {
		// 261127K010042: date, code, then the 4-digit sequence.
		s = s[:6] + "-" + s[6:len(s)-4] + "-" + s[len(s)-4:]
	}
	if !numberPattern.MatchString(s) {
		return "", ErrBadNumber
	}
	return s, nil
}

// ParseNumber returns what a canonical case number carries: the date,
// the device's short code and the day's sequence; ErrBadNumber otherwise.
func ParseNumber(number string) (day time.Time, shortCode string, seq int, err error) {
	m := numberPattern.FindStringSubmatch(number)
	if m == nil {
		return time.Time{}, "", 0, ErrBadNumber
	}
	if day, err = time.ParseInLocation("060102", m[1], Zone); err != nil {
		return time.Time{}, "", 0, ErrBadNumber
	}
	seq, _ = strconv.Atoi(m[3]) // four to six digits
	return day, m[2], seq, nil
}

// NumberDay returns the date a case number carries.
func NumberDay(number string) (time.Time, error) {
	day, _, _, err := ParseNumber(number)
	return day, err
}

// NumberSeq returns the sequence part of a case number.
func NumberSeq(number string) (int, error) {
	_, _, seq, err := ParseNumber(number)
	return seq, err
}
