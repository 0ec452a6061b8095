package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/printer"
	"tongban/sync/client"
	"tongban/sync/protocol"
)

// printerState asks the printer how it is, where its connection can tell:
// a stable word for --json and the plain sentence for people. not_set_up
// is a dir:// folder (the default), which takes documents as files;
// no_status is a connection that cannot read back (cups:// beyond its
// queue, a plain file, a pipe); no_answer is a printer that could have
// answered and did not, which some models never do, so it still prints;
// offline includes a device that takes no data (printer.ErrNotTaking).
func (d *device) printerState() (state, note string) {
	pr, err := d.printer("", "")
	if err != nil {
		return "misconfigured", printer.Message(err)
	}
	defer pr.Close()
	st, err := pr.Status()
	// A folder is where documents go while no printer is set up: not a
	// printer that is ready, and no problem either.
	if folder, ok := strings.CutPrefix(d.printerURL(), "dir://"); ok && err == nil {
		if d.config.Printer != "" { // a folder set on purpose: documents go there as files
			return "folder", bothf(tPrinterFolderSet, folder)
		}
		return "not_set_up", bothf(tPrinterFolder, folder)
	}
	if errors.Is(err, printer.ErrNotTaking) {
		return "offline", bothf(tPrinterNotTakingData, d.printerURL(), tStatusAgain)
	}
	if err == nil {
		if err = st.Err(); err == nil && st.PaperNearEnd {
			return "paper_low", tPaperLow.Both()
		}
	}
	for _, s := range []struct {
		err  error
		word string
	}{
		{nil, "ready"},
		{printer.ErrStatusUnsupported, "no_status"},
		{printer.ErrNoAnswer, "no_answer"},
		{printer.ErrPaperOut, "paper_out"},
		{printer.ErrCoverOpen, "cover_open"},
		{printer.ErrPrinterFault, "fault"},
		{printer.ErrOffline, "offline"},
		{printer.ErrUnreachable, "unreachable"},
		{printer.ErrNoCUPS, "no_cups"},
		{printer.ErrNoQueue, "no_queue"},
		{printer.ErrQueueDisabled, "queue_disabled"},
		{printer.ErrCUPSFailed, "cups_error"},
		{printer.ErrNoPermission, "no_permission"},
		{printer.ErrBadURL, "misconfigured"}, // a file:// device that became a folder
	} {
		if errors.Is(err, s.err) {
			switch {
			case err == nil:
				return s.word, tPrinterReady.Both()
			case s.err == printer.ErrStatusUnsupported, s.err == printer.ErrNoAnswer:
				return s.word, printer.Message(err)
			}
			return s.word, sentence(printFailed(printFault{err}, d.printerURL(), tStatusAgain).Error())
		}
	}
	return "unknown", sentence(printFailed(printFault{err}, d.printerURL(), tStatusAgain).Error())
}

// The checks of tongban status for IT staff watching a device: is the
// platform answering, how much disk is left, and the list of problems a
// monitoring script acts on (tongban status --check exits 1 on any).

// probeTimeout bounds the health probe of tongban status: a platform
// that does not answer in this time counts as unreachable.
var probeTimeout = 5 * time.Second

// platformOnline reports whether the device's platform answers, and
// whether it refuses the device's token (revoked since the last sync):
// the window's syncer knows when status runs beside a window; otherwise
// GET /v1/health is asked once, then, with the token, the center's device
// list. Only a sync marks the device as needing enrollment: status reads.
// A device with no platform is not online.
func (c *call) platformOnline(d *device) (online, refused, dbDown bool) {
	if c.live != nil {
		if st, ok := c.live(); ok {
			if st.Online {
				c.measureClock(d) // the window's syncer knows the rest, not the platform's clock
			}
			return st.Online, false, !st.Online && st.LastErrorCode == protocol.CodeStorageDown
		}
	}
	id, hc, resp, err := askHealth(d)
	if err != nil {
		return false, false, false
	}
	defer resp.Body.Close()
	var h protocol.Health
	if resp.StatusCode == http.StatusServiceUnavailable {
		var e protocol.Error
		json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&e)
		return false, false, e.Code == protocol.CodeStorageDown
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&h) != nil {
		return false, false, false
	}
	c.noteClock(resp)
	if id.Token == "" || id.NeedsEnrollment {
		return true, false, false
	}
	req, err := http.NewRequest(http.MethodGet, strings.TrimSuffix(id.Platform, "/")+protocol.PathDevices, nil)
	if err != nil {
		return true, false, false
	}
	req.Header.Set("Authorization", "Bearer "+id.Token)
	if resp, err := hc.Do(req); err == nil {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		return true, resp.StatusCode == http.StatusUnauthorized, false
	}
	return true, false, false
}

