package client

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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
	// ErrStorageDown is matched (errors.Is) by the platform's answer that
	// it runs but its database does not answer (503 storage_unavailable):
	// the device backs off and tries again, as for any 5xx, and nothing
	// is lost; the platform's administrator has to see to the database.
	ErrStorageDown = errors.New("平台在运行，但它的数据库没有应答：请告知平台管理员，稍后再试（本机数据不会丢失）。 " +
		"The platform runs but its database does not answer; tell the platform's administrator and try again later (nothing on this device is lost)")
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
	// ErrNotPlatform is returned (wrapped) when an address answers, but not
	// as a Tongban platform: a web server's error page, plain HTTP on an
	// HTTPS port or the other way round, an answer that is not JSON.
	ErrNotPlatform = errors.New("平台地址没有像通办平台那样应答，请检查平台地址，以及应该用 http 还是 https。 " +
		"The address does not answer as a Tongban platform; check the URL, and whether it is http or https")
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

// IsBadInput reports whether err is about what a person typed (the
// platform's address, the CA file) rather than the platform: nothing was
// sent.
func IsBadInput(err error) bool {
	return errors.Is(err, ErrBadPlatformURL) || errors.Is(err, ErrBadCA) || errors.Is(err, errCAWithHTTP) || errors.Is(err, errNoCode)
}

// The sentences of an unreachable platform. While enrolling no case waits
// for the platform yet: the address or the network is what to check. After
// a round of sync the sentence says whether anything waits to be sent.
const (
	enrollUnreachable = "连接不上平台 %s，请检查平台地址和本机网络后再注册。 " +
		"The platform at %s cannot be reached; check the platform URL and this device's network, then enroll again"
	nothingQueued = "连接不上平台；本机没有待发送的记录，网络恢复后自动同步。 " +
		"The platform cannot be reached; nothing waits to be sent, and the device syncs again when the network is back"
	someQueued = "连接不上平台；%d 条记录在本机排队，不会丢失，网络恢复后自动发送。 " +
		"The platform cannot be reached; %d events wait on this device, nothing is lost, and they are sent when the network is back"
	oneQueued = "连接不上平台；1 条记录在本机排队，不会丢失，网络恢复后自动发送。 " +
		"The platform cannot be reached; one event waits on this device, nothing is lost, and it is sent when the network is back"
)

// unreachable wraps the network error behind ErrUnreachable: its message is
// the plain sentence, the cause stays reachable with errors.As for logs.
// While enrolling, at is the platform's address and the sentence is
// enrollUnreachable; after a round of sync (counted), pending says how
// many events wait.
type unreachable struct {
	cause   error
	at      string
	counted bool
	pending int
}

func (e *unreachable) Error() string {
	switch {
	case e.at != "":
		return fmt.Sprintf(enrollUnreachable, e.at, e.at)
	case e.counted && e.pending == 0:
		return nothingQueued
	case e.counted && e.pending == 1:
		return oneQueued
	case e.counted:
		return fmt.Sprintf(someQueued, e.pending, e.pending)
	}
	return ErrUnreachable.Error()
}
func (e *unreachable) Is(target error) bool { return target == ErrUnreachable }
func (e *unreachable) Unwrap() error        { return e.cause }

// untrusted wraps a certificate error behind ErrUntrusted. While a person
// waits on a command that names the platform (enroll, the admin commands)
// at is its address, and the sentence says to give --ca FILE.
type untrusted struct {
	cause error
	at    string
}

func (e *untrusted) Error() string {
	zh, en := "平台", "the platform"
	if e.at != "" {
		zh, en = "平台 "+e.at+" ", "the platform at "+e.at
	}
	detail := certDetail(e.cause)
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(e.cause, &host):
		return fmt.Sprintf("%s的证书不是发给这个地址的，请用证书上的名称访问平台，或请平台管理员换一张写有这个地址的证书。 "+
			"The certificate of %s is not issued for this address (%s); use the name the certificate names, or ask the administrator for one that names this address", zh, en, detail)
	case errors.As(e.cause, &invalid) && invalid.Reason == x509.Expired:
		return fmt.Sprintf("%s的证书已过期或尚未生效，请核对本机的日期和时间，或请平台管理员更换证书。 "+
			"The certificate of %s has expired or is not valid yet (%s); check this machine's date and time, or ask the administrator to renew it", zh, en, detail)
	case e.at == "":
		return ErrUntrusted.Error()
	}
	return fmt.Sprintf("%s的证书不受信任：如平台使用自建的证书机构，请用 --ca 文件 给出该机构的证书。 "+
		"The certificate of %s is not trusted (%s): if it uses a private CA, give --ca FILE naming that CA's certificate", zh, en, detail)
}
func (e *untrusted) Is(target error) bool { return target == ErrUntrusted }
func (e *untrusted) Unwrap() error        { return e.cause }

// certDetail is the certificate check's own words, without Go's prefixes.
func certDetail(err error) string {
	var verify *tls.CertificateVerificationError
	if errors.As(err, &verify) {
		err = verify.Err
	}
	return strings.TrimPrefix(err.Error(), "x509: ")
}

