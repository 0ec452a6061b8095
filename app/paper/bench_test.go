package paper

import (
	"testing"

	"tongban/app/cases"
	"tongban/app/receipt"
	"tongban/assets"
	"tongban/printer"
)

// BenchmarkReceipt is one acceptance receipt from case to printer bytes:
// seal the case (encode, AES-GCM, Base45), lay out the document, and make
// ESC/POS with the QR as a native command or as a raster image. Target: at
// most 5 ms. BenchmarkReceiptPNG renders the same receipt as a PNG
// (preview and CUPS printers). Target: at most 30 ms.
func BenchmarkReceipt(b *testing.B) {
	for _, profile := range []string{"58", "58-raster", "80-epson"} {
		b.Run(profile, func(b *testing.B) {
			ctx, c, ring := benchCase(b)
			p, _ := printer.ProfileByName(profile)
			r := printer.NewRenderer(printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()})
			for b.Loop() {
				payload, err := receipt.SealCase(ring, c.Events[0]) // a fresh nonce: a new QR every time
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.ESCPOS(Acceptance(ctx, c, payload), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkReceiptPNG(b *testing.B) {
	ctx, c, ring := benchCase(b)
	p, _ := printer.ProfileByName("58")
	r := printer.NewRenderer(printer.Fonts{Regular: assets.FontRegular(), Bold: assets.FontBold()})
	for b.Loop() {
		payload, _ := receipt.SealCase(ring, c.Events[0])
		if _, err := r.PNG(Acceptance(ctx, c, payload), p); err != nil {
			b.Fatal(err)
		}
	}
}

func benchCase(b *testing.B) (Context, *cases.Case, receipt.Keyring) {
	b.Helper()
	cat, item := context(b)
	sub := cases.Submission{Number: "261127-K01-0042", ItemCode: item.Code, CatalogVersion: cat.Catalog.Version,
		Channel: cases.ChannelKiosk, Materials: []int{0, 1},
		Fields: map[string]string{"name": "张三丰", "id_number": "130102199003071233", "phone": "13800138000", "company": "石家庄通办科技有限公司"}}
	e, err := cases.Submitted(sub, "130102", "01900000-0000-7000-8000-000000000001", cases.Stamp{Wall: 1795000000000})
	if err != nil {
		b.Fatal(err)
	}
	c, err := cases.Fold([]cases.Event{e})
	if err != nil {
		b.Fatal(err)
	}
	key, _ := receipt.NewKey()
	return cat, c, receipt.Keyring{key}
}
