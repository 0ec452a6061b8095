// Package printer turns a receipt, described as a small Document, into what a
// receipt printer or a screen needs: ESC/POS bytes (GB18030 Chinese mode or
// raster images, native or raster QR) or a PNG of the paper, and sends jobs
// over tcp://, file://, cups:// or dir:// transports.
//
// The package depends on no other tongban package and on no UI toolkit, so
// the kiosk, the counter and the command line can all print with it.
package printer
