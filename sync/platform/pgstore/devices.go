package pgstore

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// AddCode saves a new enrollment code.
func (s *Store) AddCode(ctx context.Context, c platform.Code) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO codes (hash, center, role, created, expires) VALUES ($1, $2, $3, $4, $5)`,
		c.Hash, c.Center, c.Role, c.Created, c.Expires)
	return err
}

// Enroll uses up a code and creates or renews the device in one
// transaction. The code's row is locked first, so two devices racing with
// one code take turns and the second finds it used; short codes come from
// a counter row bumped with UPDATE … RETURNING, so they never repeat.
func (s *Store) Enroll(ctx context.Context, e platform.Enrollment) (out platform.Enrolled, err error) {
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		code := platform.Code{Hash: e.CodeHash}
		var used *time.Time
		var usedBy, usedProof *string
		err := tx.QueryRow(ctx, `SELECT center, role, created, expires, used, used_by, used_proof FROM codes WHERE hash = $1 FOR UPDATE`,
			e.CodeHash).Scan(&code.Center, &code.Role, &code.Created, &code.Expires, &used, &usedBy, &usedProof)
		if errors.Is(err, pgx.ErrNoRows) {
			return platform.ErrCodeUnknown
		}
		if err != nil {
			return err
		}
		if used != nil {
			code.Used = *used
		}
		if usedBy != nil {
			code.UsedBy = *usedBy
		}
		if usedProof != nil {
			code.UsedProof = *usedProof
		}
		if err := code.Check(e.At, e.DeviceID, e.ProofHash); err != nil {
			return err
		}
		var prev *protocol.Device
		old, err := scanDevice(tx.QueryRow(ctx, `SELECT `+deviceColumns+` FROM devices WHERE id = $1 FOR UPDATE`, e.DeviceID))
		switch {
		case err == nil:
			prev = &old
		case !errors.Is(err, platform.ErrNotFound):
			return err
		}
		dev, err := platform.Renew(e, code, prev, func(center, role string) (string, error) {
			var n int
			err := tx.QueryRow(ctx, `INSERT INTO short_codes (key, last) VALUES ($1, 1)
				ON CONFLICT (key) DO UPDATE SET last = short_codes.last + 1 RETURNING last`,
				platform.ShortCodeKey(center, role)).Scan(&n)
			if err != nil {
				return "", err
			}
			return platform.NextShortCode(role, n)
		})
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO devices (id, name, role, center, short_code, token_hash, enrolled, last_seen, revoked, former_codes)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9)
			ON CONFLICT (id) DO UPDATE SET name = $2, role = $3, center = $4, short_code = $5, token_hash = $6,
				enrolled = $7, last_seen = $8, revoked = false, former_codes = $9`,
			dev.ID, dev.Name, dev.Role, dev.Center, dev.ShortCode, e.TokenHash, dev.Enrolled, dev.LastSeen, formerCodes(dev.FormerCodes))
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE codes SET used = $2, used_by = $3, used_proof = $4 WHERE hash = $1`,
			e.CodeHash, e.At, dev.ID, nullable(e.ProofHash)); err != nil {
			return err
		}
		keys, err := centerKeys(ctx, tx, dev.Center, e.Key)
		if err != nil {
			return err
		}
		out = platform.Enrolled{Device: dev, Keys: keys}
		return nil
	})
	return out, err
}

// centerKeys returns a center's receipt keys, saving first as its first
// key when it has none. An advisory lock per center makes two first
// enrollments take turns, so a center never gets two first keys.
func centerKeys(ctx context.Context, tx pgx.Tx, center string, first protocol.ReceiptKey) ([]protocol.ReceiptKey, error) {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('tongban-keys:' || $1::text))`, center); err != nil {
		return nil, err
	}
	rows, _ := tx.Query(ctx, `SELECT id, key, created FROM receipt_keys WHERE center = $1 ORDER BY created, id`, center)
	keys, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (k protocol.ReceiptKey, err error) {
		err = r.Scan(&k.ID, &k.Key, &k.Created)
		k.Created = k.Created.UTC()
		return k, err
	})
	if err != nil || len(keys) > 0 {
		return keys, err
	}
	_, err = tx.Exec(ctx, `INSERT INTO receipt_keys (center, id, key, created) VALUES ($1, $2, $3, $4)`,
		center, first.ID, first.Key, first.Created)
	return []protocol.ReceiptKey{first}, err
}

// formerCodes is a device's former codes for the NOT NULL column.
func formerCodes(codes []string) []string {
	if codes == nil {
		return []string{}
	}
	return codes
}

// nullable is NULL for "".
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

const deviceColumns = `id, name, role, center, short_code, enrolled, last_seen, revoked, former_codes`

// scanDevice reads one row of deviceColumns; ErrNotFound for none.
func scanDevice(row pgx.Row) (protocol.Device, error) {
	var d protocol.Device
	var seen *time.Time
	err := row.Scan(&d.ID, &d.Name, &d.Role, &d.Center, &d.ShortCode, &d.Enrolled, &seen, &d.Revoked, &d.FormerCodes)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, platform.ErrNotFound
	}
	if len(d.FormerCodes) == 0 {
		d.FormerCodes = nil // as the storage was given them (MergeFormerCodes)
	}
	d.Enrolled = d.Enrolled.UTC()
	if seen != nil {
		d.LastSeen = seen.UTC()
	}
	return d, err
}

// DeviceByToken returns the device holding a token hash.
func (s *Store) DeviceByToken(ctx context.Context, tokenHash string) (protocol.Device, error) {
	return scanDevice(s.pool.QueryRow(ctx, `SELECT `+deviceColumns+` FROM devices WHERE token_hash = $1`, tokenHash))
}

// Devices lists the devices of a center, or of all for "".
func (s *Store) Devices(ctx context.Context, center string) ([]protocol.Device, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+deviceColumns+` FROM devices WHERE $1 = '' OR center = $1
		ORDER BY center, short_code, id`, center)
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (protocol.Device, error) { return scanDevice(r) })
}

// Revoke marks a device revoked.
func (s *Store) Revoke(ctx context.Context, id string) (protocol.Device, error) {
	return scanDevice(s.pool.QueryRow(ctx, `UPDATE devices SET revoked = true WHERE id = $1 RETURNING `+deviceColumns, id))
}

// Touch records a sighting of a device; GREATEST skips a NULL and never
// moves the time back.
func (s *Store) Touch(ctx context.Context, id string, at time.Time) error {
	_, err := s.pool.Exec(ctx, `UPDATE devices SET last_seen = GREATEST(last_seen, $2) WHERE id = $1`, id, at)
	return err
}
