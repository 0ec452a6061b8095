package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"tongban/sync/platform"
	"tongban/sync/platform/boltstore"
)

const testAdminToken = "cli-test-admin"

// enrollAs enrolls the device in data with a new code for role from the
// platform at url, in center 130102.
func enrollAs(t *testing.T, url, data, role string) {
	t.Helper()
	code := must(t, "", "platform", "code", "--role", role, "--url", url, "--token", testAdminToken, "--center", "130102")
	must(t, data, "enroll", "--platform", url, "--code", strings.TrimSpace(code))
}

// startPlatform serves a platform over bbolt on loopback, in process, and
// returns its URL.
func startPlatform(t *testing.T) string { return startPlatformServer(t).URL }

// startPlatformServer is startPlatform with the server, for a test that
// stops the platform.
func startPlatformServer(t *testing.T) *httptest.Server {
	hs := httptest.NewServer(newPlatform(t))
	t.Cleanup(hs.Close)
	return hs
}

// newPlatform is a platform over a bbolt store in a temporary folder,
// closed when the test ends.
func newPlatform(t *testing.T) *platform.Server {
	t.Helper()
	store, err := boltstore.Open(t.TempDir(), boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv, err := platform.New(store, platform.Config{AdminToken: testAdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// runWithStdin runs the command line with standard input.
func runWithStdin(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(stdin), Getenv: func(string) string { return "" }})
	return out.String(), errOut.String(), code
}

// must runs a command that has to succeed and returns its output.
func must(t *testing.T, data string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, data, args...)
	if code != 0 {
		t.Fatalf("tongban %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// listedClerk is a clerk as tongban staff list --json shows it.
type listedClerk struct {
	ID       string
	Name     string
	Windows  []string
	Disabled bool
}

// clerksOn lists the clerks of a device folder by staff ID.
func clerksOn(t *testing.T, data string) map[string]listedClerk {
	t.Helper()
	var list []listedClerk
	if err := json.Unmarshal([]byte(must(t, data, "staff", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]listedClerk{}
	for _, c := range list {
		out[c.ID] = c
	}
	return out
}

// TestPlatformStaffReachesCounter: a clerk added on the platform appears
// on an enrolled counter after one sync and can act on a case; disabling
// it on the platform arrives the same way.
func TestPlatformStaffReachesCounter(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken, "--center", "130102"}
	code := strings.TrimSpace(must(t, "", append([]string{"platform", "code", "--role", "counter"}, admin...)...))
	counter := t.TempDir()
	must(t, counter, "enroll", "--platform", url, "--code", code)

	if out := must(t, "", append([]string{"platform", "staff", "add", "S001", "--name", "王芳", "--pin", "2468", "--window", "A03"}, admin...)...); !strings.Contains(out, "Added clerk S001") {
		t.Errorf("the first staff add said %q", out)
	}
	// The same ID again replaces the clerk, and says so.
	if out := must(t, "", append([]string{"platform", "staff", "add", "S001", "--name", "王芳", "--pin", "2468", "--window", "A03"}, admin...)...); !strings.Contains(out, "已更新中心 130102 的经办人 S001") || !strings.Contains(out, "Updated clerk S001") {
		t.Errorf("staff add of an ID the center has said %q; want it updated", out)
	}
	// --pin - reads the PIN from standard input, so it stays out of the process list.
	if _, errOut, exit := runWithStdin(t, "1357\n", append([]string{"platform", "staff", "add", "S002", "--name", "李四", "--pin", "-"}, admin...)...); exit != 0 {
		t.Fatalf("platform staff add --pin -: exit %d: %s", exit, errOut)
	}
	must(t, counter, "sync", "--once")
	got := clerksOn(t, counter)
	if c := got["S001"]; c.Name != "王芳" || len(c.Windows) != 1 || c.Windows[0] != "A03" || c.Disabled {
		t.Fatalf("S001 on the counter = %+v (all: %+v); want 王芳 at A03", c, got)
	}
	if _, ok := got["S002"]; !ok {
		t.Fatalf("S002 (PIN from stdin) is not on the counter: %+v", got)
	}

	n := addLicenceCase(t, counter)
	_, errOut, exit := run(t, counter, "cases", "accept", n, "--staff", "S009", "--received", "1,2,4")
	wantRefusal(t, "an unknown clerk on an enrolled counter", errOut, exit, "经办人由平台下发", "tongban platform staff add")
	if out := must(t, counter, "staff", "add", "S009", "--name", "测试", "--pin", "9753"); !strings.Contains(out, "已添加经办人 S009") || !strings.Contains(out, "this clerk is on this device only") {
		t.Errorf("staff add on an enrolled counter said %q; want it added here only, with the note", out)
	}
	if out := must(t, counter, "staff", "add", "S009", "--name", "测试二", "--pin", "8642"); !strings.Contains(out, "已更新经办人 S009") || !strings.Contains(out, "its next list of clerks writes over this change") {
		t.Errorf("staff add of a clerk already there said %q; want updated", out)
	}
	out := must(t, counter, "cases", "accept", n, "--staff", "S001", "--received", "1,2,4", "--json")
	var accepted struct{ Status string }
	if json.Unmarshal([]byte(out), &accepted); accepted.Status != "accepted" {
		t.Fatalf("cases accept --staff S001 = %s, want the case accepted", out)
	}

	out = must(t, "", append([]string{"platform", "staff", "disable", "S001", "--json"}, admin...)...)
	var res struct{ Version int }
	if json.Unmarshal([]byte(out), &res); res.Version != 4 {
		t.Fatalf("platform staff disable = %s, want staff version 4 (two adds of S001, one of S002, the disable)", out)
	}
	must(t, counter, "sync", "--once")
	if c := clerksOn(t, counter)["S001"]; !c.Disabled || c.Name != "王芳" {
		t.Fatalf("S001 after disabling on the platform = %+v; want it disabled, name kept", c)
	}
	var list struct {
		Version int
		Clerks  []struct {
			ID       string
			Disabled bool
		}
	}
	json.Unmarshal([]byte(must(t, "", append([]string{"platform", "staff", "list", "--json"}, admin...)...)), &list)
	if list.Version != 4 || len(list.Clerks) != 2 || !list.Clerks[0].Disabled || list.Clerks[1].Disabled {
		t.Fatalf("platform staff list = %+v; want version 4, S001 disabled and S002 not", list)
	}
}

// TestPlatformStaffBadInput: each mistake exits 2 with one sentence and
// sends nothing.
func TestPlatformStaffBadInput(t *testing.T) {
	url := startPlatform(t)
	admin := []string{"--url", url, "--token", testAdminToken}
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"no verb", []string{"platform", "staff"}, "staff add"},
		{"unknown verb", []string{"platform", "staff", "remove", "S001"}, "staff add"},
		{"no center", append([]string{"platform", "staff", "add", "S001", "--name", "王芳", "--pin", "2468"}, admin...), "6-digit"},
		{"no name", append([]string{"platform", "staff", "add", "S001", "--pin", "2468", "--center", "130102"}, admin...), "--name"},
		{"PIN too short", append([]string{"platform", "staff", "add", "S001", "--name", "王芳", "--pin", "12", "--center", "130102"}, admin...), "PIN"},
		{"bad staff ID", append([]string{"platform", "staff", "add", "S 01", "--name", "王芳", "--pin", "2468", "--center", "130102"}, admin...), "staff ID"},
		{"disable an unknown clerk", append([]string{"platform", "staff", "disable", "S009", "--center", "130102"}, admin...), "no clerk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, exit := run(t, "", tt.args...)
			if exit != exitBadArgs || !strings.Contains(errOut, tt.says) || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("exit %d, %q; want exit 2 and one line mentioning %q", exit, errOut, tt.says)
			}
		})
	}
	if out := must(t, "", append([]string{"platform", "staff", "list", "--center", "130102"}, admin...)...); !strings.Contains(out, "staff version 0") {
		t.Fatalf("after bad input the platform lists %q, want nothing (version 0)", out)
	}
	_, errOut, exit := run(t, "", "platform", "staff", "list", "--center", "130102", "--url", url, "--token", "wrong")
	if exit != exitFailed || !strings.Contains(errOut, "admin token") {
		t.Fatalf("a wrong admin token: exit %d, %q", exit, errOut)
	}
}

// lateLooker is a platform storage whose catalog check comes too late to
// see what another instance published: the two instances that start
// together on a new database both find none.
type lateLooker struct{ platform.Storage }

func (lateLooker) Catalog(context.Context, string, int) (platform.CatalogRecord, error) {
	return platform.CatalogRecord{}, platform.ErrNotFound
}

// Two platform instances started together on one new database both
// publish the sample catalog: the second is not an error.
func TestSampleCatalogPublishedByTwoInstances(t *testing.T) {
	store, err := boltstore.Open(t.TempDir(), boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for i := range 2 {
		if err := publishSample(context.Background(), lateLooker{store}); err != nil {
			t.Fatalf("instance %d publishing the sample catalog: %v", i+1, err)
		}
	}
}
