package paper

// Every word printed on paper, Chinese first and English below it where
// the paper has room. Keeping them here lets the center proofread them in
// one place.
const (
	titleReceipt    = "受理回执"
	subReceipt      = "Application receipt"
	titleTicket     = "取号单"
	subTicket       = "Queue ticket"
	titleSupplement = "一次性告知单"
	subSupplement   = "Notice of missing materials"
	titleRefusal    = "不予受理通知书"
	subRefusal      = "Notice of refusal"

	lblItem      = "事项："
	lblNumber    = "编号："
	lblApplicant = "申请人："
	lblID        = "证件号："
	lblSubmitted = "提交时间："
	lblStatus    = "状态："
	lblDue       = "承诺办结："
	lblEstimated = "预计办结："
	lblMaterials = "已交材料："
	lblWhere     = "办理地点："
	lblIssued    = "取号时间："
	lblDate      = "日期："
	lblStaff     = "经办人："

	statusSubmitted = "已提交，请到窗口受理"
	statusAccepted  = "已受理"
	dueDays         = "（%d个工作日）"
	estimateNote    = "当日受理时的日期"
	lookupHow       = "查询进度：扫描上方二维码或凭编号到本中心窗口、自助机查询"
	lookupPhone     = "咨询电话："
	ahead           = "前面还有 %d 人"
	waitCall        = "请留意叫号，过号请重新取号"
	supplementIntro = "经审查，您的申请材料不齐全。请一次性补正以下全部材料："
	supplementThen  = "补齐后请携带本告知单到窗口办理，受理时间自材料补齐之日起计算。"
	supplementLaw   = "依据《中华人民共和国行政许可法》第三十二条。"
	refusalIntro    = "经审查，您的申请不予受理，理由如下："
	refusalAppeal   = "如不服本决定，可自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。"
	seal            = "（盖章）"
	original        = "原件"
	copyForm        = "复印件"
	countForm       = "%d份"
	noneGiven       = "无"
)
