package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/staff"
	"tongban/sync/client"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// platformAdmin runs the admin commands of tongban platform (code,
// devices, staff, catalog import): calls to a running platform over HTTP
// with its admin token.
func platformAdmin(c *call, verb string, args []string) error {
	fs := c.flags(c.name)
	url := fs.String("url", "", "the platform's URL, e.g. http://127.0.0.1:8080")
	token := fs.String("token", "", "the admin token (default $TONGBAN_ADMIN_TOKEN)")
	ca := fs.String("ca", "", "PEM file of a private CA that signed the platform's certificate")
	center, role, revoke := new(string), new(string), new(string)
	ttl, asDefault, newCenter := new(time.Duration), new(bool), new(bool)
	var clerk clerkFlags
	switch verb {
	case "code":
		fs.StringVar(center, "center", "", "the center's division code, e.g. 130102")
		fs.StringVar(role, "role", "", "kiosk or counter")
		fs.DurationVar(ttl, "ttl", 24*time.Hour, "how long the enrollment code stays valid")
		fs.BoolVar(newCenter, "new-center", false, "open a center the platform has not heard of (no catalog or device names it yet)")
	case "devices":
		fs.StringVar(center, "center", "", "only the devices of this center (division code, e.g. 130102)")
		fs.StringVar(revoke, "revoke", "", "revoke this device (its ID, or its short code with --center)")
	case "catalog import":
		fs.BoolVar(asDefault, "default", false, "publish as the default catalog for every center")
	case "staff add":
		fs.StringVar(&clerk.name, "name", "", "the clerk's name")
		fs.StringVar(&clerk.pin, "pin", "", "the clerk's PIN, 4 to 8 digits, hashed here and never sent (- reads it from standard input)")
		fs.Var(&clerk.windows, "window", "a counter window the clerk serves (repeat)")
		fs.Var(&clerk.queues, "queue", "a queue letter the clerk calls (repeat)")
		fallthrough
	case "staff disable", "staff list":
		fs.StringVar(center, "center", "", "the center's division code, e.g. 130102")
	}
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	// A stray word is a mistake, not a thing to ignore: "devices revoke ID"
	// would list the devices and revoke nothing.
	if verb == "devices" && len(pos) > 0 && pos[0] == "revoke" {
		return badf(tUseRevokeFlag, strings.Join(pos[1:], " "))
	}
	if given(fs, "revoke") && strings.TrimSpace(*revoke) == "" {
		// An empty variable in a script: listing the devices would read as done.
		return badf(tEmptyRevoke)
	}
	if (verb == "code" || verb == "devices" || verb == "staff list") && len(pos) > 0 {
		return badf(tNoArgs, c.name, pos[0])
	}
	if *url == "" {
		return badf(tGiveURL)
	}
	if *token == "" {
		*token = c.env.Getenv("TONGBAN_ADMIN_TOKEN")
	}
	if *token == "" {
		return badf(tGiveToken)
	}
	pem, err := readCA(*ca)
	if err != nil {
		return err
	}
	hc, err := client.HTTPClient(*url, pem, adminTimeout)
	if err != nil {
		return &badInput{err}
	}
	admin := &platform.Admin{URL: strings.TrimRight(*url, "/"), Token: *token, HTTP: hc}
	return adminFailed(platformCall(c, verb, pos, admin, adminArgs{*center, *role, *revoke, *ttl, *asDefault, *newCenter, clerk}), admin.URL)
}

// adminTimeout bounds an admin call: a person waits for it.
const adminTimeout = 30 * time.Second

// adminArgs are the flags of an admin call as given.
type adminArgs struct {
	center, role, revoke string
	ttl                  time.Duration
	asDefault, newCenter bool
	clerk                clerkFlags
}

// adminFailed tells an error of an admin call in both languages: the
// platform's refusal by its code (as a device's sync tells it; a refusal
// of what was typed exits 2), a certificate not trusted or an address that
// is not a Tongban platform, a platform that did not answer, or else the
// error as it is.
func adminFailed(err error, url string) error {
	var refused *platform.APIError
	var noAnswer *neturl.Error
	if err == nil {
		return nil
	}
	if errors.As(err, &refused) {
		said := errors.New((&client.PlatformError{Status: refused.Status, Code: refused.Code, Message: refused.Message, At: url}).Error())
		if refused.Code != "" && inputRefused(refused.Status) {
			return &badInput{said}
		}
		return said
	}
	if explained := client.ExplainFailure(err, url); explained != nil {
		return explained
	}
	if errors.As(err, &noAnswer) {
		return failf(tAdminUnreachable, url, noAnswer.Err)
	}
	return err
}

