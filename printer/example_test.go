package printer_test

import (
	"fmt"

	"tongban/printer"
	"tongban/printer/printertest"
)

// A queue ticket for a Chinese 58 mm printer, read back with the test kit.
// Two-byte GB18030 text and a native QR code need no fonts.
func Example() {
	var b printer.Builder
	b.Title("取号单").
		Line("A023 号  前面还有 3 人").
		QR("TB1:Q-A023").
		Cut()
	job, err := printer.EncodeESCPOS(b.Document(), printer.Profiles["58"], printer.Fonts{})
	if err != nil {
		fmt.Println(printer.Message(err))
		return
	}
	d, err := printertest.Decode(job)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Lines, d.QRs, d.Cuts)
	// Output: [取号单 A023 号  前面还有 3 人] [TB1:Q-A023] 1
}