// diskJSON is the free space of the disk that holds the data folder.
type diskJSON struct {
	FreeBytes   uint64 `json:"free_bytes"`
	TotalBytes  uint64 `json:"total_bytes"`
	FreePercent int    `json:"free_percent"`
}

// Below either of these the disk is low: a store grows by a few KB a
// case, but a full disk stops every case from being saved.
const (
	diskLowBytes   = 200 * 1000 * 1000
	diskLowPercent = 5
)

// diskOf is the free space of the data folder's disk (of the nearest
// folder above it that exists, for a device that has not run yet); nil
// where the system does not tell.
func diskOf(dir string) *diskJSON {
	for {
		free, total, ok := diskSpace(dir)
		if ok && total > 0 {
			return &diskJSON{FreeBytes: free, TotalBytes: total, FreePercent: int(free * 100 / total)}
		}
		up := filepath.Dir(dir)
		if ok || up == dir {
			return nil
		}
		dir = up
	}
}

// low reports whether the disk is nearly full.
func (d *diskJSON) low() bool {
	return d != nil && (d.FreeBytes < diskLowBytes || d.FreePercent < diskLowPercent)
}

// diskLine is the disk's line of tongban status.
func diskLine(d *diskJSON) string {
	if d == nil {
		return tDiskUnknown.Both()
	}
	return bothf(tDiskFree, byteSize(d.FreeBytes), byteSize(d.TotalBytes), d.FreePercent)
}

// byteSize writes a size as people read a disk's: 850 MB, 12.3 GB.
func byteSize(n uint64) string {
	switch {
	case n >= 1000*1000*1000:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1000*1000:
		return fmt.Sprintf("%d MB", n/(1000*1000))
	}
	return fmt.Sprintf("%d KB", n/1000)
}

// onlineWord says whether the platform answers.
func onlineWord(s statusJSON) cases.Text {
	switch {
	case !s.Device.Enrolled && !s.Device.NeedsEnrollment:
		return tNotEnrolledNoSync
	case s.Online:
		return tOnline
	}
	return tOffline
}

// problemJSON is one thing that needs looking at: a stable code for
// scripts and one sentence, Chinese then English, saying what to do.
type problemJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// problems lists what needs looking at on the device.
func (s statusJSON) problems() []problemJSON {
	out := []problemJSON{}
	add := func(code string, t cases.Text, args ...any) {
		text, _ := fill(t, args...)
		out = append(out, problemJSON{Code: code, Message: text.Both()})
	}
	if s.NoStore {
		add("no_store", tProblemNoStore, s.Data)
	}
	dev := s.Device
	switch {
	case dev.NeedsEnrollment:
		add("needs_enrollment", tProblemEnrollAgain)
	case dev.Enrolled:
		switch {
		case !s.Online && s.platformDBDown:
			add("platform_storage_down", tProblemDBDown, dev.Platform)
		case !s.Online:
			add("platform_unreachable", tProblemUnreachable, dev.Platform)
		case s.LastError != "":
			// The platform answers, and still the last round failed:
			// something no waiting mends (a refused page, a local fault).
			add("sync_failing", tProblemSyncFailing, errors.New(s.LastError))
		}
		if s.LastSync == nil {
			add("never_synced", tProblemNeverSynced)
		}
	}
	if dev.EnrolledRole != "" {
		add("role_mismatch", tProblemRole, roleName(dev.Role), roleName(dev.EnrolledRole), dev.EnrolledRole)
	}
	if s.copySeen != nil {
		add("device_copied", tProblemCopied, s.copySeen.Number, s.copySeen.At.In(cases.Zone).Format("2006-01-02 15:04"))
	}
	if s.Rejected > 0 {
		add("parked_events", tProblemParked, s.Rejected)
	}
	if s.CatalogDamaged {
		add("catalog_damaged", tProblemCatalog)
	}
	if s.StoreDamaged {
		add("store_damaged", tProblemStore, s.storeDamage)
	}
	if s.clockSkew > maxClockSkew || s.clockSkew < -maxClockSkew {
		ahead := tClockAhead
		if s.clockSkew < 0 {
			ahead = tClockBehind
		}
		add("clock_off", tProblemClock, ahead, clockOff(s.clockSkew))
	}
	if s.readOnly {
		add("store_read_only", tProblemReadOnly)
	}
	switch s.PrinterState {
	case "ready", "no_status", "no_answer", "not_set_up", "folder", "unknown":
	case "paper_low":
		out = append(out, problemJSON{Code: "printer_paper_low", Message: s.printerNote})
	default:
		out = append(out, problemJSON{Code: "printer_not_ready", Message: s.printerNote})
	}
	if s.Disk.low() {
		add("disk_low", tProblemDiskLow, byteSize(s.Disk.FreeBytes), s.Disk.FreePercent)
	}
	if s.Scanner != "" && !deviceThere(s.Scanner) {
		add("scanner_missing", tProblemDeviceMissing, deviceNames["scanner"], s.Scanner)
	}
	if s.Camera != "" && !deviceThere(s.Camera) {
		add("camera_missing", tProblemDeviceMissing, deviceNames["camera"], s.Camera)
	}
	return out
}

