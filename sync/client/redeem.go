package client

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"slices"
	"strings"

	"tongban/app/cases"
	"tongban/app/store"
	"tongban/sync/protocol"
)

// Settings enrollment keeps in the device store.
const (
	// KeyDeviceSecret holds the device's random secret (hex), from which
	// it proves to a platform that it is the device that used an
	// enrollment code (redemptionProof). It never leaves the device.
	KeyDeviceSecret = "sync/device_secret"
	// KeyFormerCodes holds the short codes the device numbered cases with
	// before its current enrollment, as the JSON of []string, oldest
	// first: its demo identity's, earlier platforms'.
	KeyFormerCodes = "sync/former_codes"
)

// deviceSecret returns the device's secret, making and saving it first
// when it has none. Enrollment calls it before its first request, so a
// retry after the device was killed with the reply in flight proves with
// the same secret, and the platform lets it redeem the code again.
func deviceSecret(st Store) ([]byte, error) {
	raw, err := st.Get(KeyDeviceSecret)
	if err != nil {
		return nil, err
	}
	if secret, err := hex.DecodeString(string(raw)); err == nil && len(secret) == 32 {
		return secret, nil
	}
	secret := make([]byte, 32)
	rand.Read(secret)
	return secret, st.Put(KeyDeviceSecret, []byte(hex.EncodeToString(secret)))
}

// redemptionProof is protocol.EnrollRequest.RedemptionProof: hex
// HMAC-SHA256 of the code under the device's secret. The code is read
// as the platform reads it (any case, dashes and spaces ignored), so a
// retry typed another way proves the same; a proof for one code says
// nothing of another.
func redemptionProof(secret []byte, code string) string {
	code = strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(code))
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(code))
	return hex.EncodeToString(m.Sum(nil))
}

// formerCodes are the short codes the device numbered the cases it may
// send with, before the enrollment it is about to make: those saved at
// its earlier enrollments, and its identity's own when it numbered cases
// with it, an enrolled device's (the platform it leaves, or the same one
// again) or a demo's that keeps its cases (keepsDemo). A platform takes a
// case number with another device's short code only when it is one of
// these.
func formerCodes(st Store, old store.Identity, keepsDemo bool) []string {
	var codes []string
	if raw, err := st.Get(KeyFormerCodes); err == nil && raw != nil {
		json.Unmarshal(raw, &codes) // unreadable: the identity's code still goes
	}
	codes = slices.DeleteFunc(codes, func(c string) bool { return !cases.ValidShortCode(c) })
	if (old.Enrolled() || old.NeedsEnrollment || keepsDemo) && cases.ValidShortCode(old.ShortCode) && !slices.Contains(codes, old.ShortCode) {
		codes = append(codes, old.ShortCode)
	}
	if len(codes) > protocol.MaxFormerCodes {
		codes = codes[len(codes)-protocol.MaxFormerCodes:] // the newest: older cases were sent long ago
	}
	return codes
}

// savedFormerCodes is what KeyFormerCodes holds after an enrollment that
// declared codes and gave the device current: all but current, which
// numbers its cases now.
func savedFormerCodes(codes []string, current string) []byte {
	kept := slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c == current })
	if kept == nil {
		kept = []string{}
	}
	raw, _ := json.Marshal(kept)
	return raw
}

// EnrollMayHaveArrived reports whether an enrollment that failed with err
// may have reached the platform, which may then have used the code for
// this device (its reply lost after the commit): the device must keep its
// store, whose ID and secret redeem the code again, even when the failed
// command made that store. It is false only when the request surely did
// not arrive or used nothing: bad input, the platform's own refusal, a
// certificate that did not verify, a connection never made.
func EnrollMayHaveArrived(err error) bool {
	var pe *PlatformError
	var dial *net.OpError
	switch {
	case err == nil || IsBadInput(err) || errors.Is(err, ErrUntrusted):
		return false
	case errors.As(err, &pe):
		return pe.Code == "" // a proxy's answer: the platform behind it may have committed
	case errors.Is(err, ErrUnreachable) && errors.As(err, &dial) && dial.Op == "dial":
		return false
	}
	return true
}
