package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"

	"tongban/app/cases"
	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// submission makes the canonical form of the submitted event of a new case
// in a center, claiming a case number.
func submission(t testing.TB, center, device, number string) platform.Incoming {
	t.Helper()
	id := cases.NewID()
	payload, _ := json.Marshal(cases.Submission{Number: number, ItemCode: "X", Channel: cases.ChannelKiosk})
	e := cases.Event{ID: id, CaseID: id, Center: center, Kind: cases.KindSubmitted, Device: device,
		Stamp: cases.Stamp{Wall: t0.UnixMilli()}, Payload: payload}
	in, err := platform.NewIncoming(id, e)
	if err != nil {
		t.Fatal(err)
	}
	if in.Number != number {
		t.Fatalf("NewIncoming read the number %q from a submission of %q", in.Number, number)
	}
	return in
}

// later makes the canonical form of a later event of a case: one that
// claims no number.
func later(t testing.TB, of platform.Incoming, device string) platform.Incoming {
	t.Helper()
	id := cases.NewID()
	e := cases.Event{ID: id, CaseID: of.ID, Center: centerA, Kind: cases.KindPrinted, Device: device,
		Stamp: cases.Stamp{Wall: t0.UnixMilli() + 1}, Parent: of.ID, Payload: []byte(`{"document":"receipt"}`)}
	in, err := platform.NewIncoming(id, e)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// push pushes a batch to centerA and checks the results, as Result.String
// writes them.
func push(t *testing.T, s platform.Storage, device, what string, events []platform.Incoming, want ...string) {
	t.Helper()
	got, err := s.Push(ctx, centerA, device, t0, events)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Fatalf("%s = %s, want %s", what, g, w)
	}
}

// feedIs fails unless centerA's feed holds exactly these events, in order.
func feedIs(t *testing.T, s platform.Storage, what string, events ...platform.Incoming) {
	t.Helper()
	var want []string
	for _, e := range events {
		want = append(want, string(e.Data))
	}
	if got := pullAll(t, s, centerA, 100); !slices.Equal(got, want) {
		t.Fatalf("%s: the feed holds %d events, want %d:\n%v\nwant\n%v", what, len(got), len(want), got, want)
	}
}

// testNumberTakenByStored: a case whose number a stored case of the center
// holds is refused, with that case named, and nothing of it is stored;
// the rest of its batch is stored as usual.
func testNumberTakenByStored(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "c").Device
	a := submission(t, centerA, dev.ID, "260302-K01-0001")
	push(t, s, dev.ID, "the first case", []platform.Incoming{a}, "stored")

	b := submission(t, centerA, dev.ID, "260302-K01-0001")
	c := submission(t, centerA, dev.ID, "260302-K01-0002")
	ac := later(t, a, dev.ID)
	push(t, s, dev.ID, "a second case with the first one's number, amid others",
		[]platform.Incoming{b, c, ac}, "number-taken by "+a.ID, "stored", "stored")
	feedIs(t, s, "after the clash", a, c, ac)

	// Pushed again, it is refused again: it was not stored, nor its number
	// taken from the first case.
	push(t, s, dev.ID, "the refused case again", []platform.Incoming{b}, "number-taken by "+a.ID)
	st, err := s.Stats(ctx)
	if err != nil || st.Events[centerA] != 3 {
		t.Fatalf("Stats = %+v, %v; want 3 events in %s", st, err, centerA)
	}
}

// testNumberTakenInBatch: inside one batch, the first case to claim a
// number keeps it; repeats of a refused event are refused the same way.
func testNumberTakenInBatch(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "c").Device
	a := submission(t, centerA, dev.ID, "260302-K01-0007")
	b := submission(t, centerA, dev.ID, "260302-K01-0007")
	c := submission(t, centerA, dev.ID, "260302-K01-0008")
	d := submission(t, centerA, dev.ID, "260302-K01-0007")
	push(t, s, dev.ID, "one batch with three cases of one number", []platform.Incoming{a, b, c, b, d},
		"stored", "number-taken by "+a.ID, "stored", "number-taken by "+a.ID, "number-taken by "+a.ID)
	feedIs(t, s, "after the batch", a, c)

	// The order of the batch decides, not the order of the IDs.
	e := submission(t, centerA, dev.ID, "260302-K01-0009")
	f := submission(t, centerA, dev.ID, "260302-K01-0009")
	if e.ID < f.ID {
		e, f = f, e
	}
	push(t, s, dev.ID, "a batch whose first case has the larger ID", []platform.Incoming{e, f}, "stored", "number-taken by "+e.ID)
	feedIs(t, s, "after the second batch", a, c, e)
}

// testNumberSameCase: the same case again, with its number, is a
// duplicate (a counter passing on a kiosk's case from its receipt), and
// the case's later events claim nothing. An event whose ID is stored with
// other content is a conflict and takes no number either.
func testNumberSameCase(t *testing.T, s platform.Storage) {
	dev := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "c").Device
	a := submission(t, centerA, dev.ID, "260302-K01-0011")
	push(t, s, dev.ID, "the case", []platform.Incoming{a}, "stored")
	push(t, s, dev.ID, "the case again, with a later event", []platform.Incoming{a, later(t, a, dev.ID)}, "duplicate", "stored")

	forged := submission(t, centerA, dev.ID, "260302-K01-0012")
	forged.ID = a.ID // another number under the first case's ID
	push(t, s, dev.ID, "another number under a stored case's ID", []platform.Incoming{forged}, "conflict")
	e := submission(t, centerA, dev.ID, "260302-K01-0012")
	push(t, s, dev.ID, "a case with the number the conflict carried", []platform.Incoming{e}, "stored")
}

