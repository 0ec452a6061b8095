package cli

import (
	"encoding/json"
	"sync"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
	"tongban/app/store"
	"tongban/assets"
)

// device is this machine's store with what it needs to act on it: the
// catalog in force, the center calendar and the device's settings.
type device struct {
	store *store.Store
	// catalog is the catalog in force. A window swaps it for a newer one
	// while printers read it on their goroutines: setCatalog and paper
	// take catMu.
	catMu    sync.Mutex
	catalog  *catalog.Catalog
	calendar *cases.Calendar
	config   Config
	dir      string
	now      func() time.Time
	// borrowed is set on a device over a window's store (relay.go): the
	// window closes the store, not the command.
	borrowed bool
}

// Settings keys of the store used by the command line.
const (
	keyCatalog  = "catalog/current" // JSON of the newest catalog pulled from the platform
	keyCalendar = "calendar"        // JSON of extra holidays/workdays for the center
	keyConfig   = "config"
)

// open opens the device in the call's data folder.
func (c *call) open() (*device, error) {
	if c.shared != nil {
		return c.shared, nil
	}
	dir, err := c.dataDir()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(dir, store.Options{Center: sampleCenter()})
	if err != nil {
		return nil, err
	}
	d := &device{store: st, dir: dir, now: time.Now}
	if err := d.load(); err != nil {
		st.Close()
		return nil, err
	}
	return d, nil
}

// sampleCenter is the sample catalog's center, which a new device belongs
// to until it enrolls. Only that is read: parsing the whole catalog (and
// indexing its pinyin) is left to load, which may not need the sample.
func sampleCenter() string {
	var head struct {
		Center struct {
			Code string `json:"code"`
		} `json:"center"`
	}
	json.Unmarshal(assets.SampleCatalog(), &head)
	return head.Center.Code
}

// load reads the catalog (the one sync saved, else the sample), calendar
// and config the store holds.
func (d *device) load() error {
	raw, err := d.store.Get(keyCatalog)
	if err != nil {
		return err
	}
	if raw != nil {
		if d.catalog, err = catalog.Parse(raw); err != nil {
			return failf(tSavedCatalogBroken, err)
		}
	} else if d.catalog, err = catalog.Parse(assets.SampleCatalog()); err != nil {
		return failf(tSampleBroken, "catalog", err)
	}
	cal, err := cases.ParseCalendar(assets.Calendar())
	if err != nil {
		return failf(tSampleBroken, "calendar", err)
	}
	if raw, err := d.store.Get(keyCalendar); err != nil {
		return err
	} else if raw != nil {
		extra, err := cases.ParseCalendar(raw)
		if err != nil {
			return err
		}
		cal.Merge(extra)
	}
	d.calendar = cal
	return d.store.GetJSON(keyConfig, &d.config)
}

func (d *device) close() {
	if !d.borrowed {
		d.store.Close()
	}
}

// setCatalog puts a newer catalog in force.
func (d *device) setCatalog(c *catalog.Catalog) {
	d.catMu.Lock()
	defer d.catMu.Unlock()
	d.catalog = c
}
