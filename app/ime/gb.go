package ime

import (
	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// dictionary is the character → readings table: "zhāng", "cháng,zhǎng".
func dictionary() map[int]string { return pinyin.PinyinDict }

// gbLevel places a hanzi in GBK: level 1 (GB2312's 3,755 common
// characters, lead byte 0xB0–0xD7), level 2 (GB2312's other 3,008, lead
// byte 0xD8–0xF7) or 3 (the rest of GBK). code is the two-byte code, which
// orders level 1 by pinyin and level 2 by radical. ok is false for what GBK
// cannot encode and for non-hanzi (punctuation, kana).
func gbLevel(r rune) (level uint8, code uint16, ok bool) {
	if r < 0x4E00 || r > 0x9FFF { // CJK Unified Ideographs; 〇 and Extension A are left out
		return 0, 0, false
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return 0, 0, false
	}
	code = uint16(b[0])<<8 | uint16(b[1])
	gb2312 := b[1] >= 0xA1 && b[1] <= 0xFE
	switch {
	case gb2312 && b[0] >= 0xB0 && b[0] <= 0xD7:
		return 1, code, true
	case gb2312 && b[0] >= 0xD8 && b[0] <= 0xF7:
		return 2, code, true
	}
	return 3, code, true
}
