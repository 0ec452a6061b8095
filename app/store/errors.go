package store

import "errors"

// Sentinel errors of the store, each one sentence saying what to do,
// Simplified Chinese first, then English ("中文。 English"; the English has
// no final full stop, as callers may wrap them with detail).
var (
	// ErrLocked is returned when another process holds the store open.
	ErrLocked = errors.New("数据目录正被另一个 tongban 程序使用，请先关闭它，或用 --data 换一个目录。 " +
		"The data folder is in use by another tongban process; close it first or use another --data folder")
	// ErrNewerSchema is returned for a store written by a newer tongban.
	ErrNewerSchema = errors.New("这些数据由更新版本的 tongban 写入，请先升级本程序再打开。 " +
		"This data was written by a newer tongban; update this program before opening it")
	// ErrNotStore is returned when a backup file is not a tongban store.
	ErrNotStore = errors.New("这个文件不是 tongban 备份，请选择 tongban backup 生成的文件。 " +
		"This file is not a tongban backup; choose a file made by tongban backup")
	// ErrDuplicateNumber guards the uniqueness of case numbers.
	ErrDuplicateNumber = errors.New("此案件编号在本机已被占用，当天的编号序列已损坏，请恢复备份或联系技术支持。 " +
		"This case number is already taken on this device; the day's sequence is damaged, restore a backup or contact support")
	// ErrEventMismatch is returned when an event arrives with a known ID but other content.
	ErrEventMismatch = errors.New("已存有同一编号但内容不同的事件。 " +
		"An event with this ID but different content is already stored")
)
