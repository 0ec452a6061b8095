package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"time"

	"tongban/app/cases"
	"tongban/app/catalog"
)

// The JSON the command line prints is stable: snake_case keys, the same
// shape in every version. These views pin it apart from the Go types.
//
// A case: lists are always there, [] when empty (materials, received,
// missing, reasons, branches, events); accepted_at and rating are null
// until there is one. Each event — in events and in each branch — carries
// set_aside, true for an event of a branch a resolution did not keep or a
// fact (a print, a look at the ID number) recorded on one: the same mark
// `cases show` and the counter's timeline print as 已搁置. It is always
// there, false on the rest, so a reader needs no default.

type caseJSON struct {
	ID          string            `json:"id"`
	Number      string            `json:"number"`
	ItemCode    string            `json:"item_code"`
	Center      string            `json:"center"`
	Status      cases.Status      `json:"status"`
	Fields      map[string]string `json:"fields"`
	Materials   []int             `json:"materials"`
	Received    []int             `json:"received"`
	Missing     []int             `json:"missing"`
	Reasons     []string          `json:"reasons"`
	Approved    bool              `json:"approved"`
	SubmittedAt time.Time         `json:"submitted_at"`
	AcceptedAt  *time.Time        `json:"accepted_at"`
	Rating      *cases.Rating     `json:"rating"`
	Sync        cases.SyncState   `json:"sync"`
	Branches    [][]eventJSON     `json:"branches"`
	Events      []eventJSON       `json:"events"`
}

// eventJSON is an event with its set-aside mark (cases.Case.SetAside).
type eventJSON struct {
	cases.Event
	SetAside bool `json:"set_aside"`
}

// caseView is a case's JSON with the applicant's ID number masked, in its
// fields and in the submission's payload, as every screen and paper shows
// it: the whole number is given only by cases show --reveal, which records
// who looked (caseViewRevealed).
func caseView(c *cases.Case) caseJSON {
	masked := cases.MaskIDNumber(c.IDNumber())
	v := caseViewRevealed(c)
	if masked == c.IDNumber() {
		return v
	}
	v.Fields = maps.Clone(c.Fields)
	v.Fields[catalog.FieldIDNumber] = masked
	hide := func(evs []eventJSON) {
		for i, e := range evs {
			if e.Kind == cases.KindSubmitted {
				evs[i].Payload = bytes.ReplaceAll(e.Payload, []byte(`"`+c.IDNumber()+`"`), []byte(`"`+masked+`"`))
			}
		}
	}
	hide(v.Events)
	for _, b := range v.Branches {
		hide(b)
	}
	return v
}

// caseViewRevealed is a case's JSON as it is stored, the ID number whole.
func caseViewRevealed(c *cases.Case) caseJSON {
	v := caseJSON{ID: c.ID, Number: c.Number, ItemCode: c.ItemCode, Center: c.Center,
		Status: c.Status, Fields: c.Fields, Materials: nonNil(c.Materials), Received: nonNil(c.Received),
		Missing: nonNil(c.Missing), Reasons: c.Reasons, Approved: c.Approved, SubmittedAt: c.SubmittedAt,
		Rating: c.Rating, Sync: c.Sync, Branches: [][]eventJSON{}, Events: eventsView(c, c.Events)}
	if !c.AcceptedAt.IsZero() {
		v.AcceptedAt = &c.AcceptedAt
	}
	if v.Reasons == nil {
		v.Reasons = []string{}
	}
	for _, b := range c.Branches {
		v.Branches = append(v.Branches, eventsView(c, b))
	}
	return v
}

// eventsView marks events of a case set aside or not; never nil.
func eventsView(c *cases.Case, evs []cases.Event) []eventJSON {
	out := make([]eventJSON, 0, len(evs))
	for _, e := range evs {
		out = append(out, eventJSON{Event: e, SetAside: c.SetAside(e)})
	}
	return out
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

type itemJSON struct {
	Code         string             `json:"code"`
	Name         string             `json:"name"`
	NameEN       string             `json:"name_en"`
	Department   string             `json:"department"`
	Category     string             `json:"category"`
	Type         catalog.Type       `json:"type"`
	LegalDays    int                `json:"legal_days"`
	PromisedDays int                `json:"promised_days"`
	FeeFen       int64              `json:"fee_fen"`
	Queue        string             `json:"queue"`
	Windows      []string           `json:"windows"`
	Materials    []catalog.Material `json:"materials"`
	Fields       []fieldJSON        `json:"fields"`
	Score        int                `json:"score,omitempty"`
}

type fieldJSON struct {
	Key      string            `json:"key"`
	Label    string            `json:"label"`
	LabelEN  string            `json:"label_en"`
	Kind     catalog.FieldKind `json:"kind"`
	Required bool              `json:"required"`
	Choices  []string          `json:"choices"`
	// ChoicesEN are the English labels of Choices, index for index; empty
	// when the catalog gives none. Cases store the Chinese choice.
	ChoicesEN []string `json:"choices_en"`
	MaxLen    int      `json:"max_len"`
}

func itemView(it *catalog.Item) itemJSON {
	v := itemJSON{Code: it.Code, Name: it.NameZH, NameEN: it.NameEN, Department: it.Department,
		Category: it.Category, Type: it.Type, LegalDays: it.LegalDays, PromisedDays: it.PromisedDays,
		FeeFen: it.FeeFen, Queue: it.Queue, Windows: it.Windows, Materials: it.Materials}
	for _, f := range it.Fields {
		ch := f.Choices
		if ch == nil {
			ch = []string{}
		}
		en := f.ChoicesEN
		if en == nil {
			en = []string{}
		}
		v.Fields = append(v.Fields, fieldJSON{Key: f.Key, Label: f.LabelZH, LabelEN: f.LabelEN,
			Kind: f.Kind, Required: f.Required, Choices: ch, ChoicesEN: en, MaxLen: f.Limit()})
	}
	return v
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
