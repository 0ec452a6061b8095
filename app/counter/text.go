package counter

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tongban/app/cases"
	"tongban/app/receipt"
	"tongban/app/scan"
	"tongban/app/staff"
	"tongban/app/store"
)

// Every word the counter shows, Simplified Chinese first. The counter shows
// both languages side by side (see both): clerks read the Chinese, a
// visiting colleague or support engineer the English. Format verbs are
// filled by bothf.
var (
	// Sign-in.
	tSignInTitle = cases.Text{ZH: "窗口签到", EN: "Counter sign-in"}
	tDevice      = cases.Text{ZH: "本机", EN: "Device"}
	tStaffID     = cases.Text{ZH: "工号", EN: "Staff ID"}
	tPIN         = cases.Text{ZH: "密码", EN: "PIN"}
	tSignIn      = cases.Text{ZH: "签到", EN: "Sign in"}
	tSignInEmpty = cases.Text{ZH: "请输入工号和密码。", EN: "Enter your staff ID and PIN."}
	tTriesLeft   = cases.Text{ZH: "再错 %d 次，柜台将锁定 5 分钟。", EN: "%d more wrong PINs lock the counter for 5 minutes."}
	tIdleLocked  = cases.Text{ZH: "长时间未操作，已自动签退，请重新签到。", EN: "Signed out after a time without use; sign in again."}
	tSignedOut   = cases.Text{ZH: "已签退。", EN: "Signed out."}
	tSignInFirst = cases.Text{ZH: "请先登录再扫描回执。", EN: "Sign in before scanning a receipt."}
	tChecking    = cases.Text{ZH: "正在核对……", EN: "Checking…"}
	tBackspace   = cases.Text{ZH: "删除", EN: "Delete"}
	tClear       = cases.Text{ZH: "清空", EN: "Clear"}

	// The scan bar, message line and status bar.
	tScan       = cases.Text{ZH: "扫码", EN: "Scan"}
	tScanHint   = cases.Text{ZH: "扫描回执二维码，或输入案件编号后按回车", EN: "Scan the receipt, or type a case number and press Enter"}
	tOpenImage  = cases.Text{ZH: "打开图片", EN: "Open image"}
	tFind       = cases.Text{ZH: "查找", EN: "Find"}
	tCallNext   = cases.Text{ZH: "叫号", EN: "Call next"}
	tSignOut    = cases.Text{ZH: "签退", EN: "Sign out"}
	tPrintAgain = cases.Text{ZH: "重新打印", EN: "Print again"}
	tClerk      = cases.Text{ZH: "经办人", EN: "Clerk"}
	tWindow     = cases.Text{ZH: "窗口", EN: "Window"}
	tOnline     = cases.Text{ZH: "在线", EN: "online"}
	tOffline    = cases.Text{ZH: "离线", EN: "offline"}
	tPending    = cases.Text{ZH: "待同步", EN: "To sync"}
	tLastSync   = cases.Text{ZH: "上次同步", EN: "Last sync"}
	tNever      = cases.Text{ZH: "从未", EN: "never"}
	// The kiosk's words for a device with no platform (app/cli syncText):
	// a way of working, not a fault.
	tStandalone = cases.Text{ZH: "本机离线办理（未接入平台）", EN: "Working on this device only (no platform)"}
	tReenroll   = cases.Text{ZH: "需要重新注册本设备，请联系技术人员", EN: "This device needs enrolling again: ask IT staff"}
	tIdleWarn   = cases.Text{ZH: "%d 秒后自动签退", EN: "signing out in %d s"}
	tImported   = cases.Text{ZH: "已从回执导入，尚未与平台同步。", EN: "Opened from the receipt; not yet synced with the platform."}
	tSyncedNow  = cases.Text{ZH: "平台已确认此案件，已同步。", EN: "The platform has confirmed this case: it is synced."}
	tOpened     = cases.Text{ZH: "已打开", EN: "Opened"}
	tPrevClosed = cases.Text{ZH: "上一个案件 %s 已关闭，以免误当作此次扫描的案件。", EN: "The previous case %s was closed so it is not taken for this scan."}
	tReading    = cases.Text{ZH: "正在识别图片……", EN: "Reading the image…"}

	// The image chooser (Ctrl+O).
	tImagePathHint = cases.Text{ZH: "输入或粘贴图片或文件夹的路径，回车打开", EN: "Type or paste the path of an image or a folder; Enter opens it"}
	tUpFolder      = cases.Text{ZH: "上一级", EN: "Up"}
	tOpenFile      = cases.Text{ZH: "打开", EN: "Open"}
	tNoSuchPath    = cases.Text{ZH: "找不到“%s”，请检查路径。", EN: "There is no %q; check the path."}
	tNotImage      = cases.Text{ZH: "“%s”不是 PNG 或 JPEG 图片。", EN: "%q is not a PNG or JPEG image."}
	tNoFolder      = cases.Text{ZH: "无法打开文件夹 %s。", EN: "The folder %s cannot be opened."}
	tNoImages      = cases.Text{ZH: "此文件夹中没有 PNG 或 JPEG 图片。", EN: "This folder holds no PNG or JPEG image."}
	tMoreFiles     = cases.Text{ZH: "只列出前 %d 项，其余请输入文件名。", EN: "Only the first %d are listed; type the name of another."}

	// The case view.
	tApplicant     = cases.Text{ZH: "申请人", EN: "Applicant"}
	tName          = cases.Text{ZH: "姓名", EN: "Name"}
	tIDNumber      = cases.Text{ZH: "证件号", EN: "ID number"}
	tPhone         = cases.Text{ZH: "手机", EN: "Phone"}
	tReveal        = cases.Text{ZH: "显示", EN: "Reveal"}
	tRevealedNote  = cases.Text{ZH: "（查看已记录）", EN: "(viewing recorded)"}
	tItem          = cases.Text{ZH: "事项", EN: "Service"}
	tForm          = cases.Text{ZH: "申请信息", EN: "Application"}
	tMaterials     = cases.Text{ZH: "材料清单（Alt+数字 勾选）", EN: "Materials (Alt+number ticks)"}
	tNoMaterials   = cases.Text{ZH: "此事项无需材料。", EN: "This service needs no materials."}
	tOriginal      = cases.Text{ZH: "原件", EN: "original"}
	tCopy          = cases.Text{ZH: "复印件", EN: "copy"}
	tCount         = cases.Text{ZH: "%s %d 份", EN: "%[2]d × %[1]s"}
	tRequired      = cases.Text{ZH: "必需", EN: "required"}
	tOptional      = cases.Text{ZH: "视情况", EN: "if it applies"}
	tDeclared      = cases.Text{ZH: "申请人称已带", EN: "declared"}
	tReceivedMark  = cases.Text{ZH: "已收", EN: "received"}
	tMissingMark   = cases.Text{ZH: "待补正", EN: "missing"}
	tToAskMark     = cases.Text{ZH: "将告知补正", EN: "to be asked for"}
	tArrivingMark  = cases.Text{ZH: "本次补交", EN: "handed in now"}
	tOwedMark      = cases.Text{ZH: "容缺待补交", EN: "owed (accepted with a shortfall)"}
	tTimeline      = cases.Text{ZH: "办理记录", EN: "Timeline"}
	tFromReceipt   = cases.Text{ZH: "来自回执，尚未同步", EN: "From receipt, not yet synced"}
	tTicket        = cases.Text{ZH: "排队号", EN: "Ticket"}
	tSubmittedAt   = cases.Text{ZH: "提交于", EN: "Submitted"}
	tDueLeft       = cases.Text{ZH: "承诺办结 %s，还剩 %s", EN: "Promised by %s: %s left"}
	tDueToday      = cases.Text{ZH: "承诺办结 %s，今日到期", EN: "Promised by %s: due today"}
	tOverdue       = cases.Text{ZH: "承诺办结 %s，已逾期 %s", EN: "Promised by %s: overdue by %s"}
	tDuePaused     = cases.Text{ZH: "已中止，期限暂停计算（原定 %s）", EN: "Suspended: the clock is stopped (was due %s)"}
	tDueNotStarted = cases.Text{ZH: "受理后起算，承诺 %s", EN: "Counted from acceptance: %s"}
	tWorkdays      = cases.Text{ZH: "%d 个工作日", EN: "%d working days"}
	tOneWorkday    = cases.Text{ZH: "1 个工作日", EN: "1 working day"}
	tOnTheSpot     = cases.Text{ZH: "即办", EN: "done on the spot"}
	tClosedOn      = cases.Text{ZH: "%s于 %s", EN: "%s on %s"}
	tNoteLine      = cases.Text{ZH: "备注", EN: "Note"}
	tByKiosk       = cases.Text{ZH: "自助机", EN: "kiosk"}
	tByCounter     = cases.Text{ZH: "窗口", EN: "counter"}
	tByScript      = cases.Text{ZH: "脚本", EN: "script"}
	tOnDevice      = cases.Text{ZH: "设备", EN: "Device"}
	tUnknownItem   = cases.Text{ZH: "本机目录中没有事项 %s，请同步目录。", EN: "This device's catalog lacks service %s; sync the catalog."}

	// Actions and their panels.
	tPrintPaperOf = cases.Text{ZH: "打印%s", EN: "Print the %s"}
	tConfirm      = cases.Text{ZH: "确认", EN: "Confirm"}
	tCancel       = cases.Text{ZH: "取消", EN: "Cancel"}
	tNote         = cases.Text{ZH: "备注（可不填）", EN: "Note (optional)"}

	tAcceptTitle     = cases.Text{ZH: "受理：按清单中勾选的材料收件", EN: "Accept with the materials ticked in the list"}
	tAcceptCount     = cases.Text{ZH: "已勾选 %d 项材料：%s", EN: "%d materials ticked: %s"}
	tAcceptShort     = cases.Text{ZH: "尚缺必需材料：%[1]s。可按 %[2]s 一次性告知补正；确需先行受理的，按 %[3]s 容缺受理，回执将列明待补交的材料。", EN: "Required materials not ticked: %[1]s. Ask for them in one notice (%[2]s), or accept with the shortfall (%[3]s); the receipt lists what is owed."}
	tAcceptNot       = cases.Text{ZH: "缺少必需材料 %[1]s，没有受理：请按 %[2]s 一次性告知补正，或按 %[3]s 容缺受理；没有作任何更改。", EN: "Not accepted: required materials are missing (%[1]s). Ask for them in one notice (%[2]s), or accept with the shortfall (%[3]s); nothing was changed."}
	tShortfall       = cases.Text{ZH: "容缺受理", EN: "Accept with shortfall"}
	tNoShortfall     = cases.Text{ZH: "必需材料均已勾选，按 Enter 确认即可，无需容缺受理。", EN: "Every material needed is ticked: press Enter to confirm; there is no shortfall."}
	tSavedShort      = cases.Text{ZH: "已保存：容缺受理，案件现为“已受理”；尚缺 %s，回执上列明待补交。", EN: "Saved: accepted with a shortfall; the case is now accepted. Still owed: %s, listed on the receipt."}
	tSupplyTitle     = cases.Text{ZH: "一次性告知：勾选全部缺少的材料（Alt+数字），确认后打印告知单", EN: "One-time notice: tick every missing material (Alt+number); the notice prints on confirming"}
	tOwedFirst       = cases.Text{ZH: "容缺受理的材料 %s 尚未补交：请先按 %s 登记收到的材料，再准予办结，或办结为不予批准；没有作任何更改。", EN: "Materials accepted as owed (%s) have not come: record them with %s before approving, or complete the case as denied; nothing was changed."}
	tNoticeLeavesOut = cases.Text{ZH: "告知单漏了必需材料 %s：请勾选列入告知，已收到的在清单上打勾（一次性告知要列出全部缺少的材料）。", EN: "The notice leaves out required materials (%s): tick them to ask for them, or tick them on the checklist as received; one notice asks for every missing material."}
	tSupplyNone      = cases.Text{ZH: "请至少勾选一项缺少的材料。", EN: "Tick at least one missing material."}
	tSupplied        = cases.Text{ZH: "补正材料已收：勾选收到的材料（Alt+数字；须含补正告知所列的全部材料）", EN: "Materials received: tick what came in (Alt+number; every material the notice asked for)"}
	tAskedMark       = cases.Text{ZH: "补正告知所列", EN: "asked for"}
	tSuppliedAll     = cases.Text{ZH: "补正告知所列材料已全部勾选。", EN: "Every material the notice asked for is ticked."}
	tSuppliedLeft    = cases.Text{ZH: "补正告知所列材料尚缺：%[1]s。请待补齐后再登记；确需先行受理的，按 %[2]s 容缺受理，将其记为待补交。", EN: "Asked for and not ticked: %[1]s. Record the receipt once all have come, or accept with the shortfall (%[2]s), recording them as owed."}
	tSuppliedNot     = cases.Text{ZH: "补正告知所列材料尚缺 %[1]s，没有登记：请待材料补齐后再登记，或按 %[2]s 容缺受理，将其记为待补交；没有作任何更改。", EN: "Not recorded: materials the notice asked for are still missing (%[1]s). Record the receipt once all have come, or accept with the shortfall (%[2]s), recording them as owed; nothing was changed."}
	tRefuseTitle     = cases.Text{ZH: "不予受理：每行写一条理由（Ctrl+Enter 确认），确认后打印通知书", EN: "Refuse: one reason a line (Ctrl+Enter confirms); the notice prints on confirming"}
	tRefuseNone      = cases.Text{ZH: "请至少写一条理由，通知书会打印出来。", EN: "Write at least one reason; the notice prints it."}
	tCommon          = cases.Text{ZH: "常用理由：", EN: "Common reasons:"}
	tSuspendTitle    = cases.Text{ZH: "中止办理：写明原因（如现场核查、公示、专家评审）", EN: "Suspend: give the reason (site inspection, public notice, expert review…)"}
	tSuspendNone     = cases.Text{ZH: "请写明中止的原因。", EN: "Give the reason for suspending."}
	tResumeTitle     = cases.Text{ZH: "恢复办理：写明原因", EN: "Resume: the reason"}
	tResumeNone      = cases.Text{ZH: "请写明恢复办理的原因（如核查已完成）。", EN: "Give the reason for resuming (the inspection is done, say)."}
	tWithdrawHead    = cases.Text{ZH: "撤回申请：写明原因", EN: "Withdraw: give the reason"}
	tWithdrawNone    = cases.Text{ZH: "请写明撤回的原因。", EN: "Give the reason for withdrawing."}
	tCompleteHead    = cases.Text{ZH: "办结：选择结果（Alt+Y 准予，Alt+N 不予批准）", EN: "Complete: choose the decision (Alt+Y approved, Alt+N denied)"}
	tApprove         = cases.Text{ZH: "准予", EN: "Approved"}
	tDeny            = cases.Text{ZH: "不予批准", EN: "Denied"}
	tChooseResult    = cases.Text{ZH: "请选择办结结果：准予或不予批准。", EN: "Choose the decision: approved or denied."}

	tSaved             = cases.Text{ZH: "已保存：%s，案件现为“%s”。", EN: "Saved: %s; the case is now %s."}
	tPrinted           = cases.Text{ZH: "已打印%s。", EN: "The %s has printed."}
	tPrinting          = cases.Text{ZH: "正在打印%s……", EN: "Printing the %s…"}
	tNoPrinter         = cases.Text{ZH: "本机未配置打印机，%s没有打印。", EN: "No printer is set up here, so the %s was not printed."}
	tCaseIsSaved       = cases.Text{ZH: "案件已保存。", EN: "The case is saved."}
	tNotPrinted        = cases.Text{ZH: "案件 %s 的%s没有打印，可按“重新打印”再打。", EN: "The %[2]s of case %[1]s did not print; press Print again."}
	tNotAllowed        = cases.Text{ZH: "案件当前为“%s”，不能%s；没有作任何更改。", EN: "The case is %s, so “%s” is not possible; nothing was changed."}
	tOvertaken         = cases.Text{ZH: "案件已被其他窗口处理（%[1]s），现为“%[2]s”，不能再%[3]s；没有作任何更改。", EN: "Another counter has handled the case meanwhile (%[1]s): it is now %[2]s, so “%[3]s” no longer applies; nothing was changed."}
	tOvertakenConflict = cases.Text{ZH: "案件已被其他窗口处理（%[1]s），现为“待核对”：请先在下方保留一个分支；没有作任何更改。", EN: "Another counter has handled the case meanwhile (%[1]s): it is now in conflict; keep one branch below first. Nothing was changed."}
	tPanelClosed       = cases.Text{ZH: "办理面板已关闭。", EN: "The panel was closed."}
	tPanelStays        = cases.Text{ZH: "其他设备刚更新了此案件（%[1]s），案件现为“%[2]s”；您正在办理的“%[3]s”仍可继续，已填写的内容已保留。", EN: "Another device has just updated this case (%[1]s); it is now %[2]s. You can go on with “%[3]s”: what you entered is kept."}
	tNewsBy            = cases.Text{ZH: "%[1]s，%[2]s，设备 %[3]s", EN: "%[1]s by %[2]s on device %[3]s"}
	tNewsOn            = cases.Text{ZH: "%[1]s，设备 %[2]s", EN: "%[1]s on device %[2]s"}
	tConflictOnly      = cases.Text{ZH: "案件待核对：请先在下方保留一个分支。", EN: "The case is in conflict: keep one branch below first."}
	tNoPaperInConflict = cases.Text{ZH: "案件待核对，没有可打印的回执或通知书：请先在下方保留一个分支，再打印。", EN: "A case in conflict has no receipt or notice to print: keep one branch below first, then print."}
	tNotFound          = cases.Text{ZH: "本机没有此案件：请核对编号，或同步后再试。", EN: "No such case on this device; check the number, or sync and try again."}
	tDiskFull          = cases.Text{ZH: "本机磁盘已满，没有保存：请联系技术人员腾出空间（tongban status 显示剩余空间），再试一次。", EN: "This device's disk is full, so nothing was saved: ask IT staff to free some space (tongban status shows what is left), then try again."}
	tNotSaved          = cases.Text{ZH: "没有保存。", EN: "Not saved."}
	tNoCase            = cases.Text{ZH: "请先扫描回执或打开一个案件。", EN: "Scan a receipt or open a case first."}
	tNoSeal            = cases.Text{ZH: "本机没有回执密钥，不能打印回执；请同步或导入本中心密钥。", EN: "This device has no receipt key, so it cannot print receipts; sync or import the center's keys."}

	// Conflicts.
	tConflictHead  = cases.Text{ZH: "%[1]s台设备对此案件作了不同处理。请核对这%[2]s个分支，保留正确的一个。", EN: "%[1]s devices handled this case differently. Check the %[2]s branches and keep the right one."}
	tConflictSome  = cases.Text{ZH: "几台设备对此案件作了不同处理。请核对各分支，保留正确的一个。", EN: "Devices handled this case differently. Check each branch and keep the right one."}
	tResolvedTwice = cases.Text{ZH: "%[1]s台设备核对此案件的冲突时保留了不同的分支。请核对这%[2]s次核对结果，保留正确的一个。", EN: "%[1]s devices resolved this case's conflict differently, each keeping another branch. Check the %[2]s resolutions and keep the right one."}
	tResolvedSome  = cases.Text{ZH: "几台设备核对此案件的冲突时保留了不同的分支。请核对各次核对结果，保留正确的一个。", EN: "Devices resolved this case's conflict differently, each keeping another branch. Check each resolution and keep the right one."}
	tReopened      = cases.Text{ZH: "此案件的冲突已经核对，但另有设备在收到核对结果之前又对它作了处理，核对时并未看到。请核对各分支，保留正确的一个。", EN: "This case's conflict was resolved, but a device that had not yet received the resolution acted on the case meanwhile, which the resolution never saw. Check the branches and keep the right one."}
	tBranch        = cases.Text{ZH: "分支 %d", EN: "Branch %d"}
	tKeep          = cases.Text{ZH: "保留此分支", EN: "Keep this"}
	tKept          = cases.Text{ZH: "已保留分支 %d，案件现为“%s”。", EN: "Branch %d kept; the case is now %s."}
	tChosenMark    = cases.Text{ZH: "已选择，待确认", EN: "chosen, to confirm"}
	tKeepAsk       = cases.Text{ZH: "保留分支 %d（%s）？确认后保存，不能撤销；其他分支的记录将标为“已搁置”。", EN: "Keep branch %d (%s)? It is saved on confirming and cannot be undone; the other branches' events will be marked set aside."}
	tBranchBefore  = cases.Text{ZH: "此前：%[1]s", EN: "before it: %[2]s"}
	tKeptLine      = cases.Text{ZH: "保留", EN: "Kept"}
	tAsideLine     = cases.Text{ZH: "搁置", EN: "Set aside"}
	tAsideMark     = cases.Text{ZH: "已搁置", EN: "set aside"}

	// Finding cases.
	tToday        = cases.Text{ZH: "今日案件及逾期、今日到期的案件（逾期在前）", EN: "Today's cases, and those overdue or due today (overdue first)"}
	tByStatus     = cases.Text{ZH: "状态为“%s”的案件，不限日期（逾期在前）", EN: "%s cases of any day (overdue first)"}
	tResults      = cases.Text{ZH: "查找结果", EN: "Results"}
	tResultsAll   = cases.Text{ZH: "查找结果（查找不按状态筛选）", EN: "Results (a search looks through every status)"}
	tDueTodayMark = cases.Text{ZH: "今日到期", EN: "due today"}
	tSearchHint   = cases.Text{ZH: "编号、手机号、证件或手机后四位、姓名，回车查找", EN: "Number, phone, last four of ID or phone, or name; Enter searches"}
	tAllStatuses  = cases.Text{ZH: "全部", EN: "All"}
	tStatusFilter = cases.Text{ZH: "状态", EN: "Status"}
	tNoCases      = cases.Text{ZH: "没有找到案件。", EN: "No cases found."}
	tMore         = cases.Text{ZH: "只显示前 %d 件，请缩小查找范围。", EN: "Showing the first %d; narrow the search."}
	tOverdueMark  = cases.Text{ZH: "逾期", EN: "overdue"}

	// The queue.
	tCalled       = cases.Text{ZH: "请 %s 号到 %s 窗口办理。", EN: "Ticket %s, please come to window %s."}
	tCalledNoWin  = cases.Text{ZH: "已叫 %s 号。", EN: "Ticket %s called."}
	tCallAskHead  = cases.Text{ZH: "叫下一号：屏幕上的案件还没有办理", EN: "Call next: the case on screen has not been handled"}
	tCallAsk      = cases.Text{ZH: "案件 %[1]s（%[2]s）仍是“已提交”，还没有受理、告知补正或不予受理。叫下一号会把这位申请人留在今日列表中。按 %[3]s 叫下一号，按 %[4]s 取消，继续办理此案件。", EN: "Case %[1]s (%[2]s) is still submitted: not accepted, asked for materials or refused. Calling next leaves this applicant in today's list. Press %[3]s to call next, or %[4]s to cancel and go on with this case."}
	tCallAskTyped = cases.Text{ZH: "打开的办理面板中有已输入的内容，叫下一号将不保存这些内容。按 %[1]s 叫下一号，按 %[2]s 返回面板继续。", EN: "The open panel holds what you typed; calling next drops it. Press %[1]s to call next, or %[2]s to go back to the panel."}
	tNoneWaiting  = cases.Text{ZH: "没有等候的号。", EN: "Nobody is waiting."}
)

