package main

import (
	"slices"
	"testing"
)

func TestWordLines(t *testing.T) {
	entries := []entry{
		{word: "女士", freq: 900},
		{word: "女尸", freq: 800},           // unwelcome: never offered
		{word: "社保卡", freq: 3},            // too rare, but a lobby word
		{word: "新华区", freq: 2, tag: "ns"}, // rare, but an address part
		{word: "罕见词", freq: 2},            // rare: left out
		{word: "单", freq: 9000},           // one hanzi: characters are ranked apart
		{word: "营业执照", freq: 5000},
	}
	entries = append(entries, entry{word: "营业执照", freq: lobbyFreq}, entry{word: "社保卡", freq: lobbyFreq})
	got := wordLines(entries)
	got = slices.DeleteFunc(got, func(l string) bool { return l[0] == '#' })
	want := []string{"营业执照", "女士", "社保卡", "新华区"}
	if !slices.Equal(got, want) {
		t.Errorf("wordLines = %q; want %q", got, want)
	}
}

func TestLobbyWordsFit(t *testing.T) {
	for _, e := range lobbyEntries() {
		if n := len([]rune(e.word)); n < 2 || n > 4 || !allHan(e.word) {
			t.Errorf("lobby.txt: %q is not a word of two to four hanzi", e.word)
		}
	}
}
