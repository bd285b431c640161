package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func TestRunServesAndShutsDown(t *testing.T) {
	top := newSite(t)
	root := filepath.Join(top, "site")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdoutR, stdoutW := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-root", root, "-mount", "/dist/=" + filepath.Join(top, "dist"), "-v"}, stdoutW, &stderr)
		stdoutW.Close()
	}()

	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	require.NoError(t, err)
	m := regexp.MustCompile(`^Serving (.+) at (http://127\.0\.0\.1:([0-9]+)/)\n$`).FindStringSubmatch(line)
	require.NotNil(t, m, "line: %q", line)
	assert.Equal(t, root, m[1])
	assert.NotEqual(t, "0", m[3])

	resp, err := http.Get(m[2] + "dist/a.txt")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, "dist a", string(body))
	assert.Equal(t, "same-origin", resp.Header.Get("Cross-Origin-Opener-Policy"))

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	rest, err := io.ReadAll(stdoutR)
	require.NoError(t, err)
	assert.Empty(t, rest, "exactly one line on stdout")
	assert.Contains(t, stderr.String(), "GET /dist/a.txt 200 6")
	_, err = net.Dial("tcp", m[2][len("http://"):len(m[2])-1])
	assert.Error(t, err, "still listening after shutdown")
}

func TestRunRejectsBadInvocations(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { busy.Close() })

	// Cancelled, so that arguments wrongly accepted make run return nil
	// at once instead of serving forever.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"-bogus"},
		{"extra"},
		{"-root", filepath.Join(dir, "missing")},
		{"-root", file},
		{"-mount", "/dist/"},
		{"-mount", "/dist/="},
		{"-mount", "/dist/=" + filepath.Join(dir, "missing")},
		{"-mount", "/=" + dir},
		{"-mount", "/a/=" + dir, "-mount", "/a=" + dir},
		{"-addr", "127.0.0.1:notaport", "-root", dir},
		{"-addr", busy.Addr().String(), "-root", dir},
	} {
		var stdout bytes.Buffer
		err := run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), &stdout, io.Discard)
		assert.Error(t, err, "%q", args)
		assert.Empty(t, stdout.String(), "%q", args)
	}
	assert.ErrorIs(t, run(context.Background(), []string{"-h"}, io.Discard, io.Discard), flag.ErrHelp)
}

func TestParseFlags(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	cfg, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, config{addr: "127.0.0.1:8000", root: wd}, cfg)

	cfg, err = parseFlags([]string{"-mount", "dist=.", "-mount", "/a/b/=..", "-no-coi", "-cors", "-v"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []mount{{"/dist/", wd}, {"/a/b/", filepath.Dir(wd)}}, cfg.mounts)
	assert.True(t, cfg.noCOI)
	assert.True(t, cfg.cors)
	assert.True(t, cfg.verbose)
}

func TestServerURL(t *testing.T) {
	for _, tc := range []struct {
		ip   net.IP
		want string
	}{
		{net.IPv4(127, 0, 0, 1), "http://127.0.0.1:8000/"},
		{net.IPv4zero, "http://127.0.0.1:8000/"},
		{net.IPv6unspecified, "http://127.0.0.1:8000/"},
		{net.IPv6loopback, "http://[::1]:8000/"},
	} {
		assert.Equal(t, tc.want, serverURL(&net.TCPAddr{IP: tc.ip, Port: 8000}))
	}
}

func TestLogRequests(t *testing.T) {
	var out bytes.Buffer
	h := logRequests(siteHandler(newSite(t), true), log.New(&out, "", 0))
	do(h, http.MethodGet, "/plain.txt")
	do(h, http.MethodPost, "/plain.txt")
	do(h, http.MethodHead, "/plain.txt")
	assert.Equal(t, "GET /plain.txt 200 5\nPOST /plain.txt 405 23\nHEAD /plain.txt 200 0\n", out.String())
}
