package pgstore

import (
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether an error of the store says PostgreSQL does
// not answer, rather than that a statement failed: the store is closed, a
// connection cannot be made (refused, timed out, the server starting up
// or shutting down), or one was lost mid-call (reset, closed, cut short,
// terminated by the server). The platform then answers 503
// storage_unavailable (platform.Storage.Unavailable).
func (s *Store) Unavailable(err error) bool {
	if err == nil {
		return false
	}
	if s.closed.Load() {
		return true // pgxpool says "closed pool", with no type to match
	}
	var connect *pgconn.ConnectError
	var netErr net.Error // every network error the driver meets: it does nothing else over a socket
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr), pgconn.Timeout(err),
		errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &pgErr):
		// Class 08 is a connection exception; 57P01–57P03 are the server
		// shutting down (admin, crash) or not yet taking connections.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	return false
}
