package cli

import (
	"strings"
	"testing"
)

// wantBilingual checks that stderr is one line "tongban: 中文。 English."
// with the Chinese first, and returns its two halves.
func wantBilingual(t *testing.T, what, stderr string) (zh, en string) {
	t.Helper()
	line, ok := strings.CutPrefix(stderr, "tongban: ")
	if !ok || strings.Count(stderr, "\n") != 1 {
		t.Errorf("%s: stderr %q; want one line starting tongban: ", what, stderr)
		return "", ""
	}
	s := split(strings.TrimSpace(line))
	if s.ZH == s.EN || strings.IndexFunc(s.ZH, isHan) < 0 || strings.IndexFunc(s.EN, isHan) >= 0 || !strings.HasSuffix(s.EN, ".") {
		t.Errorf("%s: %q is not a Chinese sentence followed by an English one", what, line)
	}
	return s.ZH, s.EN
}

// TestErrorsAreChineseThenEnglish: every mistake the audit found, and the
// usage errors around them, say one sentence in Chinese and then the same
// in English, with the exit code of their kind.
func TestErrorsAreChineseThenEnglish(t *testing.T) {
	data := t.TempDir()
	if _, errOut, exit := run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468"); exit != 0 {
		t.Fatalf("staff add: %s", errOut)
	}
	n := addLicenceCase(t, data)
	code := licenceItem(t, data)
	add := func(field string) []string {
		return append(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), "--field", field)
	}
	tests := []struct {
		name string
		args []string
		exit int
		zh   string // words the Chinese sentence must hold
		en   string // and the English one
	}{
		{"unknown command", []string{"bogus"}, 2, "没有 \"bogus\" 这个命令", `There is no command "bogus"; run tongban help for the list.`},
		{"bad ID number", add("id_number=130102199003071234"), 2, "身份证号最后一位校验码不对", "ID card number: The last character (check character)"},
		{"12x phone", add("phone=12800138000"), 2, "以13至19开头", "start with 13 to 19, never 12"},
		{"not allowed", []string{"cases", "complete", n, "--staff", "S001", "--approved"}, 2, "不能办结", "Case " + n + " is submitted and cannot be completed; nothing was changed."},
		{"no such case", []string{"cases", "show", "261127-K01-9999"}, 2, "本机没有案件 261127-K01-9999", "No case 261127-K01-9999 on this device"},
		{"not a case number", []string{"cases", "show", "nonsense"}, 2, "不是案件编号", `"nonsense" is not a case number`},
		{"no verb", []string{"cases"}, 2, "请说明要做什么", "Say what to do: tongban cases add|list|show|accept"},
		{"unknown verb", []string{"cases", "frob"}, 2, "没有 \"frob\" 这个子命令", `tongban cases has no "frob"`},
		{"unknown flag", []string{"cases", "list", "--stauts", "x"}, 2, "没有 --stauts 这个选项", "tongban cases list has no flag --stauts; run tongban cases list --help"},
		{"flag without value", []string{"cases", "list", "--status"}, 2, "--status 需要一个值", "--status needs a value"},
		{"bad flag value", []string{"cases", "list", "--limit", "many"}, 2, "--limit 的值 \"many\" 无效", `"many" is not a valid value for --limit`},
		{"material out of range", []string{"cases", "accept", n, "--staff", "S001", "--received", "0,1,3,9"}, 2, "9 不是此事项的材料编号：材料编号为 0 至 4", "--received: 9 is not a material of this item; its materials are numbered 0 to 4"},
		{"material not a number", []string{"cases", "supplement", n, "--staff", "S001", "--missing", "1,two"}, 2, "two 不是此事项的材料编号", "--missing: two is not a material"},
		{"no clerk", []string{"cases", "accept", n, "--staff", "NOBODY", "--received", "0,1,3"}, 2, "本机没有工号", `There is no clerk "NOBODY" on this device`},
		{"idle below range", []string{"config", "idle_seconds", "-5"}, 2, "30 至 600", `idle_seconds must be a whole number from 30 to 600, not "-5".`},
		{"idle above range", []string{"config", "idle_seconds", "601"}, 2, "30 至 600", `not "601"`},
		{"role", []string{"config", "role", "-kiosk"}, 2, "kiosk 或 counter", `role must be kiosk or counter, not "-kiosk".`},
		{"no setting", []string{"config", "colour", "red"}, 2, "没有 \"colour\" 这个设置项", `There is no setting "colour"`},
		{"scan without input", []string{"scan"}, 2, "中的一个", "Give one of --text PAYLOAD"},
		{"sync, never enrolled", []string{"sync", "--once"}, 1, "尚未在平台注册", "This device is not enrolled with a platform"},
		{"enroll, nobody there", []string{"enroll", "--platform", "http://127.0.0.1:1", "--code", "ABCD"}, 1, "连接不上平台 http://127.0.0.1:1，请检查平台地址和本机网络", "The platform at http://127.0.0.1:1 cannot be reached; check the platform URL and this device's network, then enroll again."},
		{"printer, nobody there", []string{"print-test", "--printer", "tcp://127.0.0.1:1"}, 1, "连接不上打印机 tcp://127.0.0.1:1", "then run the command again."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, exit := run(t, data, tt.args...)
			if exit != tt.exit {
				t.Errorf("tongban %s: exit %d, want %d (%q)", strings.Join(tt.args, " "), exit, tt.exit, errOut)
			}
			zh, en := wantBilingual(t, strings.Join(tt.args, " "), errOut)
			if !strings.Contains(zh, tt.zh) || !strings.Contains(en, tt.en) {
				t.Errorf("tongban %s said\n%q / %q\nwant the Chinese to hold %q and the English %q", strings.Join(tt.args, " "), zh, en, tt.zh, tt.en)
			}
			if strings.Contains(errOut, "queued") && tt.name == "enroll, nobody there" {
				t.Errorf("enrolling talks of queued cases: %q", errOut)
			}
			if strings.Contains(errOut, "Print again") {
				t.Errorf("the command line has no Print again button: %q", errOut)
			}
		})
	}
}

