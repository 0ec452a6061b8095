package platform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"

	"tongban/sync/protocol"
)

// Centers the platform has heard of. An enrollment code for a mistyped
// center (130120 for 130102) would enroll a device into a center of its
// own, whose cases the center's counters never see; so a code is given
// only for a center the platform knows, or on purpose for a new one
// (CodeRequest.NewCenter).

// maxNamedCenters bounds the known centers a refusal names.
const maxNamedCenters = 10

// knownCenters returns, sorted, the centers the platform has heard of:
// those with devices or a catalog of their own (Storage.Centers) and the
// default catalog's center.
func (s *Server) knownCenters(ctx context.Context) ([]string, error) {
	known, err := s.store.Centers(ctx)
	if err != nil {
		return nil, err
	}
	def, err := s.store.Catalog(ctx, "", -1)
	switch {
	case errors.Is(err, ErrNotFound):
		return known, nil
	case err != nil:
		return nil, err
	}
	if c := catalogCenter(def.Data); c != "" && !slices.Contains(known, c) {
		known = append(known, c)
		slices.Sort(known)
	}
	return known, nil
}

// catalogCenter returns the center a catalog's JSON names, or "". An
// import was parsed before it was stored; one that does not read now
// names no center.
func catalogCenter(data []byte) string {
	var cat struct {
		Center struct {
			Code string `json:"code"`
		} `json:"center"`
	}
	if json.Unmarshal(data, &cat) != nil || !validCenter(cat.Center.Code) {
		return ""
	}
	return cat.Center.Code
}

// catalogWarning says, for a code of a center, when the center has no
// catalog of its own: its devices then get the default catalog and print
// the default's center name and address on their receipts. It returns ""
// when the center has its own, and the default's center when there is one.
func (s *Server) catalogWarning(ctx context.Context, center string) (warning, defaultCenter string, err error) {
	rec, err := s.store.Catalog(ctx, center, math.MaxInt32) // no data, just whose it is
	switch {
	case errors.Is(err, ErrNotFound):
		return fmt.Sprintf("center %s has no catalog of its own yet and the platform has no default catalog, so its devices get none from the platform: publish one with tongban platform catalog import", center), "", nil
	case err != nil:
		return "", "", err
	case rec.Center == center:
		return "", "", nil
	}
	def, err := s.store.Catalog(ctx, "", -1)
	if err != nil {
		return "", "", err
	}
	defaultCenter = catalogCenter(def.Data)
	if defaultCenter == "" || defaultCenter == center {
		return "", "", nil // the default is this center's own catalog
	}
	return fmt.Sprintf("center %s has no catalog of its own yet, so its devices get the default catalog of center %s and print that center's name and address on their receipts: publish one with tongban platform catalog import", center, defaultCenter), defaultCenter, nil
}

// checkCenter refuses a code for a center the platform has not heard of.
// A platform that knows no center at all takes any as its first: there is
// nothing yet that a mistyped one could be split from.
func (s *Server) checkCenter(r *http.Request, center string) *apiError {
	known, err := s.knownCenters(r.Context())
	if err != nil {
		return s.storageError(r, err)
	}
	if len(known) == 0 || slices.Contains(known, center) {
		return nil
	}
	return fail(http.StatusUnprocessableEntity, protocol.CodeUnknownCenter,
		"center %s is not one this platform knows (it knows %s from their catalogs and devices); check the code for a typing mistake, or ask with new_center (tongban platform code --new-center) to open a new center on purpose",
		center, nameCenters(known))
}

// nameCenters lists centers for a sentence: "130102", "130102 and 130104",
// "130102, 130104 and 130105", the first maxNamedCenters and how many more.
func nameCenters(list []string) string {
	if len(list) > maxNamedCenters {
		return strings.Join(list[:maxNamedCenters], ", ") + fmt.Sprintf(" and %d more", len(list)-maxNamedCenters)
	}
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}
