package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tongban/sync/protocol"
)

// Sentinel errors of the sync client, each one sentence saying what to do,
// Simplified Chinese first, then English ("中文。 English"). The English has
// no final full stop: some are wrapped with detail, which goes inside it
// ("… version (GET /v1/events answered 500)").
var (
	// ErrUnreachable is returned (wrapped) when no answer came from the
	// platform: a refused or dropped connection, a timeout, a broken reply.
	ErrUnreachable = errors.New("连接不上平台；数据不会丢失，案件在本机排队，网络恢复后自动发送。 " +
		"The platform cannot be reached; nothing is lost, the cases stay queued on this device and are sent when the network is back")
	// ErrNeedsEnrollment is returned when the platform no longer accepts
	// this device's token.
	ErrNeedsEnrollment = errors.New("平台不再接受本设备，请用新的注册码重新注册（tongban enroll），本机数据会保留。 " +
		"The platform no longer accepts this device; enroll it again with a new code (tongban enroll), its data is kept")
	// ErrNotEnrolled is returned by a sync on a device that never enrolled.
	ErrNotEnrolled = errors.New("本设备尚未在平台注册，请先运行 tongban enroll --platform 地址 --code 注册码。 " +
		"This device is not enrolled with a platform; run tongban enroll --platform URL --code CODE first")
	// ErrProtocol is returned (wrapped) when the platform's answer does not
	// follow the sync protocol.
	ErrProtocol = errors.New("平台的应答不符合同步协议，请确认平台运行的 tongban 版本与本机相符。 " +
		"The platform's answer does not follow the sync protocol; check that the platform runs a matching tongban version")
	// ErrBadCatalog is returned (wrapped) when the platform's catalog
	// fails catalog.Parse; the device keeps the catalog it has.
	ErrBadCatalog = errors.New("平台的事项目录无法使用，本机继续使用现有目录，请告知平台管理员。 " +
		"The platform's catalog cannot be used; this device keeps the catalog it has, tell the platform's administrator")
	// ErrBadPlatformURL is returned for a platform address that is not an
	// http:// or https:// URL.
	ErrBadPlatformURL = errors.New("平台地址须是以 http:// 或 https:// 开头的网址，例如 https://platform.example.gov.cn。 " +
		"The platform address must be an http:// or https:// URL, for example https://platform.example.gov.cn")
	// ErrUntrusted is returned (wrapped) when the platform's TLS
	// certificate does not verify.
	ErrUntrusted = errors.New("平台的证书不受信任；如平台使用自建的证书机构，请用 --ca 指定该机构的证书文件重新注册。 " +
		"The platform's certificate is not trusted; if it uses a private CA, enroll again with --ca FILE naming that CA's certificate")
	// ErrBadCA is returned for a --ca file that holds no PEM certificate.
	ErrBadCA = errors.New("CA 文件中没有 PEM 证书，请提供平台的 CA 证书（-----BEGIN CERTIFICATE-----）。 " +
		"The CA file holds no PEM certificate; give the platform's CA certificate (-----BEGIN CERTIFICATE-----)")
	// errCAWithHTTP is returned for a --ca file with an http:// platform.
	errCAWithHTTP = errors.New("CA 文件只用于 https:// 的平台地址，请去掉 --ca 或改用 https。 " +
		"A CA file is only used with an https:// platform address; drop --ca or use https")
	// errNoCode is returned for an enrollment without a code.
	errNoCode = errors.New("请给出平台管理员生成的注册码（tongban platform code）。 " +
		"Give the enrollment code the platform's administrator made (tongban platform code)")
)

// enrollUnreachable is ErrUnreachable's sentence while enrolling: no case
// waits for the platform yet, the address or the network is what to check.
const enrollUnreachable = "连接不上平台 %s，请检查平台地址和本机网络后再注册。 " +
	"The platform at %s cannot be reached; check the platform URL and this device's network, then enroll again"

// unreachable wraps the network error behind ErrUnreachable: its message is
// the plain sentence, the cause stays reachable with errors.As for logs.
// While enrolling, at is the platform's address and the sentence is
// enrollUnreachable.
type unreachable struct {
	cause error
	at    string
}

