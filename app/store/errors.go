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
	// ErrDuplicateNumber guards the uniqueness of case numbers: Submit
	// skips the numbers that are taken, so it is only returned when every
	// number of the day is.
	ErrDuplicateNumber = errors.New("本机今天的案件编号已全部占用（到 999999 号），无法再编号，请联系技术支持。 " +
		"Every case number of this device for today is taken (up to 999999); contact support")
	// ErrEventMismatch is returned when an event arrives with a known ID but other content.
	ErrEventMismatch = errors.New("已存有同一编号但内容不同的事件。 " +
		"An event with this ID but different content is already stored")
	// ErrStoreItself is returned for a backup written over the store in
	// use, or a restore from the very store it would replace.
	ErrStoreItself = errors.New("这个文件就是数据目录正在使用的数据文件，不能当作备份，请另选一个数据目录以外的文件。 " +
		"This file is the store the data folder uses and cannot be a backup; choose a file outside the data folder")
	// ErrBackupInData is returned for a backup inside the data folder,
	// which would be lost with the folder it is meant to restore.
	ErrBackupInData = errors.New("备份不能放在数据目录里：数据目录损坏或丢失时，备份会一起丢失；请另选一个数据目录以外的文件。 " +
		"A backup inside the data folder is lost with it; choose a file outside the data folder")
	// ErrBackupIsFolder is returned when the backup's name is a folder.
	ErrBackupIsFolder = errors.New("这是一个文件夹，不是文件，请给出文件夹里的一个文件名。 " +
		"This is a folder, not a file; give the name of a file inside it")
	// ErrBackupNotFile is returned when the backup's name is a device, a
	// pipe or a socket (or a symlink to one), which the backup's rename
	// would replace with a regular file.
	ErrBackupNotFile = errors.New("这不是普通文件（而是设备、管道或套接字），备份不能写在这里，请给出一个普通文件的名字。 " +
		"This is not a regular file (it is a device, a pipe or a socket), so no backup can be written there; give the name of a regular file")
	// ErrBackupOverStore is returned when the backup's name is a store's
	// (tongban.db): another data folder's, maybe with a window running on
	// it, whose cases the backup would replace.
	ErrBackupOverStore = errors.New("tongban.db 是设备的数据文件名，备份会替换掉那个数据目录里的数据，请给备份另起一个名字，例如 tongban-日期.db。 " +
		"tongban.db is the name of a device's data file, whose cases a backup there would replace; give the backup another name, e.g. tongban-DATE.db")
	// ErrBackupInUse is returned when the backup's name is a store a
	// running program holds (a window's, under another name).
	ErrBackupInUse = errors.New("这个文件是正在运行的程序使用中的数据文件，备份会替换掉它，请另起一个名字。 " +
		"This file is a data file a running program is using, which a backup would replace; give another name")
	// ErrBackupOverOther is returned when the backup's name is a file
	// that is not a tongban backup: a backup replaces only an older one.
	ErrBackupOverOther = errors.New("这个文件已经存在，而且不是 tongban 备份，备份不会覆盖它，请另起一个名字，或先把它移走。 " +
		"This file exists and is not a tongban backup, which a backup never replaces; give another name, or move the file away first")
	// ErrDamaged is returned (as a *DamagedError) for a store file that
	// fails bbolt's consistency check.
	ErrDamaged = errors.New("数据文件已损坏。 The data file is damaged")
	// ErrOtherDevice is returned (as an *OtherDeviceError) for a backup of
	// another device restored onto a folder holding this device's store.
	ErrOtherDevice = errors.New("这个备份属于另一台设备。 This backup belongs to another device")
)
