package assets

import _ "embed"

// The sample catalog: real item names of a Hebei service list with
// plausible details, for the demo kiosk and for tests. Devices replace it
// with the catalog they pull from the platform.
//
//go:embed catalog/sample.json
var sampleCatalog []byte

// The center calendar: the State Council's holiday arrangement for 2026,
// days off and the weekend days worked in exchange (调休上班). A new year's
// notice comes out each November; add a file and an embed for it.
//
//go:embed calendar/cn-2026.json
var calendar2026 []byte

// SampleCatalog returns the JSON of the sample catalog (load it with
// catalog.Parse). The bytes are shared: do not modify them.
func SampleCatalog() []byte { return sampleCatalog }

// Calendar returns the JSON of the 2026 center calendar:
// {"source": …, "holidays": [YYYY-MM-DD…], "workdays": [YYYY-MM-DD…]}.
// The bytes are shared: do not modify them.
func Calendar() []byte { return calendar2026 }
