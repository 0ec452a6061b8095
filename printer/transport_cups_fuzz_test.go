package printer

import (
	"slices"
	"strings"
	"testing"
)

// FuzzQueueState reads whatever lpstat -p might print: nothing panics, a
// stopped queue always has a reason, and a queue is found only on a line
// that names it.
func FuzzQueueState(f *testing.F) {
	f.Add("printer Q is idle.  enabled since Mon 01 Jun 2026 09:00:00 AM CST\n", "Q")
	f.Add("printer Q disabled since Mon 01 Jun 2026 09:00:00 AM CST -\n\tPaused\n", "Q")
	f.Add("printer Q disabled since x -\n", "q")
	f.Add("lpstat: Invalid destination name in list \"Q\".\n", "Q")
	f.Fuzz(func(t *testing.T, said, queue string) {
		found, disabled, reason := queueState(said, queue)
		if disabled && (!found || reason == "") {
			t.Errorf("queueState(%q, %q) = %v, %v, %q", said, queue, found, disabled, reason)
		}
		if found && !slices.ContainsFunc(strings.Fields(said), func(w string) bool { return strings.EqualFold(w, queue) }) {
			t.Errorf("queueState(%q, %q) found a queue lpstat did not name", said, queue)
		}
	})
}
