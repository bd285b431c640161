package main

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAcceptEncoding(t *testing.T) {
	for header, want := range map[string]map[string]float64{
		"":                        {},
		"gzip, deflate, br, zstd": {"gzip": 1, "deflate": 1, "br": 1, "zstd": 1},
		"br;q=0.5, gzip;q=0":      {"br": 0.5, "gzip": 0},
		" BR ; Q=0.25 ,GZip":      {"br": 0.25, "gzip": 1},
		"x-gzip":                  {"gzip": 1},
		"*;q=0.1":                 {"*": 0.1},
		"br;q=abc, gzip;q=2":      {"br": 0, "gzip": 0},
		"br;level=5;q=0.3":        {"br": 0.3},
	} {
		assert.Equal(t, want, parseAcceptEncoding(header), header)
	}
}

func TestChooseVariant(t *testing.T) {
	both := func(string) bool { return true }
	gzOnly := func(s string) bool { return s == ".gz" }
	none := func(string) bool { return false }
	for _, tc := range []struct {
		accept     string
		exists     func(string) bool
		coding     string
		hasVariant bool
	}{
		{"gzip, br", both, "br", true},
		{"gzip;q=1, br;q=0.1", both, "br", true},
		{"gzip, br;q=0", both, "gzip", true},
		{"br;q=0, gzip;q=0", both, "", true},
		{"*", both, "br", true},
		{"*, br;q=0", both, "gzip", true},
		{"*;q=0, gzip", both, "gzip", true},
		{"", both, "", true},
		{"identity", both, "", true},
		{"br", gzOnly, "", true},
		{"br, gzip", gzOnly, "gzip", true},
		{"br, gzip", none, "", false},
	} {
		coding, suffix, hasVariant := chooseVariant(tc.accept, tc.exists)
		assert.Equal(t, tc.coding, coding, tc.accept)
		assert.Equal(t, tc.hasVariant, hasVariant, tc.accept)
		assert.Equal(t, map[string]string{"br": ".br", "gzip": ".gz", "": ""}[coding], suffix, tc.accept)
	}
}

func TestPrecompressedVariants(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for _, tc := range []struct {
		target, accept, coding, body string
	}{
		{"/app.js", "gzip, deflate, br, zstd", "br", "brotli bytes!"},
		{"/app.js", "gzip, br;q=0", "gzip", "gzip bytes!!!!"},
		{"/app.js", "gzip", "gzip", "gzip bytes!!!!"},
		{"/app.js", "x-gzip", "gzip", "gzip bytes!!!!"},
		{"/app.js", "", "", "identity bytes"},
		{"/app.js", "identity", "", "identity bytes"},
		{"/app.js", "br;q=0, gzip;q=0", "", "identity bytes"},
		{"/only.js", "br, gzip", "gzip", "only gzip"},
		{"/only.js", "br", "", "only identity"},
	} {
		msg := tc.target + " Accept-Encoding: " + tc.accept
		rec := do(h, http.MethodGet, tc.target, "Accept-Encoding", tc.accept)
		require.Equal(t, http.StatusOK, rec.Code, msg)
		assert.Equal(t, tc.body, rec.Body.String(), msg)
		assert.Equal(t, tc.coding, rec.Header().Get("Content-Encoding"), msg)
		assert.Equal(t, "text/javascript; charset=utf-8", rec.Header().Get("Content-Type"), msg)
		assert.Equal(t, strconv.Itoa(len(tc.body)), rec.Header().Get("Content-Length"), msg)
		assert.Equal(t, []string{"Accept-Encoding"}, rec.Header().Values("Vary"), msg)
	}
}

func TestNoVaryWithoutVariants(t *testing.T) {
	h := siteHandler(newSite(t), true)
	rec := do(h, http.MethodGet, "/plain.txt", "Accept-Encoding", "br, gzip")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, rec.Header().Values("Vary"))
	assert.Empty(t, rec.Header().Get("Content-Encoding"))
}

func TestVariantRequestedDirectly(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for target, want := range map[string]struct{ body, contentType string }{
		"/app.js.br": {"brotli bytes!", "application/octet-stream"},
		"/app.js.gz": {"gzip bytes!!!!", "application/gzip"},
	} {
		rec := do(h, http.MethodGet, target, "Accept-Encoding", "br, gzip")
		require.Equal(t, http.StatusOK, rec.Code, target)
		assert.Equal(t, want.body, rec.Body.String(), target)
		assert.Equal(t, want.contentType, rec.Header().Get("Content-Type"), target)
		assert.Empty(t, rec.Header().Get("Content-Encoding"), target)
	}
}
