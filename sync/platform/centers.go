package platform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	var cat struct {
		Center struct {
			Code string `json:"code"`
		} `json:"center"`
	}
	// An import was parsed before it was stored; a default that does not
	// read now names no center.
	if json.Unmarshal(def.Data, &cat) == nil && validCenter(cat.Center.Code) && !slices.Contains(known, cat.Center.Code) {
		known = append(known, cat.Center.Code)
		slices.Sort(known)
	}
	return known, nil
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
