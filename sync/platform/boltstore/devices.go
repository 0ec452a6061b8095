package boltstore

import (
	"cmp"
	"context"
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"tongban/sync/platform"
	"tongban/sync/protocol"
)

// device is a device as stored: what the admin sees and its token hash.
type device struct {
	protocol.Device
	TokenHash string `json:"token_hash"`
}

// AddCode saves a new enrollment code.
func (s *Store) AddCode(ctx context.Context, c platform.Code) error {
	return s.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketCodes), []byte(c.Hash), c)
	})
}

// Enroll uses up a code and creates or renews the device in one
// transaction; bbolt has one writer at a time, so no two enrollments can
// take the same code or short code.
func (s *Store) Enroll(ctx context.Context, e platform.Enrollment) (out platform.Enrolled, err error) {
	err = s.update(ctx, func(tx *bolt.Tx) error {
		codes := tx.Bucket(bucketCodes)
		var code platform.Code
		found, err := getJSON(codes, "enrollment code", []byte(e.CodeHash), &code)
		if err != nil {
			return err
		}
		if !found {
			return platform.ErrCodeUnknown
		}
		if err := code.Check(e.At, e.DeviceID, e.ProofHash); err != nil {
			return err
		}
		devices := tx.Bucket(bucketDevices)
		var old device
		known, err := getJSON(devices, "device", []byte(e.DeviceID), &old)
		if err != nil {
			return err
		}
		var prev *protocol.Device
		if known {
			prev = &old.Device
		}
		dev, err := platform.Renew(e, code, prev, func(center, role string) (string, error) {
			return nextShortCode(tx, center, role)
		})
		if err != nil {
			return err
		}
		tokens := tx.Bucket(bucketTokens)
		if known {
			if err := tokens.Delete([]byte(old.TokenHash)); err != nil {
				return err
			}
		}
		if err := tokens.Put([]byte(e.TokenHash), []byte(dev.ID)); err != nil {
			return err
		}
		if err := putJSON(devices, []byte(dev.ID), device{Device: dev, TokenHash: e.TokenHash}); err != nil {
			return err
		}
		code.Used, code.UsedBy, code.UsedProof = e.At, dev.ID, e.ProofHash
		if err := putJSON(codes, []byte(code.Hash), code); err != nil {
			return err
		}
		keys, err := centerKeys(tx, dev.Center, e.Key)
		if err != nil {
			return err
		}
		out = platform.Enrolled{Device: dev, Keys: keys}
		return nil
	})
	return out, err
}

func nextShortCode(tx *bolt.Tx, center, role string) (string, error) {
	b := tx.Bucket(bucketShort)
	key := []byte(platform.ShortCodeKey(center, role))
	var n uint64
	if v := b.Get(key); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n++
	code, err := platform.NextShortCode(role, int(min(n, platform.MaxShortCodes+1)))
	if err != nil {
		return "", err
	}
	return code, b.Put(key, u64(n))
}

// centerKeys returns a center's receipt keys, saving first as its first
// key when it has none.
func centerKeys(tx *bolt.Tx, center string, first protocol.ReceiptKey) ([]protocol.ReceiptKey, error) {
	b := tx.Bucket(bucketKeys)
	var keys []protocol.ReceiptKey
	found, err := getJSON(b, "receipt keys", []byte(center), &keys)
	if err != nil || found {
		return keys, err
	}
	keys = []protocol.ReceiptKey{first}
	return keys, putJSON(b, []byte(center), keys)
}

// DeviceByToken returns the device holding a token hash.
func (s *Store) DeviceByToken(ctx context.Context, tokenHash string) (dev protocol.Device, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketTokens).Get([]byte(tokenHash))
		if id == nil {
			return platform.ErrNotFound
		}
		var d device
		found, err := getJSON(tx.Bucket(bucketDevices), "device", id, &d)
		if err == nil && !found {
			return platform.ErrNotFound
		}
		dev = d.Device
		return err
	})
	return dev, err
}

// Devices lists the devices of a center, or of all for "".
func (s *Store) Devices(ctx context.Context, center string) (list []protocol.Device, err error) {
	err = s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDevices)
		return b.ForEach(func(k, _ []byte) error {
			var d device
			if _, err := getJSON(b, "device", k, &d); err != nil {
				return err
			}
			if center == "" || d.Center == center {
				list = append(list, d.Device)
			}
			return nil
		})
	})
	slices.SortFunc(list, func(a, b protocol.Device) int {
		return cmp.Or(cmp.Compare(a.Center, b.Center), cmp.Compare(a.ShortCode, b.ShortCode), cmp.Compare(a.ID, b.ID))
	})
	return list, err
}

// Revoke marks a device revoked.
func (s *Store) Revoke(ctx context.Context, id string) (dev protocol.Device, err error) {
	err = s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDevices)
		var d device
		found, err := getJSON(b, "device", []byte(id), &d)
		if err != nil {
			return err
		}
		if !found {
			return platform.ErrNotFound
		}
		d.Revoked = true
		dev = d.Device
		return putJSON(b, []byte(id), d)
	})
	return dev, err
}

// Touch records a sighting of a device.
func (s *Store) Touch(ctx context.Context, id string, at time.Time) error {
	return s.update(ctx, func(tx *bolt.Tx) error { return touch(tx, id, at) })
}

func touch(tx *bolt.Tx, id string, at time.Time) error {
	b := tx.Bucket(bucketDevices)
	var d device
	found, err := getJSON(b, "device", []byte(id), &d)
	if err != nil || !found || !at.After(d.LastSeen) {
		return err
	}
	d.LastSeen = at
	return putJSON(b, []byte(id), d)
}
