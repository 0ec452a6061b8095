package client

import (
	"regexp"
	"strings"

	"tongban/app/cases"
	"tongban/sync/protocol"
)

// refusal is one refusal of the platform that people meet, known by its
// error code and a phrase of its English sentence (lower case), and what
// it means in Chinese. An empty phrase matches any sentence of the code.
type refusal struct {
	code, phrase, zh string
}

// refusals say in Chinese what the platform's refusals mean, before the
// platform's own English sentence, which keeps the detail: the error
// answers (by protocol code) and the reasons of rejected events (code
// protocol.Rejected). The first match wins, so a narrower phrase comes
// before a wider one. The phrases are those of sync/platform's sentences.
var refusals = []refusal{
	{protocol.CodeBadCode, "this enrollment code is unknown", "平台上没有这个注册码，请核对是否输错，或向平台管理员要一个新的。"},
	{protocol.CodeBadCode, "this enrollment code has already been used", "这个注册码已经用过了，一个注册码只能注册一台设备，请向平台管理员要一个新的。"},
	{protocol.CodeBadCode, "this enrollment code has expired", "这个注册码已过期，请向平台管理员要一个新的。"},
	{protocol.CodeBadCode, "", "注册码不能用：可能输错、已用过或已过期，请向平台管理员要一个新的。"},
	{protocol.CodeOtherCenter, "", "本设备已在另一个中心注册，请用那个中心的注册码；要把设备转到这个中心，请换一个空的数据目录再注册。"},
	{protocol.CodeCasesCenter, "", "本机注册前办理的案件属于另一个中心，注册到这个中心后永远发不出去；请用那个中心的注册码，或换一个空的数据目录注册。注册码没有用掉。"},
	{protocol.CodeOtherRole, "", "本设备已注册为另一种角色，请用同一角色的注册码；要让这台电脑改作另一种角色，请换一个空的数据目录再注册（它会成为一台新设备，原来的办理记录仍记在原设备名下）。注册码没有用掉。"},
	{protocol.CodeDeviceActive, "", "本设备在这个平台上已注册，并且仍在使用；要重新注册，请平台管理员先吊销它：{revoke}；如果这台电脑是从另一台设备的磁盘拷贝来的，请换一个空的数据目录再注册（它会成为一台新设备）。注册码没有用掉。"},
	{protocol.CodeShortCodesExhausted, "", "这个中心这类设备的编号已经用完，请先吊销不再使用的设备。"},
	{protocol.CodeBadRequest, "the code's lifetime is negative", "注册码的有效期不能是负数，请给出正的时长（例如 --ttl 24h），或不给以使用默认的 24 小时。"},
	{protocol.CodeBadRequest, "the code's lifetime", "注册码的有效期超过了平台允许的上限，请给一个短一些的 --ttl。"},
	{protocol.CodeBadRequest, "is not a 6-digit division code", "中心代码须是 6 位数字的行政区划代码，例如 130102。"},
	{protocol.CodeBadRequest, "is not kiosk or counter", "设备角色只能是 kiosk（自助机）或 counter（窗口）。"},
	{protocol.CodeBadRequest, "is not 1 to 16 letters", "工号须是 1 至 16 个字母、数字、- 或 _。"},
	{protocol.CodeBadRequest, "the enrollment request has no code", "请给出平台管理员生成的注册码。"},
	{protocol.CodeBadRequest, "", "平台不接受这个请求，原因见后面的英文说明；请确认平台与本机的 tongban 版本相符。"},
	{protocol.CodeForbidden, "admin calls are disabled", "这个平台没有开启管理接口，请用管理令牌启动平台后再试。"},
	{protocol.CodeForbidden, "", "本设备的角色不能使用这项接口。"},
	{protocol.CodeCursorAhead, "", "平台上的变更记录落后于本机的读取位置（平台可能从较早的备份恢复），本机将从头重新读取。"},
	{protocol.CodeStorageDown, "so nothing was changed", "平台在运行，但它的数据库没有应答，没有作任何更改：请检查数据库后再运行一次此命令。"},
	{protocol.CodeStorageDown, "", "平台在运行，但它的数据库没有应答：请告知平台管理员，稍后再试（本机数据不会丢失）。"},
	{protocol.CodeUnauthorized, "the admin token is missing or wrong", "管理令牌不对，请给出平台启动时使用的令牌（平台启动时会说明令牌存放在哪里）。"},
	{protocol.CodeUnauthorized, "admin calls are disabled", "这个平台没有开启管理接口，请用管理令牌启动平台后再试。"},
	{protocol.CodeUnauthorized, "", "平台不认识本设备的令牌，请用新的注册码重新注册（tongban enroll），本机数据会保留。"},
	{protocol.CodeRevoked, "", "本设备已被平台管理员吊销，请用新的注册码重新注册。"},
	{protocol.CodeTooLarge, "", "发送的数据太大，平台不接受。"},
	{protocol.CodeTooMany, "", "一次发送的事件太多，平台不接受。"},
	{protocol.CodeNotFound, "no device has the id", "平台上没有这个设备编号，tongban platform devices 可以列出各设备的编号。"},
	{protocol.CodeNotFound, "the platform has no call", "这个地址上没有通办平台的这项接口，请检查平台地址（包括端口和路径）。"},
	{protocol.CodeNotFound, "", "平台上没有这项记录。"},
	{protocol.CodeRateLimited, "", "平台正忙，请稍后再试。"},
	{protocol.CodeInternal, "the platform is too busy", "平台太忙，没能及时应答，请稍后再试。"},
	{protocol.CodeInternal, "", "平台内部出错，请稍后再试。"},
	{protocol.CodeMethodNotAllowed, "", "平台不支持这种请求，请确认平台版本与本机相符。"},
	{protocol.CodeStaleCatalog, "", "事项目录的版本号不比平台上的新，请提高版本号后再导入。"},
	{protocol.CodeForbiddenEvent, "belongs to center", "这条记录属于另一个中心，本设备注册的中心不收。"},
	{protocol.CodeForbiddenEvent, "does not make", "本设备的角色不产生这种记录，平台不收。"},
	{protocol.CodeForbiddenEvent, "", "这条记录不是本设备产生的，平台只收设备自己的记录（窗口还可转交扫描回执得到的申请）。"},
	{protocol.CodeBadEvent, "ahead of the platform's clock", "这条记录的时间比平台的时钟快了一小时以上，说明本设备的时钟不准，平台不收：请把本机时间校准（开启自动对时），之后的记录会带上正确的时间；这条记录请重新办理。"},
	{protocol.CodeBadEvent, "declared its former short code", "这条申请记录的案件编号带的是本设备注册前的设备编号，而这个中心现在有另一台设备用这个编号编案件号，两边的编号会重复，平台不收：这些案件请送回本设备原来的平台。"},
	{protocol.CodeBadEvent, "a short code the device had before", "这条申请记录的案件编号带的是本设备注册前的设备编号，日期却在注册到这个平台之后，平台不收：注册后本设备用新的设备编号编案件号，请检查本机的日期时间，以及数据目录是否是它自己的。"},
	{protocol.CodeBadEvent, "a device numbers", "这条申请记录的案件编号带的是另一台设备的设备编号，平台不收：设备只用自己的设备编号（或注册时申报的原编号）编案件号，请确认本机的数据目录是它自己的，不是从另一台设备复制来的。"},
	{protocol.CodeBadEvent, "case number", "这条申请记录的案件编号缺失或格式不对，平台不收；请确认设备与平台的 tongban 版本相符。"},
	{protocol.CodeBadEvent, "does not know", "平台的版本较旧，不认识这种记录，请升级平台。"},
	{protocol.CodeBadEvent, "", "这条记录的格式不对，平台不收。"},
	{protocol.Rejected, "the event belongs to center", "这条记录属于另一个中心，本设备注册的中心不收。"},
	{protocol.Rejected, "an event with this id but different content", "平台上已有同一编号而内容不同的记录，平台保留原有的，不收这一条。"},
	{protocol.Rejected, "is already held by case", "案件编号 {number} 在本中心已被另一个案件（{holder}）占用，平台不收这条记录：请查明是哪两台设备编了同一个号，常见的是同一台设备的数据有两份在用（例如备份恢复到了另一个目录）（tongban status 列出此记录，tongban cases show 编号 显示本机的案件）。"},
	{protocol.Rejected, "is unknown to this platform", "平台的版本较旧，不认识这种记录，请升级平台。"},
	{protocol.Rejected, "is not a lower-case uuid", "记录的编号格式不对，平台不收。"},
	{protocol.Rejected, "the event has no case_id", "记录没有写明所属的案件，平台不收。"},
	{protocol.Rejected, "payload is not valid json", "记录的内容不是有效的 JSON，平台不收。"},
	{protocol.Rejected, "", "平台不收这条记录，原因见后面的英文说明。"},
}

