// Command freqgen ranks hanzi by how often they occur, for the kiosk's
// pinyin keyboard (app/ime): it reads a word list with frequencies — the
// dictionary of cppjieba (MIT), found in the Go module cache as
// github.com/yanyiwu/gojieba@v1.4.6/deps/cppjieba/dict/jieba.dict.utf8 —
// adds each word's frequency to each of its characters, and writes the
// characters from the most to the least frequent. Run it with make freq
// (see the Makefile); its output, app/ime/freq.txt, is committed.
//
// Usage: freqgen DICT > app/ime/freq.txt
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// keep is how many characters the ranking lists: more than GB2312's
// 6,763, so every character a citizen is likely to type is ranked.
const keep = 8000

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: freqgen DICT > app/ime/freq.txt")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "freqgen:", err)
		os.Exit(1)
	}
	defer f.Close()
	counts := map[rune]int64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text()) // word frequency tag
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			continue
		}
		for _, r := range fields[0] {
			if unicode.Is(unicode.Han, r) {
				counts[r] += n
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "freqgen:", err)
		os.Exit(1)
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
	chars = chars[:min(keep, len(chars))]
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# Hanzi from the most to the least frequent, made by build/freqgen from the")
	fmt.Fprintln(w, "# word frequencies of cppjieba's dict/jieba.dict.utf8 (The MIT License (MIT),")
	fmt.Fprintln(w, "# Copyright (c) 2013; see app/ime/freq-LICENSE). Fifty characters a line.")
	for i := 0; i < len(chars); i += 50 {
		fmt.Fprintln(w, string(chars[i:min(i+50, len(chars))]))
	}
	w.Flush()
}
