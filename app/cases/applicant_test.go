package cases

import (
	"strings"
	"testing"
	"time"
)

var checkDay = time.Date(2026, 11, 27, 10, 0, 0, 0, Zone)

func TestCheckIDNumber(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string // a word the English problem must contain
	}{
		{"11010519491231002X", true, ""},
		{"11010519491231002x", true, ""}, // lower-case x is normalized
		{"130102199003071233", true, ""},
		{" 1301 0219 9003 0712 33 ", true, ""},
		{"130102200002294561", true, ""}, // 29 February 2000 existed
		{"130102199003071234", false, "check character"},
		{"130102190002294561", false, "birth date"},   // 1900 was not a leap year
		{"130102199013071233", false, "birth date"},   // month 13
		{"130102203001011233", false, "after today"},  // born in the future
		{"990102199003071233", false, "province"},     // no province 99
		{"13010219900307123", false, "18 characters"}, // too short
		{"130102900307123", false, "15-digit"},
		{"13010219900307123Y", false, "digits only"},
		{"", false, "18 characters"},
	}
	for _, tt := range tests {
		p := CheckIDNumber(tt.in, checkDay)
		if tt.ok {
			if p != nil {
				t.Errorf("CheckIDNumber(%q) = %q, want no problem", tt.in, p.EN)
			}
			continue
		}
		if p == nil {
			t.Errorf("CheckIDNumber(%q) found no problem, want one about %q", tt.in, tt.want)
			continue
		}
		if !contains(p.EN, tt.want) || p.ZH == "" {
			t.Errorf("CheckIDNumber(%q) = %q / %q, want it to mention %q in both languages", tt.in, p.ZH, p.EN, tt.want)
		}
	}
}

func TestCheckCreditCode(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		warning bool
	}{
		{"91350100M000100Y43", true, false},
		{"91130100MA07L2KQ25", true, false},
		{"91130100ma07l2kq25", true, false}, // lower case is normalized
		{"91350100M0001TGQXM", false, true}, // early pilot code: check fails, a warning
		{"91130100MA07L2KQ24", false, true},
		{"91130100MA07L2KQ2", false, false},  // 17 characters
		{"91130100MA07L2KQ2I", false, false}, // I is never used
		{"9113A100MA07L2KQ25", false, false}, // division code has a letter
	}
	for _, tt := range tests {
		p := CheckCreditCode(tt.in)
		switch {
		case tt.ok && p != nil:
			t.Errorf("CheckCreditCode(%q) = %q, want no problem", tt.in, p.EN)
		case !tt.ok && p == nil:
			t.Errorf("CheckCreditCode(%q) found no problem", tt.in)
		case !tt.ok && p.Warning != tt.warning:
			t.Errorf("CheckCreditCode(%q) warning = %v, want %v (%s)", tt.in, p.Warning, tt.warning, p.EN)
		}
	}
}

func TestCheckPhone(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string // words the English problem must contain
	}{
		{"13800138000", true, ""},
		{"+86 138-0013-8000", true, ""},
		{"008619912345678", true, ""},
		{"12800138000", false, "start with 13 to 19, never 12"}, // 11 digits from 1, but 12x is no mobile prefix
		{"10800138000", false, "never 10"},
		{"1380013800", false, "11-digit"},
		{"2380013800a", false, "11-digit"},
		{"23800138000", false, "starting with 1"},
		{"", false, "11-digit"},
	}
	for _, tt := range tests {
		p := CheckPhone(tt.in)
		if (p == nil) != tt.ok {
			t.Errorf("CheckPhone(%q) = %v, want ok=%v", tt.in, p, tt.ok)
			continue
		}
		if p != nil && (!strings.Contains(p.EN, tt.want) || p.ZH == "") {
			t.Errorf("CheckPhone(%q) says %q / %q; want the English to contain %q", tt.in, p.ZH, p.EN, tt.want)
		}
	}
}

// TestProblemErrorIsBothLanguages: a problem that reaches a log or the
// command line as an error reads Chinese first, then English.
func TestProblemErrorIsBothLanguages(t *testing.T) {
	p := CheckIDNumber("130102199003071234", checkDay)
	if got, want := p.Error(), p.ZH+" "+p.EN; got != want || !strings.HasPrefix(got, "身份证号") {
		t.Errorf("Problem.Error() = %q, want %q", got, want)
	}
}

func TestMasks(t *testing.T) {
	if got := MaskIDNumber("130102199003071233"); got != "1301**********1233" {
		t.Errorf("MaskIDNumber = %q, want 1301**********1233", got)
	}
	if got := MaskPhone("13800138000"); got != "138****8000" {
		t.Errorf("MaskPhone = %q, want 138****8000", got)
	}
	if got := MaskName("张三丰"); got != "张**" {
		t.Errorf("MaskName = %q, want 张**", got)
	}
	if got := MaskIDNumber("123"); got != "123" {
		t.Errorf("MaskIDNumber of a short string = %q, want it unchanged", got)
	}
}

func FuzzCheckIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "130102199003071233", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := CheckIDNumber(s, checkDay)
		if p == nil {
			n := NormalizeIDNumber(s)
			if len(n) != 18 {
				t.Fatalf("accepted %q of length %d", s, len(n))
			}
			if _, err := time.Parse("20060102", n[6:14]); err != nil {
				t.Fatalf("accepted %q with no real birth date", s)
			}
		} else if p.ZH == "" || p.EN == "" {
			t.Fatalf("problem for %q lacks a sentence: %+v", s, p)
		}
	})
}

func FuzzCheckCreditCode(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91350100M0001TGQXM", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := CheckCreditCode(s)
		if p == nil || p.Warning {
			if n := len(s); n < 18 {
				t.Fatalf("let %q (length %d) through", s, n)
			}
		}
	})
}

func FuzzCheckPhone(f *testing.F) {
	for _, s := range []string{"13800138000", "+8613800138000", "", "1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckPhone(s) == nil && len(NormalizePhone(s)) != 11 {
			t.Fatalf("accepted %q", s)
		}
	})
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestFieldErrorNamesKeyAndLabels(t *testing.T) {
	e := &FieldError{Key: "id_number", Label: Text{"身份证号码", "ID number"}, Problem: CheckIDNumber("130102199003071234", checkDay)}
	want := "id_number: 身份证号码：身份证号最后一位校验码不对，请逐位核对。 ID number: The last character (check character) of the ID number is wrong; check each digit."
	if got := e.Error(); got != want {
		t.Errorf("FieldError.Error() = %q\nwant %q", got, want)
	}
}
