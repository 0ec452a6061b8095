// Package client is the device side of the sync with the online platform:
// enrollment, pushing the outbox, pulling the center's change feed, newer
// catalogs, the center's clerks and its device directory, backing off
// while the platform is away, and the status the kiosk and counter windows
// show.
//
// Every step is safe to repeat. An outbox entry leaves the store only in
// the transaction that records the platform's answer for it, and a pulled
// page is saved with the cursor after it, so a crash, a dropped connection
// or a reply lost after the platform committed costs a retry, never an
// event.
package client

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"tongban/app/cases"
	"tongban/app/staff"
	"tongban/app/store"
	"tongban/sync/protocol"
)

// Settings the client keeps in the device store.
const (
	// KeyReceiptKeys holds the center's receipt keys from enrollment, as
	// the JSON of []protocol.ReceiptKey.
	KeyReceiptKeys = "receipt/keys"
	// KeyCatalog holds the newest catalog pulled from the platform, as the
	// platform sent it (it passed catalog.Parse before it was saved).
	KeyCatalog = "catalog/current"
	// KeyStatus holds the last successful sync and the last error, for
	// tongban status and for windows that start while offline.
	KeyStatus = "sync/status"
	// KeyCursor is the change-feed cursor, saved by store.ApplyPage.
	KeyCursor = store.KeyCursor
)

// Store is what the client needs of a device store; *store.Store has it.
type Store interface {
	Identity() (store.Identity, error)
	SetIdentity(store.Identity) error
	OutboxAfter(after uint64, limit int) ([]store.RawEntry, error)
	Pending() (int, error)
	Acknowledge([]store.Outcome) error
	ApplyPage(events []cases.Event, cursor string) (changed []*cases.Case, added int, err error)
	Get(key string) ([]byte, error)
	Put(key string, val []byte) error
	StaffVersion() (int, error)
	ApplyStaff(clerks []staff.Clerk, version int) (changed int, err error)
	ResendOwn() (requeued int, err error)
}

var _ Store = (*store.Store)(nil)

// HTTPClient returns an HTTP client for calls of a platform made outside a
// Syncer (the platform's admin commands): keep-alive, and with a CA PEM
// trusting that private CA (and only it) for an https platform, as an
// enrolled device does. timeout bounds each request. The errors are
// ErrBadPlatformURL, ErrBadCA, or a CA given for an http:// address.
func HTTPClient(platformURL, caPEM string, timeout time.Duration) (*http.Client, error) {
	base, err := checkPlatformURL(platformURL)
	if err != nil {
		return nil, err
	}
	t, err := newTransport(base, caPEM)
	if err != nil {
		return nil, err
	}
	return &http.Client{Transport: t, Timeout: timeout}, nil
}