// testNumbersCentersApart: a number is held per center.
func testNumbersCentersApart(t *testing.T, s platform.Storage) {
	da := enroll(t, s, centerA, protocol.RoleKiosk, cases.NewID(), "a").Device
	db := enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "b").Device
	a := submission(t, centerA, da.ID, "260302-K01-0021")
	b := submission(t, centerB, db.ID, "260302-K01-0021")
	push(t, s, da.ID, "center A's case", []platform.Incoming{a}, "stored")
	if got, err := s.Push(ctx, centerB, db.ID, t0, []platform.Incoming{b}); err != nil || fmt.Sprint(got) != "[stored]" {
		t.Fatalf("center B's case with center A's number = %v, %v; want [stored]", got, err)
	}
}

// testNumberRace races two pushes of clashing numbers on one storage.
func testNumberRace(t *testing.T, s platform.Storage) { RunNumberRace(t, s, s) }

// Downgrade closes a storage and makes its data look as a program before
// the case number index left it (the index gone, the schema version the
// one before it); Open opens it again, which must build the index.
type Downgrade func(t *testing.T, s platform.Storage) (reopened platform.Storage)

// RunIndexBuild checks that a storage written before case numbers were
// kept unique gets its index at open: the first case of a center (in feed
// order) to claim a number holds it; other cases stored with the same
// number stay in the feed.
func RunIndexBuild(t *testing.T, s platform.Storage, downgrade Downgrade) {
	dev := enroll(t, s, centerA, protocol.RoleCounter, cases.NewID(), "c").Device
	devB := enroll(t, s, centerB, protocol.RoleKiosk, cases.NewID(), "b").Device
	a := submission(t, centerA, dev.ID, "260302-K01-0031")
	b := submission(t, centerA, dev.ID, "260302-K01-0032")
	twin := submission(t, centerA, dev.ID, "260302-K01-0031")
	twin.Number = "" // stored the old way, without its claim
	ab := later(t, a, dev.ID)
	push(t, s, dev.ID, "events of the old days", []platform.Incoming{a, b, twin, ab}, "stored", "stored", "stored", "stored")
	other := submission(t, centerB, devB.ID, "260302-K01-0033")
	if _, err := s.Push(ctx, centerB, devB.ID, t0, []platform.Incoming{other}); err != nil {
		t.Fatal(err)
	}

	s = downgrade(t, s)
	t.Cleanup(func() { s.Close() })
	feedIs(t, s, "after the index was built", a, b, twin, ab)
	push(t, s, dev.ID, "new cases with old numbers", []platform.Incoming{
		submission(t, centerA, dev.ID, "260302-K01-0031"),
		submission(t, centerA, dev.ID, "260302-K01-0032"),
		submission(t, centerA, dev.ID, "260302-K01-0033"), // held in center B only
		a, twin,
	}, "number-taken by "+a.ID, "number-taken by "+b.ID, "stored", "duplicate", "duplicate")
}

// RunNumberRace pushes, round after round, two batches at once that claim
// the same case numbers for different cases (in opposite orders), one
// through a and one through b: two handles on one database, as two
// platform instances have, or one storage twice. Every push must succeed,
// and each number must end up held by exactly one case, the other one
// refused naming it.
func RunNumberRace(t *testing.T, a, b platform.Storage) {
	const rounds = 40
	dev := enroll(t, a, centerA, protocol.RoleCounter, cases.NewID(), "race").Device
	for r := range rounds {
		n1, n2 := fmt.Sprintf("260302-K01-%04d", 2*r+100), fmt.Sprintf("260302-K01-%04d", 2*r+101)
		batches := [2][]platform.Incoming{
			{submission(t, centerA, dev.ID, n1), submission(t, centerA, dev.ID, n2)},
			{submission(t, centerA, dev.ID, n2), submission(t, centerA, dev.ID, n1)},
		}
		var got [2][]platform.Result
		var errs [2]error
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i, s := range []platform.Storage{a, b} {
			wg.Go(func() {
				<-start
				got[i], errs[i] = s.Push(ctx, centerA, dev.ID, t0, batches[i])
			})
		}
		close(start)
		wg.Wait()
		if errs[0] != nil || errs[1] != nil {
			t.Fatalf("round %d: the two pushes failed with %v and %v; a clash must be a result, not an error", r, errs[0], errs[1])
		}
		holders := map[string]string{} // number → the case stored with it
		for i := range batches {
			for j, in := range batches[i] {
				if got[i][j].Outcome == platform.Stored {
					if h, ok := holders[in.Number]; ok {
						t.Fatalf("round %d: number %s was stored for two cases, %s and %s", r, in.Number, h, in.ID)
					}
					holders[in.Number] = in.ID
				}
			}
		}
		for i := range batches {
			for j, in := range batches[i] {
				h, ok := holders[in.Number]
				switch {
				case !ok:
					t.Fatalf("round %d: number %s was stored for no case: %v and %v", r, in.Number, got[0], got[1])
				case h != in.ID && (got[i][j].Outcome != platform.NumberTaken || got[i][j].Holder != h):
					t.Fatalf("round %d: the second case of %s got %v, want number-taken by %s", r, in.Number, got[i][j], h)
				}
			}
		}
	}
	st, err := a.Stats(ctx)
	if err != nil || st.Events[centerA] != 2*rounds {
		t.Fatalf("Stats = %+v, %v; want %d events in %s, one per number", st, err, 2*rounds, centerA)
	}
}
