package cases

import "slices"

import "fmt"

// Status is where a case stands; it is a fold over the case's events.
type Status string

// The statuses. Draft lives only on the kiosk's screen until submitted.
const (
	StatusDraft      Status = "draft"
	StatusSubmitted  Status = "submitted"
	StatusAccepted   Status = "accepted"
	StatusSupplement Status = "supplement" // waiting for missing materials
	StatusSuspended  Status = "suspended"  // special procedure, clock stopped
	StatusCompleted  Status = "completed"
	StatusRefused    Status = "refused"
	StatusWithdrawn  Status = "withdrawn"
	StatusConflict   Status = "conflict" // two devices disagreed; a clerk resolves
)

// Statuses lists every status a stored case can have, in workflow order.
var Statuses = []Status{StatusSubmitted, StatusAccepted, StatusSupplement,
	StatusSuspended, StatusCompleted, StatusRefused, StatusWithdrawn, StatusConflict}

// transitions is the status machine: from a status, an event kind leads to
// the next status. Anything not listed is refused. Supplement may be asked
// before acceptance (Administrative Licensing Law art. 32: incomplete
// materials get one notice) or after it.
var transitions = map[Status]map[Kind]Status{
	StatusSubmitted: {
		KindAccepted:            StatusAccepted,
		KindSupplementRequested: StatusSupplement,
		KindRefused:             StatusRefused,
		KindWithdrawn:           StatusWithdrawn,
	},
	StatusAccepted: {
		KindSupplementRequested: StatusSupplement,
		KindSupplementReceived:  StatusAccepted, // owed materials come in (see (*Case).Allowed)
		KindSuspended:           StatusSuspended,
		KindCompleted:           StatusCompleted,
		KindWithdrawn:           StatusWithdrawn,
	},
	StatusSupplement: {
		KindSupplementReceived: StatusAccepted,
		KindWithdrawn:          StatusWithdrawn,
	},
	StatusSuspended: {
		KindResumed:   StatusAccepted,
		KindWithdrawn: StatusWithdrawn,
	},
}

// Next returns the status after an event of kind k, or an error saying why
// the event does not fit. Facts (rated, printed, revealed) keep the status.
func Next(from Status, k Kind) (Status, error) {
	if !k.isTransition() {
		return from, nil
	}
	if from == StatusConflict {
		if k == KindResolved {
			return from, nil // the fold replaces it with the chosen branch's status
		}
		return from, fmt.Errorf("%w: 几台设备对此案件的处理有冲突，请先核对。 The case is in conflict between devices; resolve it first", ErrNotAllowed)
	}
	if to, ok := transitions[from][k]; ok {
		return to, nil
	}
	return from, fmt.Errorf("%w: 案件当前为“%s”，不能%s。 A case that is %s cannot be %s", ErrNotAllowed, from.Label().ZH, k.Label().ZH, from, k.pastTense())
}

// Allowed lists the transition kinds the status machine accepts from s, in
// a stable order, so screens offer only actions that will succeed.
//
// A case may allow less than its status: see (*Case).Allowed.
func Allowed(s Status) []Kind {
	if s == StatusConflict {
		return []Kind{KindResolved}
	}
	var out []Kind
	for _, k := range []Kind{KindAccepted, KindSupplementRequested, KindSupplementReceived,
		KindRefused, KindSuspended, KindResumed, KindCompleted, KindWithdrawn} {
		if _, ok := transitions[s][k]; ok {
			out = append(out, k)
		}
	}
	return out
}

// Open reports whether the case still waits for someone to act.
func (s Status) Open() bool {
	switch s {
	case StatusCompleted, StatusRefused, StatusWithdrawn:
		return false
	}
	return true
}

func (k Kind) pastTense() string {
	switch k {
	case KindSupplementRequested:
		return "sent a supplement request"
	case KindSupplementReceived:
		return "marked as supplemented"
	case KindSubmitted:
		return "submitted again"
	}
	return string(k)
}

// Allowed returns the actions the case takes now: those of its status,
// narrowed by what it owes. An accepted case takes in materials
// (supplement received) only when it owes some (容缺受理): with none owed
// there is nothing to take in.
func (c *Case) Allowed() []Kind {
	out := Allowed(c.Status)
	if c.Status != StatusAccepted || len(c.Owed) > 0 {
		return out
	}
	return slices.DeleteFunc(out, func(k Kind) bool { return k == KindSupplementReceived })
}
