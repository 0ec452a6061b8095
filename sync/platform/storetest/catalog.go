package storetest

import (
	"errors"
	"math"
	"testing"
	"time"

	"tongban/sync/platform"
)

func testCatalogs(t *testing.T, s platform.Storage) {
	_, err := s.Catalog(ctx, centerA, 0)
	wantErr(t, "Catalog with none published", err, platform.ErrNotFound)

	put := func(center string, version int, data string) error {
		return s.PutCatalog(ctx, platform.CatalogRecord{Center: center, Version: version, CenterName: "中心" + center,
			Published: t0.Add(time.Duration(version) * time.Hour), Data: []byte(data)})
	}
	check := func(center string, since, version int, data string) {
		t.Helper()
		rec, err := s.Catalog(ctx, center, since)
		if err != nil {
			t.Fatalf("Catalog(%q, since %d): %v", center, since, err)
		}
		if rec.Version != version || string(rec.Data) != data {
			t.Fatalf("Catalog(%q, since %d) = version %d data %q, want %d %q", center, since, rec.Version, rec.Data, version, data)
		}
	}
	if err := put("", 3, `{"default":3}`); err != nil {
		t.Fatal(err)
	}
	check(centerA, 0, 3, `{"default":3}`)
	check(centerA, 3, 3, "") // up to date: no copy
	check(centerA, math.MaxInt, 3, "")
	rec, _ := s.Catalog(ctx, centerA, 0)
	if rec.Center != "" || rec.CenterName != "中心" || !rec.Published.Equal(t0.Add(3*time.Hour)) {
		t.Fatalf("default catalog record = %+v, want center \"\" and its name and time", rec)
	}

	// A center's own catalog must beat the default its devices have now.
	var ve *platform.VersionError
	if err := put(centerA, 3, `{"a":3}`); !errors.As(err, &ve) || ve.Have != 3 || ve.Got != 3 || !errors.Is(err, platform.ErrCatalogVersion) {
		t.Fatalf("center catalog at the default's version: %v, want a VersionError{3, 3}", err)
	}
	if err := put(centerA, 4, `{"a":4}`); err != nil {
		t.Fatal(err)
	}
	check(centerA, 3, 4, `{"a":4}`)
	check(centerB, 0, 3, `{"default":3}`)
	rec, _ = s.Catalog(ctx, centerA, 0)
	if rec.Center != centerA || rec.CenterName != "中心"+centerA {
		t.Fatalf("own catalog record = %+v", rec)
	}
	// A newer default does not replace a center's own catalog.
	if err := put("", 9, `{"default":9}`); err != nil {
		t.Fatal(err)
	}
	check(centerA, 0, 4, `{"a":4}`)
	check(centerB, 4, 9, `{"default":9}`)
	if err := put(centerA, 4, `{"a":"again"}`); !errors.Is(err, platform.ErrCatalogVersion) {
		t.Fatalf("re-importing version 4: %v, want ErrCatalogVersion", err)
	}
	if err := put("", 8, `{}`); !errors.Is(err, platform.ErrCatalogVersion) {
		t.Fatalf("an older default: %v, want ErrCatalogVersion", err)
	}
	check(centerA, 0, 4, `{"a":4}`)
}
