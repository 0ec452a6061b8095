package printer

import "fmt"

// Status is what a printer reports about itself through DLE EOT.
type Status struct {
	Online       bool
	CoverOpen    bool
	PaperOut     bool
	PaperNearEnd bool
	// Error is a cutter jam, an overheated head or another fault.
	Error bool
}

// DLE EOT n asks a printer in real time: 1 printer, 2 offline cause,
// 3 error cause, 4 roll paper sensor.
const (
	StatusPrinter byte = 1
	StatusOffline byte = 2
	StatusError   byte = 3
	StatusPaper   byte = 4
)

// Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear, which
// tells a status byte from stray data.
const (
	statusFixedMask = 0x93
	statusFixedBits = 0x12
)

// ParseStatus reads the reply to DLE EOT n. Fields that reply n does not
// cover keep their healthy values (Online true, no fault), so the replies to
// n = 1…4 combine with Merge.
func ParseStatus(n byte, reply byte) (Status, error) {
	s := Status{Online: true}
	if reply&statusFixedMask != statusFixedBits {
		return s, fmt.Errorf("DLE EOT %d: reply %#02x is not a status byte", n, reply)
	}
	switch n {
	case StatusPrinter:
		s.Online = reply&0x08 == 0
	case StatusOffline:
		s.CoverOpen = reply&0x04 != 0
		s.PaperOut = reply&0x20 != 0
		s.Error = reply&0x40 != 0
	case StatusError:
		// Bits 2, 3, 5, 6: recoverable, cutter, unrecoverable and
		// automatically recoverable errors.
		s.Error = reply&0x6c != 0
	case StatusPaper:
		s.PaperNearEnd = reply&0x0c != 0
		s.PaperOut = reply&0x60 != 0
	default:
		return s, fmt.Errorf("DLE EOT %d: n must be 1 to 4", n)
	}
	return s, nil
}

// Merge combines two partial statuses: online only if both say so, and
// every fault either reports.
func (s Status) Merge(o Status) Status {
	return Status{
		Online:       s.Online && o.Online,
		CoverOpen:    s.CoverOpen || o.CoverOpen,
		PaperOut:     s.PaperOut || o.PaperOut,
		PaperNearEnd: s.PaperNearEnd || o.PaperNearEnd,
		Error:        s.Error || o.Error,
	}
}

// Err returns the sentinel error that stops a print, most specific first,
// or nil when the printer can print. Paper near its end still prints.
func (s Status) Err() error {
	switch {
	case s.CoverOpen:
		return ErrCoverOpen
	case s.PaperOut:
		return ErrPaperOut
	case s.Error:
		return ErrPrinterFault
	case !s.Online:
		return ErrOffline
	}
	return nil
}
