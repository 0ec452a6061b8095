package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"tongban/app/staff"
	"tongban/app/store"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

func init() { staff.Iterations = 1000 } // PIN hashing cost is a parameter; keep tests quick

// statusLog records the status of every answer to one path.
type statusLog struct {
	path string
	mu   sync.Mutex
	got  []int
}

func (l *statusLog) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil && r.URL.Path == l.path {
		l.mu.Lock()
		l.got = append(l.got, resp.StatusCode)
		l.mu.Unlock()
	}
	return resp, err
}

func (l *statusLog) last() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.got) == 0 {
		return 0
	}
	return l.got[len(l.got)-1]
}

func mustClerk(t testing.TB, id, name, pin string) staff.Clerk {
	t.Helper()
	c, err := staff.New(id, name, pin)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestStaffFromPlatform: a clerk an administrator adds on the platform can
// sign in at a counter after one round; the next round gets 304 and
// changes nothing; disabling arrives the same way.
func TestStaffFromPlatform(t *testing.T) {
	eachStorage(t, func(t *testing.T, st storage) {
		p := startPlatform(t, st)
		admin := &platform.Admin{URL: p.URL(), Token: adminToken}
		counter, _ := p.device(protocol.RoleCounter, p.URL())
		if err := counter.PutClerk(mustClerk(t, "L01", "本机", "1357")); err != nil { // added with tongban staff add
			t.Fatal(err)
		}
		log := &statusLog{path: protocol.PathStaff}
		s := New(counter, Options{Transport: log})
		ctx := testContext(t)

		wang := mustClerk(t, "S001", "王芳", "2468")
		wang.Windows = []string{"A03"}
		if _, err := admin.PutClerk(ctx, "130102", wang); err != nil {
			t.Fatal(err)
		}
		rep, err := s.Once(ctx)
		if err != nil || rep.Clerks != 1 || rep.ClerksSkipped != 0 || log.last() != http.StatusOK {
			t.Fatalf("Once after adding S001 = %+v, %v (staff answered %d); want 1 clerk", rep, err, log.last())
		}
		c, err := counter.Clerk("S001")
		if err != nil || c.Check("2468") != nil || c.Name != "王芳" || c.Windows[0] != "A03" {
			t.Fatalf("S001 on the counter: %+v, %v; want 王芳 at A03 signing in with 2468", c, err)
		}
		if v, _ := counter.StaffVersion(); v != 1 {
			t.Fatalf("staff version on the counter %d, want 1", v)
		}

		before, _ := counter.Clerks()
		rep, err = s.Once(ctx)
		after, _ := counter.Clerks()
		if err != nil || rep.Clerks != 0 || log.last() != http.StatusNotModified {
			t.Fatalf("second Once = %+v, %v (staff answered %d); want 304 and nothing changed", rep, err, log.last())
		}
		if b, a := mustJSON(t, before), mustJSON(t, after); b != a {
			t.Fatalf("a 304 round changed the clerks:\n%s\n%s", b, a)
		}

		wang.Disabled = true
		if _, err := admin.PutClerk(ctx, "130102", wang); err != nil {
			t.Fatal(err)
		}
		if rep, err = s.Once(ctx); err != nil || rep.Clerks != 1 {
			t.Fatalf("Once after disabling S001 = %+v, %v; want 1 clerk changed", rep, err)
		}
		if c, _ := counter.Clerk("S001"); !errors.Is(c.Check("2468"), staff.ErrDisabled) {
			t.Fatalf("S001 after disabling: %+v; want it refused as disabled", c)
		}
		if c, err := counter.Clerk("L01"); err != nil || c.Check("1357") != nil {
			t.Fatalf("the clerk added on the device is gone or changed: %+v, %v", c, err)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBrokenClerkSkipped: entries of the platform's list that are not
// usable clerks are skipped with the reason in the report; the good ones
// and the version are saved.
func TestBrokenClerkSkipped(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f)
	asCounter(t, st)
	good := mustClerk(t, "S001", "王芳", "2468")
	noHash := mustClerk(t, "S002", "李四", "2468")
	noHash.PIN = staff.PINHash{}
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathStaff {
			return false
		}
		if r.URL.Query().Get("since") == "7" {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		writeJSONTest(w, 200, protocol.StaffResponse{Version: 7, Clerks: []json.RawMessage{
			json.RawMessage(mustJSON(t, good)), json.RawMessage(mustJSON(t, noHash)), json.RawMessage(`"S003"`),
			json.RawMessage(mustJSON(t, good)),
		}})
		return true
	}
	rep, err := New(st, Options{}).Once(testContext(t))
	if err != nil || rep.Clerks != 1 || rep.ClerksSkipped != 3 {
		t.Fatalf("Once = %+v, %v; want 1 clerk saved and 3 skipped", rep, err)
	}
	for _, says := range []string{"entry 2", `"S002"`, "entry 3", "entry 4 repeats"} {
		if !strings.Contains(rep.ClerkProblems, says) {
			t.Errorf("ClerkProblems %q does not mention %s", rep.ClerkProblems, says)
		}
	}
	if _, err := st.Clerk("S002"); err == nil {
		t.Error("the clerk without a PIN hash was saved")
	}
	if v, _ := st.StaffVersion(); v != 7 {
		t.Errorf("staff version %d, want 7", v)
	}
	if rep, err := New(st, Options{}).Once(testContext(t)); err != nil || rep.Clerks != 0 || rep.ClerksSkipped != 0 {
		t.Errorf("next Once = %+v, %v; want 304 and nothing", rep, err)
	}
}

// TestStaffBehindBadCatalog: a catalog the device cannot use does not hold
// up the staff list.
func TestStaffBehindBadCatalog(t *testing.T) {
	f := newFake(t)
	f.catalog, f.version = []byte(`{"version": 99, "items": "nope"}`), 99
	st := enrolled(t, f)
	asCounter(t, st)
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != protocol.PathStaff {
			return false
		}
		writeJSONTest(w, 200, protocol.StaffResponse{Version: 1, Clerks: []json.RawMessage{json.RawMessage(mustJSON(t, mustClerk(t, "S001", "王芳", "2468")))}})
		return true
	}
	rep, err := New(st, Options{}).Once(testContext(t))
	if !errors.Is(err, ErrBadCatalog) || rep.Clerks != 1 {
		t.Fatalf("Once = %+v, %v; want the catalog error and the clerk saved", rep, err)
	}
}

// FuzzDecodeClerks: whatever the platform sends as a staff list, every
// entry is either a usable clerk or a reason, and nothing panics.
func FuzzDecodeClerks(f *testing.F) {
	staff.Iterations = 1000
	c, err := staff.New("S001", "王芳", "2468")
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(c)
	f.Add(`[` + string(good) + `]`)
	f.Add(`[{"id":"S 1","pin":{}}, null, 3, "x", []]`)
	f.Add(`[{"id":"S1","name":"x","pin":{"salt":"AAAAAAAAAAA=","iterations":1,"hash":"AAAAAAAAAAAAAAAAAAAAAA=="}}]`)
	f.Fuzz(func(t *testing.T, body string) {
		var list []json.RawMessage
		if json.Unmarshal([]byte(body), &list) != nil {
			return
		}
		clerks, problems := decodeClerks(list)
		if len(clerks)+len(problems) != len(list) {
			t.Fatalf("%d entries gave %d clerks and %d problems", len(list), len(clerks), len(problems))
		}
		for _, c := range clerks {
			if err := c.Valid(); err != nil {
				t.Fatalf("an unusable clerk came through: %+v: %v", c, err)
			}
		}
	})
}

// asCounter makes an enrolled test device a counter: only counters take
// the staff list.
func asCounter(t *testing.T, st *store.Store) {
	t.Helper()
	id, err := st.Identity()
	if err != nil {
		t.Fatal(err)
	}
	id.Role = protocol.RoleCounter
	if err := st.SetIdentity(id); err != nil {
		t.Fatal(err)
	}
}

func TestKioskTakesNoStaff(t *testing.T) {
	f := newFake(t)
	st := enrolled(t, f) // the fake platform enrolls kiosks
	asked := false
	f.Intercept = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == protocol.PathStaff {
			asked = true
		}
		return false
	}
	if _, err := New(st, Options{}).Once(testContext(t)); err != nil {
		t.Fatal(err)
	}
	if asked {
		t.Fatal("a kiosk asked for the staff list; only counters keep clerks' PIN hashes")
	}
}