// inputRefused reports whether a platform's refusal of an admin call is
// about what was typed (a bad value, an unknown device or center, a
// catalog version not above the platform's), so nothing changed and the
// exit is 2. A wrong admin token is not among them: the platform may have
// been started with another.
func inputRefused(status int) bool {
	return status == http.StatusBadRequest || status == http.StatusNotFound || status == http.StatusConflict ||
		status == http.StatusUnprocessableEntity
}

// platformCall makes an admin call of the platform and prints its answer.
func platformCall(c *call, verb string, pos []string, admin *platform.Admin, f adminArgs) error {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	switch verb {
	case "staff add", "staff disable", "staff list":
		if len(f.center) != 6 {
			return badf(tGiveCenter)
		}
		return platformStaff(ctx, c, admin, verb, f.center, pos, f.clerk)
	case "code":
		if f.role != protocol.RoleKiosk && f.role != protocol.RoleCounter {
			return badf(tGiveRole)
		}
		if len(f.center) != 6 {
			return badf(tGiveCenter)
		}
		if f.ttl < 0 {
			return badf(tBadTTL, f.ttl)
		}
		res, err := admin.NewCode(ctx, protocol.CodeRequest{Center: f.center, Role: f.role, TTL: f.ttl, NewCenter: f.newCenter})
		var refused *platform.APIError
		if errors.As(err, &refused) && refused.Code == protocol.CodeUnknownCenter {
			// The platform's sentence names the centers it knows.
			return badf(tUnknownCenter, f.center, capitalized(strings.TrimSuffix(refused.Message, ".")), knownCenters(refused.Message))
		}
		if err != nil {
			return err
		}
		switch { // on stderr: a script reads the code from stdout
		case res.Warning != "" && res.DefaultCatalogCenter != "":
			fmt.Fprintln(c.env.Stderr, "tongban: "+bothf(tNoCatalogYet, f.center, res.DefaultCatalogCenter))
		case res.Warning != "":
			fmt.Fprintln(c.env.Stderr, "tongban: "+bothf(tNoCatalogAtAll, f.center))
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintln(c.env.Stdout, res.Code)
		return nil
	case "devices":
		if f.revoke != "" {
			return revokeDevice(ctx, c, admin, f.revoke, f.center)
		}
		devs, err := admin.Devices(ctx, f.center)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, devs)
		}
		if len(devs) == 0 {
			fmt.Fprintln(c.env.Stdout, tNoDevices.Both())
			return nil
		}
		printDevices(c.env.Stdout, devs)
		return nil
	default: // catalog import
		if len(pos) != 1 {
			return badf(tGiveCatalogFile)
		}
		data, err := os.ReadFile(pos[0])
		if err != nil {
			return badf(tCannotRead, pos[0], err)
		}
		if _, err := catalog.Parse(data); err != nil {
			return badf(tBadCatalogFile, pos[0], err)
		}
		res, err := admin.ImportCatalog(ctx, data, f.asDefault)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintf(c.env.Stdout, "已为中心 %[3]s 发布第 %[1]d 版事项目录（%[2]d 个事项）。 Published catalog version %[1]d (%[2]d items) for center %[3]q.\n", res.Version, res.Items, res.Center)
		return nil
	}
}

// revokeDevice revokes a device, or says it was revoked already (the
// platform answers a second revocation as the first).
func revokeDevice(ctx context.Context, c *call, admin *platform.Admin, id, center string) error {
	devs, err := admin.Devices(ctx, center)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(devs, func(d protocol.Device) bool { return d.ID == id })
	if i < 0 { // the short code the list shows, when one device of the center has it
		var same []int
		for j, d := range devs {
			if strings.EqualFold(d.ShortCode, id) {
				same = append(same, j)
			}
		}
		switch {
		case len(same) == 1 && center != "":
			i = same[0]
		case len(same) > 0:
			return badf(tRevokeWhichCenter, id)
		default:
			return badf(tNoSuchDevice, id)
		}
	}
	id = devs[i].ID
	if devs[i].Revoked {
		if c.json {
			return writeJSON(c.env.Stdout, devs[i])
		}
		fmt.Fprintln(c.env.Stdout, bothf(tAlreadyRevoked, id, devs[i].Role, devs[i].ShortCode))
		return nil
	}
	d, err := admin.Revoke(ctx, id)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, d)
	}
	fmt.Fprintln(c.env.Stdout, bothf(tRevoked, d.ID, d.Role, d.ShortCode))
	return nil
}

// clerkFlags are the flags of tongban platform staff add.
type clerkFlags struct {
	name, pin       string
	windows, queues stringList
}

