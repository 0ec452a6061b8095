package cases

import (
	"fmt"
	"strings"
)

// Text is something shown to people, in Simplified Chinese and English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// Lang is the language a screen or paper is shown in.
type Lang int

// The languages. Chinese comes first everywhere.
const (
	ZH Lang = iota
	EN
)

// In returns the text in one language.
func (t Text) In(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.ZH
}

// Format fills the text's format verbs, each language on its own. One
// language may leave out what the other says (a technical cause in
// English only): arguments it has no verb for are dropped, not printed as
// fmt's %!(EXTRA …).
func (t Text) Format(args ...any) Text {
	return Text{ZH: Sprintf(t.ZH, args...), EN: Sprintf(t.EN, args...)}
}

// Sprintf is fmt.Sprintf for the sentences of a Text: a format with no
// verbs is returned as it is, and one that numbers its verbs (%[2]s) may
// leave arguments out.
func Sprintf(format string, args ...any) string {
	if !strings.Contains(format, "%") {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Both returns "中文 English", for paper and logs read by either.
func (t Text) Both() string { return t.ZH + " " + t.EN }

// Label names a status for people.
func (s Status) Label() Text {
	if t, ok := statusLabels[s]; ok {
		return t
	}
	return Text{string(s), string(s)}
}

var statusLabels = map[Status]Text{
	StatusDraft:      {"填写中", "Draft"},
	StatusSubmitted:  {"已提交", "Submitted"},
	StatusAccepted:   {"已受理", "Accepted"},
	StatusSupplement: {"待补正", "Awaiting materials"},
	StatusSuspended:  {"已中止", "Suspended"},
	StatusCompleted:  {"已办结", "Completed"},
	StatusRefused:    {"不予受理", "Refused"},
	StatusWithdrawn:  {"已撤回", "Withdrawn"},
	StatusConflict:   {"待核对", "Conflict to resolve"},
}

// Label names an event kind for timelines.
func (k Kind) Label() Text {
	if t, ok := kindLabels[k]; ok {
		return t
	}
	return Text{string(k), string(k)}
}

var kindLabels = map[Kind]Text{
	KindSubmitted:           {"提交申请", "Submitted"},
	KindAccepted:            {"受理", "Accepted"},
	KindSupplementRequested: {"一次性告知补正", "Missing materials requested"},
	KindSupplementReceived:  {"补正材料已收", "Missing materials received"},
	KindRefused:             {"不予受理", "Refused"},
	KindSuspended:           {"中止（特别程序）", "Suspended"},
	KindResumed:             {"恢复办理", "Resumed"},
	KindCompleted:           {"办结", "Completed"},
	KindWithdrawn:           {"撤回", "Withdrawn"},
	KindResolved:            {"核对冲突", "Conflict resolved"},
	KindRated:               {"评价", "Rated"},
	KindPrinted:             {"打印", "Printed"},
	KindRevealed:            {"查看完整证件号", "ID number revealed"},
	KindCalled:              {"叫号", "Ticket called"},
}

// RatingLevel is one of the five levels of 好差评 (GB/T 39734-2020).
type RatingLevel int

// The levels, from worst to best.
const (
	VeryDissatisfied RatingLevel = iota + 1
	Dissatisfied
	Fair
	Satisfied
	VerySatisfied
)

// RatingLevels lists the levels best first, as the evaluator shows them.
var RatingLevels = []RatingLevel{VerySatisfied, Satisfied, Fair, Dissatisfied, VeryDissatisfied}

// Bad reports a bad review: it needs a callback from the center.
func (l RatingLevel) Bad() bool { return l == Dissatisfied || l == VeryDissatisfied }

// Valid reports whether l is one of the five levels.
func (l RatingLevel) Valid() bool { return l >= VeryDissatisfied && l <= VerySatisfied }

// Label names a rating level.
func (l RatingLevel) Label() Text {
	switch l {
	case VerySatisfied:
		return Text{"非常满意", "Very satisfied"}
	case Satisfied:
		return Text{"满意", "Satisfied"}
	case Fair:
		return Text{"基本满意", "Fair"}
	case Dissatisfied:
		return Text{"不满意", "Dissatisfied"}
	case VeryDissatisfied:
		return Text{"非常不满意", "Very dissatisfied"}
	}
	return Text{"未知", "Unknown"}
}
