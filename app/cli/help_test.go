package cli

import (
	"strings"
	"testing"
)

// TestHelpShowsWhatWasAskedFor: help for the program lists the commands,
// help for a group lists its subcommands, help for a command its own
// flags; each exits 0 and writes nothing on standard error.
func TestHelpShowsWhatWasAskedFor(t *testing.T) {
	tests := []struct {
		args      []string
		want      []string // lines of output that must be there
		wantNot   []string
		flagsOnly bool
	}{
		{args: []string{"--help"}, want: []string{"Commands:", "  cases ", "  platform "}},
		{args: []string{"-h"}, want: []string{"Commands:"}},
		{args: []string{"help"}, want: []string{"Commands:"}},
		{args: []string{"cases", "--help"}, want: []string{"Subcommands:", "  supplement ", "  rate "}, wantNot: []string{"Commands:"}},
		{args: []string{"cases", "-h"}, want: []string{"  accept "}},
		{args: []string{"help", "cases"}, want: []string{"  accept ", "  resolve "}, wantNot: []string{"Commands:"}},
		{args: []string{"platform", "--help"}, want: []string{"  serve ", "  catalog import ", "  staff add "}},
		{args: []string{"platform", "staff", "--help"}, want: []string{"  staff disable "}},
		{args: []string{"staff", "--help"}, want: []string{"  add ID ", "  disable ID "}},
		{args: []string{"catalog", "--help"}, want: []string{"  search WORDS "}},
		{args: []string{"keys", "--help"}, want: []string{"  export FILE "}},
		{args: []string{"help", "sync"}, want: []string{"Usage: tongban sync", "  --once"}},
		{args: []string{"cases", "complete", "--help"}, want: []string{"Usage: tongban cases complete NUMBER", "  --approved", "  --denied", "  --note string", "  --staff string"},
			wantNot: []string{"--missing", "--level", "--keep", "--received", "--tolerate", "--print"}},
		{args: []string{"cases", "accept", "--help"}, want: []string{"  --received string", "  --tolerate", "  --print"},
			wantNot: []string{"--approved", "--level", "--keep", "--missing"}},
		{args: []string{"cases", "list", "--help"}, want: []string{"  --limit int", "(default 50)"}},
	}
	for _, tt := range tests {
		out, errOut, exit := run(t, t.TempDir(), tt.args...)
		name := "tongban " + strings.Join(tt.args, " ")
		if exit != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q; want 0 and nothing", name, exit, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, out)
			}
		}
		for _, w := range tt.wantNot {
			if strings.Contains(out, w) {
				t.Errorf("%s shows %q, which is not its own:\n%s", name, w, out)
			}
		}
	}
}

// TestActionsTakeOnlyTheirOwnFlags: a flag that means nothing to an action
// is refused with the usual sentence, and nothing is stored.
func TestActionsTakeOnlyTheirOwnFlags(t *testing.T) {
	data := t.TempDir()
	if _, errOut, exit := run(t, data, "staff", "add", "S001", "--name", "王芳", "--pin", "2468"); exit != 0 {
		t.Fatalf("staff add: %s", errOut)
	}
	n := addLicenceCase(t, data)
	before, _ := eventCount(t, data, n)
	for _, tt := range []struct{ verb, flag, value string }{
		{"accept", "--approved", ""},
		{"accept", "--level", "3"},
		{"accept", "--missing", "1"},
		{"complete", "--missing", "1"},
		{"complete", "--print", ""},
		{"supplement", "--keep", "x"},
		{"supplied", "--note", "x"},
		{"refuse", "--tolerate", ""},
		{"rate", "--received", "0"},
		{"withdraw", "--approved", ""},
	} {
		args := []string{"cases", tt.verb, n, "--staff", "S001", tt.flag}
		if tt.value != "" {
			args = append(args, tt.value)
		}
		_, errOut, exit := run(t, data, args...)
		if exit != 2 || !strings.Contains(errOut, "tongban cases "+tt.verb+" has no flag "+tt.flag) {
			t.Errorf("tongban %s: exit %d, %q; want exit 2 and no flag %s", strings.Join(args, " "), exit, errOut, tt.flag)
		}
	}
	if after, _ := eventCount(t, data, n); after != before {
		t.Errorf("refused flags changed the case: %d events → %d", before, after)
	}
}

// A group's subcommand says what it itself does, not what its group does.
func TestSubcommandHelpSaysWhatItDoes(t *testing.T) {
	for _, tt := range []struct {
		args []string
		subs []subcommand
	}{
		{[]string{"staff", "list"}, staffVerbs},
		{[]string{"keys", "import"}, keysVerbs},
		{[]string{"catalog", "show"}, catalogVerbs},
	} {
		out, _, _ := run(t, t.TempDir(), append(tt.args, "--help")...)
		if want := summaryOf(tt.subs, tt.args[1]); want == "" || !strings.Contains(out, want) {
			t.Errorf("tongban %s --help:\n%s\nlacks %q", strings.Join(tt.args, " "), out, want)
		}
	}
}
