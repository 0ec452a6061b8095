package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"tongban/app/cases"
	"tongban/sync/client"
)

// enrollCommand: tongban enroll --platform URL --code CODE [--ca FILE]
// [--keep-cases].
func enrollCommand(c *call) error {
	fs := c.flags("enroll")
	url := fs.String("platform", "", "the platform's URL, e.g. https://zwfw.example.gov.cn")
	code := fs.String("code", "", "the single-use enrollment code from the platform's administrator")
	ca := fs.String("ca", "", "PEM file of a private CA that signed the platform's certificate")
	keep := fs.Bool("keep-cases", false, "upload the cases this folder holds from before enrollment (the demo identity) to the platform")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	if *url == "" || *code == "" {
		return badf(tGiveEnroll)
	}
	pem, err := readCA(*ca)
	if err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close() // a failed enrollment saved nothing: a store made for it goes
	res, err := enrollDevice(d, *url, *code, pem, *keep)
	if err != nil && d.made != nil && !client.EnrollMayHaveArrived(err) {
		// Only the device's secret was written. One whose request may have
		// reached the platform stays: its ID and secret redeem the code again.
		d.made.discard = true
	}
	if client.IsBadInput(err) {
		return &badInput{err}
	}
	if err != nil {
		return err
	}
	id := res.Identity
	// The platform's role becomes the device's role: a counter window on
	// a device enrolled as a kiosk would have every action refused.
	was := d.config.Role
	if was != id.Role {
		d.config.Role = id.Role
		if err := d.store.PutJSON(keyConfig, d.config); err != nil {
			return err
		}
	}
	changed := was != "" && was != id.Role
	center := d.centerName(id.Center, res.CenterName)
	if c.json {
		out := enrollJSON{
			deviceJSON: deviceJSON{ID: id.DeviceID, Role: id.Role, Center: id.Center,
				ShortCode: id.ShortCode, Enrolled: true, Platform: id.Platform},
			CenterName: center.ZH, Moved: res.Moved, Requeued: res.Requeued}
		if changed {
			out.RoleWas = was
		}
		return writeJSON(c.env.Stdout, out)
	}
	label := cases.Text{ZH: id.Center, EN: id.Center}
	if center.ZH != "" {
		label = cases.Text{ZH: id.Center + " " + center.ZH, EN: id.Center + " " + center.EN}
	}
	fmt.Fprintln(c.env.Stdout, bothf(tEnrolled, label, roleName(id.Role), id.ShortCode, id.DeviceID))
	if changed {
		fmt.Fprintln(c.env.Stdout, bothf(tRoleChanged, roleName(was), roleName(id.Role)))
	}
	if res.Moved {
		fmt.Fprintln(c.env.Stdout, bothf(tMoved, res.Requeued))
	}
	return nil
}

// enrollJSON is the stable shape of tongban enroll --json: the device as
// tongban status shows it, the center's name, and whether the device moved
// from another platform (and how many of its events were queued again).
type enrollJSON struct {
	deviceJSON
	CenterName string `json:"center_name,omitempty"`
	Moved      bool   `json:"moved_platform,omitempty"`
	Requeued   int    `json:"requeued_events,omitempty"`
	// RoleWas is the role the device was set to before, when enrolling
	// changed it to the platform's.
	RoleWas string `json:"role_was,omitempty"`
}

