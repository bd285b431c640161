package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLatencyFlag(t *testing.T) {
	for value, want := range map[string]latency{
		"30ms":      {30 * time.Millisecond, 30 * time.Millisecond},
		"20ms-50ms": {20 * time.Millisecond, 50 * time.Millisecond},
		"0s-1s":     {0, time.Second},
		"50ms-50ms": {50 * time.Millisecond, 50 * time.Millisecond},
		"1.5ms-2ms": {1500 * time.Microsecond, 2 * time.Millisecond},
	} {
		var l latency
		require.NoError(t, l.Set(value), value)
		assert.Equal(t, want, l, value)
	}
	for _, bad := range []string{"", "20", "fast", "50ms-20ms", "20ms-", "-20ms", "20ms-50ms-80ms"} {
		var l latency
		assert.Error(t, l.Set(bad), "%q", bad)
	}
	assert.Equal(t, "20ms-50ms", (&latency{20 * time.Millisecond, 50 * time.Millisecond}).String())
	assert.Equal(t, "30ms", (&latency{30 * time.Millisecond, 30 * time.Millisecond}).String())

	cfg, err := parseFlags([]string{"-latency", "20ms-50ms"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, latency{20 * time.Millisecond, 50 * time.Millisecond}, cfg.latency)
	_, err = parseFlags([]string{"-latency", "slow"}, io.Discard)
	assert.Error(t, err)
}

// The delays are drawn from the range, differ from response to response,
// come in the same order for the same seed, and every request is served
// after its wait.
func TestWithLatency(t *testing.T) {
	l := latency{20 * time.Millisecond, 50 * time.Millisecond}
	delays := func(seed uint64) []time.Duration {
		var got []time.Duration
		served := 0
		h := withLatency(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { served++ }), l, seed,
			func(_ *http.Request, d time.Duration) bool { got = append(got, d); return true })
		for range 200 {
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
		}
		assert.Equal(t, 200, served)
		return got
	}
	got := delays(latencySeed)
	distinct := map[time.Duration]bool{}
	for _, d := range got {
		assert.GreaterOrEqual(t, d, l.min)
		assert.LessOrEqual(t, d, l.max)
		distinct[d] = true
	}
	assert.Greater(t, len(distinct), 100, "random per response")
	assert.Equal(t, got, delays(latencySeed), "same seed, same delays")
	assert.NotEqual(t, got, delays(latencySeed+1))
}

func TestWithoutLatencyIsTheHandler(t *testing.T) {
	h := http.NotFoundHandler()
	wrapped := withLatency(h, latency{}, latencySeed, func(*http.Request, time.Duration) bool {
		t.Error("waited without a latency")
		return true
	})
	wrapped.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
}

// A client that gives up while its response waits is not served.
func TestWithLatencyDropsCancelledRequests(t *testing.T) {
	h := withLatency(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { t.Error("served a cancelled request") }),
		latency{time.Hour, time.Hour}, latencySeed, sleepFor)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx))
	assert.Empty(t, rec.Body.String())
}
