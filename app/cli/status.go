package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/client"
)

// version is set by the build to the version of the package that carries
// the binary (the Makefile: -ldflags "-X tongban/app/cli.version=…" from
// build/package/version.sh); dev for a plain go build.
var version = "dev"

// versionCommand: tongban version (also tongban --version and -v).
func versionCommand(c *call) error {
	fs := c.flags("version")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]string{"version": version})
	}
	fmt.Fprintln(c.env.Stdout, "tongban", version)
	return nil
}

// isVersion reports whether an argument asks for the version.
func isVersion(arg string) bool { return arg == "--version" || arg == "-version" || arg == "-v" }

// statusJSON is the stable shape of tongban status --json.
type statusJSON struct {
	Version string `json:"version"`
	Data    string `json:"data"`
	// NoStore is true for a data folder that has no store yet: a device
	// that has never run, or a mistyped --data.
	NoStore        bool       `json:"no_store"`
	Schema         uint32     `json:"schema"`
	Device         deviceJSON `json:"device"`
	Pending        int        `json:"pending"`
	Rejected       int        `json:"rejected"`
	LastSync       *time.Time `json:"last_sync"`
	LastError      string     `json:"last_error,omitempty"`
	CatalogVersion int        `json:"catalog_version"`
	Printer        string     `json:"printer"`
	PrinterProfile string     `json:"printer_profile"`
	PrinterState   string     `json:"printer_state"`
	printerNote    string
	// Scanner and Camera are the devices set with tongban config, empty
	// when none is; a device set but not there is a problem.
	Scanner string `json:"scanner,omitempty"`
	Camera  string `json:"camera,omitempty"`
	// CatalogDamaged is set when the catalog sync saved cannot be read:
	// the sample is in force until the next sync.
	CatalogDamaged bool `json:"catalog_damaged"`
	// StoreDamaged is set when status --check found the data file
	// damaged (the check reads every page: only with --check).
	StoreDamaged bool `json:"store_damaged,omitempty"`
	storeDamage  string
	// readOnly is a store whose disk is read-only: it was opened to be
	// read, and nothing can be saved.
	readOnly bool
	// clockSkew is how far the device's clock is ahead of the platform's.
	clockSkew time.Duration
	// copySeen is another copy of this device's data at work, seen in
	// the feed (problem device_copied).
	copySeen *store.CopySeen
	// Online is true when the platform answers: the window's syncer
	// knows (status run beside a window), else a quick health probe.
	Online bool `json:"online"`
	// platformDBDown is set when the platform answers but its database
	// does not (problem platform_storage_down).
	platformDBDown bool
	// Disk is the free space of the data folder's disk; null where the
	// system does not tell (Windows).
	Disk *diskJSON `json:"disk"`
	// Problems is what needs looking at, empty when all is well;
	// tongban status --check exits 1 when there is any.
	Problems   []problemJSON   `json:"problems"`
	Rejections []rejectionJSON `json:"rejections,omitempty"`
}

type deviceJSON struct {
	ID string `json:"id"`
	// Role is the role the device runs (tongban with no command); a
	// device enrolled with the platform under another role says so in
	// EnrolledRole.
	Role            string `json:"role"`
	EnrolledRole    string `json:"enrolled_role,omitempty"`
	roleNote        string
	Center          string `json:"center"`
	ShortCode       string `json:"short_code"`
	Enrolled        bool   `json:"enrolled"`
	Platform        string `json:"platform,omitempty"`
	NeedsEnrollment bool   `json:"needs_enrollment"`
}

type rejectionJSON struct {
	EventID string `json:"event_id"`
	CaseID  string `json:"case_id"`
	// CaseNumber is the case's number; empty when the case is not on
	// this device.
	CaseNumber string    `json:"case_number,omitempty"`
	Kind       string    `json:"kind"`
	Reason     string    `json:"reason"`
	At         time.Time `json:"at"`
	reason     cases.Text
}