// Options tune a Syncer. The zero value is right for a device.
type Options struct {
	// Interval is the pause between syncs while all is well, so other
	// devices' events arrive within seconds; 5 s.
	Interval time.Duration
	// Backoff spaces out retries after failures; DefaultBackoff.
	Backoff Backoff
	// ProbeEvery is how often GET /v1/health is tried while backing off
	// from an unreachable platform, to sync at once when it answers; 2 s.
	ProbeEvery time.Duration
	// PushBatch is the most events a push carries; protocol.MaxPush.
	PushBatch int
	// PullLimit is the page size asked of the change feed; protocol.MaxPull.
	PullLimit int
	// Timeout bounds one HTTP request; 60 s.
	Timeout time.Duration
	// Transport replaces the HTTP transport (tests, benchmarks).
	Transport http.RoundTripper
	// After is the sleeper: it returns a channel that fires after d.
	// Tests replace it to check waits without waiting; time.After.
	After func(d time.Duration) <-chan time.Time
	// Now is the clock; time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Interval <= 0 {
		o.Interval = 5 * time.Second
	}
	if o.Backoff.Base <= 0 || o.Backoff.Cap <= 0 {
		o.Backoff = Backoff{Base: DefaultBackoff.Base, Cap: DefaultBackoff.Cap, Rand: o.Backoff.Rand}
	}
	if o.ProbeEvery <= 0 {
		o.ProbeEvery = 2 * time.Second
	}
	if o.PushBatch <= 0 || o.PushBatch > protocol.MaxPush {
		o.PushBatch = protocol.MaxPush
	}
	if o.PullLimit <= 0 || o.PullLimit > protocol.MaxPull {
		o.PullLimit = protocol.MaxPull
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Minute
	}
	if o.After == nil {
		o.After = time.After
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Syncer keeps one device store in sync with its platform. Once does one
// round; Run repeats rounds until its context ends. The platform address
// and token are read from the store's identity at every round, so a
// re-enrollment takes effect without a restart.
type Syncer struct {
	store Store
	opts  Options

	once  sync.Mutex // one round at a time
	api   *api       // for apiOf; rebuilt when the identity changes
	apiOf string
	// catalogAfter delays the next catalog check after a broken catalog.
	catalogAfter time.Time
	// dir is the saved device directory as the rounds see it.
	dir directory

	nudge chan struct{}

	mu     sync.Mutex // guards the fields below
	status Status
	subs   map[int]func(Status)
	nextID int
	saved  savedStatus // what KeyStatus holds
}

// New returns a Syncer for a device store. It reads the saved status so a
// window shows the last successful sync from the start.
func New(st Store, opts Options) *Syncer {
	s := &Syncer{store: st, opts: opts.withDefaults(), nudge: make(chan struct{}, 1), subs: map[int]func(Status){}}
	s.status, s.saved = readStatus(st)
	return s
}

// Report says what one round did.
type Report struct {
	// Pushed counts outbox events the platform now holds (stored or
	// duplicate); Duplicates, how many of those it had already (a retry
	// after a lost reply); Rejected, how many it refused (parked).
	Pushed, Duplicates, Rejected int
	// Pulled counts the events of the change feed that were new to this
	// device (its own events coming back are not); Changed, the local
	// cases they changed.
	Pulled, Changed int
	// FeedReset is set when the platform's feed was behind the device's
	// cursor (the platform was restored from an older backup) and the
	// round read the feed again from the start; FeedResetText says so.
	FeedReset bool
	// Resent is how many events of this device went back to the platform
	// after a FeedReset: it had lost those sent after its backup.
	Resent int
	// Pending is what is left in the outbox after the round.
	Pending int
	// CatalogVersion is the catalog the device holds after the round (0:
	// none pulled yet); NewCatalog is set when this round pulled it.
	CatalogVersion int
	NewCatalog     bool
	// Clerks counts the clerks the platform's staff list added or changed
	// on this device. ClerksSkipped counts the entries of the list that
	// were not usable clerks (the others were saved) and ClerkProblems says
	// why, in one sentence. Report stays comparable with ==, hence no slice.
	Clerks, ClerksSkipped int
	ClerkProblems         string
	// Devices counts the devices of the center's directory when this
	// round fetched it (0: not fetched). DeviceProblem says, in one
	// sentence, why a fetch failed; that never fails the round.
	Devices       int
	DeviceProblem string
}

// FeedResetText says, in both languages, what a round with
// Report.FeedReset did, for tongban sync and the logs.
const FeedResetText = "平台上的变更记录落后于本机的读取位置（平台可能从较早的备份恢复），本机已从头重新读取，并把本机办理的记录重新发给平台补齐，已有的记录不会重复。 " +
	"The platform's feed was behind this device's cursor (restored from an older backup?), so the device read the feed again from the start and sent its own events again for the platform to fill in what it lost; nothing is duplicated"

// Once does one round: push the whole outbox, pull the change feed to its
// end, the center's device directory when the feed names a device it
// lacks (or hourly), then a newer catalog and a newer staff list if there
// are. It stops at the first error (a catalog it cannot use does not hold
// up the staff list, a directory it cannot fetch holds up nothing),
// keeping what was done; the report says how far it got. An error is one
// plain sentence; errors.Is tells ErrUnreachable, ErrNeedsEnrollment and
// ErrNotEnrolled apart.
func (s *Syncer) Once(ctx context.Context) (Report, error) {
	s.once.Lock()
	defer s.once.Unlock()
	rep, err := s.round(ctx)
	if n, perr := s.store.Pending(); perr == nil {
		rep.Pending = n
		var u *unreachable
		if errors.As(err, &u) && u.at == "" {
			u.counted, u.pending = true, n // say whether anything waits
		}
	}
	if err != nil && rep.CatalogVersion == 0 {
		// The round stopped before the catalog: report the one held.
		rep.CatalogVersion, _ = CatalogVersion(s.store)
	}
	s.record(rep, err)
	return rep, err
}

func (s *Syncer) round(ctx context.Context) (Report, error) {
	var rep Report
	a, err := s.client()
	if err != nil {
		return rep, err
	}
	if err := s.push(ctx, a, &rep); err != nil {
		return rep, s.checkAuth(err)
	}
	s.dir.load(s.store)
	if err := s.pull(ctx, a, &rep); err != nil {
		return rep, s.checkAuth(err)
	}
	if rep.Resent > 0 { // the platform was restored from a backup: give back what it lost
		if err := s.push(ctx, a, &rep); err != nil {
			return rep, s.checkAuth(err)
		}
	}
	s.refreshDirectory(ctx, a, &rep)
	catErr := s.pullCatalog(ctx, a, &rep)
	if catErr != nil && !errors.Is(catErr, ErrBadCatalog) {
		return rep, s.checkAuth(catErr)
	}
	if err := s.pullStaff(ctx, a, &rep); err != nil {
		return rep, s.checkAuth(err)
	}
	return rep, catErr
}

// client returns the API for the store's current identity.
func (s *Syncer) client() (*api, error) {
	id, err := s.store.Identity()
	if err != nil {
		return nil, err
	}
	switch {
	case !id.Enrolled():
		return nil, ErrNotEnrolled
	case id.NeedsEnrollment:
		return nil, ErrNeedsEnrollment
	}
	key := id.Platform + "\x00" + id.Token + "\x00" + id.CA
	if s.api == nil || s.apiOf != key {
		a, err := newAPI(apiConfig{platform: id.Platform, token: id.Token, caPEM: id.CA,
			timeout: s.opts.Timeout, transport: s.opts.Transport, now: s.opts.Now})
		if err != nil {
			return nil, err
		}
		s.api, s.apiOf = a, key
		s.dir = directory{} // an enrollment may have saved another directory
	}
	return s.api, nil
}

// checkAuth turns a 401 into "needs enrollment", saved in the identity so
// the device stops asking until it is enrolled again. Nothing is deleted.
func (s *Syncer) checkAuth(err error) error {
	if err == nil || !errIsUnauthorized(err) {
		return err
	}
	id, ierr := s.store.Identity()
	if ierr != nil {
		return ierr
	}
	if !id.NeedsEnrollment {
		id.NeedsEnrollment = true
		if ierr := s.store.SetIdentity(id); ierr != nil {
			return ierr
		}
	}
	return ErrNeedsEnrollment
}

func errIsUnauthorized(err error) bool {
	var pe *PlatformError
	if !errors.As(err, &pe) {
		return false
	}
	return pe.Status == http.StatusUnauthorized || pe.Code == protocol.CodeRevoked
}
