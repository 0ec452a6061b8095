package store

import "errors"

// Sentinel errors of the store, each one sentence saying what to do.
var (
	// ErrLocked is returned when another process holds the store open.
	ErrLocked = errors.New("the data folder is in use by another tongban process; close it first or use another --data folder")
	// ErrNewerSchema is returned for a store written by a newer tongban.
	ErrNewerSchema = errors.New("this data was written by a newer tongban; update this program before opening it")
	// ErrNotStore is returned when a backup file is not a tongban store.
	ErrNotStore = errors.New("this file is not a tongban backup; choose a file made by tongban backup")
	// ErrDuplicateNumber guards the uniqueness of case numbers.
	ErrDuplicateNumber = errors.New("this case number is already taken on this device; the day's sequence is damaged, restore a backup or contact support")
	// ErrEventMismatch is returned when an event arrives with a known ID but other content.
	ErrEventMismatch = errors.New("an event with this ID but different content is already stored")
)
