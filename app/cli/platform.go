package cli

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/staff"
	"tongban/assets"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/pgstore"
	"tongban/sync/protocol"
)

// platformCommand: tongban platform serve | code | devices | catalog import
// | staff add|disable|list.
func platformCommand(c *call) error {
	if len(c.args) == 0 {
		return badf("say what to do: tongban platform serve, code, devices, catalog import FILE, or staff add|disable|list")
	}
	verb, args := c.args[0], c.args[1:]
	if verb == "catalog" {
		if len(args) == 0 || args[0] != "import" {
			return badf("use tongban platform catalog import FILE")
		}
		verb, args = "catalog import", args[1:]
	}
	if verb == "staff" {
		if len(args) == 0 || (args[0] != "add" && args[0] != "disable" && args[0] != "list") {
			return badf("use tongban platform staff add ID --name NAME --pin PIN --center C, staff disable ID --center C, or staff list --center C")
		}
		verb, args = "staff "+args[0], args[1:]
	}
	c.name = "platform " + verb
	switch verb {
	case "serve":
		return platformServe(c, args)
	case "code", "devices", "catalog import", "staff add", "staff disable", "staff list":
		return platformAdmin(c, verb, args)
	}
	return badf("tongban platform has no %q; use serve, code, devices, catalog import or staff", verb)
}

// adminTokenFile holds a platform's generated admin token in its data folder.
const adminTokenFile = "admin-token"

func platformServe(c *call, args []string) error {
	fs := c.flags(c.name)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	database := fs.String("database", "", "postgres://… to keep events in PostgreSQL (default: bbolt in --data)")
	cert := fs.String("tls-cert", "", "TLS certificate file (with --tls-key: serve HTTPS)")
	key := fs.String("tls-key", "", "TLS key file")
	token := fs.String("admin-token", "", "admin token (default $TONGBAN_ADMIN_TOKEN, else one generated into DATA/admin-token)")
	rate := fs.Float64("push-rate", 0, "pushes a second allowed per device before 429 (0: no limit)")
	if _, err := c.parse(fs, args); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return badf("give both --tls-cert and --tls-key, or neither")
	}
	dir, err := c.dataDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var store platform.Storage
	if *database != "" {
		if !strings.HasPrefix(*database, "postgres://") && !strings.HasPrefix(*database, "postgresql://") {
			return badf("--database must be a postgres:// URL")
		}
		store, err = pgstore.Open(ctx, *database)
	} else {
		store, err = boltstore.Open(dir, boltstore.Options{})
	}
	if err != nil {
		return err
	}
	defer store.Close()
	if err := publishSample(ctx, store); err != nil {
		return err
	}
	// Listen before the admin token is written: a script that waits for
	// the token file (as the README does) then finds the platform answering.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (%w); choose a free address with --addr", *addr, err)
	}
	defer ln.Close()
	admin, file, err := c.adminToken(*token, dir)
	if err != nil {
		return err
	}
	srv, err := platform.New(store, platform.Config{AdminToken: admin, Version: version, PushRate: *rate})
	if err != nil {
		return err
	}
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	fmt.Fprintf(c.env.Stdout, "通办平台 Tongban platform on %s://%s (data %s)\n", scheme, *addr, dir)
	if file != "" {
		fmt.Fprintf(c.env.Stdout, "admin token in %s\n", file)
	}
	return srv.Serve(ctx, ln, *cert, *key)
}

// adminToken picks the admin token: the flag, the environment, or one
// generated once into the data folder (readable by its owner only).
func (c *call) adminToken(flagValue, dir string) (token, file string, err error) {
	if flagValue != "" {
		return flagValue, "", nil
	}
	if t := c.env.Getenv("TONGBAN_ADMIN_TOKEN"); t != "" {
		return t, "", nil
	}
	file = filepath.Join(dir, adminTokenFile)
	if b, err := os.ReadFile(file); err == nil && len(strings.TrimSpace(string(b))) > 0 {
		return strings.TrimSpace(string(b)), file, nil
	}
	b := make([]byte, 24)
	rand.Read(b)
	token = hex.EncodeToString(b)
	return token, file, os.WriteFile(file, []byte(token+"\n"), 0o600)
}

// publishSample gives a new platform the sample catalog as its default,
// so a demo works end to end; a published catalog is never replaced.
func publishSample(ctx context.Context, store platform.Storage) error {
	_, err := store.Catalog(ctx, "", 0)
	if !errors.Is(err, platform.ErrNotFound) {
		return err
	}
	cat, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		return err
	}
	return store.PutCatalog(ctx, platform.CatalogRecord{Version: cat.Version, CenterName: cat.Center.NameZH,
		Published: time.Now(), Data: assets.SampleCatalog()})
}

