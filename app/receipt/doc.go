// Package receipt is the sealed envelope of the QR code on an acceptance
// receipt. The code carries the case's submitted event itself, so a counter
// can open a case made at a kiosk that has not synced yet:
//
//	TB1: + Base45( version ‖ key ID length ‖ key ID ‖ nonce ‖ AES-256-GCM(case) )
//
// The case is packed compactly (EncodeCase), sealed under the center's
// newest receipt key with the clear header as additional data (Seal), and
// written in Base45, which QR alphanumeric mode stores at 5.5 bits a
// character. A phone that scans it sees a key ID and ciphertext. Opening
// (Open, OpenCase) fails with one sentence for each way a scan can be
// wrong; the rebuilt event is byte for byte the kiosk's, so the platform
// takes it as a duplicate. FitsQR and CheckItem hold receipts to QR
// version 15 at level M, which prints on 58 mm paper.
//
// Keys come from enrollment (the platform's []protocol.ReceiptKey) or, on
// a device that is not enrolled, from NewKey; MarshalKeyring and
// ParseKeyring read and write both in one JSON shape.
package receipt
