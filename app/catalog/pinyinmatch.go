package catalog

// scanPinyin matches w (ASCII letters and digits) as initials and as full
// pinyin at every unit where it can start, raising each item's score.
func (x *searchIndex) scanPinyin(w string, scores []int32) {
	post := x.post[bitIndex(w[0])]
	if len(w) > 1 {
		post = x.post2[bitIndex(w[0])*36+bitIndex(w[1])]
	}
	last := int32(-1) // text of the last primary match: later starts in it are worse
	for _, p := range post {
		t := x.unitAt[p]
		if t == last {
			continue
		}
		tx := x.pyTexts[t]
		if s := x.matchAt(int(p), tx, w); s > 0 {
			scores[tx.item] = max(scores[tx.item], s)
			if isPrimary(s) {
				last = t
			}
		}
	}
}

// pinyinItem returns item i's best pinyin score for w over its own texts.
// It visits the same starts as scanPinyin, so both give the same score.
func (x *searchIndex) pinyinItem(i int, w string) int32 {
	best := int32(0)
	b := letterBit(w[0])
	for _, tx := range x.pyTexts[x.pyFirst[i]:x.pyFirst[i+1]] {
		for p := tx.start; p < tx.end; p++ {
			if x.firsts[p]&b == 0 {
				continue
			}
			if s := x.matchAt(int(p), tx, w); s > 0 {
				best = max(best, s)
				// The leftmost match through primary readings is the
				// text's best; one through another reading may be beaten
				// by a later start that needs none.
				if isPrimary(s) {
					break
				}
			}
		}
	}
	return best
}

// matchAt scores w starting at unit p of text tx, or returns 0.
func (x *searchIndex) matchAt(p int, tx span, w string) int32 {
	atStart, end := p == int(tx.start), int(tx.end)
	if len(w) == 1 {
		// The first key pressed, and the query with most hits: w is the
		// start of a reading of p (callers check firsts), so it matches as
		// full pinyin; in a one-unit text it is also exact as initials,
		// and exact as full pinyin only if it is the whole reading.
		primary := x.primary[p] == w[0]
		if p+1 < end {
			return score(matchKind(atStart, false), tx.from, methodPinyin, primary)
		}
		best := score(matchKind(atStart, true), tx.from, methodInitials, primary)
		for k, id := range x.readings(p) {
			if x.syllable(id) == w {
				best = max(best, score(matchKind(atStart, true), tx.from, methodPinyin, k == 0))
			}
		}
		return best
	}
	best := int32(0)
	if m := x.full(p, end, w); m != 0 {
		best = score(matchKind(atStart, m&fullExact != 0), tx.from, methodPinyin, m&fullPrimary != 0)
	}
	if ok, primary := x.initials(p, end, w); ok {
		best = max(best, score(matchKind(atStart, p+len(w) == end), tx.from, methodInitials, primary))
	}
	return best
}

// initials reports whether each byte of w is the first letter of a reading
// of the units from p on, all before end, and whether each is the first
// letter of the unit's primary reading.
func (x *searchIndex) initials(p, end int, w string) (ok, primary bool) {
	if p+len(w) > end {
		return false, false
	}
	primary = true
	for k := 0; k < len(w); k++ {
		if x.firsts[p+k]&letterBit(w[k]) == 0 {
			return false, false
		}
		primary = primary && x.primary[p+k] == w[k]
	}
	return true, primary
}

// fullMatch says how w matched as full pinyin: bits that order as the
// scores they give (a match through primary readings beats an exact one
// through another reading, see score). Zero is no match.
type fullMatch uint8

const (
	fullFound   fullMatch = 1
	fullExact   fullMatch = 2 // a run of whole readings ending exactly at the text's end
	fullPrimary fullMatch = 4 // through every unit's primary reading
	fullBest              = fullFound | fullExact | fullPrimary
)

// full reports whether w is a run of whole readings of the units from p on,
// the last reading possibly cut short (typing in progress), and the best
// such run: whether it ends exactly at end with a whole reading and whether
// it reads every unit by its primary reading. Readings branch
// (heteronyms), so it tries each, the primary first; w is at most
// MaxQueryLen bytes, which bounds the depth.
func (x *searchIndex) full(p, end int, w string) fullMatch {
	if p >= end {
		return 0
	}
	best := fullMatch(0)
	for k, id := range x.readings(p) {
		if k > 0 && best&fullPrimary != 0 {
			break // no other reading can beat a match through the primary one
		}
		r := x.syllable(id)
		var m fullMatch
		switch {
		case len(w) <= len(r) && r[:len(w)] == w:
			m = fullFound | fullPrimary
			if len(w) == len(r) && p+1 == end {
				m |= fullExact
			}
		case len(w) > len(r) && w[:len(r)] == r:
			// Recurse only if the next unit can go on: most cannot, and
			// the mask is next to this one in memory.
			if p+1 >= end || x.firsts[p+1]&letterBit(w[len(r)]) == 0 {
				continue
			}
			m = x.full(p+1, end, w[len(r):])
		}
		if k > 0 {
			m &^= fullPrimary
		}
		best = max(best, m)
		if best == fullBest || k > 0 && best == fullFound|fullExact {
			return best
		}
	}
	return best
}
