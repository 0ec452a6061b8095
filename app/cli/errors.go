package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"tongban/app/cases"
)

// Every error the command line prints is one sentence in Simplified
// Chinese, then the same in English: "tongban: 中文句子。 English sentence."
// The command line's own sentences are cases.Texts in text.go, made into
// errors by failf and badf; the sentinels of the domain, store, sync client,
// printer, scanner and receipt packages are already written that way. An
// error from elsewhere (the system, a library) that has no Chinese gets a
// Chinese sentence saying what kind of failure it is (tFailedLead).

// saying is an error told in both languages, with the error it wraps, if
// any, for errors.Is and errors.As.
type saying struct {
	text  cases.Text
	cause error
}

func (e *saying) Error() string { return e.text.Both() }
func (e *saying) Unwrap() error { return e.cause }

// Text is the sentence in each language, for a window that shows one.
func (e *saying) Text() cases.Text { return e.text }

// failf fills a text's verbs in each language: a cases.Text argument, and
// an error whose message is "中文。 English", go in in their own language;
// other errors (a system's, in English) go in as they are, usually in the
// English sentence only (%[2]v). The first error argument is wrapped.
func failf(t cases.Text, args ...any) error {
	text, cause := fill(t, args...)
	return &saying{text: text, cause: cause}
}

// bothf fills a text's verbs as failf does, for a line of output:
// "中文 English".
func bothf(t cases.Text, args ...any) string {
	text, _ := fill(t, args...)
	return text.Both()
}

// fill fills a text's verbs in each language and returns the first error
// argument.
func fill(t cases.Text, args ...any) (cases.Text, error) {
	zh, en := make([]any, len(args)), make([]any, len(args))
	var cause error
	for i, a := range args {
		zh[i], en[i] = a, a
		switch v := a.(type) {
		case cases.Text:
			zh[i], en[i] = v.ZH, v.EN
		case error:
			if cause == nil {
				cause = v
			}
			s := split(v.Error())
			zh[i], en[i] = s.ZH, s.EN
		}
	}
	return cases.Text{ZH: cases.Sprintf(t.ZH, zh...), EN: cases.Sprintf(t.EN, en...)}, cause
}

// badf is failf for a mistake in what the user typed: exit 2, nothing
// was changed.
func badf(t cases.Text, args ...any) error { return &badInput{failf(t, args...)} }

// badInput marks an error in what the user typed: exit 2, nothing changed.
type badInput struct{ err error }

func (e *badInput) Error() string { return e.err.Error() }
func (e *badInput) Unwrap() error { return e.err }

// split parts a message "中文。 English" after its last Chinese full stop;
// a message without one is the same in both.
func split(msg string) cases.Text {
	if i := strings.LastIndex(msg, "。 "); i >= 0 && strings.IndexFunc(msg[i:], isHan) < 0 {
		return cases.Text{ZH: msg[:i+len("。")], EN: strings.TrimSpace(msg[i+len("。 "):])}
	}
	return cases.Text{ZH: msg, EN: msg}
}

// report prints an error, one sentence a line, and picks the exit code.
func report(w io.Writer, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	err = diskFull(err) // its own sentence, whatever said it
	var bad *badInput
	isBad := errors.As(err, &bad)
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(w, "tongban: %s\n", inBoth(line, isBad))
		}
	}
	if isBad {
		return exitBadArgs
	}
	return exitFailed
}

// inBoth makes a message one sentence that leads with Chinese: a message
// without Chinese (from the system or a library) gets a Chinese sentence
// saying what kind of failure it is.
func inBoth(msg string, bad bool) string {
	msg = sentence(msg)
	if strings.IndexFunc(msg, isHan) >= 0 {
		return msg
	}
	lead := tFailedLead
	if bad {
		lead = tBadLead
	}
	return lead.ZH + " " + capitalized(msg)
}

// sentence ends a message with a full stop unless it has one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") {
		return s
	}
	return s + "."
}

// capitalized starts an English sentence with a capital letter.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