// notPlatform says that an address answered, but not as a Tongban platform
// does: a web server's error page, plain HTTP on an HTTPS port or the other
// way round, an answer that is not the protocol's JSON. What it did answer
// is in detail. at is the address when a person typed it (enroll, the
// admin commands).
type notPlatform struct {
	at, detail string
	cause      error // may be nil
}

func (e *notPlatform) Error() string {
	if e.at == "" {
		return fmt.Sprintf("平台地址没有像通办平台那样应答，请核对地址（包括 http 还是 https）后重新注册。 "+
			"The platform's address does not answer as a Tongban platform (%s); check the URL, and whether it is http or https, and enroll again", e.detail)
	}
	return fmt.Sprintf("地址 %s 没有像通办平台那样应答，请检查平台地址，以及应该用 http 还是 https。 "+
		"The address %s does not answer as a Tongban platform (%s); check the URL, and whether it is http or https", e.at, e.at, e.detail)
}
func (e *notPlatform) Is(target error) bool { return target == ErrNotPlatform }
func (e *notPlatform) Unwrap() error        { return e.cause }

// transportError classifies an error of the HTTP transport: a certificate
// that does not verify, an address that does not speak TLS, or else no
// answer at all.
func transportError(err error) error {
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	switch {
	case errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &host) || errors.As(err, &invalid):
		return &untrusted{cause: err}
	case errors.As(err, &record) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http says the latter with errors.New; a server that is
		// not HTTP at all gives the former.
		return &notPlatform{detail: "it does not speak HTTPS", cause: err}
	}
	return &unreachable{cause: err}
}

// ExplainFailure says in both languages why a request to the platform at
// platformURL failed, for a command a person waits on that calls the
// platform with its own HTTP client (the platform's admin commands): the
// platform's certificate is not trusted (give --ca FILE), or the address
// does not answer as a Tongban platform (wrong URL, http for https or the
// other way round, an answer that is not JSON). It returns nil for any
// other error, a plain network failure included, which the caller words.
func ExplainFailure(err error, platformURL string) error {
	var syntax *json.SyntaxError
	var urlErr *url.Error
	switch {
	case errors.As(err, &syntax):
		return &notPlatform{at: platformURL, detail: "its answer is not JSON", cause: err}
	case errors.As(err, &urlErr):
		switch t := transportError(urlErr).(type) {
		case *untrusted:
			t.at = platformURL
			return t
		case *notPlatform:
			t.at = platformURL
			return t
		}
	}
	return nil
}

// PlatformError is an HTTP error answer of the platform. Its message is the
// platform's own sentence (protocol.Error) after a Chinese one saying the
// same (refusals), or a plain one when the body was not the platform's (a
// proxy's page, say).
type PlatformError struct {
	Status  int
	Code    string
	Message string
	// RetryAfter is the wait the platform asked for with Retry-After on a
	// 429 or 503; HasRetryAfter tells a zero wait from none.
	RetryAfter    time.Duration
	HasRetryAfter bool
	// EventID is the event a refused push failed on, when the platform
	// named it (protocol.Error's EventID).
	EventID string
	// At is the platform's address when a person waits on the answer
	// (enroll, the admin commands): an answer that is not the platform's
	// then says that the address does not answer as a Tongban platform,
	// rather than that the device will try again.
	At string
}

func (e *PlatformError) Error() string {
	if e.Message == "" && e.Code == "" {
		status := fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
		switch {
		case e.At == "":
			return fmt.Sprintf("平台返回 %s，本机稍后再试。 The platform answered %s; the device will try again", status, status)
		case gatewayStatus(e.Status): // a proxy in front of a platform that is down
			return fmt.Sprintf("平台 %s 暂时不能应答（%s），请稍后再试。 The platform at %s cannot answer now (%s); try again later",
				e.At, status, e.At, status)
		}
		return (&notPlatform{at: e.At, detail: "it answered " + status}).Error()
	}
	if hasHan(e.Message) { // the platform said it in both languages
		return e.Message
	}
	if e.Message == "" {
		return refusalText(e.Code, "") + fmt.Sprintf(" The platform answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return refusalText(e.Code, e.Message) + " " + capitalized(e.Message)
}

// gatewayStatus reports the statuses a proxy answers for a server behind
// it that does not answer.
func gatewayStatus(status int) bool {
	return status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
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

// Is makes a 401 match ErrNeedsEnrollment, storage_unavailable
// ErrStorageDown, and an answer that is not the platform's, while a person
// waits on it, ErrNotPlatform.
func (e *PlatformError) Is(target error) bool {
	switch target {
	case ErrNeedsEnrollment:
		return e.Status == http.StatusUnauthorized
	case ErrStorageDown:
		return e.Code == protocol.CodeStorageDown
	case ErrNotPlatform:
		return e.At != "" && e.Code == "" && e.Message == "" && !gatewayStatus(e.Status)
	}
	return false
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
