package client

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"tongban/sync/protocol"
)

// page is one fetched page of the change feed, or why it did not come.
type page struct {
	resp protocol.PullResponse
	err  error
}

// pull reads the change feed from the saved cursor to its end. Each page
// is applied together with the cursor after it (store.ApplyPage), so an
// interruption anywhere resumes at the first page not applied. The next
// page is fetched while the current one is applied.
//
// A platform restored from a backup older than the device's last pull
// refuses the cursor (protocol.CodeCursorAhead): the feed is behind it.
// The device then reads the feed again from the start, once a round, and
// says so (Report.FeedReset); applying events it holds already changes
// nothing (store.ApplyPage skips an event it has, same content). The
// platform lost what the device sent after its backup as well, so every
// event the device made goes back in its outbox (Report.Resent), and the
// round pushes again (see round).
func (s *Syncer) pull(ctx context.Context, a *api, rep *Report) error {
	raw, err := s.store.Get(KeyCursor)
	if err != nil {
		return err
	}
	cursor := string(raw)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := s.fetchPage(ctx, a, cursor)
	for next != nil {
		p := <-next
		if p.err != nil && cursorAhead(p.err) && cursor != "" && !rep.FeedReset {
			// What this device sent after the platform's backup was taken
			// is gone from it too: send it all again (resend).
			if rep.Resent, err = s.store.ResendOwn(); err != nil {
				return err
			}
			rep.FeedReset, cursor = true, ""
			next = s.fetchPage(ctx, a, cursor)
			continue
		}
		if p.err != nil {
			return p.err
		}
		if err := ctx.Err(); err != nil {
			return err // stopped: apply nothing more, even a page at hand
		}
		r := p.resp
		if r.Next == "" && len(r.Events) > 0 {
			return protocolErrorf("a change-feed page of %d events came without a next cursor", len(r.Events))
		}
		next = nil
		if r.More && r.Next != cursor {
			next = s.fetchPage(ctx, a, r.Next)
		}
		if len(r.Events) > 0 || r.Next != cursor {
			changed, added, err := s.store.ApplyPage(r.Events, r.Next)
			if err != nil {
				return err
			}
			rep.Pulled += added
			rep.Changed += len(changed)
			s.dir.note(r.Events)
		}
		cursor = r.Next
	}
	return nil
}

// fetchPage starts fetching the page after cursor.
func (s *Syncer) fetchPage(ctx context.Context, a *api, cursor string) <-chan page {
	ch := make(chan page, 1)
	go func() {
		q := url.Values{"limit": {strconv.Itoa(s.opts.PullLimit)}}
		if cursor != "" {
			q.Set("after", cursor)
		}
		var p page
		_, p.err = a.call(ctx, http.MethodGet, protocol.PathEvents, q, nil, false, &p.resp)
		ch <- p
	}()
	return ch
}

// cursorAhead reports whether the platform refused the cursor as beyond
// the end of its feed.
func cursorAhead(err error) bool {
	var pe *PlatformError
	return errors.As(err, &pe) && pe.Code == protocol.CodeCursorAhead
}
