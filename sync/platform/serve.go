package platform

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long requests in flight may finish after the
// context of Serve is done.
const shutdownGrace = 10 * time.Second

// HTTPServer wraps the handler in an http.Server with timeouts that keep a
// slow or stuck client from holding a connection forever; pages of
// MaxPull events and catalogs fit well inside them.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves on a listener until ctx is done, then lets requests in
// flight finish (up to 10 s) and returns nil. With certFile and keyFile it
// serves HTTPS; giving only one of them is an error.
func (s *Server) Serve(ctx context.Context, ln net.Listener, certFile, keyFile string) error {
	if (certFile == "") != (keyFile == "") {
		ln.Close()
		return errors.New("give both a TLS certificate and its key, or neither")
	}
	hs := s.HTTPServer()
	done := make(chan error, 1)
	go func() {
		if certFile != "" {
			done <- hs.ServeTLS(ln, certFile, keyFile)
		} else {
			done <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-done:
		return fmt.Errorf("the platform stopped serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("the platform did not stop cleanly: %w", err)
	}
	<-done
	return nil
}
