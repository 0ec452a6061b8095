package cases

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Action is something a person does to an existing case.
type Action struct {
	Kind  Kind
	Staff string
	// Payload is one of the payload types: Acceptance, SupplementRequest,
	// Refusal, Reasoned, Completion, Resolution, Rating, Printing, Reveal.
	Payload any
}

// Event checks an action against the case and returns its event, ready to
// be stamped and stored. A check that fails writes nothing and says why.
func (c *Case) Event(a Action, device string, stamp Stamp) (Event, error) {
	parent := c.Head
	if _, err := Next(c.Status, a.Kind); err != nil {
		return Event{}, fmt.Errorf("case %s: %w", c.Number, err)
	}
	if a.Kind.isTransition() && c.Status != StatusConflict && !slices.Contains(c.Allowed(), a.Kind) {
		return Event{}, fmt.Errorf("case %s: %w: %s", c.Number, ErrNotAllowed, owesNothing.Both())
	}
	switch p := a.Payload.(type) {
	case Refusal:
		if len(p.Reasons) == 0 || strings.TrimSpace(strings.Join(p.Reasons, "")) == "" {
			return Event{}, fmt.Errorf("case %s: 不予受理须写明至少一条理由，通知书上会印出。 A refusal needs at least one reason, which the notice prints", c.Number)
		}
	case SupplementRequest:
		if len(p.Missing) == 0 {
			return Event{}, fmt.Errorf("case %s: 补正告知须列出每一项缺少的材料，现在一项也没选。 Name every missing material in the notice; none was chosen", c.Number)
		}
	case Acceptance, SupplementReceipt:
		if err := c.checkMaterials(p); err != nil {
			return Event{}, err
		}
	case Completion:
		if p.Approved && len(c.Owed) > 0 {
			return Event{}, fmt.Errorf("%w (case %s, material %s)", ErrOwed, c.Number, numbers(c.Owed, ", "))
		}
	case Reasoned:
		if strings.TrimSpace(p.Reason) == "" {
			return Event{}, fmt.Errorf("case %s: %s", c.Number, reasonNeeded[a.Kind].Both())
		}
	case Rating:
		if !p.Level.Valid() {
			return Event{}, fmt.Errorf("case %s: 评价等级为 1 到 5。 A rating is a level from 1 to 5", c.Number)
		}
		if c.Rating != nil {
			return Event{}, fmt.Errorf("case %s: %w", c.Number, ErrAlreadyRated)
		}
	case Resolution:
		if c.Status != StatusConflict {
			return Event{}, fmt.Errorf("case %s: %w: 案件没有待核对的冲突。 There is no conflict to resolve", c.Number, ErrNotAllowed)
		}
		i := slices.IndexFunc(c.Branches, func(b []Event) bool { return b[0].ID == p.Chosen })
		if i < 0 {
			return Event{}, fmt.Errorf("case %s: %s 不是任一分支的第一条记录。 %s is not the first event of one of its branches", c.Number, p.Chosen, p.Chosen)
		}
		b := c.Branches[i]
		parent = b[len(b)-1].ID // the resolution continues the chosen line
		p.Seen = c.statusEventIDs()
		a.Payload = p
	}
	if a.Kind == KindResolved {
		if _, ok := a.Payload.(Resolution); !ok {
			return Event{}, fmt.Errorf("case %s: 核对冲突须指明保留哪一分支。 A resolution must name the branch it keeps", c.Number)
		}
	}
	payload, err := json.Marshal(a.Payload)
	if err != nil {
		return Event{}, fmt.Errorf("case %s: %w: %v", c.Number, ErrBadPayload, err)
	}
	if a.Payload == nil {
		payload = nil
	}
	return Event{
		ID: NewIDAt(stamp.Time()), CaseID: c.ID, Center: c.Center, Kind: a.Kind,
		Device: device, Staff: a.Staff, Stamp: stamp, Parent: parent, Payload: payload,
	}, nil
}

// statusEventIDs are the IDs of the case's events that move its status,
// resolutions included: what a resolution made now has seen.
func (c *Case) statusEventIDs() []string {
	var ids []string
	for _, e := range c.Events {
		if e.Kind.isTransition() {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// reasonNeeded says what a suspension, resumption or withdrawal without a
// reason lacks: each is written down, since each moves the promised date
// or ends the case.
var reasonNeeded = map[Kind]Text{
	KindSuspended: {ZH: "中止办理须写明原因（如需现场核查）。", EN: "Give the reason for suspending the case (an inspection, say)."},
	KindResumed:   {ZH: "恢复办理须写明原因（如核查已完成）。", EN: "Give the reason for resuming the case (the inspection is done, say)."},
	KindWithdrawn: {ZH: "撤回须写明原因（如申请人要求撤回）。", EN: "Give the reason for withdrawing the case (the applicant asked, say)."},
}

// Submitted builds the submitted event of a new case. Its ID is the case ID.
func Submitted(s Submission, center, device string, stamp Stamp) (Event, error) {
	payload, err := json.Marshal(s)
	if err != nil {
		return Event{}, fmt.Errorf("%w: %v", ErrBadPayload, err)
	}
	id := NewIDAt(stamp.Time())
	return Event{ID: id, CaseID: id, Center: center, Kind: KindSubmitted,
		Device: device, Stamp: stamp, Payload: payload}, nil
}

// owesNothing is why an accepted case refuses to take in materials.
var owesNothing = Text{ZH: "案件没有待补交的材料。", EN: "The case owes no materials."}
