package pgstore

// SetFillPage makes fillNumbers read n events at a time until the
// returned function is called.
func SetFillPage(n int) (restore func()) {
	old := fillPage
	fillPage = n
	return func() { fillPage = old }
}
