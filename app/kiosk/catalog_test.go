package kiosk

import (
	"testing"

	"tongban/app/catalog"
	"tongban/assets"
)

func TestNewerCatalogWaitsForTheStartScreen(t *testing.T) {
	r := newRig(t, nil, nil)
	newer, err := catalog.Parse(assets.SampleCatalog())
	if err != nil {
		t.Fatal(err)
	}
	newer.Items[2].NameZH = "营业执照变更登记（新版）"
	if err := newer.Validate(); err != nil {
		t.Fatal(err)
	}
	r.tapTile(tStart.ZH)
	r.k.SetCatalog(newer)
	if r.k.deps.Catalog == newer {
		t.Fatal("the catalog changed under a citizen who is using the kiosk")
	}
	r.k.Reset()
	if r.k.deps.Catalog != newer {
		t.Fatal("the newer catalog was not taken at the reset")
	}
	r.k.SetCatalog(newer) // on the start screen: at once
	if r.k.nextCatalog != nil {
		t.Fatal("on the start screen the catalog should be taken at once")
	}
}
