package kiosk

import (
	"time"

	"fyne.io/fyne/v2"

	"tongban/app/cases"
)

// Draft is an application half entered. The kiosk saves it on every change
// so that a crash or a power cut loses nothing typed, and reopens it at
// start if it is younger than the idle timeout (older means the citizen
// has gone, and their data must not wait for the next one).
type Draft struct {
	ItemCode  string            `json:"item_code"`
	Values    map[string]string `json:"values,omitempty"`
	Materials []int             `json:"materials,omitempty"`
	Saved     time.Time         `json:"saved"`
	Lang      cases.Lang        `json:"lang,omitempty"`
	Elder     bool              `json:"elder,omitempty"`
	// Shown is the first item of the form's page shown (a field, or a
	// line of the checklist), so the form reopens where it was.
	Shown int `json:"shown,omitempty"`
}

// Drafts keeps the one draft of a kiosk.
type Drafts interface {
	// Save replaces the draft.
	Save(Draft) error
	// Load returns the draft; ok is false when there is none.
	Load() (d Draft, ok bool, err error)
	// Clear deletes the draft: on submit, idle reset or cancel.
	Clear() error
}

// Settings is the part of the store that drafts live in (store.Store has
// it): small named JSON values, in the same file as the cases so that a
// backup holds them.
type Settings interface {
	GetJSON(key string, v any) error
	PutJSON(key string, v any) error
	Put(key string, val []byte) error
}

// DraftKey is the setting the draft is kept under.
const DraftKey = "kiosk/draft"

// StoreDrafts keeps the draft in a store's settings.
func StoreDrafts(s Settings) Drafts { return settingsDrafts{s} }

type settingsDrafts struct{ s Settings }

func (d settingsDrafts) Save(dr Draft) error { return d.s.PutJSON(DraftKey, dr) }

func (d settingsDrafts) Load() (Draft, bool, error) {
	var dr Draft
	if err := d.s.GetJSON(DraftKey, &dr); err != nil {
		return Draft{}, false, err
	}
	return dr, dr.ItemCode != "", nil
}

func (d settingsDrafts) Clear() error { return d.s.Put(DraftKey, nil) }

// drafter is a screen that holds an application in progress.
type drafter interface {
	draft(k *Kiosk) Draft
}

// saveDraft saves the application on screen, if any; a form with nothing
// in it leaves no draft. A failure is logged and typing goes on: the draft
// is a safety net, not the case.
func (k *Kiosk) saveDraft() {
	d, ok := k.cur.(drafter)
	if !ok {
		return
	}
	dr := d.draft(k)
	if len(dr.Values) == 0 && len(dr.Materials) == 0 {
		k.clearDraft()
		return
	}
	dr.Saved, dr.Lang, dr.Elder = k.deps.Now(), k.lang, k.elder
	if err := k.deps.Drafts.Save(dr); err != nil {
		fyne.LogError("kiosk: saving the draft", err)
	}
}

// clearDraft forgets the draft: on submit, idle reset and cancel.
func (k *Kiosk) clearDraft() {
	if err := k.deps.Drafts.Clear(); err != nil {
		fyne.LogError("kiosk: clearing the draft", err)
	}
}

// restoreDraft reopens the form of a draft younger than the idle timeout,
// in the language and text size it was typed in. An older draft belongs
// to somebody who has gone: it is deleted.
func (k *Kiosk) restoreDraft() bool {
	d, ok, err := k.deps.Drafts.Load()
	if err != nil {
		fyne.LogError("kiosk: reading the draft", err)
		return false
	}
	if !ok {
		return false
	}
	age := k.deps.Now().Sub(d.Saved)
	item, found := k.deps.Catalog.Item(d.ItemCode)
	if !found || age >= k.deps.IdleTimeout || age <= -k.deps.IdleTimeout {
		k.clearDraft()
		return false
	}
	k.lang = d.Lang
	if d.Elder != k.elder {
		k.elder = d.Elder
		k.applyTheme()
	}
	k.notice = tDraftRestored
	g := &guide{item: item, back: &categories{}}
	k.show(&form{app: fromDraft(item, d), back: g, first: d.Shown})
	return true
}
