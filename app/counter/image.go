package counter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"tongban/app/scan"
)

// chooseImage lets the clerk pick a photo or image file of a receipt; its
// QR code goes the same way as a scan.
func (b *bench) chooseImage() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			b.refocus()
			return
		}
		path := r.URI().Path()
		r.Close()
		b.openImage(path)
	}, b.c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	d.Show()
}

// openImage decodes an image file's QR code off the UI goroutine (a camera
// photo takes a moment) and opens what it holds.
func (b *bench) openImage(path string) {
	b.info(both(tReading))
	b.c.spawn(func() {
		payload, err := scan.DecodeFile(path)
		fyne.Do(func() {
			if b.c.bench != b {
				return
			}
			if err != nil {
				b.scanFailed(err) // as a bad scan: the clerk was opening another case
				b.refocus()
				return
			}
			b.scanned(payload)
		})
	})
}
