package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFault(t *testing.T) {
	for value, want := range map[string]fault{
		"short":       {kind: "short"},
		"reset":       {kind: "reset"},
		"stall:10s":   {kind: "stall", stall: 10 * time.Second},
		"stall:250ms": {kind: "stall", stall: 250 * time.Millisecond},
	} {
		got, err := parseFault(value)
		require.NoError(t, err, value)
		assert.Equal(t, want, got, value)
	}
	for _, bad := range []string{"slow", "short:1s", "stall", "stall:", "stall:soon", "stall:-1s", "stall:0s"} {
		_, err := parseFault(bad)
		assert.Error(t, err, "%q", bad)
	}
	cfg, err := parseFlags([]string{"-faults"}, io.Discard)
	require.NoError(t, err)
	assert.True(t, cfg.faults)
}

// faultServer serves body at /f.txt through withFaults, over real TCP:
// the faults are about connections.
func faultServer(t *testing.T, body string, wait func(*http.Request, time.Duration) bool) *httptest.Server {
	files := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, body)
	})
	srv := httptest.NewServer(withFaults(files, wait))
	t.Cleanup(srv.Close)
	return srv
}

func TestFaults(t *testing.T) {
	body := strings.Repeat("0123456789", 1000)
	srv := faultServer(t, body, func(*http.Request, time.Duration) bool { return true })
	get := func(query string) (*http.Response, []byte, error) {
		resp, err := http.Get(srv.URL + "/f.txt" + query)
		require.NoError(t, err, query)
		defer resp.Body.Close()
		got, err := io.ReadAll(resp.Body)
		return resp, got, err
	}

	resp, got, err := get("")
	require.NoError(t, err)
	assert.Equal(t, body, string(got), "no fault: the whole file")

	// short: the whole length is promised, half arrives, then the end.
	resp, got, err = get("?fault=short")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, int64(len(body)), resp.ContentLength)
	assert.Equal(t, "text/plain", resp.Header.Get("Content-Type"))
	assert.Equal(t, body[:len(body)/2], string(got))

	// reset: half, then the connection is reset rather than closed.
	resp, got, err = get("?fault=reset")
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF), "%v", err)
	assert.Equal(t, int64(len(body)), resp.ContentLength)
	assert.LessOrEqual(t, len(got), len(body)/2)

	resp, got, _ = get("?fault=sideways")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(got), "want short, reset or stall:DURATION")
}

// stall waits the time it names before anything is sent, and a client that
// gives up first gets nothing.
func TestStallFault(t *testing.T) {
	var waited []time.Duration
	give := true
	srv := faultServer(t, "late", func(_ *http.Request, d time.Duration) bool { waited = append(waited, d); return give })
	resp, err := http.Get(srv.URL + "/f.txt?fault=stall:10s")
	require.NoError(t, err)
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, "late", string(got))
	assert.Equal(t, []time.Duration{10 * time.Second}, waited)

	give = false
	resp, err = http.Get(srv.URL + "/f.txt?fault=stall:1s")
	if err == nil {
		got, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Empty(t, got, "a stall the client left is not served")
	}
}