// refusalText is the Chinese sentence for a refusal of the platform.
func refusalText(code, message string) string {
	lower := strings.ToLower(message)
	for _, r := range refusals {
		if r.code == code && strings.Contains(lower, r.phrase) {
			return fill(r.zh, message)
		}
	}
	return "平台拒绝了这个请求，原因见后面的英文说明。"
}

var (
	revokeMatch = regexp.MustCompile(`tongban platform devices --revoke \S+ --center \S+`)
	numberMatch = regexp.MustCompile(`the case number (\S+) is already held by case (\S+)`)
)

// fill puts into a Chinese sentence the values the platform's English
// one names: {revoke} the command that revokes the device (its short code
// and center), {number} and {holder} a case number and the case that
// holds it. A value the sentence lacks is said in words.
func fill(zh, message string) string {
	if strings.Contains(zh, "{revoke}") {
		cmd := revokeMatch.FindString(message)
		if cmd == "" {
			cmd = "tongban platform devices --revoke 设备号 --center 中心代码"
		}
		zh = strings.ReplaceAll(zh, "{revoke}", cmd+" --url 平台地址 --token 管理令牌")
	}
	if strings.Contains(zh, "{number}") {
		number, holder := "", "另一案件"
		if m := numberMatch.FindStringSubmatch(message); m != nil {
			number, holder = m[1], strings.TrimSuffix(m[2], ",")
		}
		zh = strings.ReplaceAll(strings.ReplaceAll(zh, "{number}", number), "{holder}", holder)
		zh = strings.ReplaceAll(zh, "案件编号  ", "案件编号")
	}
	return zh
}

// RejectionReason says in both languages why the platform refused one
// pushed event, for the list of parked events (tongban status). A reason
// the client wrote ("中文。 English", a refused push's sentence) is split
// in two; the platform's English reason gets its Chinese from refusals.
func RejectionReason(reason string) cases.Text {
	reason = oneLine(reason)
	if i := strings.LastIndex(reason, "。 "); i >= 0 && !hasHan(reason[i:]) {
		return cases.Text{ZH: reason[:i+len("。")], EN: strings.TrimSpace(reason[i+len("。 "):])}
	}
	if hasHan(reason) {
		return cases.Text{ZH: reason, EN: reason}
	}
	return cases.Text{ZH: refusalText(protocol.Rejected, reason), EN: capitalized(reason)}
}