func statusCommand(c *call) error {
	fs := c.flags("status")
	check := fs.Bool("check", false, "exit 1 when there is any problem (for monitoring scripts)")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		return damagedStatus(c, damaged, *check)
	}
	if errors.Is(err, store.ErrNewerSchema) {
		return newerStatus(c, *check)
	}
	if err != nil && !lockedElsewhere(err) {
		return unopenedStatus(c, err, *check)
	}
	if err != nil {
		return err // the window holding the store answers (relay.go)
	}
	defer d.close()
	var s statusJSON
	if err := store.Guard(filepath.Join(d.dir, store.FileName), func() (err error) { s, err = d.status(); return err }); errors.As(err, &damaged) {
		return damagedStatus(c, damaged, *check)
	} else if err != nil {
		return err
	}
	if !s.NoStore {
		var refused bool
		s.Online, refused, s.platformDBDown = c.platformOnline(d)
		s.Device.NeedsEnrollment = s.Device.NeedsEnrollment || refused
		s.clockSkew = c.clockSkew
	}
	s.Disk = diskOf(d.dir)
	s.CatalogDamaged = d.catalogBroken != nil
	s.readOnly = d.store != nil && d.store.ReadOnly()
	if d.store != nil { // every page is read: a second or two for a million cases
		var damaged *store.DamagedError
		if err := d.store.Check(); errors.As(err, &damaged) {
			s.StoreDamaged, s.storeDamage = true, damaged.Where
		} else if err != nil {
			s.StoreDamaged, s.storeDamage = true, err.Error()
		}
	}
	s.Problems = s.problems()
	if c.json {
		err = writeJSON(c.env.Stdout, s)
	} else {
		err = writeStatus(c, s)
	}
	if err == nil && *check && len(s.Problems) > 0 {
		err = failf(tProblemsFound, len(s.Problems))
	}
	return err
}

// damagedStatus reports a store too damaged to open: the one thing
// status can say, as a problem, so a monitoring script reads it as any
// other.
func damagedStatus(c *call, damaged *store.DamagedError, check bool) error {
	dir, _ := c.dataDir()
	s := statusJSON{Version: version, Data: dir, Disk: diskOf(dir), StoreDamaged: true, storeDamage: damaged.Where,
		PrinterState: "unknown"} // its settings are in the store
	s.Problems = s.problems()
	return writeUnread(c, s, check)
}

// unopenedStatus reports a store that could not be opened for another
// reason than damage (a disk gone read-only, a folder closed to this
// user): the problem, in the status's shape, so a monitoring script
// still reads it.
func unopenedStatus(c *call, err error, check bool) error {
	dir, _ := c.dataDir()
	s := statusJSON{Version: version, Data: dir, Disk: diskOf(dir), PrinterState: "unknown"}
	text, _ := fill(tProblemUnopened, err)
	s.Problems = []problemJSON{{Code: "store_unreadable", Message: text.Both()}}
	return writeUnread(c, s, check)
}

// writeUnread writes the status of a store that could not be read: only
// the version, the folder and the problem, in JSON or for people.
func writeUnread(c *call, s statusJSON, check bool) error {
	if c.json {
		if err := writeJSON(c.env.Stdout, unread(s)); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(c.env.Stdout, "版本 Version     %s\n数据 Data        %s\n", s.Version, s.Data)
		writeProblems(c.env.Stdout, s.Problems)
	}
	if check {
		return failf(tProblemsFound, len(s.Problems))
	}
	return nil
}

// newerStatus reports a store written by a newer tongban, which this one
// cannot read: as a problem, with the JSON a monitoring script expects.
func newerStatus(c *call, check bool) error {
	dir, _ := c.dataDir()
	s := statusJSON{Version: version, Data: dir, Disk: diskOf(dir), PrinterState: "unknown",
		Problems: []problemJSON{{Code: "store_too_new", Message: inBoth(store.ErrNewerSchema.Error(), false)}}}
	return writeUnread(c, s, check)
}

