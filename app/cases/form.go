package cases

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tongban/app/catalog"
)

// FieldError is a problem with one form field, naming the field.
type FieldError struct {
	Key   string
	Label Text
	*Problem
}

// Error names the field by its key (the same in both languages) and says
// the problem under its label in each language:
// "id_number: 身份证号码：…。 ID number: …."
func (e *FieldError) Error() string {
	if e.Label.ZH == e.Key { // a key the item does not have: no label
		return fmt.Sprintf("%s: %s", e.Key, e.Both())
	}
	return fmt.Sprintf("%s: %s：%s %s: %s", e.Key, e.Label.ZH, e.ZH, e.Label.EN, e.EN)
}

var numberValue = regexp.MustCompile(`^\d+(\.\d{1,2})?$`)

// CheckField normalizes and checks one value against its field. It returns
// the value to store and a problem, or nil. Empty optional fields pass.
func CheckField(f catalog.Field, value string, now time.Time) (string, *Problem) {
	v := strings.TrimSpace(value)
	switch f.Kind {
	case catalog.KindIDNumber:
		v = NormalizeIDNumber(v)
	case catalog.KindPhone:
		v = NormalizePhone(v)
	case catalog.KindCreditCode:
		v = strings.ToUpper(strings.Join(strings.Fields(v), ""))
	case catalog.KindChoice:
		// A choice given by its English label is stored as the Chinese
		// choice, as the kiosk's English screens store it.
		if c, ok := f.ChoiceValue(v); ok {
			v = c
		}
	}
	if v == "" {
		if f.Required {
			return v, problem("此项必填。", "This field is required.")
		}
		return v, nil
	}
	if n := catalog.Length(v); n > f.Limit() {
		if catalog.Wide(v) {
			return v, problem(fmt.Sprintf("最多%d个字（生僻字一个算两个），现在是%d个。", f.Limit(), n),
				fmt.Sprintf("At most %d characters (a rare character counts as two); this has %d.", f.Limit(), n))
		}
		return v, problem(fmt.Sprintf("最多%d个字，现在是%d个。", f.Limit(), n),
			fmt.Sprintf("At most %d characters; this has %d.", f.Limit(), n))
	}
	if strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return v, problem("含有无法识别的字符，请重新输入。", "It holds a character that cannot be used; enter it again.")
	}
	switch f.Kind {
	case catalog.KindIDNumber:
		return v, CheckIDNumber(v, now)
	case catalog.KindCreditCode:
		return v, CheckCreditCode(v)
	case catalog.KindPhone:
		return v, CheckPhone(v)
	case catalog.KindDate:
		return v, checkDate(f, v, now)
	case catalog.KindNumber:
		if !numberValue.MatchString(v) {
			return v, problem("请输入数字，最多两位小数。", "Enter a number, with at most two decimals.")
		}
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return v, problem("请输入数字。", "Enter a number.")
		}
	case catalog.KindChoice:
		if !slices.Contains(f.Choices, v) {
			return v, problem("请从给出的选项中选择一项。", "Choose one of the options given.")
		}
	}
	return v, nil
}

// CheckForm checks every field of an application against its item. It
// returns the normalized values, the errors that block submission and the
// warnings that do not. Keys the item does not ask for are errors too.
func CheckForm(item *catalog.Item, values map[string]string, now time.Time) (clean map[string]string, errs, warnings []*FieldError) {
	clean = make(map[string]string, len(item.Fields))
	for _, f := range item.Fields {
		v, p := CheckField(f, values[f.Key], now)
		if v != "" {
			clean[f.Key] = v
		}
		if p == nil {
			continue
		}
		fe := &FieldError{Key: f.Key, Label: Text{f.LabelZH, f.LabelEN}, Problem: p}
		if p.Warning {
			warnings = append(warnings, fe)
		} else {
			errs = append(errs, fe)
		}
	}
	for k := range values {
		if !slices.ContainsFunc(item.Fields, func(f catalog.Field) bool { return f.Key == k }) {
			errs = append(errs, &FieldError{Key: k, Label: Text{k, k}, Problem: problem(
				fmt.Sprintf("事项%s没有这一项。", item.Code),
				fmt.Sprintf("Item %s has no such field; its fields are %s.", item.Code, fieldKeys(item)))})
		}
	}
	slices.SortFunc(errs, func(a, b *FieldError) int { return strings.Compare(a.Key, b.Key) })
	return clean, errs, warnings
}

func fieldKeys(item *catalog.Item) string {
	keys := make([]string, len(item.Fields))
	for i, f := range item.Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// NewSubmission checks an application and returns its payload, without a
// number: the store assigns that in the transaction that saves it.
func NewSubmission(cat *catalog.Catalog, itemCode string, values map[string]string, materials []int, ch Channel, now time.Time) (Submission, []*FieldError, error) {
	item, ok := cat.Item(itemCode)
	if !ok {
		return Submission{}, nil, fmt.Errorf("there is no service item %q in catalog version %d; search the catalog for its code", itemCode, cat.Version)
	}
	for _, m := range materials {
		if m < 0 || m >= len(item.Materials) {
			return Submission{}, nil, fmt.Errorf("material %d does not exist: item %s lists %d materials, numbered from 0", m, itemCode, len(item.Materials))
		}
	}
	clean, errs, _ := CheckForm(item, values, now)
	if len(errs) > 0 {
		return Submission{}, errs, nil
	}
	ms := slices.Clone(materials)
	slices.Sort(ms)
	return Submission{ItemCode: itemCode, CatalogVersion: cat.Version, Fields: clean,
		Materials: slices.Compact(ms), Channel: ch}, nil, nil
}

// checkDate checks a date field: the year-month-day form, a day that
// exists, and for a date in the past (a birth, an injury) not after today.
func checkDate(f catalog.Field, v string, now time.Time) *Problem {
	d, err := time.ParseInLocation(time.DateOnly, v, Zone)
	if err != nil {
		var y, m, day int
		if n, _ := fmt.Sscanf(v, "%4d-%2d-%2d", &y, &m, &day); n == 3 && len(v) == len("2006-01-02") {
			return problem(fmt.Sprintf("没有%s这一天，请核对月份和日期。", v), fmt.Sprintf("There is no such day as %s; check the month and the day.", v))
		}
		return problem("请按“年-月-日”输入日期，例如2026-03-01。", "Enter the date as year-month-day, for example 2026-03-01.")
	}
	if today := now.In(Zone).Format(time.DateOnly); f.Past && d.Format(time.DateOnly) > today {
		return problem(fmt.Sprintf("%s还没到，此项不能晚于今天（%s）。", v, today), fmt.Sprintf("%s is still to come; this date cannot be later than today (%s).", v, today))
	}
	return nil
}
