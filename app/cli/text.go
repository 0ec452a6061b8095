package cli

import "tongban/app/cases"

// Every sentence the command line says of its own, Simplified Chinese
// first, then English. Errors are made of them with failf and badf, lines
// of output with bothf; format verbs are filled in each language (errors.go).
// Technical detail from the system (an OS error) goes in the English only.
var (
	// Leads for an error from elsewhere that has no Chinese (report).
	tBadLead    = cases.Text{ZH: "输入有误，详见后面的英文说明。", EN: ""}
	tFailedLead = cases.Text{ZH: "命令没有完成，详见后面的英文说明。", EN: ""}

	// Commands and flags.
	tNoCommand        = cases.Text{ZH: "没有 %[1]q 这个命令，运行 tongban help 查看命令列表。", EN: "There is no command %[1]q; run tongban help for the list."}
	tNoSuchFlag       = cases.Text{ZH: "tongban %[1]s 没有 %[2]s 这个选项，运行 tongban %[1]s --help 查看它的选项。", EN: "tongban %[1]s has no flag %[2]s; run tongban %[1]s --help for its flags."}
	tFlagNeedsValue   = cases.Text{ZH: "%[1]s 需要一个值，运行 tongban %[2]s --help 查看用法。", EN: "%[1]s needs a value; run tongban %[2]s --help for its flags."}
	tFlagBadValue     = cases.Text{ZH: "%[2]s 的值 %[1]q 无效，运行 tongban %[3]s --help 查看用法。", EN: "%[1]q is not a valid value for %[2]s; run tongban %[3]s --help for its flags."}
	tFlagError        = cases.Text{ZH: "选项有误，运行 tongban %[1]s --help 查看用法。", EN: "%[2]s; run tongban %[1]s --help for its flags."}
	tNoDataDir        = cases.Text{ZH: "找不到数据目录，请用 --data 目录 指定一个。", EN: "Cannot find a data folder; give one with --data DIR."}
	tNoWindows        = cases.Text{ZH: "这个版本的 tongban 没有窗口，请使用命令行。", EN: "This build of tongban has no windows; use the command line."}
	tDisplayNotOpened = cases.Text{ZH: "打不开显示器 %[1]s（那里没有运行 X 服务，或本账户无权使用它）：请在设备的桌面会话中启动窗口，或检查 DISPLAY 和 XAUTHORITY。", EN: "Cannot open the display %[1]s (no X server runs there, or this account may not use it): start the window in the device's desktop session, or check DISPLAY and XAUTHORITY."}
	tNoDisplay        = cases.Text{ZH: "没有可用的显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）：请在设备的桌面会话中启动窗口，或设置 DISPLAY，例如 DISPLAY=:0。", EN: "There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set): start the window in the device's desktop session, or set DISPLAY, e.g. DISPLAY=:0."}
	tCannotRead       = cases.Text{ZH: "读不了文件 %[1]s（%[2]v），请检查路径和权限。", EN: "Cannot read %[1]s (%[2]v): check the path and the permissions."}
	tKeysFileExists   = cases.Text{ZH: "文件 %[1]s 已存在，可能存有其他密钥：请另选一个文件名，或先移走它。", EN: "%[1]s exists already and may hold other keys: choose another file name, or move it away first."}
	tCannotWrite      = cases.Text{ZH: "写不了文件 %[1]s（%[2]v），请检查目录和权限。", EN: "Cannot write %[1]s (%[2]v): check the folder and the permissions."}

	// The device's data.
	tSavedCatalogBroken = cases.Text{ZH: "本机保存的事项目录已损坏，暂用内置的示例目录；同步一次即可重新取得本中心的目录。", EN: "The catalog saved on this device is damaged (%[1]v), so the built-in sample catalog is in force; one sync brings the center's catalog back."}
	tSampleBroken       = cases.Text{ZH: "程序内置的示例数据（%[1]s）已损坏，请重新安装本程序。", EN: "The embedded sample %[1]s is broken (%[2]v); reinstall the program."}
	tNoKeysYet          = cases.Text{ZH: "本机还没有回执密钥，请运行 tongban sync 获取本中心的密钥。", EN: "This device has no receipt keys yet; run tongban sync to fetch the center's keys."}

	// tongban cases.
	tCasesWhat         = cases.Text{ZH: "请说明要做什么：tongban cases %[1]s（tongban cases --help 说明各子命令）。", EN: "Say what to do: tongban cases %[1]s (tongban cases --help says what each does)."}
	tCasesNoVerb       = cases.Text{ZH: "tongban cases 没有 %[1]q 这个子命令，可用：%[2]s。", EN: "tongban cases has no %[1]q; use %[2]s (tongban cases --help says what each does)."}
	tGiveItem          = cases.Text{ZH: "请用 --item 给出事项编码，tongban catalog search 可以查找编码。", EN: "Give the service item with --item CODE; tongban catalog search finds codes."}
	tFieldNotKV        = cases.Text{ZH: "--field %[1]q 不是“键=值”的形式。", EN: "--field %[1]q is not key=value."}
	tFieldTwice        = cases.Text{ZH: "--field %[1]s 给了两次（%[2]q 和 %[3]q），每项只能有一个值，请只留一个。", EN: "--field %[1]s is given twice (%[2]q and %[3]q); a field takes one value, so keep one."}
	tNoCatalogYet      = cases.Text{ZH: "注意：中心 %[1]s 还没有自己的事项目录，它的设备会用中心 %[2]s 的默认目录，回执上印的也是那个中心的名称和地址；请用 tongban platform catalog import 发布本中心的目录。", EN: "Note: center %[1]s has no catalog of its own yet, so its devices get center %[2]s's default catalog and print that center's name and address on receipts; publish one with tongban platform catalog import."}
	tNoCatalogAtAll    = cases.Text{ZH: "注意：中心 %[1]s 还没有事项目录，平台也没有默认目录，它的设备从平台得不到目录，只能用程序自带的示例目录；请用 tongban platform catalog import 发布本中心的目录。", EN: "Note: center %[1]s has no catalog yet and the platform has no default one, so its devices get none from the platform and use the sample built into the program; publish one with tongban platform catalog import."}
	tUseRevokeFlag     = cases.Text{ZH: "吊销设备要用选项 --revoke：tongban platform devices --revoke 设备编号（给出的是 %[1]q）；没有作任何更改。", EN: "Revoke a device with the flag --revoke: tongban platform devices --revoke DEVICE-ID (given: %[1]q); nothing was changed."}
	tEmptyRevoke       = cases.Text{ZH: "--revoke 后面是空的：请给出要吊销的设备编号，或加 --center 给出它的代号（如 C01）；没有作任何更改。", EN: "--revoke is empty: give the ID of the device to revoke, or its short code (such as C01) with --center; nothing was changed."}
	tRevokeWhichCenter = cases.Text{ZH: "代号 %[1]s 要加 --center 说明是哪个中心的设备（各中心的代号各自编排），或给出设备编号；没有作任何更改。", EN: "Give the center with --center for the short code %[1]s (each center numbers its own devices), or the device ID; nothing was changed."}
	tNoArgs            = cases.Text{ZH: "tongban %[1]s 只接受选项，不接受参数 %[2]q；tongban %[1]s --help 列出它的选项。", EN: "tongban %[1]s takes flags only, not the argument %[2]q; tongban %[1]s --help lists its flags."}
	tStrayArgs         = cases.Text{ZH: "tongban %[1]s 不接受参数 %[2]q，表单的值请用 --field 键=值 给出：tongban %[1]s %[3]s。", EN: "tongban %[1]s takes no argument %[2]q; give form values with --field key=value: tongban %[1]s %[3]s."}
	tFieldsMissing     = cases.Text{ZH: "缺少必填项：%[1]s，请用 --field 键=值 逐项填写。", EN: "Required fields are missing: %[1]s; give each with --field key=value."}
	tNoItem            = cases.Text{ZH: "没有事项 %[1]q，tongban catalog search 可以查找编码。", EN: "There is no service item %[1]q; tongban catalog search finds codes."}
	tBadMaterial       = cases.Text{ZH: "%[1]s 中的 %[2]s 不是此事项的材料编号：材料编号为 1 至 %[3]d（见 tongban catalog show %[4]s）。", EN: "%[1]s: %[2]s is not a material of this item; its materials are numbered 1 to %[3]d (tongban catalog show %[4]s)."}
	tNoSuchField       = cases.Text{ZH: "%[1]s：事项 %[2]s 没有这一项，可填写的项为：%[3]s。", EN: "%[1]s: item %[2]s has no such field; its fields are %[3]s."}
	tNoSuchFields      = cases.Text{ZH: "%[1]s：事项 %[2]s 没有这些项，可填写的项为：%[3]s。", EN: "%[1]s: item %[2]s has no such fields; its fields are %[3]s."}
	tNotAChoice        = cases.Text{ZH: "%[1]s：%[2]s只能是以下之一：%[3]s，不能是 %[4]q。", EN: "%[1]s: %[2]s must be one of %[3]s, not %[4]q."}
	tNoMaterials       = cases.Text{ZH: "事项 %[2]s 不需要材料，请去掉 %[1]s。", EN: "Item %[2]s needs no materials; leave out %[1]s."}
	tFieldWarning      = cases.Text{ZH: "请注意，%[1]s（%[2]s）：%[3]s案件已照常提交。", EN: "Note on %[1]s (%[2]s): %[3]s The case was submitted all the same."}
	tBadLimit          = cases.Text{ZH: "--limit 应为正整数，不能是 %[1]d。", EN: "--limit must be a positive whole number, not %[1]d."}
	tNoStatus          = cases.Text{ZH: "没有 %[1]q 这个状态，可用：%[2]s。", EN: "There is no status %[1]q; use one of %[2]s."}
	tBadDay            = cases.Text{ZH: "--day %[1]q 不是日期，请写成 2026-11-27 或 today。", EN: "--day %[1]q is not a date like 2026-11-27 (or today)."}
	tMore              = cases.Text{ZH: "还有 %[1]d 件未列出，用 --limit %[2]d 可全部列出。", EN: "%[1]d more not listed; --limit %[2]d lists them all."}
	tManyMore          = cases.Text{ZH: "还有超过 %[1]d 件未列出，请缩小查找范围，或用 --limit N 列出更多。", EN: "More than %[1]d more not listed; narrow the search, or list more with --limit N."}
	tGiveOneCase       = cases.Text{ZH: "请给出一个案件编号：tongban %[1]s %[2]s，案件编号形如 261127-K01-0042。", EN: "Give one case number: tongban %[1]s %[2]s, a number like 261127-K01-0042."}
	tNotCaseNumber     = cases.Text{ZH: "%[1]q 不是案件编号，案件编号形如 261127-K01-0042。", EN: "%[1]q is not a case number; a case number looks like 261127-K01-0042."}
	tNoCase            = cases.Text{ZH: "本机没有案件 %[1]s，请核对编号，或同步后再试。", EN: "No case %[1]s on this device; check the number, or sync and try again."}
	tFromReceipt       = cases.Text{ZH: "来自回执，尚未同步", EN: "From the receipt, not yet synced"}
	tOnDevice          = cases.Text{ZH: "设备", EN: "Device"}

	// tongban cases show: the marks of the materials and their legend, the
	// decision of a completed case, what was printed.
	tMarkReceived = cases.Text{ZH: "已收", EN: "received"}
	tMarkDeclared = cases.Text{ZH: "已申报，未收", EN: "declared, not checked in"}
	tMarkToCome   = cases.Text{ZH: "尚缺，待申请人补交", EN: "still to come"}
	tMarkLegend   = cases.Text{ZH: "标记", EN: "Marks"}
	// The form of a case, and what each event of its timeline decided.
	tFormHeading = cases.Text{ZH: "申请内容", EN: "Application"}
	tKept        = cases.Text{ZH: "保留", EN: "Kept"}
	tSetAside    = cases.Text{ZH: "已搁置", EN: "set aside"}

	// The counter's actions.
	tRevealStaff        = cases.Text{ZH: "查看完整证件号要记入案件的经过：请用 --staff 给出经办人工号，例如 tongban cases show 编号 --reveal --staff S001。", EN: "Seeing the whole ID number is recorded in the case's timeline: give the clerk with --staff, for example tongban cases show NUMBER --reveal --staff S001."}
	tRevealWords        = cases.Text{ZH: "查看完整证件号", EN: "have its ID number revealed"}
	tRoleCannot         = cases.Text{ZH: "本设备在平台注册为%[1]s，案件在这里不能%[2]s（平台不会接受）；请在窗口设备上办理，没有作任何更改。", EN: "This device is enrolled as a %[1]s, where no case can %[2]s (the platform would refuse it); do it on a counter device; nothing was changed."}
	tSayStaff           = cases.Text{ZH: "请用 --staff 工号 说明经办人，tongban staff list 列出本机的经办人。", EN: "Say who acts with --staff ID; tongban staff list shows the clerks."}
	tNoClerk            = cases.Text{ZH: "本机没有工号 %[1]q，请用 tongban staff add 添加（tongban staff list 列出本机的经办人）。", EN: "There is no clerk %[1]q on this device; add one with tongban staff add (tongban staff list shows them)."}
	tClerkDisabled      = cases.Text{ZH: "工号 %[1]s 已停用，请联系管理员，或换一位经办人。", EN: "Clerk %[1]s is disabled; ask the administrator, or act as another clerk."}
	tRequiredMissing    = cases.Text{ZH: "缺少必需材料 %[1]s：请用 tongban cases supplement %[2]s --missing %[3]s 一次性告知补正，或加 --tolerate 容缺受理；没有作任何更改。", EN: "Required materials are missing (%[1]s): ask for them in one notice with tongban cases supplement %[2]s --missing %[3]s, or add --tolerate to accept with the shortfall; nothing was changed."}
	tTolerated          = cases.Text{ZH: "容缺受理：尚缺 %[1]s，由申请人日后补交。", EN: "Accepted with a shortfall: %[1]s still to come from the applicant."}
	tStillMissing       = cases.Text{ZH: "补正告知所列材料尚缺 %[1]s：请待材料补齐后用 tongban cases supplied %[2]s --received %[3]s 登记，或加 --tolerate 容缺受理，将其记为待补交；没有作任何更改。", EN: "Materials the notice asked for are still missing (%[1]s): once all have come, record them with tongban cases supplied %[2]s --received %[3]s, or add --tolerate to accept with the shortfall, recording them as owed; nothing was changed."}
	tNoticeLeavesOut    = cases.Text{ZH: "补正告知漏了必需材料 %[1]s：一次性告知要列出全部缺少的材料，请把第 %[2]s 项加进 --missing，已收到的用 --received 登记；没有作任何更改。", EN: "The notice leaves out required materials (%[1]s): one notice asks for every missing material, so add %[2]s to --missing, or record those received with --received; nothing was changed."}
	tMissingAndReceived = cases.Text{ZH: "第 %[1]s 项材料不能既列为缺少又登记为已收到，请只写在 --missing 或 --received 之一里；没有作任何更改。", EN: "Material %[1]s cannot be both missing and received: give it in --missing or in --received, not both; nothing was changed."}
	tNoMissing          = cases.Text{ZH: "请用 --missing 列出全部缺少的材料（一次性告知），例如 tongban cases supplement %[1]s --missing 1,2。", EN: "Name every missing material with --missing, e.g. tongban cases supplement %[1]s --missing 1,2; one notice lists them all."}
	tNoReasons          = cases.Text{ZH: "不予受理须用 --reason 写明理由（每条一个 --reason），通知书会打印出来。", EN: "Give every reason for refusing with --reason (one for each); the notice prints them."}
	tNoReason           = map[cases.Kind]cases.Text{
		cases.KindSuspended: {ZH: "请用 --reason 写明中止的原因（如现场核查）。", EN: "Give the reason for suspending with --reason (an inspection, say)."},
		cases.KindResumed:   {ZH: "请用 --reason 写明恢复办理的原因（如核查已完成）。", EN: "Give the reason for resuming with --reason (the inspection is done, say)."},
		cases.KindWithdrawn: {ZH: "请用 --reason 写明撤回的原因（如申请人要求撤回）。", EN: "Give the reason for withdrawing with --reason (the applicant asked, say)."},
	}
	tOneDecision      = cases.Text{ZH: "--approved（准予）和 --denied（不予批准）只能给一个。", EN: "Give --approved or --denied, not both."}
	tOwedFirst        = cases.Text{ZH: "案件 %[1]s 容缺受理的材料 %[2]s 尚未补交：请先用 tongban cases supplied %[1]s --staff %[3]s --received %[4]s --data %[5]s 登记，再准予办结，或办结为不予批准（--denied）；没有作任何更改。", EN: "Case %[1]s owes materials accepted with a shortfall (%[2]s): record them with tongban cases supplied %[1]s --staff %[3]s --received %[4]s --data %[5]s before approving, or complete the case as denied (--denied); nothing was changed."}
	tAwaitingSupplied = cases.Text{ZH: "案件 %[1]s 正在等待补正材料（%[2]s），不能直接受理：材料交来后请用 tongban cases supplied %[1]s --staff %[3]s --received %[4]s --data %[5]s 登记，案件随之受理；没有作任何更改。", EN: "Case %[1]s awaits the materials of its notice (%[2]s) and cannot be accepted as it is: once they come, record them with tongban cases supplied %[1]s --staff %[3]s --received %[4]s --data %[5]s, which accepts the case; nothing was changed."}
	tSayDecision      = cases.Text{ZH: "请说明办结结果：--approved（准予）或 --denied（不予批准）。", EN: "Say how the case ends: --approved or --denied."}
	tGiveKeep         = cases.Text{ZH: "请用 --keep 给出要保留的分支的第一个事件编号（tongban cases show %[1]s 列出各分支）。", EN: "Give the branch to keep with --keep EVENT_ID (tongban cases show %[1]s lists the branches)."}
	tNotABranch       = cases.Text{ZH: "%[1]s 不是案件 %[2]s 某个分支的第一个事件，tongban cases show %[2]s 列出各分支。", EN: "%[1]s is not the first event of a branch of case %[2]s; tongban cases show %[2]s lists them."}
	tBadLevel         = cases.Text{ZH: "--level 是 1 至 5 的评价等级（5 非常满意 … 1 非常不满意），不能是 %[1]d。", EN: "--level is a rating from 1 to 5 (5 very satisfied … 1 very dissatisfied), not %[1]d."}
	tNotAllowed       = cases.Text{ZH: "案件 %[1]s 当前为“%[2]s”，不能%[3]s；没有作任何更改。", EN: "Case %[1]s is %[2]s and cannot %[3]s; nothing was changed."}
	tInConflict       = cases.Text{ZH: "案件 %[1]s 待核对：几台设备作了不同处理，请先用 tongban cases resolve %[1]s --staff 工号 --keep 事件编号 保留一个分支（tongban cases show %[1]s 列出各分支）；没有作任何更改。", EN: "Case %[1]s is in conflict between devices: keep one branch first with tongban cases resolve %[1]s --staff ID --keep EVENT_ID (tongban cases show %[1]s lists them); nothing was changed."}
	tNoteLabel        = cases.Text{ZH: "备注", EN: "Note"}
	tAlreadyRated     = cases.Text{ZH: "案件 %[1]s 已经评价过，每件只能评价一次。", EN: "Case %[1]s has already been rated; each case takes one rating."}

	// Printing, for the command line: no "Print again" button here.
	tPrintedOn   = cases.Text{ZH: "已送打印机 %[1]s。", EN: "Sent to the printer %[1]s."}
	tPrintedFile = cases.Text{ZH: "已打印到文件 %[1]s（预览图 %[2]s）。", EN: "Printed to the file %[1]s (preview %[2]s)."}
	// The printer's faults end in what to do next (%[2]s): run the command
	// again, or, after an action that is saved already, print its paper
	// with tongban receipt.
	tCoverOpen          = cases.Text{ZH: "打印机 %[1]s 的纸仓盖没有合上，请合好后%[2]s。", EN: "The printer cover is open (%[1]s): close it, then %[2]s."}
	tPaperOut           = cases.Text{ZH: "打印机 %[1]s 缺纸，请装入新纸卷后%[2]s。", EN: "The printer is out of paper (%[1]s): load a new roll, then %[2]s."}
	tPrinterFault       = cases.Text{ZH: "打印机 %[1]s 报告故障（例如切刀卡纸），请关掉电源再打开，然后%[2]s。", EN: "The printer reports a fault such as a cutter jam (%[1]s): switch it off and on, then %[2]s."}
	tPrinterOffline     = cases.Text{ZH: "打印机 %[1]s 未就绪，请检查电源和指示灯，然后%[2]s。", EN: "The printer is offline (%[1]s): check its power and lights, then %[2]s."}
	tPrinterUnreachable = cases.Text{ZH: "连接不上打印机 %[1]s，请检查数据线或网线和打印机电源，然后%[2]s。", EN: "The printer at %[1]s cannot be reached: check its cable or network and its power, then %[2]s."}
	tPrintFailed        = cases.Text{ZH: "在 %[1]s 上打印没有完成，请%[2]s，仍不行请联系技术人员。", EN: "Printing on %[1]s did not finish: %[2]s, and ask IT staff if it fails again."}
	tRunAgain           = cases.Text{ZH: "再运行一次此命令", EN: "run the command again"}
	tStatusAgain        = cases.Text{ZH: "再运行 tongban status 查看", EN: "run tongban status again to check"}
	tFolderUnwritable   = cases.Text{ZH: "打印到的目录 %[1]s 写不进去（%[3]v），请检查目录是否存在及其权限，然后%[2]s。", EN: "The print folder %[1]s cannot be written (%[3]v): check that it exists and its permissions, then %[2]s."}
	tPrintLater         = cases.Text{ZH: "用 tongban receipt %[1]s --print 补打（办理结果已保存）", EN: "print it with tongban receipt %[1]s --print (what was done is saved)"}
	tBadDocument        = cases.Text{ZH: "--document 只能是 receipt（受理回执）、supplement（一次性告知单）、refusal（不予受理通知书）或 ticket（取号单），不能是 %[1]q。", EN: "--document must be receipt, supplement, refusal or ticket, not %[1]q."}
	tNoSuchPaper        = cases.Text{ZH: "案件 %[1]s 当前为“%[2]s”，没有%[3]s可打印；不加 --document 即打印与其状态相符的文书。", EN: "Case %[1]s is %[2]s and has no %[3]s to print; without --document the paper that fits its status prints."}
	tConflictNoPaper    = cases.Text{ZH: "案件 %[1]s 当前为“%[2]s”，几台设备的处理不一致，不能打印回执或通知书；请先用 tongban cases resolve %[1]s --staff 工号 --keep 事件ID 核对（tongban cases show %[1]s 列出各分支），再打印。", EN: "Case %[1]s is in conflict (%[2]s): devices handled it differently, so no receipt or notice prints; resolve it first with tongban cases resolve %[1]s --staff ID --keep EVENT (tongban cases show %[1]s lists the branches), then print."}

	// Scanning.
	tScanGiveOne      = cases.Text{ZH: "请给出 --text 扫描内容、--image 图片文件 或 --camera 摄像头设备 中的一个。", EN: "Give one of --text PAYLOAD, --image FILE or --camera DEVICE."}
	tBadTimeout       = cases.Text{ZH: "--timeout 应为正的时长，例如 30s，不能是 %[1]s。", EN: "--timeout must be a positive duration such as 30s, not %[1]s."}
	tCameraNotThere   = cases.Text{ZH: "打不开摄像头 %[1]s（%[2]v），请检查数据线和设备名（ls /dev/video*），插好后再运行一次。", EN: "Cannot open the camera %[1]s (%[2]v): check its cable and the device name (ls /dev/video*), then run the command again."}
	tCameraSawNothing = cases.Text{ZH: "摄像头 %[1]s 在 %[2]s 内没有看到二维码，请把回执的二维码对准镜头后再试。", EN: "The camera %[1]s saw no QR code in %[2]s; hold the receipt's QR code in front of the lens and try again."}

	// tongban config.
	tBadRole           = cases.Text{ZH: "role 只能是 kiosk 或 counter，不能是 %[1]q。", EN: "role must be kiosk or counter, not %[1]q."}
	tBadProfileSetting = cases.Text{ZH: "printer_profile 只能是 %[1]s 之一，不能是 %[3]q。", EN: "printer_profile must be one of %[2]s, not %[3]q."}
	tBadIdle           = cases.Text{ZH: "idle_seconds 应为 30 至 600 之间的整数，不能是 %[1]q。", EN: "idle_seconds must be a whole number from 30 to 600, not %[1]q."}
	tBadLock           = cases.Text{ZH: "lock_seconds 须是 60 到 3600 之间的整数（窗口无人操作多少秒后自动签退），不能是 %[1]q。", EN: "lock_seconds must be a whole number from 60 to 3600 (seconds untouched before the counter signs the clerk out), not %[1]q."}
	tBadRetention      = cases.Text{ZH: "retention_days 应为 1 至 365 之间的整数，不能是 %[1]q。", EN: "retention_days must be a whole number from 1 to 365, not %[1]q."}
	tBadWindowed       = cases.Text{ZH: "windowed 只能是 true 或 false，不能是 %[1]q。", EN: "windowed must be true or false, not %[1]q."}
	tNoSetting         = cases.Text{ZH: "没有 %[1]q 这个设置项，可设置：%[2]s。", EN: "There is no setting %[1]q; the settings are %[2]s."}
	tEmptySetting      = cases.Text{ZH: "没有给出 %[1]s 的值，没有作任何更改；要恢复默认值，请用 tongban config %[1]s default。", EN: "No value was given for %[1]s, so nothing was changed; to go back to the default, use tongban config %[1]s default."}
	tConfigUse         = cases.Text{ZH: "用 tongban config 列出设置，用 tongban config 键 值 修改一项。", EN: "Use tongban config to list settings, or tongban config KEY VALUE to set one."}
	tConfigSet         = cases.Text{ZH: "已设置 %[1]s 为 %[2]s。", EN: "Set %[1]s to %[2]s."}
	tNotADevice        = cases.Text{ZH: "%[1]s 不是设备（是普通文件或文件夹），不能作%[2]s：请给出设备名，如 /dev/ttyACM0 或 /dev/video0（ls /dev 可查看）。", EN: "%[1]s is not a device (it is a file or a folder) and cannot be the %[2]s: give a device such as /dev/ttyACM0 or /dev/video0 (ls /dev lists them)."}
	tDeviceNotThere    = cases.Text{ZH: "注意：现在没有 %[1]s；请插上%[2]s后再打开窗口，或检查名字（ls /dev 可查看）。", EN: "Note: there is no %[1]s now; plug the %[2]s in before opening the window, or check the name (ls /dev lists devices)."}
	tConfigCleared     = cases.Text{ZH: "已清除 %[1]s。", EN: "Cleared %[1]s."}
	tDefault           = cases.Text{ZH: "默认", EN: "default"}
	tNone              = cases.Text{ZH: "无", EN: "none"}
	tKioskDemo         = cases.Text{ZH: "未设置，运行自助机演示", EN: "not set: the kiosk demo runs"}
	tEnrolledAs        = cases.Text{ZH: "平台注册为%[1]s", EN: "enrolled with the platform as %[1]s"}
	tRoleNames         = map[string]cases.Text{
		"kiosk":   {ZH: "自助机", EN: "kiosk"},
		"counter": {ZH: "窗口", EN: "counter"},
	}

	// tongban catalog, staff, keys, backup, restore.
	tCatalogWhat     = cases.Text{ZH: "请说明要做什么：tongban catalog search 关键词，或 tongban catalog show 事项编码。", EN: "Say what to do: tongban catalog search QUERY, or tongban catalog show CODE."}
	tCatalogNoVerb   = cases.Text{ZH: "tongban catalog 没有 %[1]q 这个子命令，可用 search 或 show。", EN: "tongban catalog has no %[1]q; use search or show."}
	tGiveSearchWords = cases.Text{ZH: "请给出要查找的词，例如 tongban catalog search yyzz。", EN: "Give words to search for, e.g. tongban catalog search yyzz."}
	tGiveItemCode    = cases.Text{ZH: "请给出一个事项编码，例如 tongban catalog show %[1]s。", EN: "Give one item code, e.g. tongban catalog show %[1]s."}
	tStaffWhat       = cases.Text{ZH: "请说明要做什么：tongban staff add 工号 --name 姓名 --pin 密码、staff list 或 staff disable 工号。", EN: "Say what to do: tongban staff add ID --name NAME --pin PIN, staff list, or staff disable ID."}
	tStaffNoVerb     = cases.Text{ZH: "tongban staff 没有 %[1]q 这个子命令，可用 add、list 或 disable。", EN: "tongban staff has no %[1]q; use add, list or disable."}
	tGiveClerk       = cases.Text{ZH: "请给出工号、--name 和 --pin：tongban staff add S001 --name 王芳 --pin 2468。", EN: "Give the staff ID, --name and --pin: tongban staff add S001 --name NAME --pin 2468."}
	tGiveStaffID     = cases.Text{ZH: "请给出工号：tongban staff disable S001。", EN: "Give the staff ID: tongban staff disable S001."}
	tKeysWhat        = cases.Text{ZH: "请说明要做什么：tongban keys export 文件，或 tongban keys import 文件。", EN: "Say what to do: tongban keys export FILE, or tongban keys import FILE."}
	tGiveKeyFile     = cases.Text{ZH: "请给出密钥文件：tongban keys %[1]s 文件。", EN: "Give the key file: tongban keys %[1]s FILE."}
	tGiveBackupFile  = cases.Text{ZH: "请给出要写入的备份文件：tongban backup 文件。", EN: "Give the file to write: tongban backup FILE."}
	tBackupNoStdout  = cases.Text{ZH: "备份要写入一个文件，不能写到标准输出（-）：请给出文件名，例如 tongban backup /media/usb/kiosk.db。", EN: "A backup is written to a file, not to standard output (-): give a file name, for example tongban backup /media/usb/kiosk.db."}
	tGiveRestoreFile = cases.Text{ZH: "请给出备份文件：tongban restore 文件。", EN: "Give the backup file: tongban restore FILE."}

	// backup.go and device.go.
	tBackupOverStore  = cases.Text{ZH: "%[1]s 是本机正在使用的数据文件，备份不能写在它上面，请另选一个数据目录以外的文件。", EN: "%[1]s is the store this device is using; write the backup to a file outside the data folder."}
	tBackupIsFolder   = cases.Text{ZH: "%[1]s 是一个文件夹，请给出文件名，例如 %[2]s。", EN: "%[1]s is a folder; give a file name, e.g. %[2]s."}
	tBackupNoFolder   = cases.Text{ZH: "没有文件夹 %[1]s，请先建好它，或换一个位置。", EN: "There is no folder %[1]s; create it first or choose another place."}
	tNoBackupFile     = cases.Text{ZH: "没有找到备份文件 %[1]s，请检查路径。", EN: "There is no backup file %[1]s; check the path."}
	tRestoreFolder    = cases.Text{ZH: "%[1]s 是一个文件夹，请给出其中的备份文件。", EN: "%[1]s is a folder; give the backup file in it."}
	tRestoreFromStore = cases.Text{ZH: "%[1]s 就是 %[2]s 正在使用的数据文件，请给出一个备份文件。", EN: "%[1]s is the store of %[2]s itself; give a backup file."}
	tRestored         = cases.Text{ZH: "已恢复：备份 %[1]s 已放到 %[2]s，原来的数据另存为 %[3]s，案件编号接着原来的继续。", EN: "Restored %[1]s into %[2]s; the previous store is kept as %[3]s, and case numbers go on from where it left off."}
	tRestoredNew      = cases.Text{ZH: "已恢复：备份 %[1]s 已放到 %[2]s（这里原来没有数据）。", EN: "Restored %[1]s into %[2]s, which held no store before."}
	tNoStoreYet       = cases.Text{ZH: "%[1]s（%[2]s）里还没有数据：这台设备还没有运行过（运行 tongban kiosk 或 tongban counter，或用 tongban enroll 注册），或者数据在别的目录（用 --data 指明）。", EN: "%[1]s (%[2]s) holds no data yet: the device has not run yet (run tongban kiosk or tongban counter, or enroll it with tongban enroll), or its data is in another folder (give it with --data)."}
	tNoPrinterYet     = cases.Text{ZH: "还没有设置打印机：回执将写入数据目录的 receipts 文件夹（用 tongban config printer 设置）。", EN: "No printer set up yet: receipts go to the receipts folder of the data folder (set one with tongban config printer)."}
	tNoStore          = cases.Text{ZH: "%[1]s（%[2]s）里还没有本机的数据：请先在这台机器上运行 tongban kiosk 或 tongban counter，或用 tongban enroll 注册本机；数据若在别的目录，请用 --data 指明。", EN: "There is no tongban store in %[1]s (%[2]s) yet: run tongban kiosk or tongban counter on this machine first, or enroll it with tongban enroll; if the data is in another folder, give it with --data."}
	tDataFromFlag     = cases.Text{ZH: "--data 给出的目录", EN: "given with --data"}
	tDataFromEnv      = cases.Text{ZH: "TONGBAN_DATA 指定的目录", EN: "from TONGBAN_DATA"}
	tDataDefault      = cases.Text{ZH: "默认数据目录", EN: "the default data folder"}

	// backup.go: a damaged store, what is not a file, a full disk, another device's backup.
	tBackupDamaged        = cases.Text{ZH: "数据文件 %[1]s 已损坏，没有写入备份，上一份完好的备份原样保留；请用 tongban restore 文件 恢复最近一份完好的备份，或联系技术支持。", EN: "The data file %[1]s is damaged at %[2]s; no backup was written, so the last good one is kept; restore the last good backup with tongban restore FILE, or contact support."}
	tRestoreDamaged       = cases.Text{ZH: "备份文件 %[1]s 已损坏，没有恢复，本机数据未作任何改动；请换一份完好的备份。", EN: "The backup %[1]s is damaged at %[2]s; nothing was restored or changed; choose another backup."}
	tStoreDamaged         = cases.Text{ZH: "本机的数据文件看来已损坏，无法读取：请用 tongban restore 文件 恢复最近一份完好的备份（损坏的文件会另存一份）；没有备份时请联系技术支持。", EN: "This device's data file looks damaged and cannot be read (at %[1]v): restore the last good backup with tongban restore FILE (the damaged file is kept beside it); if there is none, contact support."}
	tBackupOverOtherStore = cases.Text{ZH: "%[1]s 是设备的数据文件名（tongban.db），备份会替换掉那里的数据：请给备份另起一个名字，例如 %[2]s。", EN: "%[1]s has the name of a device's data file (tongban.db), whose data a backup would replace; give the backup another name, e.g. %[2]s."}
	tBackupOfOther        = cases.Text{ZH: "%[1]s 是另一台设备（%[2]s）的备份，本机的备份不会替换它：请另起一个名字，例如 %[3]s。", EN: "%[1]s is the backup of another device (%[2]s), which this device's backup never replaces; give another name, e.g. %[3]s."}
	tBackupInUse          = cases.Text{ZH: "%[1]s 是正在运行的程序使用中的数据文件，备份会替换掉它：请另起一个名字。", EN: "%[1]s is a data file a running program is using, which a backup would replace; give another name."}
	tBackupOverOther      = cases.Text{ZH: "%[1]s 已经存在，而且不是 tongban 备份，备份不会覆盖它：请另起一个名字，或先把它移走。", EN: "%[1]s exists and is not a tongban backup, which a backup never replaces; give another name, or move it away first."}
	tBackupNotFile        = cases.Text{ZH: "%[1]s 不是普通文件（而是设备、管道或套接字），备份不能写在那里，否则会把它替换掉；请给出一个普通文件的名字。", EN: "%[1]s is not a regular file (it is a device, a pipe or a socket), and a backup would replace it; give the name of a regular file."}
	tBackupDiskFull       = cases.Text{ZH: "%[1]s 所在的磁盘已满，备份没有写成，原有的文件没有被覆盖；请腾出空间，或把备份写到另一个磁盘。", EN: "The disk of %[1]s is full, so the backup was not written and nothing was written over; free some space or choose another disk."}
	tBackupNoPermission   = cases.Text{ZH: "没有权限在 %[1]s 写入备份，原有的文件没有被覆盖；请换一个有写入权限的位置，或以有权限的用户运行。", EN: "There is no permission to write the backup at %[1]s (%[2]v); nothing was written over; choose a place this user can write to."}
	tBackupFailed         = cases.Text{ZH: "备份没有写成（原因见后面的英文），原有的文件没有被覆盖；请检查 %[1]s 所在的目录和磁盘后再试。", EN: "The backup to %[1]s could not be written (%[2]v); nothing was written over; check its folder and disk and try again."}
	tRestoreOtherDevice   = cases.Text{ZH: "这个备份属于%[1]s，而本机是%[2]s：请选择本机的备份文件；如确要让本机成为那台设备（只适用于替换它的新机器），请加上 --other-device。", EN: "This backup is of %[1]s, but this device is %[2]s: use this device's backup, or add --other-device to make this machine that device deliberately (only sensible on a machine that replaces it)."}
	tDeviceLabel          = cases.Text{ZH: "中心 %[3]s 的%[1]s %[2]s", EN: "%[1]s %[2]s of center %[3]s"}
	tNoCenterYet          = cases.Text{ZH: "（未注册）", EN: "(not enrolled)"}
	tRestoredIsTheDevice  = cases.Text{ZH: "这个目录现在就是%[1]s：请用它代替原来那台设备，不要两边同时使用，否则两边会编出相同的案件编号；原设备还在用时，请改用一个空目录和新的注册码注册一台新设备。", EN: "This folder is now %[1]s: use it in place of the original device, never beside it, or both number cases alike; while the original is in use, enroll a new device from an empty folder with a new code instead."}
	tRestoredLeapt        = cases.Text{ZH: "今天的新案件从第 %[1]d 号编起（取号单从 100 号起）：备份之后原机器用过的号码要等第一次同步才取回，这样不会重号；能联网时请先同步一次。", EN: "Today's new cases are numbered from %[1]d on (queue tickets from 100): the numbers the old machine issued after the backup come back only with the first sync, so none is issued twice; sync once first when the network is there."}
	tRestoredCarried      = cases.Text{ZH: "原来的数据中尚未发送、备份里没有的 %[1]d 条记录已一并带入，下次同步时发送。", EN: "Unsent events of the previous store that the backup lacked were carried over (%[1]d); they go out with the next sync."}
	tRestoredNoneUnsent   = cases.Text{ZH: "原来的数据中没有备份里缺少的未发送记录。", EN: "The previous store had no unsent events the backup lacked."}
	tRestoredOther        = cases.Text{ZH: "已恢复：备份 %[1]s 已放到 %[2]s，本机现在是%[3]s（原来是%[4]s），原来的数据另存为 %[5]s。", EN: "Restored %[1]s into %[2]s: this machine is now %[3]s (it was %[4]s), and the previous store is kept as %[5]s."}
	tRestoredLeft         = cases.Text{ZH: "被替换设备尚未发送的 %[1]d 条记录没有带入，只保存在 %[2]s 中。", EN: "Unsent events of the replaced device were not carried over (%[1]d); they are only in %[2]s."}
	tRestoredOverDamaged  = cases.Text{ZH: "已恢复：备份 %[1]s 已放到 %[2]s。原来的数据文件已损坏，没有从中带入任何内容，它原样另存为 %[3]s；请尽快同步，取回备份之后送到平台的记录。", EN: "Restored %[1]s into %[2]s. The previous data file was damaged, so nothing was carried over from it; it is kept as it was in %[3]s; sync soon to bring back what reached the platform after the backup."}

	tKeysExported      = cases.Text{ZH: "已导出 %[1]d 个回执密钥到 %[2]s，请妥善保管此文件，不要外传。", EN: "Exported %[1]d receipt keys to %[2]s; keep the file secret."}
	tKeysEnrolled      = cases.Text{ZH: "本设备已向平台注册，回执密钥由平台下发，不能再导入别的密钥（否则本机开具的回执其他设备打不开）；未注册的设备请改为向同一平台注册。", EN: "This device is enrolled with a platform, which gives it the center's receipt keys; importing others would make its receipts unreadable elsewhere. Enroll the other devices with the same platform instead."}
	tKeysImported      = cases.Text{ZH: "已导入 %[1]d 个新的回执密钥（本机共 %[2]d 个），本机今后用密钥 %[3]s 开具回执，与导出它的设备相同。", EN: "Imported %[1]d new receipt keys (%[2]d in all); this device now seals receipts with key %[3]s, as the device that exported it does."}
	tKeysOwnStill      = cases.Text{ZH: "本机此前用自己的密钥 %[1]s 开具的回执，其他设备还打不开：请在本机 tongban keys export 文件，再到其他设备上 tongban keys import 该文件。", EN: "Receipts this device sealed before with its own key %[1]s do not open on the other devices yet: run tongban keys export FILE here, then tongban keys import FILE on each of them."}
	tClerkAdded        = cases.Text{ZH: "已添加经办人 %[1]s %[2]s。", EN: "Added clerk %[1]s %[2]s."}
	tClerkUpdated      = cases.Text{ZH: "已更新经办人 %[1]s 的姓名和密码（现为 %[2]s）。", EN: "Updated clerk %[1]s's name and PIN (now %[2]s)."}
	tClerkLocalOnly    = cases.Text{ZH: "注意：本设备已向平台注册，这位经办人只在本机，别的窗口没有；要让中心每个窗口都有，请在平台上添加：tongban platform staff add。", EN: "Note: this device is enrolled, so this clerk is on this device only, not on the other counters; to add a clerk for every counter of the center, use tongban platform staff add."}
	tClerkPlatformWins = cases.Text{ZH: "注意：本设备已向平台注册；这位经办人如果来自平台，平台下次更新经办人名单时会覆盖本机的修改，要长期修改请在平台上改：tongban platform staff add。", EN: "Note: this device is enrolled; if this clerk comes from the platform, its next list of clerks writes over this change: to keep it, change the clerk on the platform with tongban platform staff add."}
	tNoClerkEnrolled   = cases.Text{ZH: "本机没有工号 %[1]q：经办人由平台下发，请核对工号，或在平台上添加（tongban platform staff add）后同步（tongban sync --once）。", EN: "There is no clerk %[1]q on this device: clerks come from the platform; check the staff ID, or add the clerk there (tongban platform staff add) and sync (tongban sync --once)."}
	tClerkDisabledOK   = cases.Text{ZH: "已停用经办人 %[1]s %[2]s。", EN: "Disabled clerk %[1]s %[2]s."}
	tNoClerks          = cases.Text{ZH: "本机没有经办人，请用 tongban staff add 添加。", EN: "No clerks on this device; add one with tongban staff add."}
	tStaffHeader       = [5]cases.Text{{ZH: "工号", EN: "ID"}, {ZH: "姓名", EN: "Name"}, {ZH: "窗口", EN: "Windows"}, {ZH: "队列", EN: "Queues"}, {ZH: "状态", EN: "State"}}
	tClerkActive       = cases.Text{ZH: "在用", EN: "active"}
	tClerkOff          = cases.Text{ZH: "停用", EN: "disabled"}

	// tongban sync.
	tSyncRound       = cases.Text{ZH: "已推送 %[1]d 条（重复 %[2]d 条），被拒 %[3]d 条，已拉取 %[4]d 条，待同步 %[5]d 条。", EN: "Pushed %[1]d (duplicates %[2]d), rejected %[3]d, pulled %[4]d, pending %[5]d."}
	tSyncClerks      = cases.Text{ZH: "经办人：更新 %[1]d 个，跳过 %[2]d 个。", EN: "Clerks: updated %[1]d, skipped %[2]d."}
	tDirectoryFailed = cases.Text{ZH: "没能取得本中心的设备名录，沿用原有的（办理记录里的设备名称可能不全），下次同步再试。", EN: "%[1]s."}
	tClerksFailed    = cases.Text{ZH: "平台上有经办人条目无法使用，已跳过；请在平台上用 tongban platform staff add 改正。", EN: "%[1]s."}

	// tongban enroll and tongban platform.
	tGiveEnroll          = cases.Text{ZH: "请给出平台地址和注册码：tongban enroll --platform 地址 --code 注册码。", EN: "Give the platform and the code: tongban enroll --platform URL --code CODE."}
	tPlatformWhat        = cases.Text{ZH: "请说明要做什么：tongban platform serve、code、devices、catalog import 文件，或 staff add|disable|list（tongban platform --help）。", EN: "Say what to do: tongban platform serve, code, devices, catalog import FILE, or staff add|disable|list (tongban platform --help)."}
	tPlatformNoVerb      = cases.Text{ZH: "tongban platform 没有 %[1]q 这个子命令，可用 serve、code、devices、catalog import 或 staff。", EN: "tongban platform has no %[1]q; use serve, code, devices, catalog import or staff (tongban platform --help)."}
	tPlatformCatalogUse  = cases.Text{ZH: "用法：tongban platform catalog import 文件。", EN: "Use tongban platform catalog import FILE."}
	tPlatformStaffUse    = cases.Text{ZH: "用法：tongban platform staff add 工号 --name 姓名 --pin 密码 --center 中心代码、staff disable 工号 --center 中心代码，或 staff list --center 中心代码。", EN: "Use tongban platform staff add ID --name NAME --pin PIN --center C, staff disable ID --center C, or staff list --center C."}
	tTLSPair             = cases.Text{ZH: "请同时给出 --tls-cert 和 --tls-key，或都不给。", EN: "Give both --tls-cert and --tls-key, or neither."}
	tBadDatabase         = cases.Text{ZH: "--database 须是 postgres:// 开头的地址。", EN: "--database must be a postgres:// URL."}
	tBadAddr             = cases.Text{ZH: "--addr %[1]q 不是“主机:端口”形式的监听地址，例如 127.0.0.1:8080 或 :8443。", EN: "--addr %[1]q is not a listen address of the form host:port, such as 127.0.0.1:8080 or :8443."}
	tCannotListen        = cases.Text{ZH: "不能在 %[1]s 上监听，请用 --addr 换一个空闲的地址。", EN: "Cannot listen on %[1]s (%[2]v); choose a free address with --addr."}
	tGiveURL             = cases.Text{ZH: "请用 --url 给出平台地址，例如 --url http://127.0.0.1:8080。", EN: "Give the platform with --url, e.g. --url http://127.0.0.1:8080."}
	tGiveToken           = cases.Text{ZH: "请用 --token 给出管理令牌（平台启动时会说明令牌存放在哪里）。", EN: "Give the admin token with --token (the platform prints where it keeps it)."}
	tGiveCenter          = cases.Text{ZH: "请用 --center 给出中心的6位行政区划代码，例如 --center 130102。", EN: "Give the center's 6-digit division code with --center, e.g. --center 130102."}
	tGiveRole            = cases.Text{ZH: "请给出 --role kiosk 或 --role counter。", EN: "Give --role kiosk or --role counter."}
	tGiveCatalogFile     = cases.Text{ZH: "请给出目录文件：tongban platform catalog import 文件。", EN: "Give the catalog file: tongban platform catalog import FILE."}
	tGivePlatformClerk   = cases.Text{ZH: "请给出工号、--name 和 --pin：tongban platform staff add S001 --name 王芳 --pin 2468 --center 130102。", EN: "Give the staff ID, --name and --pin: tongban platform staff add S001 --name NAME --pin 2468 --center 130102."}
	tGivePlatformStaffID = cases.Text{ZH: "请给出工号：tongban platform staff disable S001 --center 130102。", EN: "Give the staff ID: tongban platform staff disable S001 --center 130102."}
	tNoPlatformClerk     = cases.Text{ZH: "平台上中心 %[1]s 没有工号 %[2]q，tongban platform staff list --center %[1]s 列出该中心的经办人。", EN: "Center %[1]s has no clerk %[2]q on the platform; tongban platform staff list --center %[1]s shows them."}
	tPlatformStaffHead   = cases.Text{ZH: "中心 %[1]s 的经办人，人员名单版本 %[2]d：", EN: "Clerks of center %[1]s, staff version %[2]d:"}
	tAdminUnreachable    = cases.Text{ZH: "连接不上平台 %[1]s，请检查地址，以及平台是否在运行。", EN: "The platform at %[1]s cannot be reached (%[2]v); check the URL and that it is running."}
)

