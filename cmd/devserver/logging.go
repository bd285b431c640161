package main

import (
	"log"
	"net/http"
)

// statusWriter records the status and body size a handler produced.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(p)
	s.bytes += int64(n)
	return n, err
}

// logRequests logs method, path, status and body bytes of each request.
// log.Logger serialises the writes of concurrent requests.
func logRequests(next http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 { // The handler wrote nothing at all.
			sw.status = http.StatusOK
		}
		logger.Printf("%s %s %d %d", r.Method, r.URL.Path, sw.status, sw.bytes)
	})
}
