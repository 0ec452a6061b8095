package platform

import (
	"errors"
	"math"
	"net/http"
	"strconv"

	"tongban/app/catalog"
	"tongban/sync/protocol"
)

// HeaderCatalogVersion carries the version of the catalog in a response.
const HeaderCatalogVersion = "X-Catalog-Version"

func (s *Server) catalog(w http.ResponseWriter, r *http.Request) *apiError {
	dev, e := s.device(r)
	if e != nil {
		return e
	}
	since := 0
	if v := r.URL.Query().Get("since"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return badRequest("since=%q is not a catalog version; send the version the device has, or 0", v)
		}
		since = n
	}
	s.touch(r, dev)
	rec, err := s.store.Catalog(r.Context(), dev.Center, since)
	switch {
	case errors.Is(err, ErrNotFound):
		w.WriteHeader(http.StatusNotModified) // nothing published: the device keeps what it has
		return nil
	case err != nil:
		return s.storageError(r, err)
	}
	w.Header().Set(HeaderCatalogVersion, strconv.Itoa(rec.Version))
	if rec.Version <= since {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	writeBody(w, r, http.StatusOK, "application/json", rec.Data)
	return nil
}

func (s *Server) importCatalog(w http.ResponseWriter, r *http.Request) *apiError {
	data, e := readBody(w, r, catalog.MaxCatalogBytes)
	if e != nil {
		return e
	}
	cat, err := catalog.Parse(data)
	if err != nil {
		return badRequest("%s", err.Error())
	}
	if cat.Version > math.MaxInt32 {
		return badRequest("the catalog's version %d is too large; number versions 1, 2, 3 and so on", cat.Version)
	}
	asDefault := false
	if v := r.URL.Query().Get("default"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return badRequest("default=%q is not true or false; leave it out to publish for the catalog's own center", v)
		}
		asDefault = b
	}
	rec := CatalogRecord{
		Center: cat.Center.Code, Version: cat.Version, CenterName: cat.Center.NameZH,
		Published: s.cfg.Now().UTC(), Data: data,
	}
	if asDefault {
		rec.Center = ""
	}
	var ve *VersionError
	err = s.store.PutCatalog(r.Context(), rec)
	switch {
	case errors.As(err, &ve):
		return fail(http.StatusConflict, protocol.CodeStaleCatalog, "%s", ve.Error())
	case err != nil:
		return s.storageError(r, err)
	}
	writeJSON(w, r, http.StatusOK, protocol.CatalogPublished{
		Center: cat.Center.Code, Version: rec.Version, Default: asDefault, Items: len(cat.Items), Published: rec.Published,
	})
	return nil
}