// enrollDevice enrolls the device, unless it holds cases made before
// enrollment (a demo identity) that the user did not ask to upload.
// Cases of an earlier enrollment are the center's already.
func enrollDevice(d *device, url, code, pem string, keepCases bool) (client.Enrollment, error) {
	id, err := d.store.Identity()
	if err != nil {
		return client.Enrollment{}, err
	}
	if id.Platform == "" && !keepCases {
		n, err := d.store.PendingCases()
		if err != nil {
			return client.Enrollment{}, err
		}
		if n > 0 {
			return client.Enrollment{}, badf(tDemoCases, n)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return client.EnrollDevice(ctx, url, code, pem, d.store)
}

// readCA reads the PEM file of --ca; no file, no CA.
func readCA(file string) (string, error) {
	if file == "" {
		return "", nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", badf(tCannotRead, file, err)
	}
	return string(b), nil
}

// centerName names the center a device enrolled in: the platform's name
// for it, else the one of the catalog in force when that is the center's
// own catalog; empty when neither knows it.
func (d *device) centerName(center, fromPlatform string) cases.Text {
	d.catMu.Lock()
	cc := d.catalog.Center
	d.catMu.Unlock()
	switch {
	case cc.Code == center && cc.NameZH != "":
		name := cases.Text{ZH: cc.NameZH, EN: cc.NameEN}
		if fromPlatform != "" {
			name.ZH = fromPlatform
		}
		if name.EN == "" {
			name.EN = name.ZH
		}
		return name
	case fromPlatform != "":
		return cases.Text{ZH: fromPlatform, EN: fromPlatform}
	}
	return cases.Text{}
}

// onceTimeout bounds each request of tongban sync --once, where a person
// waits: a platform that takes the connection and stays silent fails the
// round in 15 s rather than the syncer's minute. A request moves at most
// 500 events up or a page of 5,000 down, gzipped (a few hundred KB): 15 s
// leaves room for a slow line.
const onceTimeout = 15 * time.Second

// syncCommand: tongban sync [--once] — push and pull now; without --once,
// keep syncing until interrupted.
func syncCommand(c *call) error {
	fs := c.flags("sync")
	once := fs.Bool("once", false, "one round, then exit (non-zero when the platform cannot be reached)")
	if err := c.parseFlags(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if !*once {
		s := client.New(d.store, client.Options{})
		cancel := s.OnChange(func(st client.Status) {
			fmt.Fprintf(c.env.Stdout, "%s  %s\n", d.now().In(cases.Zone).Format("15:04:05"), statusLine(st))
		})
		defer cancel()
		s.Run(ctx)
		return nil
	}
	s := client.New(d.store, client.Options{Timeout: onceTimeout})
	rep, err := s.Once(ctx)
	if rep.CatalogVersion == 0 { // none pulled: the catalog in force (the sample)
		rep.CatalogVersion = d.catalog.Version
	}
	if c.json {
		out := map[string]any{"pushed": rep.Pushed, "duplicates": rep.Duplicates, "rejected": rep.Rejected,
			"pulled": rep.Pulled, "changed": rep.Changed, "pending": rep.Pending, "catalog_version": rep.CatalogVersion,
			"clerks": rep.Clerks, "clerks_skipped": rep.ClerksSkipped, "feed_reset": rep.FeedReset}
		if err != nil {
			out["error"] = diskFull(err).Error()
		}
		if werr := writeJSON(c.env.Stdout, out); werr != nil {
			return werr
		}
	} else if errors.Is(err, client.ErrNotEnrolled) {
		return err // nothing was tried: a line of counts would read as a round done
	} else {
		fmt.Fprintln(c.env.Stdout, bothf(tSyncRound, rep.Pushed, rep.Duplicates, rep.Rejected, rep.Pulled, rep.Pending))
		if rep.FeedReset {
			fmt.Fprintln(c.env.Stdout, client.FeedResetText)
		}
		if rep.Clerks > 0 || rep.ClerksSkipped > 0 {
			fmt.Fprintln(c.env.Stdout, bothf(tSyncClerks, rep.Clerks, rep.ClerksSkipped))
		}
		if rep.ClerkProblems != "" { // the sync client's detail is in English
			fmt.Fprintln(c.env.Stdout, bothf(tClerksFailed, capitalized(strings.TrimSuffix(rep.ClerkProblems, "."))))
		}
		if rep.DeviceProblem != "" {
			fmt.Fprintln(c.env.Stdout, bothf(tDirectoryFailed, capitalized(strings.TrimSuffix(rep.DeviceProblem, "."))))
		}
	}
	return err
}

// statusLine is one line about sync for people.
func statusLine(st client.Status) string {
	switch {
	case !st.Enrolled:
		return "未注册，仅本机 Not enrolled: this device only"
	case st.NeedsEnrollment:
		return "需要重新注册 Needs enrollment: the platform refused this device"
	}
	state := "在线 online"
	if !st.Online {
		state = "离线 offline"
	}
	last := "从未 never"
	if !st.LastSync.IsZero() {
		last = st.LastSync.In(cases.Zone).Format("15:04:05")
	}
	line := fmt.Sprintf("%s · 待同步 pending %d · 上次同步 last sync %s", state, st.Pending, last)
	if st.LastError != "" {
		line += " · " + st.LastError
	}
	return line
}