func (e *unreachable) Error() string {
	if e.at != "" {
		return fmt.Sprintf(enrollUnreachable, e.at, e.at)
	}
	return ErrUnreachable.Error()
}
func (e *unreachable) Is(target error) bool { return target == ErrUnreachable }
func (e *unreachable) Unwrap() error        { return e.cause }

// untrusted wraps a certificate error behind ErrUntrusted.
type untrusted struct{ cause error }

func (e *untrusted) Error() string        { return ErrUntrusted.Error() }
func (e *untrusted) Is(target error) bool { return target == ErrUntrusted }
func (e *untrusted) Unwrap() error        { return e.cause }

// transportError classifies an error of the HTTP transport: a certificate
// that does not verify, or else no answer at all.
func transportError(err error) error {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	if errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &host) || errors.As(err, &invalid) {
		return &untrusted{cause: err}
	}
	return &unreachable{cause: err}
}

// PlatformError is an HTTP error answer of the platform. Its message is the
// platform's own sentence (protocol.Error), or a plain one when the body
// was not the platform's (a proxy's page, say).
type PlatformError struct {
	Status  int
	Code    string
	Message string
	// RetryAfter is the wait the platform asked for with Retry-After on a
	// 429 or 503; HasRetryAfter tells a zero wait from none.
	RetryAfter    time.Duration
	HasRetryAfter bool
}

func (e *PlatformError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("平台返回 %d %s，本机稍后再试。 The platform answered %d %s; the device will try again",
			e.Status, http.StatusText(e.Status), e.Status, http.StatusText(e.Status))
	}
	if hasHan(e.Message) { // the platform said it in both languages
		return e.Message
	}
	lead, ok := codeLeads[e.Code]
	if !ok {
		lead = "平台拒绝了这个请求。"
	}
	return lead + " " + capitalized(e.Message)
}

// codeLeads say in Chinese what each error code of the protocol means,
// before the platform's own English sentence, which tells the detail.
var codeLeads = map[string]string{
	protocol.CodeBadRequest:       "平台认为这个请求有误。",
	protocol.CodeUnauthorized:     "平台不接受这个请求的凭据。",
	protocol.CodeRevoked:          "本设备已被平台管理员吊销，请用新的注册码重新注册。",
	protocol.CodeTooLarge:         "发送的数据太大，平台不接受。",
	protocol.CodeTooMany:          "一次发送的事件太多，平台不接受。",
	protocol.CodeBadCode:          "注册码不能用：可能输错、已用过或已过期，请向平台管理员要一个新的。",
	protocol.CodeNotFound:         "平台上没有这项记录。",
	protocol.CodeRateLimited:      "平台正忙，请稍后再试。",
	protocol.CodeInternal:         "平台内部出错，请稍后再试。",
	protocol.CodeMethodNotAllowed: "平台不支持这种请求，请确认平台版本与本机相符。",
	protocol.CodeStaleCatalog:     "事项目录的版本号不比平台上的新，请提高版本号后再导入。",
}

// hasHan reports whether s has a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// capitalized starts an English sentence with a capital letter.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Is makes a 401 match ErrNeedsEnrollment.
func (e *PlatformError) Is(target error) bool {
	return target == ErrNeedsEnrollment && e.Status == http.StatusUnauthorized
}

// protocolErrorf wraps ErrProtocol with what exactly was wrong.
func protocolErrorf(format string, args ...any) error {
	return &detailed{sentinel: ErrProtocol, detail: fmt.Sprintf(format, args...)}
}

// detailed is a sentinel with the detail of one occurrence, which goes in
// brackets at the end of its English sentence: "中文。 English (detail)".
type detailed struct {
	sentinel error
	detail   string
	cause    error // may be nil
}

func (e *detailed) Error() string { return e.sentinel.Error() + " (" + e.detail + ")" }

func (e *detailed) Unwrap() []error {
	if e.cause == nil {
		return []error{e.sentinel}
	}
	return []error{e.sentinel, e.cause}
}
