package cli

import (
	"context"
	"crypto/rand"
	"crypto/tls"
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
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"tongban/app/catalog"
	"tongban/assets"
	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
	"tongban/sync/platform/pgstore"
)

// platformVerb is a subcommand of tongban platform, with its arguments.
type platformVerb struct {
	subcommand
	synopsis string
}

// platformVerbs are the subcommands of tongban platform.
var platformVerbs = []platformVerb{
	{subcommand{"serve", "run the platform: sync API, admin API, health (--addr, --database postgres://…)"},
		"[--addr HOST:PORT] [--database postgres://…] [--tls-cert FILE --tls-key FILE] [--admin-token T] [--push-rate N]"},
	{subcommand{"code", "make a single-use enrollment code for a device (--center C --role kiosk|counter)"},
		"--url URL [--ca FILE] --center CODE --role kiosk|counter [--ttl 24h] [--new-center]"},
	{subcommand{"devices", "list the enrolled devices, or revoke one (--revoke ID)"},
		"--url URL [--ca FILE] [--center CODE] [--revoke DEVICE_ID]"},
	{subcommand{"catalog import", "publish a catalog file (--default: for every center)"},
		"FILE --url URL [--ca FILE] [--default]"},
	{subcommand{"staff add", "add or change a center's clerk; devices get it at their next sync"},
		"ID --name NAME --pin PIN --center CODE --url URL [--ca FILE] [--window W …] [--queue Q …]"},
	{subcommand{"staff disable", "stop a clerk signing in anywhere in the center"},
		"ID --center CODE --url URL [--ca FILE]"},
	{subcommand{"staff list", "a center's clerks"},
		"--center CODE --url URL [--ca FILE]"},
}

// platformCommand: tongban platform serve | code | devices | catalog import
// | staff add|disable|list.
func platformCommand(c *call) error {
	if len(c.args) == 0 {
		return badf(tPlatformWhat)
	}
	verb, args := c.args[0], c.args[1:]
	if (verb == "catalog" || verb == "staff") && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		verb, args = verb+" "+args[0], args[1:]
	}
	if isHelp(verb) || verb == "catalog" || verb == "staff" {
		subs := make([]subcommand, len(platformVerbs))
		for i, v := range platformVerbs {
			subs[i] = v.subcommand
		}
		if isHelp(verb) || len(args) > 0 && isHelp(args[0]) {
			groupHelp(c.env.Stdout, "platform", subs)
			return nil
		}
		if verb == "catalog" {
			return badf(tPlatformCatalogUse)
		}
		return badf(tPlatformStaffUse)
	}
	i := slices.IndexFunc(platformVerbs, func(v platformVerb) bool { return v.name == verb })
	if i < 0 {
		if strings.HasPrefix(verb, "staff ") {
			return badf(tPlatformStaffUse)
		}
		return badf(tPlatformNoVerb, verb)
	}
	c.name, c.synopsis, c.summary = "platform "+verb, platformVerbs[i].synopsis, platformVerbs[i].summary
	if verb == "serve" {
		return platformServe(c, args)
	}
	return platformAdmin(c, verb, args)
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
	if err := c.parseFlags(fs, args); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return badf(tTLSPair)
	}
	// The pair is checked before anything is announced or written: a
	// platform that cannot serve must not leave an admin token behind.
	if *cert != "" {
		if _, err := tls.LoadX509KeyPair(*cert, *key); err != nil {
			return badf(tBadTLSFiles, *cert, *key, err)
		}
	}
	dir, err := c.dataDir()
	if err != nil {
		return err
	}
	// The address is taken before the storage opens: a platform that
	// cannot listen must leave no store behind. A malformed address is bad
	// input; one in use is not.
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return badf(tBadAddr, *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return failf(tCannotListen, *addr, err)
	}
	defer ln.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var store platform.Storage
	var storage string // what the platform keeps its data in, for the start line
	if *database != "" {
		if !strings.HasPrefix(*database, "postgres://") && !strings.HasPrefix(*database, "postgresql://") {
			return badf(tBadDatabase)
		}
		cfg, err := pgconn.ParseConfig(*database)
		if err != nil {
			return badf(tBadDatabaseURL, err)
		}
		storage = fmt.Sprintf("PostgreSQL %s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database) // never the password
		store, err = pgstore.Open(ctx, *database)
		if err = databaseFailed(err); err != nil {
			return err
		}
	} else {
		store, err = boltstore.Open(dir, boltstore.Options{})
		if err != nil {
			return err
		}
		file := filepath.Join(dir, boltstore.FileName)
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
		storage = "bbolt " + file
	}
	defer store.Close()
	// Made once the storage opened, so a database that fails leaves no
	// folder: it holds the admin token.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := publishSample(ctx, store); err != nil {
		return err
	}
	// The listener is up before the admin token is written: a script that
	// waits for the token file (as the README does) finds the platform
	// answering.
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
	fmt.Fprintf(c.env.Stdout, "存储 storage: %s\n", storage)
	if file != "" {
		fmt.Fprintf(c.env.Stdout, "管理令牌文件 admin token file: %s\n", file)
	}
	return srv.Serve(ctx, ln, *cert, *key)
}

// databaseFailed words a database that cannot be reached in one sentence:
// the driver's message runs over several lines, one for each address it
// tried; the last says why.
func databaseFailed(err error) error {
	var connect *pgconn.ConnectError
	if !errors.As(err, &connect) {
		return err
	}
	cfg := connect.Config
	where := fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	why := connect.Error()
	if cause := errors.Unwrap(connect); cause != nil {
		why = cause.Error()
	}
	lines := strings.Split(strings.TrimSpace(why), "\n")
	return failf(tNoDatabase, where, strings.Join(strings.Fields(lines[len(lines)-1]), " "))
}

// adminToken picks the admin token: the flag, the environment, or one
// generated once into the data folder (readable by its owner only). A
// token given is refused when shorter than minAdminToken once trimmed:
// a blank one matched no call, with no word why, and a short one is
// guessed.
func (c *call) adminToken(flagValue, dir string) (token, file string, err error) {
	for _, given := range []struct{ value, from string }{{flagValue, "--admin-token"}, {c.env.Getenv("TONGBAN_ADMIN_TOKEN"), "TONGBAN_ADMIN_TOKEN"}} {
		if given.value == "" {
			continue
		}
		if t := strings.TrimSpace(given.value); utf8.RuneCountInString(t) >= minAdminToken {
			// A token file left by an earlier start without a token given
			// would be taken for the token in force, and refused.
			stale := filepath.Join(dir, adminTokenFile)
			if b, err := os.ReadFile(stale); err == nil && strings.TrimSpace(string(b)) != t && os.Remove(stale) == nil {
				fmt.Fprintln(c.env.Stderr, bothf(tStaleAdminToken, stale, given.from))
			}
			return t, "", nil
		}
		return "", "", badf(tShortAdminToken, given.from, minAdminToken)
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

// minAdminToken is the fewest characters of an admin token given by hand;
// a generated one has 48.
const minAdminToken = 12

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
	err = store.PutCatalog(ctx, platform.CatalogRecord{Version: cat.Version, CenterName: cat.Center.NameZH,
		Published: time.Now(), Data: assets.SampleCatalog()})
	if errors.Is(err, platform.ErrCatalogVersion) {
		return nil // another instance starting beside this one on the same database published it first
	}
	return err
}