// The window that holds the store, answering commands run beside it.
var tRelayRefused = cases.Text{ZH: "正在运行的窗口只代为执行只读命令（status、backup、cases list/show、ratings、config）。",
	EN: "The running window only runs commands that read (status, backup, cases list/show, ratings, config) for others."}

// The sentences of tongban enroll, sync, status and the platform's
// commands.
var (
	// tongban enroll.
	tDemoCases = cases.Text{ZH: "这个数据目录有 %[1]d 件注册前（演示身份）办理的案件，注册后会上传到正式的中心；请改用一个空的数据目录注册，或加上 --keep-cases 把它们一并上传。",
		EN: "This data folder holds cases made before enrollment (%[1]d, under the demo identity), which enrolling would send to the real center; enroll with an empty data folder, or add --keep-cases to upload them."}
	tEnrolled = cases.Text{ZH: "已注册为中心 %[1]s 的%[2]s %[3]s（设备 %[4]s）。", EN: "Enrolled as %[2]s %[3]s of center %[1]s (device %[4]s)."}
	tMoved    = cases.Text{ZH: "本设备原先与另一个平台同步：现从新平台的第一条记录开始拉取，并把本机产生的 %[1]d 条记录重新排队发给新平台（平台对每条只保存一次）。",
		EN: "This device synced with another platform before: it now pulls the new platform's feed from the start, and queues the events it made again for it (%[1]d; the platform keeps each once)."}

	// tongban status: a parked event whose case is not on this device.
	tCaseNotHere = cases.Text{ZH: "案件 %[1]s（本机没有）", EN: "case %[1]s (not on this device)"}

	// tongban platform serve and the admin commands.
	tBadTLSFiles    = cases.Text{ZH: "读不了 TLS 证书 %[1]s 和私钥 %[2]s，请给出一对相配的 PEM 证书和私钥文件。", EN: "Cannot load the TLS certificate %[1]s with the key %[2]s (%[3]v); give a PEM certificate and its matching private key."}
	tBadDatabaseURL = cases.Text{ZH: "--database 的地址无法使用，请写成 postgres://用户@主机:5432/数据库 的形式。", EN: "The --database URL is not usable (%[1]v); write it as postgres://user@host:5432/database."}
	tNoDatabase     = cases.Text{ZH: "连接不上数据库 %[1]s，请确认 PostgreSQL 正在运行，并且地址、用户名和密码都正确。", EN: "Cannot connect to the database %[1]s (%[2]s); check that PostgreSQL runs and that the URL, user and password are right."}
	tBadTTL         = cases.Text{ZH: "--ttl 应为正的时长，例如 24h 或 30m，不能是 %[1]s。", EN: "--ttl must be a positive duration such as 24h or 30m, not %[1]s."}
	tRevoked        = cases.Text{ZH: "已吊销设备 %[1]s（%[2]s %[3]s），它要用新的注册码重新注册才能再同步。", EN: "Revoked device %[1]s (%[2]s %[3]s); it needs a new enrollment code to sync again."}
	tAlreadyRevoked = cases.Text{ZH: "设备 %[1]s（%[2]s %[3]s）早已吊销，没有作任何更改。", EN: "Device %[1]s (%[2]s %[3]s) was already revoked; nothing was changed."}
	tNoSuchDevice   = cases.Text{ZH: "平台上没有编号为 %[1]q 的设备，没有吊销任何设备；tongban platform devices 列出各设备的编号。", EN: "No device has the ID %[1]q on the platform, so nothing was revoked; tongban platform devices lists the devices with their IDs."}
	tUnknownCenter  = cases.Text{ZH: "平台不认识中心 %[1]s：没有哪个已发布的事项目录或已注册的设备属于它（平台认识的中心：%[3]s），没有生成注册码。请核对中心代码是否输错；确要开设新中心，请加 --new-center。", EN: "%[2]s.%.0[3]s"}
	tBadCatalogFile = cases.Text{ZH: "文件 %[1]s 不是有效的事项目录，没有导入；具体问题（如哪个事项的哪一项）见后面的英文说明。", EN: "%[1]s is not a valid catalog, so nothing was imported: %[2]v"}
	tDevicesHeader  = [7]cases.Text{{ZH: "设备编号", EN: "Device ID"}, {ZH: "角色", EN: "Role"}, {ZH: "代号", EN: "Code"}, {ZH: "中心", EN: "Center"},
		{ZH: "名称", EN: "Name"}, {ZH: "状态", EN: "State"}, {ZH: "最近联系（中心时间 UTC+8）", EN: "Last seen (center time, UTC+8)"}}
	tDeviceActive  = cases.Text{ZH: "在用", EN: "active"}
	tDeviceRevoked = cases.Text{ZH: "已吊销", EN: "revoked"}
	tNeverSeen     = cases.Text{ZH: "从未联系", EN: "never"}
	tNoDevices     = cases.Text{ZH: "平台上还没有注册的设备；tongban platform code 生成注册码。", EN: "No device is enrolled on the platform yet; tongban platform code makes an enrollment code."}
)

