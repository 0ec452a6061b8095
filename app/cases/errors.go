package cases

import "errors"

// Sentinel errors of the domain. Each message is one plain sentence that a
// clerk or a support engineer can act on, Simplified Chinese first, then
// English ("中文。 English"), so any screen or log can show it as it is.
// The English has no final full stop, as callers wrap the sentinels with
// detail ("…: a case that is submitted cannot be completed"); screens that
// show one language at a time map them to texts of their own with
// errors.Is.
var (
	// ErrNotAllowed is returned when an action does not fit the case's status.
	ErrNotAllowed = errors.New("案件当前状态不允许此操作。 This action is not allowed in the case's current status")
	// ErrOwed is returned for approving a case that still owes materials
	// accepted with a shortfall (容缺受理).
	ErrOwed = errors.New("容缺受理的材料尚未补交，补交登记后才能准予办结（或办结为不予批准）；没有作任何更改。 " +
		"Materials accepted as owed have not come: record them before approving, or complete the case as denied; nothing was changed")
	// ErrAlreadyRated is returned for a second rating of one case.
	ErrAlreadyRated = errors.New("此案件已经评价过，每件只能评价一次。 This case has already been rated; each case takes one rating")
	// ErrNoSubmission is returned when a case's events hold no submitted event.
	ErrNoSubmission = errors.New("案件缺少提交记录，记录不完整。 The case has no submitted event; its events are incomplete")
	// ErrBadNumber is returned for a string that is not a case number.
	ErrBadNumber = errors.New("这不是案件编号，案件编号形如 261127-K01-0042。 This is not a case number; a case number looks like 261127-K01-0042")
	// ErrBadPayload is returned when an event's payload does not decode.
	ErrBadPayload = errors.New("事件内容格式有误。 The event's payload is malformed")
)

// ErrNotFound is returned for a case that is not in this device's store.
var ErrNotFound = errors.New("本机没有此案件，请核对编号，或同步后再试。 No such case on this device; check the number, or sync and try again")
