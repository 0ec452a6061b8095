package receipt

import "errors"

// Errors of opening a receipt. A counter clerk reads them on screen, so each
// is one sentence in Chinese, then English, saying what to do.
var (
	// ErrNotReceipt is returned for a scan that does not start with TB1:.
	ErrNotReceipt = errors.New("这不是通办回执二维码。 This is not a Tongban receipt code.")
	// ErrBadBase45 is returned when the characters after TB1: are not
	// Base45 or too few: the scan was cut short or misread, or the printed
	// string was changed.
	ErrBadBase45 = errors.New("回执二维码读取有误，请重新扫描；如仍失败，此回执已损坏或被改动。 " +
		"The receipt code was misread; scan it again, and if it fails again the receipt is damaged or altered.")
	// ErrUnknownKey is returned when no key of the keyring has the
	// receipt's key ID.
	ErrUnknownKey = errors.New("此回执由其他中心开具，或所用密钥本设备没有；请同步或导入本中心的密钥。 " +
		"This receipt was issued by another center or with a key this device does not have; sync or import the center's keys.")
	// ErrAltered is returned when authentication fails: a changed
	// character, or a receipt sealed under another key with the same ID.
	ErrAltered = errors.New("此回执不是本中心开具或已被改动。 This receipt was not issued by this center or was altered.")
	// ErrNewerVersion is returned for a TBn: prefix or payload version this
	// build does not know.
	ErrNewerVersion = errors.New("此回执由较新版本的通办开具，请更新本设备。 This receipt was made by a newer version of Tongban; update this device.")
	// ErrBadPayload is returned when authenticated bytes do not decode as a
	// case; only a faulty or foreign encoder produces that.
	ErrBadPayload = errors.New("回执内容无法解读，请联系信息技术人员。 The receipt's content cannot be read; tell the IT staff.")
)

// Errors of sealing and of keys; IT staff and developers read these.
var (
	// ErrNotSubmitted is returned for an event other than a submission.
	ErrNotSubmitted = errors.New("only a case's submitted event goes on a receipt")
	// ErrNotCarried is returned for a submitted event the receipt format
	// cannot rebuild byte for byte.
	ErrNotCarried = errors.New("this submitted event cannot be carried on a receipt exactly")
	// ErrNoKey is returned when the keyring is empty.
	ErrNoKey = errors.New("this device has no receipt key; enroll it, or run tongban keys import with the center's key file")
	// ErrBadKey is returned for a key that is not a 32-byte AES-256 secret
	// with a short ID.
	ErrBadKey = errors.New("回执密钥无效：编号须为 1 至 16 个字母、数字、- 或 _，密钥须为 32 字节；请重新导出密钥文件。 " +
		"A receipt key needs an ID of 1 to 16 letters, digits, - or _ and a 32-byte secret; export the key file again.")
	// ErrNotKeyFile is returned by ParseKeyring for data that is not a
	// list of receipt keys.
	ErrNotKeyFile = errors.New("这不是回执密钥文件，请用 tongban keys export 在本中心另一台设备上导出。 " +
		"This is not a receipt key file; export one with tongban keys export on another device of the center.")
	// ErrKeyClash is returned by Merge when two keys share an ID but not a
	// secret.
	ErrKeyClash = errors.New("两个不同的回执密钥编号相同，没有导入；请保留本中心的密钥文件，并请技术人员确认哪一个是现用的。 " +
		"Two different receipt keys have the same ID and nothing was imported; keep the center's key file and ask IT staff which one is current.")
)
