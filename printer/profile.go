package printer

import (
	"fmt"
	"slices"
	"strings"
)

// Profile describes what a printer model can do.
type Profile struct {
	Name string
	// Dots is the printable width: 384 on 58 mm paper and 576 on 80 mm at
	// 203 dpi, 512 on some 180 dpi 80 mm printers. It must be a multiple of 8.
	Dots int
	// Chinese means the printer prints GB18030 text in Chinese mode (FS &).
	// Without it (Epson TM-T88 class) every line that is not plain ASCII is
	// sent as a raster image.
	Chinese bool
	// NativeQR means the printer draws QR codes itself (GS ( k); without it
	// QR codes are sent as raster images.
	NativeQR bool
	// BandHeight is the most rows sent in one GS v 0 raster command, because
	// some printers garble tall images; 0 means DefaultBandHeight.
	BandHeight int
	// QRModule is the default dots per QR module; 0 means Dots/96, which is
	// 4 on 58 mm paper and 6 on 80 mm.
	QRModule int
}

// DefaultBandHeight is the raster band height when a profile sets none: one
// text line of the printer's 24-dot font, which every printer we met handles.
const DefaultBandHeight = 24

// Profiles are the known printer models by name.
var Profiles = map[string]Profile{
	// Most Chinese 58 mm printers (Xprinter, SPRT, Zjiang).
	"58": {Name: "58", Dots: 384, Chinese: true, NativeQR: true},
	// Chinese 58 mm printers without GS ( k, such as the POS-5890K.
	"58-raster": {Name: "58-raster", Dots: 384, Chinese: true},
	// Chinese 80 mm printers at 203 dpi.
	"80": {Name: "80", Dots: 576, Chinese: true, NativeQR: true},
	// Chinese 80 mm printers at 180 dpi.
	"80-180dpi": {Name: "80-180dpi", Dots: 512, Chinese: true, NativeQR: true},
	// Epson TM-T88 class: no Chinese font, so text goes as images.
	"80-epson": {Name: "80-epson", Dots: 576, NativeQR: true},
}

// ProfileNames returns the names of Profiles in order.
func ProfileNames() []string {
	names := make([]string, 0, len(Profiles))
	for name := range Profiles {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// ProfileByName returns the named profile, or an error that matches
// ErrUnknownProfile and lists the valid names.
func ProfileByName(name string) (Profile, error) {
	p, ok := Profiles[name]
	if !ok {
		return Profile{}, &profileError{name: name, names: ProfileNames()}
	}
	return p, nil
}

// profileError names the known profiles, which change with Profiles, so its
// sentence cannot be a fixed sentinel.
type profileError struct {
	name  string
	names []string
}

func (e *profileError) Error() string {
	list := strings.Join(e.names, ", ")
	return fmt.Sprintf("未知的打印机型号“%s”，请改为 %s 之一。 Unknown printer profile %q: use one of %s.",
		e.name, strings.Join(e.names, "、"), e.name, list)
}

func (e *profileError) Is(target error) bool { return target == ErrUnknownProfile }

// Validate reports whether the profile can be printed with.
func (p Profile) Validate() error {
	switch {
	case p.Dots < 96 || p.Dots%8 != 0 || p.Dots > 4096:
		return wrap(ErrBadProfile, fmt.Errorf("profile %q: Dots %d is not a multiple of 8 between 96 and 4096", p.Name, p.Dots))
	case p.BandHeight < 0 || p.BandHeight > 65535:
		return wrap(ErrBadProfile, fmt.Errorf("profile %q: BandHeight %d is not between 0 and 65535", p.Name, p.BandHeight))
	case p.QRModule < 0 || p.QRModule > 16:
		return wrap(ErrBadProfile, fmt.Errorf("profile %q: QRModule %d is not between 0 and 16", p.Name, p.QRModule))
	}
	return nil
}

// Columns is the number of ASCII characters on a line at size 1; a hanzi
// takes two. The printer's font A cell is 12 × 24 dots.
func (p Profile) Columns() int { return p.Dots / cellWidth }

func (p Profile) bandHeight() int {
	if p.BandHeight > 0 {
		return p.BandHeight
	}
	return DefaultBandHeight
}

func (p Profile) qrModule() int {
	if p.QRModule > 0 {
		return p.QRModule
	}
	return max(p.Dots/96, 1)
}

// mode describes, for the test page, how text and QR codes are sent.
func (p Profile) mode() string {
	text := "中文模式 GB18030"
	if !p.Chinese {
		text = "图像文字 raster text"
	}
	qr := "原生二维码 native QR"
	if !p.NativeQR {
		qr = "图像二维码 raster QR"
	}
	return text + ", " + qr
}
