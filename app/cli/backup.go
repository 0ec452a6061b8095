package cli

import (
	"fmt"

	"tongban/app/store"
)

func backupCommand(c *call) error {
	fs := c.flags("backup")
	c.synopsis = "FILE"
	pos, err := c.parse(fs, c.args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badf(tGiveBackupFile)
	}
	d, err := c.open()
	if err != nil {
		return err
	}
	defer d.close()
	n, err := d.store.BackupFile(pos[0])
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": pos[0], "bytes": n})
	}
	fmt.Fprintf(c.env.Stdout, "已备份 Backed up %d bytes to %s\n", n, pos[0])
	return nil
}

func restoreCommand(c *call) error {
	fs := c.flags("restore")
	c.synopsis = "FILE"
	pos, err := c.parse(fs, c.args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badf(tGiveRestoreFile)
	}
	dir, err := c.dataDir()
	if err != nil {
		return err
	}
	if err := store.Restore(dir, pos[0]); err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.env.Stdout, map[string]any{"file": pos[0], "data": dir})
	}
	fmt.Fprintf(c.env.Stdout, "已恢复 Restored %s into %s (the previous store is kept beside it)\n", pos[0], dir)
	return nil
}