// unansweredStatus writes the JSON of tongban status --json when the
// store is held by a window or command that did not answer: nothing about
// the device can be read, and the one problem is that. The shape is the
// status's own, as for a store that cannot be read, so a monitoring
// script reads it the same way.
func unansweredStatus(c *call, err error) {
	dir, _ := c.dataDir()
	writeJSON(c.env.Stdout, unread(statusJSON{Version: version, Data: dir, Disk: diskOf(dir), PrinterState: "unknown",
		Problems: []problemJSON{{Code: "window_not_answering", Message: inBoth(strings.TrimSpace(err.Error()), false)}}}))
}

// knownUnread are the keys of the status that hold without reading the
// store; unread sets every other key to null.
var knownUnread = []string{"version", "data", "disk", "printer_state", "store_damaged", "problems"}

// unread is the status JSON of a store that could not be read: the
// status's keys, so a monitoring script reads it the same way, with null
// for every value that was not read (a zero would pass for a reading: 0
// pending, not enrolled).
func unread(s statusJSON) map[string]any {
	var m map[string]any
	b, _ := json.Marshal(s)
	json.Unmarshal(b, &m)
	for k := range m {
		if !slices.Contains(knownUnread, k) {
			m[k] = nil
		}
	}
	return m
}

// writeStatus prints tongban status for people.
func writeStatus(c *call, s statusJSON) error {
	w := c.env.Stdout
	if s.NoStore {
		fmt.Fprintf(w, "版本 Version     %s\n", s.Version)
		fmt.Fprintf(w, "数据 Data        %s\n", bothf(tNoStoreYet, s.Data, c.dataSource()))
		fmt.Fprintf(w, "磁盘 Disk        %s\n", diskLine(s.Disk))
		fmt.Fprintf(w, "角色 Role        %s\n", roleName(s.Device.Role).Both())
		fmt.Fprintf(w, "打印机 Printer   %s (profile %s)\n", s.Printer, s.PrinterProfile)
		fmt.Fprintf(w, "                %s\n", s.printerNote)
		writeProblems(w, s.Problems)
		return nil
	}
	enrolled := "未注册 not enrolled (demo identity)"
	if s.Device.Enrolled {
		enrolled = "已注册 enrolled with " + s.Device.Platform
	}
	if s.Device.NeedsEnrollment {
		enrolled = "需要重新注册 needs enrollment: the platform refused this device's token"
	}
	fmt.Fprintf(w, "版本 Version     %s\n", s.Version)
	fmt.Fprintf(w, "设备 Device      %s (%s, center %s, code %s)\n", s.Device.ID, s.Device.Role, s.Device.Center, s.Device.ShortCode)
	fmt.Fprintf(w, "角色 Role        %s%s\n", roleName(s.Device.Role).Both(), s.Device.roleNote)
	fmt.Fprintf(w, "注册 Enrollment  %s\n", enrolled)
	fmt.Fprintf(w, "在线 Online      %s\n", onlineWord(s).Both())
	fmt.Fprintf(w, "数据 Data        %s (schema %d)\n", s.Data, s.Schema)
	fmt.Fprintf(w, "磁盘 Disk        %s\n", diskLine(s.Disk))
	fmt.Fprintf(w, "待同步 Pending   %d\n", s.Pending)
	if s.LastSync != nil {
		fmt.Fprintf(w, "上次同步 Synced  %s\n", s.LastSync.In(cases.Zone).Format("2006-01-02 15:04:05"))
	} else {
		fmt.Fprintln(w, "上次同步 Synced  从未 never")
	}
	if s.LastError != "" {
		fmt.Fprintf(w, "同步错误 Error   %s\n", sentence(s.LastError))
	}
	fmt.Fprintf(w, "被拒 Rejected    %d\n", s.Rejected)
	for _, r := range s.Rejections {
		fmt.Fprintln(w, "  "+rejectionLine(r))
	}
	fmt.Fprintf(w, "目录 Catalog     version %d\n", s.CatalogVersion)
	fmt.Fprintf(w, "打印机 Printer   %s (profile %s)\n", s.Printer, s.PrinterProfile)
	fmt.Fprintf(w, "                %s\n", s.printerNote)
	if s.Scanner != "" {
		fmt.Fprintf(w, "扫码枪 Scanner   %s\n", s.Scanner)
	}
	if s.Camera != "" {
		fmt.Fprintf(w, "摄像头 Camera    %s\n", s.Camera)
	}
	writeProblems(w, s.Problems)
	return nil
}

