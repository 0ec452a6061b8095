package cases

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Problem says what is wrong with an entered value, in words a citizen
// understands, and what to do. A warning lets the value through.
type Problem struct {
	Text
	Warning bool
}

// Error is the problem in both languages, "中文。 English.", for logs and
// command lines; a screen shows p.ZH or p.EN.
func (p *Problem) Error() string { return p.Both() }

func problem(zh, en string) *Problem { return &Problem{Text: Text{zh, en}} }

// provinces are the first two digits of valid citizen ID numbers: mainland
// provinces, Taiwan (71), and the residence permits of Hong Kong (81),
// Macao (82) and Taiwan (83) residents.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// idWeights are 2^(17-i) mod 11 for the first 17 digits (GB 11643).
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idChecks = "10X98765432"

// NormalizeIDNumber trims spaces and upper-cases a final x.
func NormalizeIDNumber(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// CheckIDNumber checks a citizen ID number (GB 11643): 18 characters, a
// known province, a real birth date not in the future, and the check
// character. now is the day of the check.
func CheckIDNumber(s string, now time.Time) *Problem {
	s = NormalizeIDNumber(s)
	if len(s) != 18 {
		if len(s) == 15 && allDigits(s) {
			return problem("这是旧的15位身份证号，请输入18位号码。", "This is an old 15-digit ID number; enter the 18-digit one.")
		}
		return problem("身份证号应为18位，请核对后重新输入。", "An ID number has 18 characters; check it and enter it again.")
	}
	if !allDigits(s[:17]) || !(isDigit(s[17]) || s[17] == 'X') {
		return problem("身份证号只能是数字，最后一位可以是X。", "An ID number is digits only, with X allowed as the last character.")
	}
	if !provinces[s[:2]] {
		return problem("身份证号前两位不是有效的省份代码，请核对。", "The first two digits of the ID number are not a province; check them.")
	}
	birth, err := time.ParseInLocation("20060102", s[6:14], Zone)
	if err != nil || birth.Year() < 1900 {
		return problem("身份证号中的出生日期（第7至14位）不存在，请核对。", "The birth date in the ID number (digits 7 to 14) does not exist; check it.")
	}
	if birth.After(now) {
		return problem("身份证号中的出生日期（第7至14位）晚于今天，请核对。", "The birth date in the ID number (digits 7 to 14) is after today; check it.")
	}
	sum := 0
	for i, w := range idWeights {
		sum += int(s[i]-'0') * w
	}
	if idChecks[sum%11] != s[17] {
		return problem("身份证号最后一位校验码不对，请逐位核对。", "The last character (check character) of the ID number is wrong; check each digit.")
	}
	return nil
}

// creditAlphabet is the GB 32100 alphabet: digits and capitals without
// I, O, Z, S and V; a character's value is its position.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are 3^(i-1) mod 31.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CheckCreditCode checks a unified social credit code (GB 32100). A code
// that is well formed but fails only its check character is a warning:
// some early pilot codes were issued that way and are legal.
func CheckCreditCode(s string) *Problem {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(s) != 18 {
		return problem("统一社会信用代码应为18位，请核对营业执照。", "A unified social credit code has 18 characters; check the business licence.")
	}
	sum := 0
	for i := range 18 {
		v := strings.IndexByte(creditAlphabet, s[i])
		if v < 0 {
			return problem("统一社会信用代码含有无效字符（不使用I、O、Z、S、V），请核对。", "The credit code has a character it never uses (I, O, Z, S, V or a symbol); check it.")
		}
		if i >= 2 && i < 8 && !isDigit(s[i]) {
			return problem("统一社会信用代码第3至8位应为行政区划代码（数字），请核对。", "Characters 3 to 8 of the credit code are a division code in digits; check them.")
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	check := (31 - sum%31) % 31
	if creditAlphabet[check] != s[17] {
		return &Problem{Text: Text{"统一社会信用代码校验位不符，如为早期试点代码可继续办理。", "The credit code's check character does not match; an early pilot code may still be valid."}, Warning: true}
	}
	return nil
}

// NormalizePhone strips spaces, dashes and a +86 or 0086 prefix.
func NormalizePhone(s string) string {
	s = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "").Replace(strings.TrimSpace(s))
	for _, p := range []string{"+86", "0086"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// CheckPhone checks a mainland mobile number: 11 digits starting 13–19.
func CheckPhone(s string) *Problem {
	s = NormalizePhone(s)
	if len(s) != 11 || !allDigits(s) || s[0] != '1' {
		return problem("请输入11位手机号码，以1开头。", "Enter an 11-digit mobile number starting with 1.")
	}
	if s[1] < '3' {
		return problem(fmt.Sprintf("内地手机号码以13至19开头，没有以%s开头的，请核对。", s[:2]),
			fmt.Sprintf("Mainland mobile numbers start with 13 to 19, never %s; check the number.", s[:2]))
	}
	return nil
}

// MaskIDNumber hides all but the first four and last four characters
// (1301**********1233), birth date included, for every screen and paper
// that does not need the whole number.
func MaskIDNumber(s string) string {
	return maskMiddle(s, 4, 4)
}

// MaskPhone hides the middle four digits of a mobile number (138****5678).
func MaskPhone(s string) string {
	return maskMiddle(s, 3, 4)
}

// MaskName keeps the family name (the first character) for public screens.
func MaskName(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= 1 {
		return s
	}
	r, _ := utf8.DecodeRuneInString(s)
	return string(r) + strings.Repeat("*", n-1)
}

func maskMiddle(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail {
		return s
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
