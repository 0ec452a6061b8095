package printer_test

import (
	"flag"
	"image"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"tongban/assets"
	"tongban/printer"
)

var sampleOut = flag.String("sample", "", "write a sample receipt PNG (58 mm) to this file")

func fonts() printer.Fonts {
	return printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()}
}

// base45Payload is a receipt-sized QR payload: "TB1:" and Base45 characters,
// n characters in all.
func base45Payload(n int) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("TB1:")
	for b.Len() < n {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// receipt is an acceptance receipt (受理回执) of about 25 lines.
func receipt(payload string) printer.Document {
	var b printer.Builder
	b.Title("受理回执").
		Centered("石家庄市行政审批局政务服务中心").
		Divider().
		Line("受理编号：TB-2025-000123").
		Line("事项名称：个体工商户设立登记").
		Line("办理部门：市场监督管理局").
		Line("申请人：张三").
		Line("身份证号：11010519491231002X").
		Line("联系电话：138****5678").
		Line("受理时间：2025年11月27日 09:30").
		Line("承诺办结：2025年12月4日（5个工作日）").
		Line("收费标准：¥0.00（不收费）").
		Divider().
		Bold("已收材料：").
		Line("1. 居民身份证（原件）1份").
		Line("2. 个体工商户开业登记申请书 1份").
		Line("3. 经营场所使用证明（复印件）1份").
		Divider().
		QR(payload).
		Centered("扫码查询办理进度").
		Line("温馨提示：本回执含有您的办件信息，请妥善保管。凭此回执可在任一窗口调取办件，无需重复提交材料。").
		Add(printer.Text{Text: "咨询电话 12345", Align: printer.Right}).
		Feed(1).
		Cut()
	return b.Document()
}

// decodeQR reads a QR code from img with gozxing, on a white margin because
// an ESC/POS raster QR comes without its top and bottom quiet zone.
func decodeQR(t *testing.T, img image.Image) (string, error) {
	t.Helper()
	b := img.Bounds()
	padded := image.NewGray(image.Rect(0, 0, b.Dx()+64, b.Dy()+64))
	for i := range padded.Pix {
		padded.Pix[i] = 0xff
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			padded.Set(x-b.Min.X+32, y-b.Min.Y+32, img.At(x, y))
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(padded)
	if err != nil {
		return "", err
	}
	// A printed QR code is clean: no TRY_HARDER, which is for camera frames.
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}
