package catalog

// scanPinyin matches w (ASCII letters and digits) as initials and as full
// pinyin at every unit where it can start, raising each item's score.
func (x *searchIndex) scanPinyin(w string, scores []int32) {
	post := x.post[bitIndex(w[0])]
	if len(w) > 1 {
		post = x.post2[bitIndex(w[0])*36+bitIndex(w[1])]
	}
	last := int32(-1) // text of the last match: later starts in it are worse
	for _, p := range post {
		t := x.unitAt[p]
		if t == last {
			continue
		}
		tx := x.pyTexts[t]
		if s := x.matchAt(int(p), tx, w); s > 0 {
			scores[tx.item] = max(scores[tx.item], s)
			last = t
		}
	}
}

// pinyinItem returns item i's best pinyin score for w over its own texts.
func (x *searchIndex) pinyinItem(i int, w string) int32 {
	best := int32(0)
	b := letterBit(w[0])
	for _, tx := range x.pyTexts[x.pyFirst[i]:x.pyFirst[i+1]] {
		for p := tx.start; p < tx.end; p++ {
			if x.firsts[p]&b == 0 {
				continue
			}
			if s := x.matchAt(int(p), tx, w); s > 0 {
				best = max(best, s) // the leftmost match is the text's best
				break
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
		if p+1 < end {
			return score(matchKind(atStart, false), tx.from, methodPinyin)
		}
		method := methodInitials
		for _, id := range x.readings(p) {
			if x.syllable(id) == w {
				method = methodPinyin
			}
		}
		return score(matchKind(atStart, true), tx.from, method)
	}
	best := int32(0)
	if matched, exact := x.full(p, end, w); matched {
		best = score(matchKind(atStart, exact), tx.from, methodPinyin)
	}
	if x.initials(p, end, w) {
		best = max(best, score(matchKind(atStart, p+len(w) == end), tx.from, methodInitials))
	}
	return best
}

// initials reports whether each byte of w is the first letter of a reading
// of the units from p on, all before end.
func (x *searchIndex) initials(p, end int, w string) bool {
	if p+len(w) > end {
		return false
	}
	for k := 0; k < len(w); k++ {
		if x.firsts[p+k]&letterBit(w[k]) == 0 {
			return false
		}
	}
	return true
}

// full reports whether w is a run of whole readings of the units from p on,
// the last reading possibly cut short (typing in progress), and whether some
// such run ends exactly at end with a whole reading. Readings branch
// (heteronyms), so it tries each; w is at most MaxQueryLen bytes, which
// bounds the depth.
func (x *searchIndex) full(p, end int, w string) (matched, exact bool) {
	if p >= end {
		return false, false
	}
	for _, id := range x.readings(p) {
		r := x.syllable(id)
		switch {
		case len(w) <= len(r) && r[:len(w)] == w:
			if len(w) == len(r) && p+1 == end {
				return true, true
			}
			matched = true
		case len(w) > len(r) && w[:len(r)] == r:
			// Recurse only if the next unit can go on: most cannot, and
			// the mask is next to this one in memory.
			if p+1 >= end || x.firsts[p+1]&letterBit(w[len(r)]) == 0 {
				continue
			}
			m, ex := x.full(p+1, end, w[len(r):])
			if ex {
				return true, true
			}
			matched = matched || m
		}
	}
	return matched, false
}
