package kiosk

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tongban/app/cases"
)

// ratings returns the rated events of a case in the store.
func (r *rig) ratings(c *cases.Case) []cases.Rating {
	r.t.Helper()
	got, err := r.store.Case(c.ID)
	if err != nil {
		r.t.Fatal(err)
	}
	var out []cases.Rating
	for _, e := range got.Events {
		if e.Kind != cases.KindRated {
			continue
		}
		var p cases.Rating
		if err := e.Decode(&p); err != nil {
			r.t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// The progress screen's rating: five levels best first; 满意 is saved
// with one tap and thanked for only once stored.
func TestRateFromProgress(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.tapTile(tLookupStart.ZH)
	r.typeNumber(c.Number)
	r.tap(tRateThis.ZH)
	current[*rating](r)
	r.mustShow(tRateAsk.ZH, "营业执照变更登记 · "+c.Number)

	var levels []string
	for _, l := range cases.RatingLevels {
		levels = append(levels, l.Label().ZH)
	}
	var shown []string
	for _, s := range texts(r.root()) {
		for _, l := range levels {
			if s == l {
				shown = append(shown, s)
			}
		}
	}
	if want := []string{"非常满意", "满意", "基本满意", "不满意", "非常不满意"}; len(shown) != 5 || shown[0] != want[0] ||
		shown[1] != want[1] || shown[2] != want[2] || shown[3] != want[3] || shown[4] != want[4] {
		t.Fatalf("levels on screen %q, want %q", shown, want)
	}
	if len(r.ratings(c)) != 0 {
		t.Fatal("a rating is stored before any tap")
	}

	r.tap("满意")
	got := r.ratings(c)
	if len(got) != 1 || got[0].Level != cases.Satisfied || got[0].Channel != cases.ChannelKiosk || got[0].Comment != "" {
		t.Fatalf("stored ratings %+v, want one 满意 from the kiosk", got)
	}
	r.mustShow(tThanks.ZH, "您的评价：满意")
	r.mustNotShow("回访") // no callback for a good review
	r.tap(tDone.ZH)
	r.mustBeOn("attract")
}

// A case rated before says so with its level, from the start screen's way
// in and from a screen that still had the case unrated; nothing more is
// stored.
func TestRateAgainIsRefused(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	stale := c
	r.act(c, cases.KindRated, cases.Rating{Level: cases.Fair, Channel: cases.ChannelCounter})

	r.tapTile(tRateStart.ZH)
	r.mustShow(tRateLookupTitle.ZH)
	r.typeNumber(c.Number)
	current[*rating](r)
	r.mustShow(tAlreadyRated.ZH, "您的评价：基本满意", tOncePerCase.ZH)
	r.mustNotShow("非常满意")

	// The progress screen offers no second rating either.
	r.k.show(&progress{c: r.stored(c), back: &lookup{}})
	r.mustShow("服务评价", "基本满意")
	r.mustNotShow(tRateThis.ZH)

	// A screen opened before the counter's rating came in.
	r.k.show(newRating(stale, nil, &attract{}))
	r.tap("非常满意")
	r.mustShow(tAlreadyRated.ZH, "您的评价：基本满意")
	if got := r.ratings(c); len(got) != 1 || got[0].Level != cases.Fair {
		t.Fatalf("stored ratings %+v, want only the counter's 基本满意", got)
	}
}

// A bad review asks what went wrong, says the center calls back at the
// masked number, and stores the reasons ticked as the comment.
func TestBadReview(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.k.show(&progress{c: c, back: &lookup{}})
	r.tap(tRateThis.ZH)
	r.tap("不满意")
	r.mustShow(tWhyBad.ZH, "等待时间长", "材料要求不清", "工作人员态度", "系统故障", "其他",
		"服务中心将在 2 个工作日内致电 138****8000 回访。")
	r.mustNotShow("13800138000")
	if !r.button(tSendRating.ZH).Disabled() {
		t.Fatal("a bad review can be sent without a reason")
	}
	r.tapTile("等待时间长")
	r.tapTile("工作人员态度")
	r.tapTile("工作人员态度") // untick
	r.tapTile("系统故障")
	if len(r.ratings(c)) != 0 {
		t.Fatal("a rating is stored before it was sent")
	}
	r.tap(tSendRating.ZH)
	got := r.ratings(c)
	if len(got) != 1 || got[0].Level != cases.Dissatisfied || got[0].Comment != "等待时间长、系统故障" {
		t.Fatalf("stored ratings %+v, want 不满意 with 等待时间长、系统故障", got)
	}
	r.mustShow(tThanks.ZH, "您的评价：不满意", "138****8000")

	// In English the reasons are English; the comment stays Chinese.
	c2 := submitTo(t, r.store)
	r.k.lang = cases.EN
	r.k.show(newRating(c2, nil, &attract{}))
	r.tap("Very dissatisfied")
	r.mustShow("Long wait", "The center will call you at 138****8000 within 2 working days.")
	r.tapTile("Other")
	r.tap(tSendRating.EN)
	if got := r.ratings(c2); len(got) != 1 || got[0].Level != cases.VeryDissatisfied || got[0].Comment != "其他" {
		t.Fatalf("stored ratings %+v, want 非常不满意 with 其他", got)
	}
}

// Rating is voluntary: 不评价，返回 goes back and stores nothing, and the
// rating screen times out like any other.
func TestRatingIsVoluntary(t *testing.T) {
	r, _ := newLookupRig(t)
	c := submitTo(t, r.store)
	r.tapTile(tLookupStart.ZH)
	r.typeNumber(c.Number)
	r.tap(tRateThis.ZH)
	r.tap("非常不满意")
	r.tap(tSkipRating.ZH)
	current[*progress](r)
	if got := r.ratings(c); len(got) != 0 {
		t.Fatalf("skipping stored %+v", got)
	}

	r.tap(tRateThis.ZH)
	r.clock.Advance(DefaultIdleTimeout - countdownWindow/2)
	r.k.Tick()
	if !r.k.shield.Visible() {
		t.Fatal("no countdown on the rating screen")
	}
	test.Tap(r.k.shield)
	r.clock.Advance(DefaultIdleTimeout)
	r.k.Tick()
	r.mustBeOn("attract")
	if got := r.ratings(c); len(got) != 0 {
		t.Fatalf("the timeout stored %+v", got)
	}
}

// stored returns the case as the store has it now.
func (r *rig) stored(c *cases.Case) *cases.Case {
	r.t.Helper()
	got, err := r.store.Case(c.ID)
	if err != nil {
		r.t.Fatal(err)
	}
	return got
}
