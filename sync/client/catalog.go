package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"tongban/app/catalog"
	"tongban/sync/protocol"
)

// CatalogVersion returns the version of the catalog the device pulled
// from the platform, or 0 when it has none yet.
func CatalogVersion(st Store) (int, error) {
	raw, err := st.Get(KeyCatalog)
	if err != nil || raw == nil {
		return 0, err
	}
	var head struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return 0, fmt.Errorf("本机保存的事项目录已损坏，下次同步时会重新下载。 The saved catalog is damaged (%v); it is pulled again at the next sync", err)
	}
	return head.Version, nil
}

// badCatalogPause is how long a syncer waits before it asks again for a
// catalog after it was given one it cannot use.
const badCatalogPause = 10 * time.Minute

// pullCatalog asks for a catalog newer than the device's and saves it,
// raw, once catalog.Parse accepts it. A catalog that fails to parse is not
// saved: the device keeps the one it has, and the error says why.
func (s *Syncer) pullCatalog(ctx context.Context, a *api, rep *Report) error {
	have, err := CatalogVersion(s.store)
	if err != nil {
		have = 0
	}
	rep.CatalogVersion = have
	if s.opts.Now().Before(s.catalogAfter) {
		return nil
	}
	q := url.Values{"since": {strconv.Itoa(have)}}
	resp, err := a.r.R().SetContext(ctx).SetQueryParamsFromValues(q).Get(protocol.PathCatalog)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return transportError(err)
	}
	switch status := resp.StatusCode(); {
	case status == http.StatusNotModified:
		return nil
	case status == http.StatusNotFound:
		return nil // no catalog published yet
	case status >= 400:
		return a.platformError(resp)
	case status != http.StatusOK:
		return protocolErrorf("GET %s answered %d", protocol.PathCatalog, status)
	}
	c, err := catalog.Parse(resp.Body())
	if err != nil {
		// Do not fetch the same broken catalog every few seconds.
		s.catalogAfter = s.opts.Now().Add(badCatalogPause)
		return &detailed{sentinel: ErrBadCatalog, detail: fmt.Sprintf("device keeps version %d: %v", have, err), cause: err}
	}
	if c.Version <= have {
		return nil
	}
	if err := s.store.Put(KeyCatalog, resp.Body()); err != nil {
		return err
	}
	rep.CatalogVersion, rep.NewCatalog = c.Version, true
	return nil
}
