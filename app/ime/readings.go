package ime

// commonReadings are second readings as common as the first, in the words
// a citizen types into a form: go-pinyin lists 行 xíng first, but 银行 and
// 行政 are read háng and xíng alike; 长安区 is cháng; 重新 chóng; 还款 huán;
// 首都 dū; 参保 cān is first already, 调动 diào too. A character ranks under
// these syllables as under its first reading, by frequency; every other
// second reading still comes after all first readings (see candidate).
var commonReadings = map[rune][]string{
	'行': {"hang"},
	'长': {"chang"},
	'重': {"chong"},
	'还': {"huan"},
	'都': {"du"},
	'乐': {"yue"},
	'传': {"zhuan"},
	'调': {"tiao"},
	'种': {"zhong"},
	'朝': {"zhao"},
	'藏': {"zang"},
	'降': {"xiang"},
	'率': {"shuai"},
	'地': {"de"},
	'得': {"de", "dei"},
	'了': {"liao"},
	'血': {"xie"},
	'处': {"chu"},
	'相': {"xiang"},
	'应': {"ying"},
}

// readingPlace is where a syllable ranks among a character's readings: 0
// for its first reading and for a reading as common (commonReadings),
// else its place in the dictionary's list.
func readingPlace(r rune, syl string, place int) uint8 {
	for _, s := range commonReadings[r] {
		if s == syl {
			return 0
		}
	}
	return uint8(min(place, 255))
}