// TestForeignErrorsLeadWithChinese: an error from the system that has no
// Chinese gets a Chinese sentence first.
func TestForeignErrorsLeadWithChinese(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		bad  bool
		want string
	}{
		{"open /x: permission denied", false, "命令没有完成，详见后面的英文说明。 Open /x: permission denied."},
		{"catalog code malformed", true, "输入有误，详见后面的英文说明。 Catalog code malformed."},
		{"本机没有此案件。 No such case", false, "本机没有此案件。 No such case."},
	} {
		if got := inBoth(tt.msg, tt.bad); got != tt.want {
			t.Errorf("inBoth(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestAddWarnsOfALegacyCreditCode: a credit code that fails only its
// check character (an early pilot code) is stored with a warning on
// standard error, and the command succeeds.
func TestAddWarnsOfALegacyCreditCode(t *testing.T) {
	data := t.TempDir()
	code := licenceItem(t, data)
	args := append(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), "--field", "credit_code=91350100M0001TGQXM")
	out, errOut, exit := run(t, data, args...)
	if exit != 0 || !strings.HasPrefix(out, "已提交 Submitted") {
		t.Fatalf("cases add with a legacy credit code: exit %d, %q %q; want it submitted", exit, out, errOut)
	}
	zh, en := wantBilingual(t, "the warning", errOut)
	if !strings.Contains(zh, "统一社会信用代码校验位不符") || !strings.Contains(en, "an early pilot code may still be valid") || !strings.Contains(en, "submitted all the same") {
		t.Errorf("the warning says %q / %q", zh, en)
	}
	if out, _, _ := run(t, data, "cases", "list", "--json"); !strings.Contains(out, "91350100M0001TGQXM") {
		t.Errorf("the case with the legacy code was not stored: %s", out)
	}
}
