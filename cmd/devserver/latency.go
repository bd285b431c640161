package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// latency is the -latency flag: every response waits a time drawn uniformly
// from [min, max] before it is served, as the responses of a static host
// farther away than localhost do (the benchmarks' slower server). The zero
// value adds nothing.
type latency struct {
	min, max time.Duration
}

func (l *latency) String() string {
	if l.min == l.max {
		return l.min.String()
	}
	return l.min.String() + "-" + l.max.String()
}

// Set takes one duration ("30ms") or a range ("20ms-50ms").
func (l *latency) Set(value string) error {
	lo, hi, isRange := strings.Cut(value, "-")
	if !isRange {
		hi = lo
	}
	minimum, err := time.ParseDuration(lo)
	if err != nil {
		return fmt.Errorf("want a duration or a range like 20ms-50ms: %w", err)
	}
	maximum, err := time.ParseDuration(hi)
	if err != nil {
		return fmt.Errorf("want a duration or a range like 20ms-50ms: %w", err)
	}
	if minimum < 0 || maximum < minimum {
		return fmt.Errorf("want 0 ≤ min ≤ max, got %s", value)
	}
	l.min, l.max = minimum, maximum
	return nil
}

// latencySeed fixes the delays' sequence, so runs of a benchmark get the
// same delays in the order requests reach the server.
const latencySeed = 20

// withLatency delays every request to next by a time in l's range, from a
// generator seeded with seed. wait sleeps (given as a parameter so tests
// see the delays without timing them); it returns early when the client has
// gone, and the request is then not served.
func withLatency(next http.Handler, l latency, seed uint64, wait func(*http.Request, time.Duration) bool) http.Handler {
	if l.max == 0 {
		return next
	}
	var mu sync.Mutex
	random := rand.New(rand.NewPCG(seed, seed))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		d := l.min + time.Duration(random.Int64N(int64(l.max-l.min)+1))
		mu.Unlock()
		if wait(r, d) {
			next.ServeHTTP(w, r)
		}
	})
}

// sleepFor waits d, or less when the client cancels the request; it
// reports whether the whole time passed.
func sleepFor(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
