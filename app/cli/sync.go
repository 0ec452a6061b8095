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

// enrollCommand: tongban enroll --platform URL --code CODE [--ca FILE].
func enrollCommand(c *call) error {
	fs := c.flags("enroll")
	url := fs.String("platform", "", "the platform's URL, e.g. https://zwfw.example.gov.cn")
	code := fs.String("code", "", "the single-use enrollment code from the platform's administrator")
	ca := fs.String("ca", "", "PEM file of a private CA that signed the platform's certificate")
	if _, err := c.parse(fs, c.args); err != nil {
		return err
	}
	if *url == "" || *code == "" {
		return badf(tGiveEnroll)
	}
	var pem string
	if *ca != "" {
		b, err := os.ReadFile(*ca)
		if err != nil {
			return badf(tCannotRead, *ca, err)
		}
		pem = string(b)
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	id, err := client.Enroll(ctx, *url, *code, pem, d.store)
	if err != nil {
		if errors.Is(err, client.ErrBadPlatformURL) {
			return &badInput{err}
		}
		return err
	}
	if d.config.Role == "" { // the platform's role becomes the device's role
		d.config.Role = id.Role
		if err := d.store.PutJSON(keyConfig, d.config); err != nil {
			return err
		}
	}
	if c.json {
		return writeJSON(c.env.Stdout, deviceJSON{ID: id.DeviceID, Role: id.Role, Center: id.Center,
			ShortCode: id.ShortCode, Enrolled: true, Platform: id.Platform})
	}
	fmt.Fprintf(c.env.Stdout, "已注册 Enrolled as %s %s of center %s (device %s)\n", id.Role, id.ShortCode, id.Center, id.DeviceID)
	return nil
}

// syncCommand: tongban sync [--once] — push and pull now; without --once,
// keep syncing until interrupted.
func syncCommand(c *call) error {
	fs := c.flags("sync")
	once := fs.Bool("once", false, "one round, then exit (non-zero when the platform cannot be reached)")
	if _, err := c.parse(fs, c.args); err != nil {
		return err
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	s := client.New(d.store, client.Options{})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if !*once {
		cancel := s.OnChange(func(st client.Status) {
			fmt.Fprintf(c.env.Stdout, "%s  %s\n", time.Now().Format("15:04:05"), statusLine(st))
		})
		defer cancel()
		s.Run(ctx)
		return nil
	}
	rep, err := s.Once(ctx)
	if c.json {
		out := map[string]any{"pushed": rep.Pushed, "duplicates": rep.Duplicates, "rejected": rep.Rejected,
			"pulled": rep.Pulled, "changed": rep.Changed, "pending": rep.Pending, "catalog_version": rep.CatalogVersion,
			"clerks": rep.Clerks, "clerks_skipped": rep.ClerksSkipped}
		if err != nil {
			out["error"] = err.Error()
		}
		if werr := writeJSON(c.env.Stdout, out); werr != nil {
			return werr
		}
	} else {
		fmt.Fprintln(c.env.Stdout, bothf(tSyncRound, rep.Pushed, rep.Duplicates, rep.Rejected, rep.Pulled, rep.Pending))
		if rep.Clerks > 0 || rep.ClerksSkipped > 0 {
			fmt.Fprintln(c.env.Stdout, bothf(tSyncClerks, rep.Clerks, rep.ClerksSkipped))
		}
		if rep.ClerkProblems != "" { // the sync client's detail is in English
			fmt.Fprintln(c.env.Stdout, bothf(tClerksFailed, capitalized(strings.TrimSuffix(rep.ClerkProblems, "."))))
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