func platformAdmin(c *call, verb string, args []string) error {
	fs := c.flags(c.name)
	url := fs.String("url", "", "the platform's URL, e.g. http://127.0.0.1:8080")
	token := fs.String("token", "", "the admin token (default $TONGBAN_ADMIN_TOKEN)")
	center := fs.String("center", "", "center division code, e.g. 130102")
	role := fs.String("role", "", "kiosk or counter (code)")
	ttl := fs.Duration("ttl", 24*time.Hour, "how long the enrollment code stays valid (code)")
	revoke := fs.String("revoke", "", "revoke this device ID (devices)")
	asDefault := fs.Bool("default", false, "publish as the default catalog for every center (catalog import)")
	var clerk clerkFlags
	fs.StringVar(&clerk.name, "name", "", "the clerk's name (staff add)")
	fs.StringVar(&clerk.pin, "pin", "", "the clerk's PIN, 4 to 8 digits, hashed here and never sent (staff add; - reads it from standard input)")
	fs.Var(&clerk.windows, "window", "a counter window the clerk serves (staff add; repeat)")
	fs.Var(&clerk.queues, "queue", "a queue letter the clerk calls (staff add; repeat)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if *url == "" {
		return badf("give the platform with --url, e.g. --url http://127.0.0.1:8080")
	}
	if *token == "" {
		*token = c.env.Getenv("TONGBAN_ADMIN_TOKEN")
	}
	if *token == "" {
		return badf("give the admin token with --token (the platform prints where it keeps it)")
	}
	admin := &platform.Admin{URL: strings.TrimRight(*url, "/"), Token: *token}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	switch verb {
	case "staff add", "staff disable", "staff list":
		if len(*center) != 6 {
			return badf("give the center's 6-digit division code with --center, e.g. --center 130102")
		}
		return platformStaff(ctx, c, admin, verb, *center, pos, clerk)
	case "code":
		if *role != protocol.RoleKiosk && *role != protocol.RoleCounter {
			return badf("give --role kiosk or --role counter")
		}
		if len(*center) != 6 {
			return badf("give the center's 6-digit division code with --center, e.g. --center 130102")
		}
		res, err := admin.NewCode(ctx, protocol.CodeRequest{Center: *center, Role: *role, TTL: *ttl})
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintln(c.env.Stdout, res.Code)
		return nil
	case "devices":
		if *revoke != "" {
			d, err := admin.Revoke(ctx, *revoke)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.env.Stdout, "已吊销 Revoked %s (%s %s)\n", d.ID, d.Role, d.ShortCode)
			return nil
		}
		devs, err := admin.Devices(ctx, *center)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, devs)
		}
		for _, d := range devs {
			seen := "never"
			if !d.LastSeen.IsZero() {
				seen = d.LastSeen.In(cases.Zone).Format("2006-01-02 15:04:05")
			}
			state := ""
			if d.Revoked {
				state = "revoked"
			}
			fmt.Fprintf(c.env.Stdout, "%s  %-7s %-4s %s  %-16s last seen %s %s\n", d.ID, d.Role, d.ShortCode, d.Center, d.Name, seen, state)
		}
		return nil
	default: // catalog import
		if len(pos) != 1 {
			return badf("give the catalog file: tongban platform catalog import FILE")
		}
		data, err := os.ReadFile(pos[0])
		if err != nil {
			return badf("cannot read %s: %v", pos[0], err)
		}
		if _, err := catalog.Parse(data); err != nil {
			return &badInput{err}
		}
		res, err := admin.ImportCatalog(ctx, data, *asDefault)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintf(c.env.Stdout, "已发布 Published catalog version %d (%d items) for center %q\n", res.Version, res.Items, res.Center)
		return nil
	}
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
			return badf("give the staff ID, --name and --pin: tongban platform staff add S001 --name 王芳 --pin 2468 --center 130102")
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
		res, err := admin.PutClerk(ctx, center, clerk)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.env.Stdout, res)
		}
		fmt.Fprintf(c.env.Stdout, "已添加 Added clerk %s %s to center %s (staff version %d); its devices get it at their next sync\n",
			clerk.ID, clerk.Name, center, res.Version)
		return nil
	case "staff disable":
		if len(pos) != 1 {
			return badf("give the staff ID: tongban platform staff disable S001 --center 130102")
		}
		_, clerks, err := admin.Staff(ctx, center)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(clerks, func(k staff.Clerk) bool { return k.ID == pos[0] })
		if i < 0 {
			return badf("center %s has no clerk %q on the platform; tongban platform staff list --center %s shows them", center, pos[0], center)
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
		type view struct {
			ID       string   `json:"id"`
			Name     string   `json:"name"`
			Windows  []string `json:"windows"`
			Queues   []string `json:"queues"`
			Disabled bool     `json:"disabled"`
		}
		out := struct {
			Version int    `json:"version"`
			Clerks  []view `json:"clerks"`
		}{Version: version, Clerks: []view{}}
		for _, k := range clerks {
			out.Clerks = append(out.Clerks, view{k.ID, k.Name, k.Windows, k.Queues, k.Disabled})
		}
		return writeJSON(c.env.Stdout, out)
	}
	fmt.Fprintf(c.env.Stdout, "center %s, staff version %d\n", center, version)
	for _, k := range clerks {
		state := ""
		if k.Disabled {
			state = "停用 disabled"
		}
		fmt.Fprintf(c.env.Stdout, "%-10s %-8s windows %v queues %v %s\n", k.ID, k.Name, k.Windows, k.Queues, state)
	}
	return nil
}