// platformStaff manages a center's clerks on the platform. The PIN is
// hashed here (staff.New) and only its hash is sent. Disabling fetches the
// clerk from the platform and sends it back with Disabled set, so it needs
// no name or PIN.
func platformStaff(ctx context.Context, c *call, admin *platform.Admin, verb, center string, pos []string, f clerkFlags) error {
	switch verb {
	case "staff add":
		if len(pos) != 1 || f.name == "" || f.pin == "" {
			return badf(tGivePlatformClerk)
		}
		if f.pin == "-" {
			line, _ := bufio.NewReader(c.env.Stdin).ReadString('\n')
			f.pin = strings.TrimSpace(line)
		}
		clerk, err := staff.New(pos[0], f.name, f.pin)
		if err != nil {
			return &badInput{err}
		}
		clerk.Windows, clerk.Queues = f.windows, f.queues
		// A clerk of that ID is replaced (a new PIN, a new window): said
		// so, as a typed-in ID that exists already is replaced too.
		_, clerks, err := admin.Staff(ctx, center)
		if err != nil {
			return err
		}
		was := slices.IndexFunc(clerks, func(k staff.Clerk) bool { return k.ID == clerk.ID })
		res, err := admin.PutClerk(ctx, center, clerk)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		if was >= 0 {
			renamed := cases.Text{}
			if old := clerks[was].Name; old != clerk.Name {
				renamed = cases.Text{ZH: "原名 " + old + "，", EN: "was " + old + ", "}
			}
			fmt.Fprintf(c.env.Stdout, "已更新中心 %[3]s 的经办人 %[1]s %[2]s（%[5]s使用这次给出的 PIN 和窗口；经办人名单第 %[4]d 版），各设备下次同步时取得。 Updated clerk %[1]s %[2]s of center %[3]s (%[6]swith the PIN and windows given now; staff version %[4]d); its devices get it at their next sync.\n",
				clerk.ID, clerk.Name, center, res.Version, renamed.ZH, renamed.EN)
			return nil
		}
		fmt.Fprintf(c.env.Stdout, "已为中心 %[3]s 添加经办人 %[1]s %[2]s（经办人名单第 %[4]d 版），各设备下次同步时取得。 Added clerk %[1]s %[2]s to center %[3]s (staff version %[4]d); its devices get it at their next sync.\n",
			clerk.ID, clerk.Name, center, res.Version)
		return nil
	case "staff disable":
		if len(pos) != 1 {
			return badf(tGivePlatformStaffID)
		}
		_, clerks, err := admin.Staff(ctx, center)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(clerks, func(k staff.Clerk) bool { return k.ID == pos[0] })
		if i < 0 {
			return badf(tNoPlatformClerk, center, pos[0])
		}
		clerk := clerks[i]
		clerk.Disabled = true
		res, err := admin.PutClerk(ctx, center, clerk)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintf(c.env.Stdout, "已停用 Disabled clerk %s %s in center %s (staff version %d)\n", clerk.ID, clerk.Name, center, res.Version)
		return nil
	}
	version, clerks, err := admin.Staff(ctx, center) // staff list
	if err != nil {
		return err
	}
	if c.json {
		out := struct {
			Version int         `json:"version"`
			Clerks  []clerkJSON `json:"clerks"`
		}{version, clerksJSON(clerks)}
		return writeJSON(c.env.Stdout, out)
	}
	fmt.Fprintln(c.env.Stdout, bothf(tPlatformStaffHead, center, version))
	if len(clerks) > 0 {
		printClerks(c.env.Stdout, clerks)
	}
	return nil
}

// printDevices writes the devices as a table under a header in both
// languages, times in the center's zone (cases.Zone).
func printDevices(w io.Writer, devs []protocol.Device) {
	widths := [...]int{38, 10, 10, 13, 18, 16}
	h := tDevicesHeader
	for i, width := range widths {
		fmt.Fprint(w, pad(h[i].Both(), width))
	}
	fmt.Fprintln(w, h[len(widths)].Both())
	for _, d := range devs {
		seen := tNeverSeen.Both()
		if !d.LastSeen.IsZero() {
			seen = d.LastSeen.In(cases.Zone).Format("2006-01-02 15:04:05")
		}
		state := tDeviceActive
		if d.Revoked {
			state = tDeviceRevoked
		}
		for i, cell := range []string{d.ID, d.Role, d.ShortCode, d.Center, d.Name, state.Both()} {
			fmt.Fprint(w, pad(cell, widths[i]-1), " ")
		}
		fmt.Fprintln(w, seen)
	}
}

// given reports whether a flag was given on the command line, even empty.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// knownCenters reads the centers a platform's unknown_center sentence
// names ("… (it knows 130102, 130104 and 3 more from their catalogs …")
// into Chinese ("130102、130104、另 3 个"); "无" when it names none.
func knownCenters(msg string) string {
	m := knownCentersIn.FindStringSubmatch(msg)
	if m == nil {
		return "无"
	}
	list := strings.NewReplacer(", ", "、", " and ", "、").Replace(m[1])
	return moreCenters.ReplaceAllString(list, "另 $1 个")
}

var (
	knownCentersIn = regexp.MustCompile(`it knows (.+?) from `)
	moreCenters    = regexp.MustCompile(`(\d+) more$`)
)