// The sentences of the IT staff's commands: stop, status's health checks,
// a full disk, enrollment over another role, config and print-test.
var (
	// The data folder held by another process (relay.go, stop.go).
	tWindowRunsAlready = cases.Text{ZH: "这个数据目录上的%[1]s程序已经在运行（进程 %[2]d），不用再打开；要重新打开它，请先用 tongban stop 关闭。", EN: "The %[1]s window already runs on this data folder (process %[2]d), so there is no need to start it again; to restart it, close it with tongban stop first."}
	tLockedByWindow    = cases.Text{ZH: "数据目录正被正在运行的%[1]s程序使用：请先用 tongban stop 关闭它（之后运行 tongban 或重新登录即可再打开），再运行此命令。", EN: "The data folder is in use by the running %[1]s window: close the window with tongban stop first (tongban, or the next login, starts it again), then run this command again."}
	tLockedStop        = cases.Text{ZH: "数据目录正被另一个 tongban 程序使用：如果是自助机或窗口程序，请先用 tongban stop 关闭窗口，如果是别的命令，请等它结束；或用 --data 换一个目录。", EN: "The data folder is in use by another tongban process: if it is the kiosk or counter window, close the window with tongban stop first, and if it is another command, wait for it to end; or use another --data folder."}
	tLockedByCommand   = cases.Text{ZH: "数据目录正被另一个不代为执行命令的 tongban 程序使用（例如一直运行的 tongban sync）：请等它结束或先结束它，或用 --data 换一个目录。", EN: "The data folder is in use by another tongban process that does not run commands for others (such as tongban sync left running): wait for it to end or end it first, or use another --data folder."}
	tWindowSilent      = cases.Text{ZH: "占用数据目录的%[1]s程序在 %[2]d 秒内没有应答，可能已卡住：请%[3]s，再运行 tongban 重新打开。", EN: "The %[1]s window holding the data folder did not answer within %[2]d s and may hang: %[3]s, then start it again with tongban."}
	tKillProcess       = cases.Text{ZH: "用 %[1]s 结束它", EN: "end it with %[1]s"}
	tKillUnknown       = cases.Text{ZH: "结束它的进程", EN: "end its process"}
	tKioskOrCounter    = cases.Text{ZH: "自助机或窗口", EN: "kiosk or counter"}
	tWindowGone        = cases.Text{ZH: "自助机或窗口程序在执行此命令之前已经关闭，请再运行一次此命令。", EN: "The window closed before it ran this command; run the command again."}
	tWindowStopped     = cases.Text{ZH: "已关闭%[1]s程序；运行 tongban 或重新登录即可再打开。", EN: "Closed the %[1]s window; tongban, or the next login, starts it again."}
	tNoWindowRunning   = cases.Text{ZH: "没有正在运行的自助机或窗口程序使用这个数据目录，不需要关闭。", EN: "No window is running on this data folder; there is nothing to close."}
	tNoWindowToStop    = cases.Text{ZH: "占用数据目录的程序没有可关闭的界面，请结束它的进程。", EN: "The process holding the data folder has no window to close; end its process instead."}

	// A full disk, wherever an error is reported (report).
	tDiskFull        = cases.Text{ZH: "磁盘已满，命令没有完成：请腾出磁盘空间（tongban status 显示剩余空间）后再运行一次此命令。", EN: "The disk is full (%[1]s), so the command did not finish: free some space (tongban status shows what is left) and run the command again."}
	tReadOnlyDisk    = cases.Text{ZH: "数据目录所在的磁盘是只读的（磁盘可能出了故障），命令没有完成：现在只能查看和备份（tongban backup 到另一块磁盘），不能办理；请检查磁盘。", EN: "The data folder's disk is read-only (it may be failing), so the command did not finish: for now the data can only be read and backed up (tongban backup to another disk), not changed; check the disk."}
	tProblemReadOnly = cases.Text{ZH: "数据目录所在的磁盘是只读的（磁盘可能出了故障）：现在只能查看和备份（tongban backup 到另一块磁盘），不能办理；请检查磁盘。", EN: "The data folder's disk is read-only (it may be failing): the data can only be read and backed up (tongban backup to another disk), not changed; check the disk."}
	tProblemClock    = cases.Text{ZH: "本机时钟比平台%[1]s %[2]s：请开启自动对时（timedatectl set-ntp true）；否则本机记录的时间不准，快一小时以上的记录平台不收。", EN: "This device's clock is %[2]s %[1]s the platform's: turn on automatic time (timedatectl set-ntp true); otherwise its records carry the wrong time, and the platform refuses those more than an hour ahead."}
	tClockAhead      = cases.Text{ZH: "快", EN: "ahead of"}
	tClockBehind     = cases.Text{ZH: "慢", EN: "behind"}

	// tongban status: what needs looking at, one sentence each.
	tProblemNoStore       = cases.Text{ZH: "数据目录 %[1]s 里还没有数据：设备还没有运行过，或者 --data 给错了目录。", EN: "The data folder %[1]s holds no data yet: the device has not run, or --data names the wrong folder."}
	tProblemEnrollAgain   = cases.Text{ZH: "平台不再接受本设备，请用新的注册码重新注册（tongban enroll），本机数据会保留。", EN: "The platform no longer accepts this device: enroll it again with a new code (tongban enroll); its data is kept."}
	tProblemNeverSynced   = cases.Text{ZH: "本设备已注册，但还没有成功同步过：请运行 tongban sync --once 查看原因。", EN: "This device is enrolled but has never synced: run tongban sync --once to see why."}
	tProblemSyncFailing   = cases.Text{ZH: "平台能连上，但上次同步没有完成：%[1]s 请运行 tongban sync --once 再试；仍不行，请把这句话告知技术支持。", EN: "The platform answers, but the last sync did not finish: %[1]s. Run tongban sync --once to try again; if it fails again, report this sentence."}
	tStaleAdminToken      = cases.Text{ZH: "已删除 %[1]s：它是平台上次启动时生成的管理令牌，现在起作用的是 %[2]s 给出的令牌。", EN: "Removed %[1]s: it held the admin token of an earlier start, and the token given by %[2]s is in force now."}
	tBackupReplaced       = cases.Text{ZH: "（替换了原来在那里的文件）", EN: "(replacing the file that was there)"}
	tShortAdminToken      = cases.Text{ZH: "%[1]s 给出的管理令牌不足 %[2]d 个字符（去掉首尾空格后），容易被猜中，平台没有启动：请给一个更长的令牌，或者不给，由平台生成一个写进数据目录的 admin-token 文件。", EN: "The admin token from %[1]s has fewer than %[2]d characters (trimmed), so it is easily guessed and the platform did not start: give a longer one, or none, and the platform writes one into DATA/admin-token."}
	tProblemUnreachable   = cases.Text{ZH: "连接不上平台 %[1]s：待同步的记录留在本机排队，请检查网络，以及平台是否在运行。", EN: "The platform %[1]s cannot be reached: what waits to sync stays queued on this device; check the network and that the platform runs."}
	tProblemCopied        = cases.Text{ZH: "本设备的数据另有一份在使用（平台传来本机没有办过的本设备案件 %[1]s，%[2]s）：两份会编出相同的案件编号，后同步的一份被平台拒收。请只保留一份在用，另一份先停用，再用空目录和新的注册码注册为新设备；另一份的案件 3 天不再传来，此提示就会消失。", EN: "Another copy of this device's data is in use (the platform sent this device's case %[1]s of %[2]s, which it never handled here): both copies number cases alike, and the platform refuses the one that syncs second. Keep one copy in use: stop the other, then enroll it as a new device from an empty folder with a new code; this goes once no case of the other copy has come for 3 days."}
	tProblemParked        = cases.Text{ZH: "有 %[1]d 条记录被平台拒收并搁置（tongban status 列出每条及其原因）：请按原因处理，或告知平台管理员。", EN: "Events the platform refused and set aside: %[1]d (tongban status lists each with its reason); act on the reason, or tell the platform's administrator."}
	tProblemDiskLow       = cases.Text{ZH: "数据目录所在的磁盘只剩 %[1]s（%[2]d%%）可用：请腾出空间，磁盘写满后就保存不了案件。", EN: "Only %[1]s (%[2]d%%) is free on the data folder's disk: free some space, as a full disk stops cases from being saved."}
	tRoleIsEnrolled       = cases.Text{ZH: "本设备在平台注册为%[1]s，不能改为%[2]s（平台不会接受它以%[2]s身份做的记录）；要让这台电脑改作%[2]s，请把现在的数据目录移开（或用 TONGBAN_DATA 指向一个新目录），再用%[2]s的注册码注册（它会成为一台新设备）。没有作任何更改。", EN: "This device is enrolled as a %[1]s and cannot run as a %[2]s (the platform would refuse its records); to make this PC a %[2]s, move its data folder aside (or point TONGBAN_DATA at a new one) and enroll with a %[2]s code (it becomes a new device). Nothing was changed."}
	tProblemRole          = cases.Text{ZH: "本机设置为%[1]s，但在平台注册为%[2]s：平台不收它以%[1]s身份做的记录；请用 tongban config role %[3]s 改回；要让这台电脑作%[1]s，请换一个空的数据目录，用%[1]s的注册码注册。", EN: "This device is set to run as a %[1]s but is enrolled as a %[2]s, whose records the platform takes: set tongban config role %[3]s; to make this PC a %[1]s, enroll it with a %[1]s code from an empty data folder."}
	tProblemCatalog       = cases.Text{ZH: "本机保存的事项目录已损坏，暂用内置的示例目录：请同步一次以取回本中心的目录。", EN: "The catalog saved on this device is damaged and the built-in sample is in force: sync once to bring the center's catalog back."}
	tProblemDeviceMissing = cases.Text{ZH: "设置的%[1]s %[2]s 现在不在：请检查它的连接线，或用 tongban config 改正设备名。", EN: "The %[1]s set up, %[2]s, is not there now: check its cable, or correct its name with tongban config."}
	tProblemDBDown        = cases.Text{ZH: "平台 %[1]s 在运行，但它的数据库没有应答：待同步的记录留在本机排队，不会丢失；请告知平台管理员。", EN: "The platform %[1]s runs but its database does not answer: what waits to sync stays queued on this device and is not lost; tell the platform's administrator."}
	tProblemStore         = cases.Text{ZH: "本机的数据文件已损坏：请用 tongban restore 恢复最近一份完好的备份，或联系技术支持。", EN: "This device's data file is damaged (at %[1]s): restore the last good backup with tongban restore FILE, or contact support."}
	tProblemUnopened      = cases.Text{ZH: "数据文件打不开：%[1]s 请检查磁盘（是否变成只读或已满）和数据目录的权限。", EN: "The data file cannot be opened: %[1]s. Check the disk (gone read-only, or full?) and the data folder's permissions."}
	tProblemsFound        = cases.Text{ZH: "tongban status --check 发现 %[1]d 个问题。", EN: "tongban status --check found problems (%[1]d)."}
	tPaperLow             = cases.Text{ZH: "纸卷快用完了，请准备新纸卷。", EN: "The paper roll is nearly used up: have a new one ready."}
	tPrinterReady         = cases.Text{ZH: "打印机就绪。", EN: "The printer is ready."}
	tOnline               = cases.Text{ZH: "在线", EN: "online"}
	tOffline              = cases.Text{ZH: "离线", EN: "offline"}
	tNotEnrolledNoSync    = cases.Text{ZH: "未注册，不同步", EN: "not enrolled, no sync"}
	tDiskFree             = cases.Text{ZH: "可用 %[1]s，共 %[2]s（%[3]d%%）", EN: "%[1]s free of %[2]s (%[3]d%%)"}
	tDiskUnknown          = cases.Text{ZH: "本系统上无法得知", EN: "not known on this system"}
	tProblemsHeading      = cases.Text{ZH: "问题", EN: "Problems"}
	tRoleChanged          = cases.Text{ZH: "本机设置的角色已由%[1]s改为平台注册的%[2]s。", EN: "This device's role was changed from %[1]s to %[2]s, the role the platform enrolled it as."}
	tConfigReset          = cases.Text{ZH: "已将 %[1]s 恢复为默认值 %[2]s。", EN: "Reset %[1]s to its default, %[2]s."}
	tPrinterDirNotFull    = cases.Text{ZH: "无法确定打印目录 %[1]s 的完整路径，请写成 dir:///完整/路径。", EN: "Cannot tell the full path of the print folder %[1]s (%[2]v); write it as dir:///full/path."}
	tConfigGetUse         = cases.Text{ZH: "用 tongban config 列出设置，用 tongban config 键 查看一项，用 tongban config 键 值 修改一项。", EN: "Use tongban config to list settings, tongban config KEY to show one, or tongban config KEY VALUE to set one."}
)

