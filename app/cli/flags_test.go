package cli

import "testing"

// tongban --data DIR parses its flags, then hands over to the role's
// command, which defines them again: DIR must survive the second set.
func TestFlagsKeepWhatAnEarlierParseGave(t *testing.T) {
	c := &call{}
	fs := c.flags("")
	if _, err := c.parse(fs, []string{"--data", "/srv/counter", "--json"}); err != nil {
		t.Fatal(err)
	}
	fs = c.flags("counter")
	if c.data != "/srv/counter" || !c.json {
		t.Fatalf("after defining the counter's flags: data %q, json %v; want /srv/counter, true", c.data, c.json)
	}
	if _, err := c.parse(fs, []string{"--data", "/srv/other"}); err != nil || c.data != "/srv/other" {
		t.Fatalf("a --data given to the second set: %q, %v; want /srv/other", c.data, err)
	}
}
