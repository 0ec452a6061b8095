package counter

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"tongban/app/cases"
	"tongban/app/receipt"
	"tongban/app/staff"
	"tongban/printer"
)

// Messages put together from several read all the Chinese, then all the
// English, each sentence closed.
func TestSentencesKeepEachLanguageTogether(t *testing.T) {
	for _, tt := range []struct {
		name  string
		parts []cases.Text
		want  string
	}{
		{"a wrong PIN and the tries left",
			[]cases.Text{split(staff.ErrWrongPIN.Error()), tTriesLeft.Format(4)},
			"工号或密码不对，请重试。再错 4 次，柜台将锁定 5 分钟。 The staff ID or PIN is wrong; try again. 4 more wrong PINs lock the counter for 5 minutes."},
		{"a printer fault and the case saved",
			[]cases.Text{split(printer.Message(printer.ErrPaperOut)), tCaseIsSaved},
			split(printer.Message(printer.ErrPaperOut)).ZH + "案件已保存。 " + split(printer.Message(printer.ErrPaperOut)).EN + " The case is saved."},
		{"not saved, and why in English only",
			[]cases.Text{tNotSaved, split("database not open")},
			"没有保存。 Not saved. database not open."},
		{"one text", []cases.Text{tSignedOut}, "已签退。 Signed out."},
		{"Chinese only", []cases.Text{{ZH: "好"}}, "好。"},
		{"nothing", nil, ""},
	} {
		if got := sentences(tt.parts...); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// split finds where the Chinese of a "中文。 English" message ends, also
// when the Chinese has several sentences or the English none.
func TestSplitBilingualMessages(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want cases.Text
	}{
		{receipt.ErrAltered.Error(), cases.Text{ZH: "此回执不是本中心开具或已被改动。", EN: "This receipt was not issued by this center or was altered."}},
		{"一。二。 One. Two.", cases.Text{ZH: "一。二。", EN: "One. Two."}},
		{"甲。 乙。 English", cases.Text{ZH: "甲。 乙。", EN: "English"}},
		{"只有中文。", cases.Text{ZH: "只有中文。"}},
		{"English only.", cases.Text{EN: "English only."}},
		{"", cases.Text{}},
	} {
		if got := split(tt.in); got != tt.want {
			t.Errorf("split(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// A full disk is told as one, in both languages, not as the system's
// English.
func TestDiskFullSentence(t *testing.T) {
	err := fmt.Errorf("saving the acceptance: %w", &fs.PathError{Op: "write", Path: "/data/tongban.db", Err: syscall.ENOSPC})
	if got := sentence(err, nil); !strings.Contains(got, "磁盘已满") || !strings.Contains(got, "disk is full") || strings.Contains(got, "no space left") {
		t.Errorf("the sentence for a full disk is %q", got)
	}
}
