package catalog

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Result is one search hit. Score orders hits: higher is better. It means
// nothing across queries.
type Result struct {
	Item  *Item
	Score int
}

// MaxQueryLen bounds a query in bytes; longer input (a scanner typing into
// the search box) is cut.
const MaxQueryLen = 64

// How a text matched; the score is reading*400 + place*100 + kind*10 +
// method. A match through primary readings only (and every literal match)
// beats one that needs a character's other reading, so yy finds 营业执照
// before 失业 (失 is shi, and only rarely yi) while yinhang still finds 银行,
// lower than it would through the first reading of 行. Then a name beats a
// keyword (a citizen typing yyzz wants the items named 营业执照 before those
// that only list it among their keywords), then exact beats prefix beats
// substring, then the literal text beats full pinyin beats initials.
const (
	kindSubstring = 1
	kindPrefix    = 2
	kindExact     = 3

	placeCode    = 0 // a code that only partly matches
	placeKeyword = 1
	placeName    = 2
	placeCodeHit = 3 // the whole item code: the citizen knows exactly

	methodInitials = 1
	methodPinyin   = 2
	methodLiteral  = 3

	readingPrimary = 400 // added for a match through primary readings only
)

func score(kind int, from uint8, method int, primary bool) int32 {
	place := placeKeyword
	switch from {
	case fromName:
		place = placeName
	case fromCode:
		place = placeCode
		if kind == kindExact {
			place = placeCodeHit
		}
	}
	s := int32(place*100 + kind*10 + method)
	if primary {
		s += readingPrimary
	}
	return s
}

// isPrimary reports whether a score is of a match through primary readings.
func isPrimary(s int32) bool { return s >= readingPrimary }

// matchKind says how a match that starts at the text's start (atStart) and
// covers all of it (whole) ranks.
func matchKind(atStart, whole bool) int {
	switch {
	case atStart && whole:
		return kindExact
	case atStart:
		return kindPrefix
	}
	return kindSubstring
}

// Search finds items by Chinese words, English words, full pinyin without
// tones (yingyezhizhao), pinyin initials (yyzz) or item code, best first,
// at most limit results (limit ≤ 0: all). Words separated by spaces must
// all match; an item's score is the sum of its words' scores, or the
// phrase's as written times the word count if that is more. Ties go to the
// shorter Chinese name, then catalog order. An empty query finds nothing.
// Safe for concurrent use.
func (c *Catalog) Search(query string, limit int) []Result {
	x := c.searchIndex()
	q := fold(truncate(query, MaxQueryLen))
	if q == "" {
		return nil
	}
	words := strings.Split(q, " ")
	// Scan the whole catalog for the longest word, the likeliest to be
	// rare, then check the other words only on the items it found.
	lead := 0
	for i, w := range words {
		if len(w) > len(words[lead]) {
			lead = i
		}
	}
	total := x.scoreWord(words[lead])
	for i, w := range words {
		if i != lead && !x.narrow(total, w) {
			return nil
		}
	}
	if len(words) > 1 {
		// The whole phrase found as written ("business licence") beats the
		// same words found apart.
		h := x.haystackFor(q)
		for i, v := range total {
			if v > 0 {
				total[i] = max(v, h.scoreItem(i, q)*int32(len(words)))
			}
		}
	}
	return c.rank(x, total, limit)
}

// searchIndex returns the index built by Validate, or builds one for a
// catalog made in code (slow: it consults the pinyin dictionary).
func (c *Catalog) searchIndex() *searchIndex {
	if c.index != nil {
		return c.index.search
	}
	return buildSearch(c.Items)
}

// haystackFor returns the haystack that can hold q.
func (x *searchIndex) haystackFor(q string) *haystack {
	if isASCII(q) {
		return &x.ascii
	}
	return &x.other
}

// scoreWord returns each item's best score for one folded word.
func (x *searchIndex) scoreWord(w string) []int32 {
	scores := make([]int32, len(x.nameLen))
	x.haystackFor(w).scan(w, scores)
	if pinyinWord(w) {
		x.scanPinyin(w, scores)
	}
	return scores
}

// narrow adds w's score to each item still in total and drops the items
// without w. It reports whether any item is left.
func (x *searchIndex) narrow(total []int32, w string) bool {
	n := 0
	for _, v := range total {
		if v > 0 {
			n++
		}
	}
	// Checking an item costs about as much as scanning 1/8 of the catalog
	// for it; with many items left a scan is cheaper.
	var scan []int32
	if n > len(total)/8 {
		scan = x.scoreWord(w)
	}
	left := false
	h := x.haystackFor(w)
	for i, v := range total {
		if v == 0 {
			continue
		}
		var s int32
		if scan != nil {
			s = scan[i]
		} else {
			s = h.scoreItem(i, w)
			if pinyinWord(w) {
				s = max(s, x.pinyinItem(i, w))
			}
		}
		if s == 0 {
			total[i] = 0
		} else {
			total[i] = v + s
			left = true
		}
	}
	return left
}

// rank orders the items with a score and keeps the best limit.
func (c *Catalog) rank(x *searchIndex, scores []int32, limit int) []Result {
	// cmp orders item a before item b: higher score, then shorter Chinese
	// name, then catalog order. It never returns 0 for two items.
	cmp := func(a, b int32) int {
		switch {
		case scores[a] != scores[b]:
			return int(scores[b] - scores[a])
		case x.nameLen[a] != x.nameLen[b]:
			return int(x.nameLen[a] - x.nameLen[b])
		}
		return int(a - b)
	}
	var top []int32
	for i, s := range scores {
		if s == 0 {
			continue
		}
		a := int32(i)
		if limit <= 0 {
			top = append(top, a)
			continue
		}
		// Keep a sorted top list instead of sorting every hit: a one-letter
		// query can hit most of 10,000 items, and the kiosk shows a
		// screenful.
		if len(top) == limit {
			if cmp(a, top[limit-1]) > 0 {
				continue
			}
			top = top[:limit-1]
		}
		j, _ := slices.BinarySearchFunc(top, a, cmp)
		top = slices.Insert(top, j, a)
	}
	if len(top) == 0 {
		return nil
	}
	if limit <= 0 {
		slices.SortFunc(top, cmp)
	}
	out := make([]Result, len(top))
	for k, i := range top {
		out[k] = Result{Item: &c.Items[i], Score: int(scores[i])}
	}
	return out
}

// truncate cuts s to at most n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
