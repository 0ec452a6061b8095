package printer

import (
	"fmt"
	"strings"
)

// TestPagePayload is the QR payload of the test page.
const TestPagePayload = "TONGBAN-PRINT-TEST"

// TestPage is the page IT staff print when setting up a printer: its title
// (打印测试 / Printer test), the profile, a column ruler in ASCII and in
// hanzi that must each fill exactly one line, a divider, a ￥ sign, a QR code,
// a feed and a cut.
func TestPage(p Profile) Document {
	cols := max(p.Columns(), 2)
	digits := strings.Repeat("1234567890", cols/10+1)[:cols]
	hanzi := strings.Repeat("一二三四五六七八九十", cols/20+1)[:cols/2*3]
	var b Builder
	b.Title("打印测试").
		Add(Text{Text: "Printer test", Align: Center}).
		Divider().
		Line("型号 Profile: " + p.Name).
		Line(fmt.Sprintf("点数 Dots: %d (%d 列 columns)", p.Dots, cols)).
		Line("模式 Mode: " + p.mode()).
		Line("标尺 Ruler:").
		Line(digits).
		Line(hanzi).
		Divider().
		Bold("粗体 Bold  金额 ￥12.50").
		Add(Text{Text: "右对齐 Right", Align: Right}).
		QR(TestPagePayload).
		Centered(TestPagePayload).
		Feed(2).
		Cut()
	return b.Document()
}
