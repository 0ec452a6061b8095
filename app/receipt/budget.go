package receipt

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// commonHanzi fill text fields in the worst realistic case: characters of
// names and addresses, two bytes each in GB18030.
const commonHanzi = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// Fit is how a receipt string sits in the QR budget.
type Fit struct {
	Chars   int  // length of the receipt string
	Version int  // QR version go-qrcode chose at level M; 0 if none fits
	OK      bool // Version is at most MaxQRVersion
	// Over is how many characters the string must lose to fit; each
	// common hanzi taken off a field's max_len saves three.
	Over int
}

// FitOf measures a receipt string against the budget.
func FitOf(s string) Fit {
	v, ok := FitsQR(s)
	f := Fit{Chars: len(s), Version: v, OK: ok}
	if !ok {
		f.Over = len(s) - maxChars()
	}
	return f
}

// maxChars is the longest receipt string that fits MaxQRVersion at level M.
var maxChars = sync.OnceValue(func() int {
	lo, hi := len(Prefix), 4000 // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if _, ok := FitsQR(Prefix + strings.Repeat("A", mid-len(Prefix))); ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
})

// WorstCase returns the largest submitted event a kiosk can make for an
// item: every field at its limit (text as common hanzi, numbers as digits,
// a choice its longest choice), every material ticked, a kiosk device.
func WorstCase(it catalog.Item, catalogVersion int, center string) (cases.Event, error) {
	fields := make(map[string]string, len(it.Fields))
	for _, f := range it.Fields {
		fields[f.Key] = worstValue(f)
	}
	materials := make([]int, len(it.Materials))
	for i := range materials {
		materials[i] = i
	}
	s := cases.Submission{Number: "261127-K01-0042", ItemCode: it.Code, CatalogVersion: catalogVersion,
		Fields: fields, Materials: materials, Channel: cases.ChannelKiosk}
	now := time.Date(2026, 11, 27, 16, 45, 0, 0, cases.Zone)
	return cases.Submitted(s, center, cases.NewID(), cases.Stamp{Wall: now.UnixMilli()})
}

func worstValue(f catalog.Field) string {
	n := f.Limit()
	switch f.Kind {
	case catalog.KindIDNumber:
		return "11010519491231002X"
	case catalog.KindCreditCode:
		return "91350100M000100Y43"
	case catalog.KindPhone:
		return "13812345678"
	case catalog.KindDate:
		return "2026-11-27"
	case catalog.KindNumber:
		return strings.Repeat("9", n)
	case catalog.KindChoice:
		longest := ""
		for _, c := range f.Choices {
			if len(appendText(nil, c)) > len(appendText(nil, longest)) {
				longest = c
			}
		}
		return longest
	}
	r := []rune(strings.Repeat(commonHanzi, n/len([]rune(commonHanzi))+1))
	return string(r[:n])
}

// CheckItem seals the item's WorstCase under a throwaway four-character
// key and measures it, so a catalog can be checked before devices get it.
func CheckItem(it catalog.Item, catalogVersion int, center string) (Fit, error) {
	e, err := WorstCase(it, catalogVersion, center)
	if err != nil {
		return Fit{}, fmt.Errorf("item %s: %w", it.Code, err)
	}
	key, err := NewKey()
	if err != nil {
		return Fit{}, err
	}
	s, err := SealCase(Keyring{key}, e)
	if err != nil {
		return Fit{}, fmt.Errorf("item %s: %w", it.Code, err)
	}
	return FitOf(s), nil
}