// commonReasons are refusal reasons a clerk taps instead of typing
// (Administrative Licensing Law art. 32). They are recorded and printed in
// Chinese, the language of the notice.
var commonReasons = []string{
	"申请事项依法不需要取得行政许可",
	"申请事项不属于本行政机关职权范围",
	"申请人不具备申请资格",
	"申请材料存在虚假内容",
}

// labelled writes a label in both languages before a value typed in one:
// "理由 Reasons 材料不全".
func labelled(t cases.Text, v string) string { return both(t) + " " + v }

// labelledf is labelled with a value to format.
func labelledf(t cases.Text, format string, args ...any) string {
	return labelled(t, fmt.Sprintf(format, args...))
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

// both shows a text as "中文 English".
func both(t cases.Text) string { return t.Both() }

// bothf fills a text's format verbs in both languages.
func bothf(t cases.Text, args ...any) string {
	return fmt.Sprintf(t.ZH, args...) + " " + fmt.Sprintf(t.EN, args...)
}

// withText fills a text's verbs with texts, each in its own language:
// "已打印受理回执。 The acceptance receipt has printed."
func withText(t cases.Text, args ...cases.Text) string {
	zh, en := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		zh[i], en[i] = a.ZH, a.EN
	}
	return fmt.Sprintf(t.ZH, zh...) + " " + fmt.Sprintf(t.EN, en...)
}