func (d *device) status() (statusJSON, error) {
	if d.store == nil {
		s := statusJSON{Version: version, Data: d.dir, NoStore: true,
			Device:         deviceJSON{Role: d.config.runs()},
			CatalogVersion: d.catalog.Version, Printer: d.printerURL(), PrinterProfile: d.printerProfile(),
			// Asking the default printer, a folder, would make it.
			PrinterState: "not_set_up", printerNote: tNoPrinterYet.Both()}
		return s, nil
	}
	id, err := d.store.Identity()
	if err != nil {
		return statusJSON{}, err
	}
	schema, _ := d.store.Schema()
	pending, err := d.store.Pending()
	if err != nil {
		return statusJSON{}, err
	}
	rejected, err := d.store.Rejected()
	if err != nil {
		return statusJSON{}, err
	}
	st, err := client.ReadStatus(d.store)
	if err != nil {
		return statusJSON{}, err
	}
	s := statusJSON{
		Version: version, Data: d.dir, Schema: schema,
		Device: deviceJSON{ID: id.DeviceID, Role: d.config.runs(), Center: id.Center, ShortCode: id.ShortCode,
			Enrolled: id.Enrolled(), Platform: id.Platform, NeedsEnrollment: id.NeedsEnrollment},
		Pending: pending, Rejected: len(rejected), LastError: st.LastError,
		CatalogVersion: d.catalog.Version, Printer: d.printerURL(), PrinterProfile: d.printerProfile(),
		Scanner: d.config.Scanner, Camera: d.config.Camera,
	}
	if !st.LastSync.IsZero() {
		s.LastSync = &st.LastSync
	}
	if seen, ok, err := d.store.CopySeen(); err != nil {
		return statusJSON{}, err
	} else if ok {
		s.copySeen = &seen
	}
	var notes []string
	if d.kioskDemo() {
		notes = append(notes, tKioskDemo.Both())
	}
	if id.Enrolled() && id.Role != s.Device.Role {
		s.Device.EnrolledRole = id.Role
		notes = append(notes, bothf(tEnrolledAs, roleName(id.Role)))
	}
	if len(notes) > 0 {
		s.Device.roleNote = "（" + strings.Join(notes, "；") + "）"
	}
	s.PrinterState, s.printerNote = d.printerState()
	for _, r := range rejected {
		rj := rejectionJSON{EventID: r.Event.ID, CaseID: r.Event.CaseID,
			Kind: string(r.Event.Kind), Reason: r.Reason, At: r.At, reason: client.RejectionReason(r.Reason)}
		if c, err := d.store.Case(r.Event.CaseID); err == nil {
			rj.CaseNumber = c.Number
		}
		s.Rejections = append(s.Rejections, rj)
	}
	return s, nil
}

// rejectionLine is one parked event for people: when it was refused (center
// time), its case by number, what it was, and why, each in both languages.
func rejectionLine(r rejectionJSON) string {
	which := r.CaseNumber
	if which == "" {
		which = bothf(tCaseNotHere, r.CaseID)
	}
	return fmt.Sprintf("%s  %s  %s  %s", r.At.In(cases.Zone).Format("2006-01-02 15:04"), which,
		cases.Kind(r.Kind).Label().Both(), r.reason.ZH+" "+sentence(r.reason.EN))
}

// printerURL is the configured printer, or a folder of receipt files in the
// data folder when none is configured.
func (d *device) printerURL() string {
	if d.config.Printer != "" {
		return d.config.Printer
	}
	return "dir://" + d.dir + "/receipts"
}

func (d *device) printerProfile() string {
	if d.config.PrinterProfile != "" {
		return d.config.PrinterProfile
	}
	return "58"
}

// roleName names a role in both languages.
func roleName(role string) cases.Text {
	if t, ok := tRoleNames[role]; ok {
		return t
	}
	return cases.Text{ZH: role, EN: role}
}
