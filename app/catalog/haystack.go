package catalog

import "strings"

// haystack is many folded texts in one string, each followed by NUL, so that
// a literal search is one strings.IndexByte loop over flat memory instead of
// a call per text, and no hit can span two texts (queries hold no NUL).
type haystack struct {
	s     string
	texts []span  // in string order, so each item's texts are contiguous
	first []int32 // per item (and one past the last): its first text
	// freq counts each byte value, to anchor a search on the query's
	// rarest byte: IndexByte is fast, but every false start costs a call.
	freq [256]int32
	b    strings.Builder // only while building
}

func (h *haystack) startItem() { h.first = append(h.first, int32(len(h.texts))) }

func (h *haystack) add(item int, from uint8, s string) {
	start := int32(h.b.Len())
	h.b.WriteString(s)
	h.b.WriteByte(0)
	h.texts = append(h.texts, span{int32(item), from, start, start + int32(len(s))})
}

func (h *haystack) finish() {
	h.startItem()
	h.s = h.b.String()
	h.b = strings.Builder{}
	for i := 0; i < len(h.s); i++ {
		h.freq[h.s[i]]++
	}
}

// anchor returns the index of q's rarest byte in the haystack.
func (h *haystack) anchor(q string) int {
	k := 0
	for i := 1; i < len(q); i++ {
		if h.freq[q[i]] < h.freq[q[k]] {
			k = i
		}
	}
	return k
}

// scan finds q in every text and raises each matching item's score. After a
// hit the rest of that text is skipped: its first hit is its best, since
// only a hit at the start can be prefix or exact.
func (h *haystack) scan(q string, scores []int32) {
	k := h.anchor(q)
	c, s := q[k], h.s
	pos, t := k, 0 // pos: where q[k] may be next
	for pos < len(s) {
		i := strings.IndexByte(s[pos:], c)
		if i < 0 {
			return
		}
		at := pos + i - k
		if at+len(q) > len(s) {
			return
		}
		if s[at:at+len(q)] != q {
			pos += i + 1
			continue
		}
		t = h.textAt(t, at)
		tx := h.texts[t]
		scores[tx.item] = max(scores[tx.item], literalScore(tx, at-int(tx.start), len(q)))
		pos = int(tx.end) + 1 + k
	}
}

// scoreItem returns item i's best score for q over its own texts only.
func (h *haystack) scoreItem(i int, q string) int32 {
	best := int32(0)
	for _, tx := range h.texts[h.first[i]:h.first[i+1]] {
		if k := strings.Index(h.s[tx.start:tx.end], q); k >= 0 {
			best = max(best, literalScore(tx, k, len(q)))
		}
	}
	return best
}

// literalScore scores a hit at offset k of text tx for a query of n bytes.
func literalScore(tx span, k, n int) int32 {
	return score(matchKind(k == 0, k == 0 && n == int(tx.end-tx.start)), tx.from, methodLiteral, true)
}

// textAt returns the index of the text holding byte at, searching from
// text t on (hits only move forward). It gallops: dense hits cost a step or
// two, sparse ones a logarithm, never a walk over every text.
func (h *haystack) textAt(t, at int) int {
	step := 1
	for t+step < len(h.texts) && int(h.texts[t+step].start) <= at {
		t += step
		step *= 2
	}
	// The answer is in [t, t+step): the last text starting at or before at.
	hi := min(t+step, len(h.texts))
	for hi-t > 1 {
		mid := int(uint(t+hi) >> 1)
		if int(h.texts[mid].start) <= at {
			t = mid
		} else {
			hi = mid
		}
	}
	return t
}

// isASCII reports whether s has no byte ≥ 0x80.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasASCII reports whether s has an ASCII byte other than space.
func hasASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 && s[i] != ' ' {
			return true
		}
	}
	return false
}