// The printer's sentences that carry what CUPS said (%[3]s): a queue CUPS
// lacks, one it stopped, or an error of the CUPS service (printing.go).
var (
	tNoQueue       = cases.Text{ZH: "CUPS 里没有名为 %[1]q 的打印队列：请用 lpstat -p 查看队列名，再用 tongban config printer cups://队列名 改正（%[3]s）。", EN: "CUPS has no queue named %[1]q: lpstat -p lists the queues; set the right one with tongban config printer cups://QUEUE (%[3]s)."}
	tQueueDisabled = cases.Text{ZH: "CUPS 已停用打印队列 %[1]q（%[3]s）：请检查打印机，用 cupsenable %[1]s 启用队列，然后%[2]s。", EN: "CUPS has disabled the queue %[1]q (%[3]s): check the printer, enable the queue with cupsenable %[1]s, then %[2]s."}
	tCUPSFailed    = cases.Text{ZH: "CUPS 打印服务对 %[1]s 报告错误（%[3]s）：请检查 CUPS 服务（systemctl status cups），然后%[2]s。", EN: "The CUPS print service reports an error for %[1]s (%[3]s): check the CUPS service (systemctl status cups), then %[2]s."}
)

// Printer faults the command line tells IT staff in its own words (printFailed, printerState).
var (
	tPrinterNotTaking       = cases.Text{ZH: "打印机 %[1]s 没有接收打印任务：请检查打印机是否开机、有纸并已连好线，然后%[2]s。", EN: "The printer %[1]s did not take the job: check that it is on, has paper and is connected, then %[2]s."}
	tPrinterNotTakingWithin = cases.Text{ZH: "打印机 %[1]s 在 %[3]s 秒内没有接收打印任务：请检查打印机是否开机、有纸并已连好线，然后%[2]s。", EN: "The printer %[1]s did not take the job within %[3]s s: check that it is on, has paper and is connected, then %[2]s."}
	tPrinterNotTakingData   = cases.Text{ZH: "打印机 %[1]s 不接收数据：请检查打印机是否开机、有纸并已连好线，然后%[2]s。", EN: "The printer %[1]s is not taking data: check that it is on, has paper and is connected, then %[2]s."}
	tPrinterNoSuchHost      = cases.Text{ZH: "找不到打印机 %[1]s 的主机名 %[3]s：请检查地址，或改用打印机的 IP 地址（tongban config printer tcp://IP:9100），然后%[2]s。", EN: "The host name %[3]s of the printer %[1]s cannot be found: check the address or use the printer's IP address (tongban config printer tcp://IP:9100), then %[2]s."}
	tNotAPrinterPort        = cases.Text{ZH: "%[1]s 上有程序应答，但随即关闭了连接，这多半不是打印机的端口（网络打印机通常用 9100）：请检查地址和端口，然后%[2]s。", EN: "Something answered at %[1]s but closed the connection at once, so it is probably not a printer port (network printers use 9100): check the address and port, then %[2]s."}
	tDeviceRefused          = cases.Text{ZH: "设备 %[1]s 拒绝了打印数据（%[3]s）：请检查打印机是否开机、有纸，以及这是不是打印机的设备文件，然后%[2]s。", EN: "The device %[1]s refused the data (%[3]s): check that the printer is on and has paper and that this is the printer's device file, then %[2]s."}
	tNoCUPS                 = cases.Text{ZH: "本机没有安装 CUPS 打印服务（找不到 lp 命令）：请安装（sudo apt install cups-client），或改用 tcp:// 或 file:// 打印机地址，然后%[2]s。", EN: "CUPS is not installed here (there is no lp command): install it (sudo apt install cups-client), or use a tcp:// or file:// printer address, then %[2]s."}
	tPrinterFolder          = cases.Text{ZH: "没有设置打印机：单据以文件形式写入文件夹 %[1]s（用 tongban config printer 地址 设置打印机）。", EN: "No printer is set up: documents are written as files into the folder %[1]s (set up a printer with tongban config printer URL)."}
	tPrinterFolderSet       = cases.Text{ZH: "单据以文件形式写入设置的文件夹 %[1]s。", EN: "Documents are written as files into the folder set up, %[1]s."}
)

// The out-of-service notice of a window whose store is damaged
// (outofservice.go).
var (
	tOutOfService     = cases.Text{ZH: "本机暂停服务", EN: "Out of service"}
	tOutOfServiceAsk  = cases.Text{ZH: "请到人工窗口办理，给您带来不便，敬请谅解。", EN: "Please go to a staffed counter; we are sorry for the trouble."}
	tOutOfServiceDesk = cases.Text{ZH: "本窗口暂不能办理：请联系技术人员，并请群众到其他窗口办理。", EN: "This counter cannot handle cases for now: call IT staff, and send citizens to another counter."}
	tOutOfServiceIT   = cases.Text{ZH: "技术人员：本机数据文件已损坏，本机已停止保存新的记录，已保存的记录没有删除。请运行 tongban status 查看，再用 tongban stop 关闭本程序，用 tongban restore 恢复最近的备份（仍能读出的未同步记录会一并带回）。", EN: "IT staff: this device's data file is damaged, so it has stopped saving; nothing saved was deleted. Run tongban status, then tongban stop, and tongban restore the latest backup (what was not synced is carried across where it can still be read)."}
	tOutOfServiceWhat = cases.Text{ZH: "详情：", EN: "Details: "}
)