// sentences writes several messages as one: all the Chinese sentences,
// then all the English ones, "中文。中文。 English. English.", so that
// neither language is read in the middle of the other. A message missing
// its closing stop gets one.
func sentences(parts ...cases.Text) string {
	var zh, en []string
	for _, p := range parts {
		if p.ZH = strings.TrimSpace(p.ZH); p.ZH != "" {
			zh = append(zh, closed(p.ZH, "。"))
		}
		if p.EN = strings.TrimSpace(p.EN); p.EN != "" {
			en = append(en, closed(p.EN, "."))
		}
	}
	out := strings.Join(zh, "")
	if len(en) > 0 {
		if out != "" {
			out += " "
		}
		out += strings.Join(en, " ")
	}
	return out
}

// closed ends a sentence with stop unless it ends in a stop already.
func closed(s, stop string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("。！？.!?…）)", r) {
		return s
	}
	return s + stop
}

// split takes apart a message written "中文。 English" — how the team's
// errors and the counter's own joined texts read — into its languages:
// the Chinese ends at the first "。 " that English follows. A message in
// one language only is taken as that language.
func split(s string) cases.Text {
	for i := 0; ; {
		j := strings.Index(s[i:], "。 ")
		if j < 0 {
			break
		}
		end := i + j + len("。")
		if rest := strings.TrimSpace(s[end:]); rest != "" && !hasHan(rest) {
			return cases.Text{ZH: s[:end], EN: rest}
		}
		i = end
	}
	if hasHan(s) {
		return cases.Text{ZH: s}
	}
	return cases.Text{EN: s}
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// withKey adds a shortcut to a button's label: "受理 Accept (F2)".
func withKey(t cases.Text, key string) string {
	if key == "" {
		return both(t)
	}
	return both(t) + " (" + key + ")"
}

// actionText names an action on its button; kindText names it in a sentence.
var actionText = map[cases.Kind]cases.Text{
	cases.KindAccepted:            {ZH: "受理", EN: "Accept"},
	cases.KindSupplementRequested: {ZH: "补正告知", EN: "Ask for materials"},
	cases.KindSupplementReceived:  {ZH: "补正已收", EN: "Materials received"},
	cases.KindRefused:             {ZH: "不予受理", EN: "Refuse"},
	cases.KindSuspended:           {ZH: "中止", EN: "Suspend"},
	cases.KindResumed:             {ZH: "恢复", EN: "Resume"},
	cases.KindCompleted:           {ZH: "办结", EN: "Complete"},
	cases.KindWithdrawn:           {ZH: "撤回", EN: "Withdraw"},
	cases.KindResolved:            {ZH: "保留分支", EN: "Keep a branch"},
	cases.KindRevealed:            {ZH: "查看证件号", EN: "Reveal the ID number"},
	cases.KindCalled:              {ZH: "叫号", EN: "Call"},
}

// sentence is what the clerk reads about an error: the error's own
// sentence when it has one in both languages (receipts, scans, clerks,
// printers), else a sentence for the domain's English sentinels, else the
// error's own text.
func sentence(err error, c *cases.Case) string {
	var locked *staff.LockedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &locked):
		return err.Error()
	case errors.Is(err, cases.ErrNotAllowed) && c != nil && c.Status == cases.StatusConflict:
		return both(tConflictOnly)
	case errors.Is(err, cases.ErrNotAllowed):
		return notAllowed(c, "")
	case errors.Is(err, cases.ErrNotFound):
		return both(tNotFound)
	case store.IsDiskFull(err):
		return both(tDiskFull)
	}
	for _, s := range bilingual {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return err.Error()
}

