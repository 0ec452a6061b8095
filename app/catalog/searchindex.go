package catalog

import (
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Where a piece of searchable text comes from; it decides the score.
const (
	fromCode uint8 = iota
	fromName
	fromKeyword
)

// span is one searchable text of one item: a range of a haystack or of the
// pinyin units.
type span struct {
	item       int32
	from       uint8
	start, end int32
}

// searchIndex is precomputed at load so a query is a few scans over flat
// memory, whatever the catalog's size.
//
// Literal matching (Chinese, English, codes) scans a haystack of folded
// texts and maps each hit back to its text by offset.
//
// Pinyin matching works on units, one per hanzi (or Latin letter or digit)
// of the Chinese names and keywords. A unit keeps every reading of its
// character (go-pinyin's heteronym list: 行 xing/hang, 重 zhong/chong, 长
// zhang/chang), because go-pinyin has no phrase dictionary to pick the
// right one and a citizen typing 银行 as yinhang must still find it. A
// query matches as initials (one letter per unit, any reading) or as full
// pinyin (one whole reading per unit, the last may be cut short while
// typing). The first reading go-pinyin lists is the character's primary
// one; a match that needs any other reading ranks below every match that
// does not (see score), because heteronym lists also hold rare readings
// (失 yi, 参 san, 许 hu) that would otherwise make yy find 失业 as readily
// as 营业.
type searchIndex struct {
	// Literal texts, split by script so a query scans only what it can
	// match: a text with any ASCII (other than space) is in ascii, one with
	// any other character in other; mixed texts are in both.
	ascii, other haystack

	firsts  []uint64 // per unit: letterBit of every reading's first letter
	primary []byte   // per unit: the first letter of its primary reading, or 0
	// rd packs, per unit, where its readings start in readIDs (high
	// bits) and how many there are (low 3 bits). readIDs index sylAt,
	// which packs where each of the index's few hundred distinct
	// syllables starts in syl (high bits) and its length (low 3 bits).
	// Flat arrays and one string, because the matcher reads them at
	// random and a slice of strings per unit cost a cache miss a pointer.
	rd      []uint32
	readIDs []uint16
	sylAt   []uint32
	syl     string
	sylID   map[string]uint16 // only while building
	unitAt  []int32           // per unit: its index in pyTexts
	// post lists, per first letter (bitIndex), the units that can start
	// with it, so a query visits only plausible starting points. post2
	// does the same per pair of letters (bitIndex*36 + bitIndex): the
	// first and second letter of a reading, or the first letter of a
	// reading and of the next unit's (initials, or a one-letter reading
	// such as 阿 a). Most queries have two letters, and a pair is rare
	// enough that nearly every start it lists matches.
	post    [36][]int32
	post2   [36 * 36][]int32
	pyTexts []span
	pyFirst []int32 // per item (and one past the last): its first pyText

	nameLen []int32 // per item: runes in NameZH, for "shorter first"
}

func buildSearch(items []Item) *searchIndex {
	x := &searchIndex{nameLen: make([]int32, len(items)), sylID: map[string]uint16{}}
	for i := range items {
		it := &items[i]
		x.nameLen[i] = int32(len([]rune(it.NameZH)))
		x.ascii.startItem()
		x.other.startItem()
		x.pyFirst = append(x.pyFirst, int32(len(x.pyTexts)))
		x.addLiteral(i, fromCode, it.Code)
		x.addLiteral(i, fromName, it.NameZH)
		x.addLiteral(i, fromName, it.NameEN)
		x.addPinyin(i, fromName, it.NameZH)
		for _, k := range it.Keywords {
			x.addLiteral(i, fromKeyword, k)
			x.addPinyin(i, fromKeyword, k)
		}
	}
	x.ascii.finish()
	x.other.finish()
	x.pyFirst = append(x.pyFirst, int32(len(x.pyTexts)))
	x.sylID = nil
	for u, f := range x.firsts {
		for b := range x.post {
			if f&(1<<b) != 0 {
				x.post[b] = append(x.post[b], int32(u))
			}
		}
		x.addPairs(u)
	}
	return x
}

func (x *searchIndex) addLiteral(item int, from uint8, s string) {
	s = fold(s)
	if hasASCII(s) {
		x.ascii.add(item, from, s)
	}
	if !isASCII(s) {
		x.other.add(item, from, s)
	}
}

func (x *searchIndex) addPinyin(item int, from uint8, s string) {
	t := int32(len(x.pyTexts))
	start := int32(len(x.firsts))
	for _, r := range fold(s) {
		rs := unitReadings(r)
		if rs == nil {
			continue // punctuation and spaces: typed queries skip them
		}
		var f uint64
		for _, p := range rs {
			f |= letterBit(p[0])
		}
		x.firsts = append(x.firsts, f)
		x.primary = append(x.primary, primaryLetter(rs))
		x.rd = append(x.rd, x.packReadings(rs))
		x.unitAt = append(x.unitAt, t)
	}
	if end := int32(len(x.firsts)); end > start {
		x.pyTexts = append(x.pyTexts, span{int32(item), from, start, end})
	}
}

// addPairs lists unit u in post2 under every letter pair a query starting
// there could begin with.
func (x *searchIndex) addPairs(u int) {
	var next uint64 // first letters of the next unit in the same text
	if u+1 < len(x.firsts) && x.unitAt[u+1] == x.unitAt[u] {
		next = x.firsts[u+1]
	}
	var pairs [36]uint64 // first letter → second letters
	for _, id := range x.readings(u) {
		r := x.syllable(id)
		a := bitIndex(r[0])
		pairs[a] |= next
		if len(r) > 1 {
			pairs[a] |= letterBit(r[1])
		}
	}
	for a, bs := range pairs {
		for b := 0; bs != 0; b, bs = b+1, bs>>1 {
			if bs&1 != 0 {
				x.post2[a*36+b] = append(x.post2[a*36+b], int32(u))
			}
		}
	}
}

// maxReadings bounds the readings kept per unit (3 bits in rd); no
// character in go-pinyin's dictionary has more than 7 that differ once
// tones are dropped, and the first ones are the common ones.
const maxReadings = 7

// packReadings stores rs in readIDs and returns the unit's rd.
func (x *searchIndex) packReadings(rs []string) uint32 {
	off := len(x.readIDs)
	for _, r := range rs[:min(len(rs), maxReadings)] {
		id, ok := x.sylID[r]
		if !ok {
			id = uint16(len(x.sylAt))
			x.sylAt = append(x.sylAt, uint32(len(x.syl))<<3|uint32(len(r)))
			x.syl += r
			x.sylID[r] = id
		}
		x.readIDs = append(x.readIDs, id)
	}
	return uint32(off)<<3 | uint32(len(x.readIDs)-off)
}

// primaryLetter is the first letter of the primary (first) reading in rs,
// or 0 when there is none.
func primaryLetter(rs []string) byte {
	if len(rs) == 0 {
		return 0
	}
	return rs[0][0]
}

// syllable returns the text of syllable id.
func (x *searchIndex) syllable(id uint16) string {
	v := x.sylAt[id]
	return x.syl[v>>3 : v>>3+v&7]
}

// readings returns the syllable IDs of unit p, the primary reading first.
func (x *searchIndex) readings(p int) []uint16 {
	v := x.rd[p]
	off := int(v >> 3)
	return x.readIDs[off : off+int(v&7)]
}

// noReading marks a letter that cannot be typed in pinyin (a rare hanzi,
// another script): it stays a unit so no match jumps over it.
var noReading = []string{}

// readingCache maps a rune to its unitReadings for the life of the process:
// go-pinyin derives readings with regular expressions, which made loading
// the sample catalog take 19 ms, and devices reload on every catalog pull.
// It holds at most one entry per distinct character ever seen.
var readingCache sync.Map // rune → []string

// unitReadings returns the readings of r: its pinyin for a hanzi, itself
// for an ASCII letter or digit, noReading for other letters and nil for
// what is not a unit at all.
func unitReadings(r rune) []string {
	if rs, ok := readingCache.Load(r); ok {
		return rs.([]string)
	}
	var rs []string
	switch {
	case r < 0x80 && letterBit(byte(r)) != 0:
		rs = []string{string(r)}
	case unicode.Is(unicode.Han, r):
		for _, p := range pinyin.SinglePinyin(r, pinyin.Args{Style: pinyin.Normal, Heteronym: true}) {
			if pinyinWord(p) && len(p) <= 7 { // what a keyboard types; 7 fits sylAt
				rs = append(rs, p)
			}
		}
		if rs == nil {
			rs = noReading
		}
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		rs = noReading
	}
	readingCache.Store(r, rs)
	return rs
}
