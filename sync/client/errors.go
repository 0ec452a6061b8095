package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors of the sync client, each one sentence saying what to do.
var (
	// ErrUnreachable is returned (wrapped) when no answer came from the
	// platform: a refused or dropped connection, a timeout, a broken reply.
	ErrUnreachable = errors.New("the platform cannot be reached; nothing is lost, the cases stay queued on this device and are sent when the network is back")
	// ErrNeedsEnrollment is returned when the platform no longer accepts
	// this device's token.
	ErrNeedsEnrollment = errors.New("the platform no longer accepts this device; enroll it again with a new code (tongban enroll), its data is kept")
	// ErrNotEnrolled is returned by a sync on a device that never enrolled.
	ErrNotEnrolled = errors.New("this device is not enrolled with a platform; run tongban enroll --platform URL --code CODE first")
	// ErrProtocol is returned (wrapped) when the platform's answer does not
	// follow the sync protocol.
	ErrProtocol = errors.New("the platform's answer does not follow the sync protocol; check that the platform runs a matching tongban version")
	// ErrBadCatalog is returned (wrapped) when the platform's catalog
	// fails catalog.Parse; the device keeps the catalog it has.
	ErrBadCatalog = errors.New("the platform's catalog cannot be used; this device keeps the catalog it has, tell the platform's administrator")
	// ErrBadPlatformURL is returned for a platform address that is not an
	// http:// or https:// URL.
	ErrBadPlatformURL = errors.New("the platform address must be an http:// or https:// URL, for example https://platform.example.gov.cn")
	// ErrUntrusted is returned (wrapped) when the platform's TLS
	// certificate does not verify.
	ErrUntrusted = errors.New("the platform's certificate is not trusted; if it uses a private CA, enroll again with --ca FILE naming that CA's certificate")
	// ErrBadCA is returned for a --ca file that holds no PEM certificate.
	ErrBadCA = errors.New("the CA file holds no PEM certificate; give the platform's CA certificate (-----BEGIN CERTIFICATE-----)")
)

// unreachable wraps the network error behind ErrUnreachable: its message is
// the plain sentence, the cause stays reachable with errors.As for logs.
type unreachable struct{ cause error }

func (e *unreachable) Error() string        { return ErrUnreachable.Error() }
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
	if e.Message != "" {
		return e.Message
	}
	return fmt.Sprintf("the platform answered %d %s; the device will try again", e.Status, http.StatusText(e.Status))
}

// Is makes a 401 match ErrNeedsEnrollment.
func (e *PlatformError) Is(target error) bool {
	return target == ErrNeedsEnrollment && e.Status == http.StatusUnauthorized
}

// protocolErrorf wraps ErrProtocol with what exactly was wrong.
func protocolErrorf(format string, args ...any) error {
	return fmt.Errorf("%w (%s)", ErrProtocol, fmt.Sprintf(format, args...))
}