// writeProblems prints the problems of tongban status, one sentence a
// line, or 无 none.
func writeProblems(w io.Writer, problems []problemJSON) {
	if len(problems) == 0 {
		fmt.Fprintf(w, "%s %s    %s\n", tProblemsHeading.ZH, tProblemsHeading.EN, tNone.Both())
		return
	}
	fmt.Fprintf(w, "%s %s    %d\n", tProblemsHeading.ZH, tProblemsHeading.EN, len(problems))
	for _, p := range problems {
		fmt.Fprintf(w, "  %s\n", p.Message)
	}
}

// maxClockSkew is how far this device's clock may be off the platform's
// before status says so: the platform refuses events stamped more than an
// hour ahead of its clock, and a clock a few minutes off already puts
// wrong times on records.
const maxClockSkew = 2 * time.Minute

// clockOff says how far the clock is off, in minutes or hours.
func clockOff(d time.Duration) cases.Text {
	d = d.Abs()
	if d < time.Hour {
		m := int(d.Round(time.Minute) / time.Minute)
		return cases.Text{ZH: fmt.Sprintf("%d 分钟", m), EN: fmt.Sprintf("%d minutes", m)}
	}
	h := d.Hours()
	return cases.Text{ZH: fmt.Sprintf("%.1f 小时", h), EN: fmt.Sprintf("%.1f hours", h)}
}

// measureClock sets c.clockSkew from the platform's answer to GET
// /v1/health, for status beside a window, whose syncer says whether the
// platform answers but not how its clock stands.
func (c *call) measureClock(d *device) {
	if _, _, resp, err := askHealth(d); err == nil {
		if resp.StatusCode == http.StatusOK {
			c.noteClock(resp)
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
	}
}

// askHealth asks the device's platform GET /v1/health (with the CA it was
// enrolled with); an error for a device with no platform, or none that
// answers. The caller closes the body.
func askHealth(d *device) (id store.Identity, hc *http.Client, resp *http.Response, err error) {
	if id, err = d.store.Identity(); err != nil {
		return id, nil, nil, err
	}
	if id.Platform == "" {
		return id, nil, nil, errors.New("not enrolled")
	}
	if hc, err = client.HTTPClient(id.Platform, id.CA, probeTimeout); err != nil {
		return id, nil, nil, err
	}
	resp, err = hc.Get(strings.TrimSuffix(id.Platform, "/") + protocol.PathHealth)
	return id, hc, resp, err
}

// noteClock sets c.clockSkew, how far this device's clock is ahead of the
// platform's (negative: behind), from the Date of a platform's answer.
func (c *call) noteClock(resp *http.Response) {
	if at, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		c.clockSkew = time.Since(at).Round(time.Second)
	}
}