// notAllowed is the sentence for an action the case's status does not take.
func notAllowed(c *cases.Case, kind cases.Kind) string {
	st := cases.Status("?").Label()
	if c != nil {
		st = c.Status.Label()
	}
	what := actionText[kind]
	if what.ZH == "" {
		what = cases.Text{ZH: "该操作", EN: "this action"}
	}
	return fmt.Sprintf(tNotAllowed.ZH, st.ZH, what.ZH) + " " + fmt.Sprintf(tNotAllowed.EN, strings.ToLower(st.EN), what.EN)
}

// bilingual are the sentinel errors whose text is already a sentence in
// both languages.
var bilingual = []error{
	scan.ErrNothing, scan.ErrNoCode, scan.ErrSerial, scan.ErrCamera,
	receipt.ErrNotReceipt, receipt.ErrBadBase45, receipt.ErrUnknownKey, receipt.ErrAltered,
	receipt.ErrNewerVersion, receipt.ErrBadPayload,
	staff.ErrBadID, staff.ErrBadPIN, staff.ErrWrongPIN, staff.ErrDisabled,
}

// stamp formats an event's time for the timeline.
func stamp(t time.Time) string { return t.In(cases.Zone).Format("01-02 15:04") }

// day formats a date.
func day(t time.Time) string { return t.In(cases.Zone).Format("2006-01-02") }

// hhmm formats a time of day.
func hhmm(t time.Time) string { return t.In(cases.Zone).Format("15:04") }
