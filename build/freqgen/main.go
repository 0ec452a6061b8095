// Command freqgen ranks hanzi and words by how often they occur, for the
// kiosk's pinyin keyboard (app/ime). It reads a word list with frequencies
// — the dictionary of cppjieba (MIT), found in the Go module cache as
// github.com/yanyiwu/gojieba@v1.4.6/deps/cppjieba/dict/jieba.dict.utf8 —
// and writes two files into DIR:
//
//   - freq.txt: the characters from the most to the least frequent, each
//     scored by the frequencies of the words it occurs in;
//   - words.txt: the words of two to four hanzi a citizen is likely to
//     type, from the most to the least frequent: every word common enough
//     (minWordFreq), and every place name that ends as an address part
//     does (新华区, 中山东路), however rare, since addresses are what the
//     kiosk's text fields hold most; and every word of lobby.txt, the
//     service center's own words that the dictionary lists too rarely
//     (社保卡, 户口本, 一单元).
//
// Words with a character of unwelcome are left out: a citizen typing
// nvshi for 女士 must not be offered 女尸. Those characters can still be
// typed one at a time.
//
// Run it with make freq (see the Makefile); its output is committed.
//
// Usage: freqgen DICT DIR
package main

import (
	"bufio"
	"cmp"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// keepChars is how many characters the ranking lists: more than GB2312's
// 6,763, so every character a citizen is likely to type is ranked.
const keepChars = 8000

// minWordFreq is the frequency from which a word is listed: about 50,000
// words of cppjieba's 350,000, a word list the size of a phone IME's
// base dictionary.
const minWordFreq = 50

// addressEnds are the last characters of the place names listed whatever
// their frequency (cppjieba tags place names ns).
const addressEnds = "省市区县旗镇乡村路街道巷"

// lobbyFreq is the frequency given to the words of lobby.txt: about the
// middle of the list, so a common word of the same letters still comes
// first.
const lobbyFreq = 500

// unwelcome are characters whose words the keyboard never offers.
const unwelcome = "尸婊妓奸淫嫖屎屁粪"

//go:embed lobby.txt
var lobbyText string

// entry is one line of the dictionary: word frequency tag.
type entry struct {
	word string
	freq int64
	tag  string
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: freqgen DICT DIR")
		os.Exit(2)
	}
	entries, err := read(os.Args[1])
	if err == nil {
		err = write(filepath.Join(os.Args[2], "freq.txt"), charLines(entries))
	}
	if err == nil {
		err = write(filepath.Join(os.Args[2], "words.txt"), wordLines(append(entries, lobbyEntries()...)))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "freqgen:", err)
		os.Exit(1)
	}
}

func read(name string) ([]entry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			continue
		}
		e := entry{word: fields[0], freq: n}
		if len(fields) > 2 {
			e.tag = fields[2]
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// lobbyEntries are the words of lobby.txt at lobbyFreq.
func lobbyEntries() []entry {
	var out []entry
	for line := range strings.Lines(lobbyText) {
		w := strings.TrimSpace(line)
		if w != "" && w[0] != '#' {
			out = append(out, entry{word: w, freq: lobbyFreq})
		}
	}
	return out
}

const source = "of cppjieba's dict/jieba.dict.utf8 (The MIT License (MIT),\n# Copyright (c) 2013; see app/ime/freq-LICENSE)."

// charLines ranks each hanzi by the summed frequencies of its words, fifty
// characters a line.
func charLines(entries []entry) []string {
	counts := map[rune]int64{}
	for _, e := range entries {
		for _, r := range e.word {
			if unicode.Is(unicode.Han, r) {
				counts[r] += e.freq
			}
		}
	}
	chars := make([]rune, 0, len(counts))
	for r := range counts {
		chars = append(chars, r)
	}
	slices.SortFunc(chars, func(a, b rune) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	chars = chars[:min(keepChars, len(chars))]
	lines := []string{"# Hanzi from the most to the least frequent, made by build/freqgen from the",
		"# word frequencies " + source + " Fifty characters a line."}
	for i := 0; i < len(chars); i += 50 {
		lines = append(lines, string(chars[i:min(i+50, len(chars))]))
	}
	return lines
}

// wordLines lists the words of two to four hanzi worth offering, the most
// frequent first, one a line. Of a word listed twice the first counts, so
// the dictionary's frequency wins over lobbyFreq where it is high enough.
func wordLines(entries []entry) []string {
	var words []entry
	seen := map[string]bool{}
	for _, e := range entries {
		n := utf8.RuneCountInString(e.word)
		if n < 2 || n > 4 || seen[e.word] || !allHan(e.word) || strings.ContainsAny(e.word, unwelcome) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(e.word)
		if e.freq >= minWordFreq || (e.tag == "ns" && strings.ContainsRune(addressEnds, last)) {
			seen[e.word] = true
			words = append(words, e)
		}
	}
	slices.SortFunc(words, func(a, b entry) int {
		if c := cmp.Compare(b.freq, a.freq); c != 0 {
			return c
		}
		return cmp.Compare(a.word, b.word)
	})
	lines := []string{"# Words of two to four hanzi from the most to the least frequent, made by",
		"# build/freqgen from the word frequencies " + source,
		"# The service center's own words come from build/freqgen/lobby.txt."}
	for _, w := range words {
		lines = append(lines, w.word)
	}
	return lines
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func write(name string, lines []string) error {
	return os.WriteFile(name, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}
