package receipt

import "github.com/skip2/go-qrcode"

// MaxQRVersion is the largest QR version a receipt may need at error
// correction M: 77 modules, which at 4 dots a module plus the quiet zone
// fits the 384 dots of 58 mm paper.
const MaxQRVersion = 15

// FitsQR returns the QR version go-qrcode chooses for payload at error
// correction M (qrcode.Medium), and whether it is at most MaxQRVersion.
// A payload too long for any version returns 0, false.
func FitsQR(payload string) (version int, ok bool) {
	q, err := qrcode.New(payload, qrcode.Medium)
	if err != nil {
		return 0, false
	}
	return q.VersionNumber, q.VersionNumber <= MaxQRVersion
}
