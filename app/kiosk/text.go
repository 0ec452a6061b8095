package kiosk

import (
	"fmt"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// Every word the kiosk shows, Simplified Chinese first. Format verbs are
// filled by Kiosk.tf. Keep the English short: it shares the Chinese layout.
var (
	// The chrome around every screen.
	tHome         = cases.Text{ZH: "首页", EN: "Home"}
	tToOtherLang  = cases.Text{ZH: "English", EN: "中文"} // the switch names the language it switches to
	tElderOn      = cases.Text{ZH: "长者模式", EN: "Large text"}
	tElderOff     = cases.Text{ZH: "标准模式", EN: "Standard text"}
	tBack         = cases.Text{ZH: "返回", EN: "Back"}
	tPrevPage     = cases.Text{ZH: "上一页", EN: "Previous"}
	tNextPage     = cases.Text{ZH: "下一页", EN: "Next"}
	tPage         = cases.Text{ZH: "第 %d/%d 页", EN: "Page %d of %d"}
	tCountdown    = cases.Text{ZH: "%d 秒后返回首页，点击屏幕继续", EN: "Returning to start in %d s — touch to continue"}
	tCountdownSub = cases.Text{ZH: "您填写的内容将被清除", EN: "What you entered will be cleared"}

	// Keypads.
	tBackspace  = cases.Text{ZH: "删除", EN: "Delete"}
	tClear      = cases.Text{ZH: "清空", EN: "Clear"}
	tSpace      = cases.Text{ZH: "空格", EN: "Space"}
	tCandPrev   = cases.Text{ZH: "上页", EN: "Prev"}
	tCandNext   = cases.Text{ZH: "下页", EN: "More"}
	tPinyinHint = cases.Text{ZH: "输入拼音，点选汉字", EN: "Type pinyin, tap a character"}
	tPickFirst  = cases.Text{ZH: "请先选字", EN: "pick first"}
	tToLatin    = cases.Text{ZH: "字母", EN: "ABC"}
	tToHanzi    = cases.Text{ZH: "拼音", EN: "Pinyin"}

	// Attract screen.
	tStart    = cases.Text{ZH: "点击开始办事", EN: "Touch to start"}
	tStartSub = cases.Text{ZH: "Touch to start", EN: "点击开始办事"}
	tWelcome  = cases.Text{ZH: "自助申请 · 查看办事指南 · 打印回执", EN: "Apply · Read the service guide · Get a receipt"}

	// Categories and item lists.
	tChooseCategory = cases.Text{ZH: "请选择办事类别", EN: "Choose a category"}
	tSearchButton   = cases.Text{ZH: "按拼音首字母查找事项", EN: "Find a service by pinyin initials"}
	tItemCount      = cases.Text{ZH: "%d 项", EN: "%d services"}
	tChooseItem     = cases.Text{ZH: "请选择事项", EN: "Choose a service"}
	tItemLine       = cases.Text{ZH: "%s · 承诺 %s", EN: "%s · promised in %s"}

	// Search screen.
	tSearchTitle = cases.Text{ZH: "查找事项", EN: "Find a service"}
	tSearchHint  = cases.Text{ZH: "请输入拼音首字母，例如 YYZZ（营业执照）", EN: "Type pinyin initials, e.g. YYZZ for 营业执照 (business licence)"}
	tNoResults   = cases.Text{ZH: "没有找到“%s”，请减少字母或按类别查找", EN: "Nothing found for “%s”; delete a letter or browse by category"}
	tResults     = cases.Text{ZH: "找到 %d 项", EN: "%d found"}

	// Service guide.
	tDepartment  = cases.Text{ZH: "办理部门", EN: "Department"}
	tLocation    = cases.Text{ZH: "办理地点", EN: "Where"}
	tWindowList  = cases.Text{ZH: "%s 号窗口", EN: "window %s"}
	tPlace       = cases.Text{ZH: "%s，%s", EN: "%s, %s"}
	tItemType    = cases.Text{ZH: "事项类型", EN: "Type"}
	tTimeLimit   = cases.Text{ZH: "办结时限", EN: "Time limit"}
	tDaysBoth    = cases.Text{ZH: "承诺 %s（法定 %s）", EN: "promised %s (legal limit %s)"}
	tWorkdays    = cases.Text{ZH: "%d 个工作日", EN: "%d working days"}
	tDoesNotFit  = cases.Text{ZH: "此栏最多%d个字，“%s”放不下；请先删除一些再输入。", EN: "This field holds at most %d characters, so “%s” does not fit; delete some first."}
	tOneWorkday  = cases.Text{ZH: "1 个工作日", EN: "1 working day"}
	tOnTheSpot   = cases.Text{ZH: "即办", EN: "on the spot"}
	tFee         = cases.Text{ZH: "收费标准", EN: "Fee"}
	tFree        = cases.Text{ZH: "免费", EN: "Free"}
	tFeeAmount   = cases.Text{ZH: "￥%d.%02d", EN: "CNY %d.%02d"}
	tFeeWithNote = cases.Text{ZH: "%s（%s）", EN: "%s (%s)"}
	tMaterials   = cases.Text{ZH: "申请材料", EN: "Materials to bring"}
	tOriginal    = cases.Text{ZH: "原件", EN: "original"}
	tCopy        = cases.Text{ZH: "复印件", EN: "copy"}
	tCount       = cases.Text{ZH: "%s %d 份", EN: "%[2]d × %[1]s"}
	tRequired    = cases.Text{ZH: "必需", EN: "required"}
	tOptional    = cases.Text{ZH: "视情况提供", EN: "if it applies"}
	tApply       = cases.Text{ZH: "我要申请", EN: "Apply"}
	tNoMaterials = cases.Text{ZH: "无需材料", EN: "No materials needed"}

	// Form.
	tFormTitle        = cases.Text{ZH: "填写申请：%s", EN: "Apply: %s"}
	tRequiredMark     = cases.Text{ZH: "（必填）", EN: " (required)"}
	tChecklist        = cases.Text{ZH: "请勾选您带来的材料", EN: "Tick the materials you have with you"}
	tChecklistPage    = cases.Text{ZH: "没带齐也可以提交，窗口会一次性告知需补齐的材料", EN: "You can submit without some; the window will list everything missing at once"}
	tPlaceholderID    = cases.Text{ZH: "18位，最后一位可能是X", EN: "18 characters; the last may be X"}
	tPlaceholderPhone = cases.Text{ZH: "11位手机号码", EN: "11-digit mobile number"}
	tPlaceholderDate  = cases.Text{ZH: "年-月-日，如 2026-03-01", EN: "year-month-day, e.g. 2026-03-01"}
	tPlaceholderCode  = cases.Text{ZH: "18位，见营业执照", EN: "18 characters, see the licence"}
	tCancel           = cases.Text{ZH: "取消", EN: "Cancel"}
	tReview           = cases.Text{ZH: "下一步：核对", EN: "Next: check"}
	tTapAField        = cases.Text{ZH: "请点击左侧要填写的项目", EN: "Tap a field on the left to fill it"}
	tChoiceHint       = cases.Text{ZH: "请在左侧点选一项", EN: "Tap one of the options on the left"}
	// On a portrait screen the keypad is under the form, not beside it.
	tTapAFieldAbove  = cases.Text{ZH: "请点击上方要填写的项目", EN: "Tap a field above to fill it"}
	tChoiceHintAbove = cases.Text{ZH: "请在上方点选一项", EN: "Tap one of the options above"}
	tFixErrors       = cases.Text{ZH: "有 %d 项需要修改，请看红色提示", EN: "%d entries need fixing; see the red notes"}
	tFixOneError     = cases.Text{ZH: "有 1 项需要修改，请看红色提示", EN: "1 entry needs fixing; see the red note"}
	tAllFixed        = cases.Text{ZH: "已全部改好，请点“下一步：核对”", EN: "All fixed; tap Next: check"}
	tDraftRestored   = cases.Text{ZH: "已恢复您刚才填写的内容", EN: "What you were entering has been restored"}

	// Confirm.
	tConfirmTitle = cases.Text{ZH: "请核对您填写的信息", EN: "Please check what you entered"}
	tEdit         = cases.Text{ZH: "返回修改", EN: "Edit"}
	tSubmit       = cases.Text{ZH: "确认提交", EN: "Submit"}
	tBringing     = cases.Text{ZH: "带来的材料", EN: "Materials you bring"}
	tNone         = cases.Text{ZH: "无", EN: "none"}
	tSaveFailed   = cases.Text{ZH: "保存失败，您填写的内容仍在。请再试一次，或到服务台求助。", EN: "Saving failed; what you entered is kept. Try again, or ask at the help desk."}
	tItemGone     = cases.Text{ZH: "该事项已停止办理，请到服务台咨询。", EN: "This service is no longer offered here; please ask at the help desk."}

	// Receipt.
	tReceiptTitle = cases.Text{ZH: "申请已提交", EN: "Application submitted"}
	tCaseNumber   = cases.Text{ZH: "申请编号", EN: "Case number"}
	tExpected     = cases.Text{ZH: "预计办结日期（如今日受理）", EN: "Due, if accepted today"}
	tGoTo         = cases.Text{ZH: "请带齐材料前往", EN: "Bring your materials to"}
	tShowNumber   = cases.Text{ZH: "请记下编号或拍下二维码，到窗口出示", EN: "Show this number or QR code at the window"}
	tDone         = cases.Text{ZH: "完成", EN: "Done"}
	tDoneIn       = cases.Text{ZH: "完成（%d）", EN: "Done (%d)"} // seconds until Done can be pressed
	// A printer fault is the staff's to clear: the citizen is told to ask,
	// the staff who come read what the printer reported.
	tPrintFailed = cases.Text{ZH: "没有打印出来（%s），申请已保存，请找工作人员帮忙。", EN: "Not printed (%s), but your application is saved: please ask staff."}
	tPrinting    = cases.Text{ZH: "正在打印回执和排队号……", EN: "Printing your receipt and queue ticket…"}
	tNoPaper     = cases.Text{ZH: "本机还没有接打印机，回执和排队号不会打印出来：请记下申请编号和排队号。", EN: "This kiosk has no printer yet, so no receipt or queue ticket comes out: note the case number and queue number."}
	tPrinted     = cases.Text{ZH: "请取走打印的回执和排队号。", EN: "Please take your printed receipt and queue ticket."}
	tPrintAgain  = cases.Text{ZH: "重新打印", EN: "Print again"}
	tTicket      = cases.Text{ZH: "排队号", EN: "Queue ticket"}

	// The start screen's other ways in; their subtitles are the other
	// language.
	tLookupStart = cases.Text{ZH: "查询办理进度", EN: "Check progress"}
	tRateStart   = cases.Text{ZH: "评价服务（好差评）", EN: "Rate our service"}

	// Looking up a case by its receipt or number.
	tLookupTitle     = cases.Text{ZH: "查询办理进度", EN: "Check the progress of an application"}
	tRateLookupTitle = cases.Text{ZH: "评价服务：请先找到您的申请", EN: "Rate our service: first find your application"}
	tScanHint        = cases.Text{ZH: "请将回执上的二维码对准扫描口", EN: "Hold the QR code on your receipt to the scanner"}
	// The keypad is beside the field on a landscape screen and under it
	// on a portrait one: the hint says where it is.
	tTypeHint          = cases.Text{ZH: "或用右侧按键输入申请编号，如 261127-K01-0042，横线可不输", EN: "Or type the case number on the keys on the right, e.g. 261127-K01-0042; the dashes may be left out"}
	tTypeHintBelow     = cases.Text{ZH: "或用下方按键输入申请编号，如 261127-K01-0042，横线可不输", EN: "Or type the case number on the keys below, e.g. 261127-K01-0042; the dashes may be left out"}
	tNumberPlaceholder = cases.Text{ZH: "申请编号", EN: "Case number"}
	tLookUp            = cases.Text{ZH: "查询", EN: "Look up"}
	tTypeFirst         = cases.Text{ZH: "请先扫描回执，或输入申请编号。", EN: "Scan your receipt or type the case number first."}
	tNotNumber         = cases.Text{ZH: "这不是申请编号或本中心的回执。编号形如 261127-K01-0042，请核对后重试。", EN: "This is neither a case number nor a receipt of this center. A number looks like 261127-K01-0042; check it and try again."}
	tNotFound          = cases.Text{ZH: "没有找到这个编号的申请，请核对编号；刚在别处提交的申请要稍后才能查到。", EN: "No application has this number; check it. One submitted elsewhere just now shows up a little later."}
	tScanAgain         = cases.Text{ZH: "回执二维码没有读全，请重新扫描。", EN: "The receipt code was not read in full; scan it again."}
	tForeignReceipt    = cases.Text{ZH: "此回执不是本中心开具或已被改动，请到服务台咨询。", EN: "This receipt was not issued here or was altered; please ask at the help desk."}
	tLookupFailed      = cases.Text{ZH: "查询失败，请再试一次，或到服务台求助。", EN: "The look-up failed; try again, or ask at the help desk."}

	// Progress of a case.
	tApplicant      = cases.Text{ZH: "申请人", EN: "Applicant"}
	tStatus         = cases.Text{ZH: "办理状态", EN: "Status"}
	tSubmittedOn    = cases.Text{ZH: "提交日期", EN: "Submitted"}
	tDueOn          = cases.Text{ZH: "承诺办结日期", EN: "Promised by"}
	tFromAcceptance = cases.Text{ZH: "受理后 %s", EN: "%s after acceptance"}
	tDaysLeft       = cases.Text{ZH: "还剩 %d 个工作日", EN: "%d working days left"}
	tOneDayLeft     = cases.Text{ZH: "还剩 1 个工作日", EN: "1 working day left"}
	tDueToday       = cases.Text{ZH: "今天到期", EN: "Due today"}
	tOverdue        = cases.Text{ZH: "已超期，请到服务台咨询", EN: "Overdue; please ask at the help desk"}
	tClockStopped   = cases.Text{ZH: "特别程序期间暂停计时", EN: "Paused during the special procedure"}
	tCompletedOn    = cases.Text{ZH: "办结日期", EN: "Completed"}
	tCalledTo       = cases.Text{ZH: "已叫号，请到 %s 号窗口", EN: "called to window %s"}
	tRatedAs        = cases.Text{ZH: "服务评价", EN: "Your rating"}
	tNotSynced      = cases.Text{ZH: "本机暂未收到此申请的最新办理信息，以窗口为准。", EN: "This kiosk may not have the latest news of this application; the window has it."}
	tMissingTitle   = cases.Text{ZH: "需补齐的材料（一次性告知）", EN: "Missing materials (full list)"}
	tRefusalTitle   = cases.Text{ZH: "不予受理的原因", EN: "Why it was not accepted"}
	tMaterialNo     = cases.Text{ZH: "第 %d 项材料", EN: "Material no. %d"}
	tRateThis       = cases.Text{ZH: "评价本次服务", EN: "Rate this service"}
	tHintDenied     = cases.Text{ZH: "已办结，结果为不予批准，理由见书面决定。", EN: "Completed: not approved; the written decision gives the reasons."}
	// A refusal's reasons are beside the facts on a landscape screen and
	// under them on a portrait one (statusHints has the landscape words).
	tRefusedBelow     = cases.Text{ZH: "不予受理，原因见下方。", EN: "Not accepted; the reasons are below."}
	tRefusedNoReasons = cases.Text{ZH: "不予受理，原因请到窗口咨询。", EN: "Not accepted; ask at the window why."}

	// Rating (好差评).
	tRateTitle       = cases.Text{ZH: "服务评价", EN: "Rate our service"}
	tRateAsk         = cases.Text{ZH: "您对本次服务满意吗？", EN: "How satisfied are you with this service?"}
	tRateVoluntary   = cases.Text{ZH: "评价自愿，每件申请评价一次", EN: "Rating is voluntary, once per application"}
	tSkipRating      = cases.Text{ZH: "不评价，返回", EN: "No rating, go back"}
	tWhyBad          = cases.Text{ZH: "请选择不满意的原因（可多选）", EN: "What went wrong? Choose one or more"}
	tCallback        = cases.Text{ZH: "服务中心将在 %d 个工作日内致电 %s 回访。", EN: "The center will call you at %[2]s within %[1]d working days."}
	tCallbackNoPhone = cases.Text{ZH: "服务中心将在 %d 个工作日内与您联系回访。", EN: "The center will contact you within %d working days."}
	tSendRating      = cases.Text{ZH: "提交评价", EN: "Send rating"}
	tChooseAgain     = cases.Text{ZH: "重新选择", EN: "Choose again"}
	tThanks          = cases.Text{ZH: "感谢您的评价", EN: "Thank you for your rating"}
	tYourRating      = cases.Text{ZH: "您的评价：%s", EN: "Your rating: %s"}
	tAlreadyRated    = cases.Text{ZH: "此事项已评价", EN: "This application has already been rated"}
	tOncePerCase     = cases.Text{ZH: "每件申请只能评价一次。", EN: "Each application takes one rating."}
	tRateFailed      = cases.Text{ZH: "评价没有保存，请再试一次，或到服务台求助。", EN: "Your rating was not saved; try again, or ask at the help desk."}
)

// statusHints say in a sentence what a status means for the citizen.
var statusHints = map[cases.Status]cases.Text{
	cases.StatusSubmitted:  {ZH: "已提交，请带齐材料到窗口办理受理。", EN: "Submitted; bring your materials to the window to have it accepted."},
	cases.StatusAccepted:   {ZH: "窗口已受理，正在办理。", EN: "Accepted at the window and being handled."},
	cases.StatusSupplement: {ZH: "材料不齐，请带齐所列材料到窗口办理。", EN: "Materials are missing; bring those listed to the window."},
	cases.StatusSuspended:  {ZH: "因特别程序（如听证、检验）暂停办理。", EN: "On hold for a special procedure, such as a hearing or a test."},
	cases.StatusCompleted:  {ZH: "已办结，准予办理。请按通知领取结果。", EN: "Completed and approved; collect the result as you were told."},
	cases.StatusRefused:    {ZH: "不予受理，原因见右侧。", EN: "Not accepted; the reasons are on the right."},
	cases.StatusWithdrawn:  {ZH: "申请已撤回。", EN: "The application was withdrawn."},
	cases.StatusConflict:   {ZH: "申请信息正在核对，请到服务台咨询。", EN: "The application is being checked; please ask at the help desk."},
}

// badReasons are the common reasons of a bad review, to tap; the Chinese
// is stored as the rating's comment.
var badReasons = []cases.Text{
	{ZH: "等待时间长", EN: "Long wait"},
	{ZH: "材料要求不清", EN: "Unclear what to bring"},
	{ZH: "工作人员态度", EN: "Staff attitude"},
	{ZH: "系统故障", EN: "System fault"},
	{ZH: "其他", EN: "Other"},
}

// itemTypes names the item types in English; the Chinese is the type itself.
var itemTypes = map[catalog.Type]string{
	catalog.TypeLicense: "Licensing", catalog.TypeFiling: "Filing", catalog.TypeConfirmation: "Confirmation",
	catalog.TypeAdjudication: "Adjudication", catalog.TypePayment: "Payment", catalog.TypeAward: "Award",
	catalog.TypeOther: "Other", catalog.TypePublic: "Public service",
}

// typeText names an item type.
func typeText(t catalog.Type) cases.Text {
	en, ok := itemTypes[t]
	if !ok {
		en = string(t)
	}
	return cases.Text{ZH: string(t), EN: en}
}

// bilingual makes a Text of a catalog's Chinese and English names; an
// empty English name shows the Chinese.
func bilingual(zh, en string) cases.Text {
	if en == "" {
		en = zh
	}
	return cases.Text{ZH: zh, EN: en}
}

// weekdays in both languages, Sunday first as time.Weekday counts.
var weekdays = [7]cases.Text{
	{ZH: "星期日", EN: "Sun"}, {ZH: "星期一", EN: "Mon"}, {ZH: "星期二", EN: "Tue"}, {ZH: "星期三", EN: "Wed"},
	{ZH: "星期四", EN: "Thu"}, {ZH: "星期五", EN: "Fri"}, {ZH: "星期六", EN: "Sat"},
}

// dateText writes a date as people read it: 2026年3月4日（星期三） or
// Wed 4 Mar 2026.
func dateText(d time.Time) cases.Text {
	d = d.In(cases.Zone)
	wd := weekdays[d.Weekday()]
	return cases.Text{
		ZH: fmt.Sprintf("%d年%d月%d日（%s）", d.Year(), int(d.Month()), d.Day(), wd.ZH),
		EN: fmt.Sprintf("%s %d %s %d", wd.EN, d.Day(), d.Month().String()[:3], d.Year()),
	}
}

// days writes a number of working days.
func days(n int) cases.Text {
	switch n {
	case 0:
		return tOnTheSpot
	case 1:
		return tOneWorkday
	}
	return tWorkdays.Format(n)
}
