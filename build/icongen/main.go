// Command icongen draws the application icon, assets/icon.png: the hanzi 通
// (the "tong" of Tongban) in white, in the app's bold CJK face, centred on a
// rounded square of calm government blue. Keeping the drawing as code lets
// the icon be regenerated at another size or in another colour:
//
//	go run ./build/icongen -out assets/icon.png
package main

import (
	"flag"
	"fmt"
	"image/png"
	"os"

	"tongban/assets"
)

func main() {
	out := flag.String("out", "assets/icon.png", "PNG file to write")
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()
	if err := write(*out, *size); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

// write renders the icon and saves it as a PNG.
func write(path string, size int) error {
	img, err := drawIcon(assets.FontBold(), size)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
