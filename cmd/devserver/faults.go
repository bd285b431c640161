package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// A fault is the -faults flag's ?fault= query value: how to break the
// response to one request, for specs of what the page does when a download
// goes wrong in ways a browser-side route cannot fake (it always sends a
// body as long as its Content-Length).
type fault struct {
	kind  string        // "short", "reset" or "stall"
	stall time.Duration // for "stall"
}

// parseFault reads "short" (the full Content-Length is declared, half the
// body sent, then the connection closed), "reset" (half the body, then a
// TCP reset) and "stall:DURATION" (nothing at all until DURATION has
// passed, then the whole response).
func parseFault(value string) (fault, error) {
	kind, arg, hasArg := strings.Cut(value, ":")
	switch {
	case (kind == "short" || kind == "reset") && !hasArg:
		return fault{kind: kind}, nil
	case kind == "stall" && hasArg:
		d, err := time.ParseDuration(arg)
		if err != nil || d <= 0 {
			return fault{}, fmt.Errorf("fault %q: want stall:DURATION, like stall:10s", value)
		}
		return fault{kind: kind, stall: d}, nil
	}
	return fault{}, fmt.Errorf("fault %q: want short, reset or stall:DURATION", value)
}

// withFaults breaks the responses of requests whose query has a fault; an
// unknown one is a 400 saying what is known. wait is sleepFor (a parameter
// for tests).
func withFaults(next http.Handler, wait func(*http.Request, time.Duration) bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		value := r.URL.Query().Get("fault")
		if value == "" {
			next.ServeHTTP(w, r)
			return
		}
		f, err := parseFault(value)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if f.kind == "stall" {
			if wait(r, f.stall) {
				next.ServeHTTP(w, r)
			}
			return
		}
		whole := httptest.NewRecorder()
		next.ServeHTTP(whole, r)
		body := whole.Body.Bytes()
		for k, v := range whole.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(whole.Code)
		w.Write(body[:len(body)/2])
		cutOff(w, f.kind == "reset")
	})
}

// cutOff sends what w holds and closes its connection: with a TCP reset
// (no lingering) when reset, else an orderly close.
func cutOff(w http.ResponseWriter, reset bool) {
	rc := http.NewResponseController(w)
	rc.Flush()
	conn, _, err := rc.Hijack()
	if err != nil {
		return // not HTTP/1 (tests' recorders): the short body is all there is
	}
	if tcp, ok := conn.(*net.TCPConn); ok && reset {
		tcp.SetLinger(0)
	}
	conn.Close()
}
