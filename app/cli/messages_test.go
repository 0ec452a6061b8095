package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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
		return withField(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), field)
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
		{"material out of range", []string{"cases", "accept", n, "--staff", "S001", "--received", "1,2,4,9"}, 2, "9 不是此事项的材料编号：材料编号为 1 至 5", "--received: 9 is not a material of this item; its materials are numbered 1 to 5"},
		{"material 0", []string{"cases", "accept", n, "--staff", "S001", "--received", "0,1,3"}, 2, "--received 中的 0 不是此事项的材料编号：材料编号为 1 至 5", "--received: 0 is not a material of this item; its materials are numbered 1 to 5"},
		{"material past the end", []string{"cases", "supplement", n, "--staff", "S001", "--missing", "5,6"}, 2, "6 不是此事项的材料编号", "--missing: 6 is not a material"},
		{"add, material 0", append(add("name=张三"), "--material", "0"), 2, "--material 中的 0 不是此事项的材料编号：材料编号为 1 至 5", "--material: 0 is not a material of this item; its materials are numbered 1 to 5"},
		{"material not a number", []string{"cases", "supplement", n, "--staff", "S001", "--missing", "1,two"}, 2, "two 不是此事项的材料编号", "--missing: two is not a material"},
		{"no clerk", []string{"cases", "accept", n, "--staff", "NOBODY", "--received", "1,2,4"}, 2, "本机没有工号", `There is no clerk "NOBODY" on this device`},
		{"idle below range", []string{"config", "idle_seconds", "-5"}, 2, "30 至 600", `idle_seconds must be a whole number from 30 to 600, not "-5".`},
		{"idle above range", []string{"config", "idle_seconds", "601"}, 2, "30 至 600", `not "601"`},
		{"role", []string{"config", "role", "-kiosk"}, 2, "kiosk 或 counter", `role must be kiosk or counter, not "-kiosk".`},
		{"no setting", []string{"config", "colour", "red"}, 2, "没有 \"colour\" 这个设置项", `There is no setting "colour"`},
		{"scan without input", []string{"scan"}, 2, "中的一个", "Give one of --text PAYLOAD"},
		{"sync, never enrolled", []string{"sync", "--once"}, 1, "尚未在平台注册", "This device is not enrolled with a platform"},
		{"enroll, nobody there", []string{"enroll", "--platform", "http://127.0.0.1:1", "--code", "ABCD", "--keep-cases"}, 1, "连接不上平台 http://127.0.0.1:1，请检查平台地址和本机网络", "The platform at http://127.0.0.1:1 cannot be reached; check the platform URL and this device's network, then enroll again."},
		{"printer, nobody there", []string{"print-test", "--printer", "tcp://127.0.0.1:1"}, 1, "连接不上打印机 tcp://127.0.0.1:1", "then run the command again."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, exit := run(t, data, tt.args...)
			if out != "" { // a script reading it would take it for a result
				t.Errorf("tongban %s printed %q besides its error", strings.Join(tt.args, " "), out)
			}
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
	args := withField(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), "credit_code=91350100M0001TGQXM")
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

