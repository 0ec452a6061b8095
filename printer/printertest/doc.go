// Package printertest helps test code that prints: FakePrinter is a network
// printer on the loopback interface that records jobs and answers status
// queries as the test chooses; Recorder is a one-shot listener that takes a
// single connection and answers nothing, like `nc -l PORT > out`;
// WriteFakeCUPS writes an lp and an lpstat that answer as CUPS with the
// queues the test chooses; and Decode reads an ESC/POS job back into text
// lines, QR payloads and raster images.
package printertest
