package cli

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"slices"
	"time"

	"tongban/app/receipt"
	"tongban/app/scan"
)

// keysVerbs are the subcommands of tongban keys.
var keysVerbs = []subcommand{
	{"export FILE", "write the center's receipt keys to a file (keep it secret)"},
	{"import FILE", "add the receipt keys in FILE to this device (devices not enrolled with a platform)"},
}

// keysCommand: tongban keys export FILE | import FILE — carry a center's
// receipt keys between devices that are not enrolled with a platform.
func keysCommand(c *call) error {
	if len(c.args) == 0 || (c.args[0] != "export" && c.args[0] != "import") {
		if len(c.args) > 0 && isHelp(c.args[0]) {
			groupHelp(c.env.Stdout, "keys", keysVerbs)
			return nil
		}
		return badf(tKeysWhat)
	}
	verb := c.args[0]
	c.name, c.synopsis, c.summary = "keys "+verb, "FILE", summaryOf(keysVerbs, verb)
	fs := c.flags(c.name)
	pos, err := c.parse(fs, c.args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badf(tGiveKeyFile, verb)
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	if verb == "export" {
		ring, err := d.keyring()
		if err != nil {
			return err
		}
		data, err := receipt.MarshalKeyring(ring)
		if err != nil {
			return err
		}
		// The file holds secret keys: readable by its owner only, and never
		// written over, as it may hold another center's keys.
		f, err := os.OpenFile(pos[0], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, iofs.ErrExist) {
			return badf(tKeysFileExists, pos[0])
		}
		if err == nil {
			_, err = f.Write(data)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return failf(tCannotWrite, pos[0], err)
		}
		if c.json {
			return writeJSON(c.env.Stdout, map[string]any{"file": pos[0], "keys": len(ring)})
		}
		fmt.Fprintln(c.env.Stdout, bothf(tKeysExported, len(ring), pos[0]))
		return nil
	}
	// An enrolled device seals with the key the platform gave it; an
	// imported key created later would become the sealing key, and other
	// devices of the center could not open its receipts.
	if id, err := d.store.Identity(); err != nil {
		return err
	} else if id.Enrolled() {
		return badf(tKeysEnrolled)
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return badf(tCannotRead, pos[0], err)
	}
	other, err := receipt.ParseKeyring(data)
	if err == nil && len(other) == 0 {
		err = receipt.ErrNotKeyFile // an empty list gives this device nothing to seal with
	}
	if err != nil {
		return &badInput{err}
	}
	ring, err := d.storedKeys()
	if err != nil {
		return err
	}
	merged, added, err := ring.Merge(other)
	if err != nil {
		return &badInput{err}
	}
	// This device joins the center whose keys came: it seals as the
	// exporting device does, or its receipts would not open there.
	was, _ := ring.Newest()
	seal, _ := other.Newest()
	merged = merged.SealWith(seal.ID, time.Now())
	out, err := receipt.MarshalKeyring(merged)
	if err != nil {
		return err
	}
	if err := d.store.Put(scan.KeysSetting, out); err != nil {
		return err
	}
	// Receipts this device sealed with a key of its own that the file
	// lacks open only where that key is: it has to go the other way too.
	own := was.ID != "" && was.ID != seal.ID && !slices.ContainsFunc(other, func(k receipt.Key) bool { return k.ID == was.ID })
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"added": added, "keys": len(merged), "sealing_key": seal.ID, "own_key": ownKey(own, was)})
	}
	fmt.Fprintln(c.env.Stdout, bothf(tKeysImported, added, len(merged), seal.ID))
	if own {
		fmt.Fprintln(c.env.Stdout, bothf(tKeysOwnStill, was.ID))
	}
	return nil
}

// ownKey is the ID of the key this device sealed with before an import,
// when the other devices lack it, for keys import --json; else "".
func ownKey(own bool, was receipt.Key) string {
	if !own {
		return ""
	}
	return was.ID
}