// TestFormMistakesNameTheChoices: a key the item lacks lists the item's
// fields in both languages, and a value outside a choice field's options
// lists the options in both, as the command line shows no form.
func TestFormMistakesNameTheChoices(t *testing.T) {
	data := t.TempDir()
	code := licenceItem(t, data)
	add := func(field string) []string {
		return withField(append([]string{"cases", "add", "--item", code}, formFor(t, data, code)...), field)
	}
	tests := []struct {
		name   string
		args   []string
		zh, en []string
	}{
		{"unknown key", add("foo=bar"),
			[]string{"foo：事项 " + code + " 没有这一项", "可填写的项为：name（经办人姓名）、id_number（身份证号码）", "change（变更事项）"},
			[]string{"foo: item " + code + " has no such field; its fields are name (Agent's name), id_number (ID card number)", "change (What changes)."}},
		{"not a choice", add("change=xx"),
			[]string{"change：变更事项只能是以下之一：名称、住所、法定代表人", "不能是 \"xx\""},
			[]string{"change: What changes must be one of Name, Domicile, Representative", `not "xx".`}},
	}
	// Many unknown keys are one sentence, with the item's fields once.
	args := withField(withField(add("foo=bar"), "bar=1"), "baz=2")
	if _, errOut, exit := run(t, data, args...); exit != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "bar, baz, foo: item") {
		t.Errorf("three unknown keys: exit %d, %q; want one sentence naming foo, bar and baz", exit, errOut)
	}
	for _, tt := range tests {
		_, errOut, exit := run(t, data, tt.args...)
		line, _ := strings.CutPrefix(strings.TrimSpace(errOut), "tongban: ")
		// Part the sentences at the field's key, which both begin with.
		key, _, _ := strings.Cut(line, "：")
		i := strings.LastIndex(line, "。 "+key+": ")
		if exit != 2 || strings.Count(errOut, "\n") != 1 || i < 0 {
			t.Fatalf("%s: exit %d, %q; want exit 2 and one line, Chinese then English", tt.name, exit, errOut)
		}
		zh, en := line[:i], line[i:]
		for _, w := range tt.zh {
			if !strings.Contains(zh, w) {
				t.Errorf("%s: the Chinese sentence %q lacks %q", tt.name, zh, w)
			}
		}
		for _, w := range tt.en {
			if !strings.Contains(en, w) {
				t.Errorf("%s: the English sentence %q lacks %q", tt.name, en, w)
			}
		}
	}
}

// TestOutputIsChineseThenEnglish: what commands print on success is
// Chinese first and English second, line by line: settings confirm what
// was set, keys say what was exported or imported, sync says what moved,
// the clerks are a table with — for none, and tongban config shows the
// value in force of a setting left at its default.
func TestOutputIsChineseThenEnglish(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken, "--center", "130102"}
	data := t.TempDir()
	enrollAs(t, url, data, "counter")
	must(t, "", append([]string{"platform", "staff", "add", "S001", "--name", "王芳", "--pin", "2468", "--window", "A03"}, admin...)...)
	keys := filepath.Join(t.TempDir(), "keys.json")
	tests := []struct {
		name string
		args []string
		want []string // in this order
	}{
		{"config, defaults", []string{"config"}, []string{"idle_seconds     90（默认 default）", "retention_days   30（默认 default）", "role             counter\n", "scanner          无 none"}},
		{"sync", []string{"sync", "--once"}, []string{"已推送 0 条（重复 0 条），被拒 0 条，已拉取 ", "待同步 0 条。 Pushed 0 (duplicates 0), rejected 0, pulled ", ", pending 0.\n",
			"经办人：更新 1 个，跳过 0 个。 Clerks: updated 1, skipped 0.\n"}},
		{"staff list", []string{"staff", "list"}, []string{"工号 ID", "姓名 Name", "窗口 Windows", "队列 Queues", "状态 State\n", "S001      王芳        A03           —             在用 active\n"}},
		{"config idle_seconds", []string{"config", "idle_seconds", "120"}, []string{"已设置 idle_seconds 为 120。 Set idle_seconds to 120.\n"}},
		{"config role", []string{"config", "role", "counter"}, []string{"已设置 role 为 counter。 Set role to counter.\n"}},
		{"config camera", []string{"config", "camera", "none"}, []string{"已清除 camera。 Cleared camera.\n"}},
		{"config, set", []string{"config"}, []string{"idle_seconds     120\n"}},
		{"keys export", []string{"keys", "export", keys}, []string{"已导出 1 个回执密钥到 " + keys, "。 Exported 1 receipt keys to " + keys + "; keep the file secret.\n"}},
		{"staff disable", []string{"staff", "disable", "S001"}, []string{"已停用经办人 S001 王芳。 Disabled clerk S001 王芳.\n"}},
	}
	for _, tt := range tests {
		out := must(t, data, tt.args...)
		name := "tongban " + strings.Join(tt.args, " ")
		rest := out
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s lacks %q (or has it out of order):\n%s", name, w, out)
				break
			}
			rest = rest[i+len(w):]
		}
		if len(tt.args) == 1 || tt.args[1] == "list" {
			continue // a table: tongban config, staff list
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if r, _ := utf8.DecodeRuneInString(line); !isHan(r) {
				t.Errorf("%s: the line %q does not start in Chinese", name, line)
			}
		}
	}
}
