package main

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTree writes files (slash-separated path → content) under a fresh
// temporary directory and returns it.
func newTree(t *testing.T, files map[string]string) string {
	t.Helper()
	top := t.TempDir()
	for name, content := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return top
}

const secret = "TOP SECRET"

// newSite builds the tree most tests serve: top/site is the root, top/dist
// and top/inner are mounted at /dist/ and /dist/inner/, and top holds files
// that must never be reachable.
func newSite(t *testing.T) string {
	return newTree(t, map[string]string{
		"go.mod":                   "module " + secret,
		"secret.txt":               secret,
		"site/index.html":          "<h1>home</h1>",
		"site/app.mjs":             "export {}",
		"site/mod.wasm":            "\x00asm\x01\x00\x00\x00",
		"site/conf.toml":           "a = 1",
		"site/app.js":              "identity bytes",
		"site/app.js.br":           "brotli bytes!",
		"site/app.js.gz":           "gzip bytes!!!!",
		"site/only.js":             "only identity",
		"site/only.js.gz":          "only gzip",
		"site/plain.txt":           "plain",
		"site/docs/index.html":     "<h1>docs</h1>",
		"site/sub/<b>&x.txt":       "x",
		"site/sub/nested/keep.txt": "",
		"site/evil.example/a.txt":  "",
		"dist/a.txt":               "dist a",
		"dist/inner/a.txt":         "shadowed by the /dist/inner/ mount",
		"inner/a.txt":              "inner a",
	})
}

// siteHandler serves newSite's tree. The mounts are listed shortest first
// so that a first-match (rather than longest-match) lookup would fail.
func siteHandler(top string, coi bool) http.Handler {
	return newHandler(filepath.Join(top, "site"), []mount{
		{prefix: "/dist/", dir: filepath.Join(top, "dist")},
		{prefix: "/dist/inner/", dir: filepath.Join(top, "inner")},
	}, coi)
}

// do sends one request to h; header holds name, value pairs.
func do(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// requestKinds covers every kind of response the handler produces.
var requestKinds = []struct{ method, target string }{
	{http.MethodGet, "/plain.txt"},
	{http.MethodGet, "/"},
	{http.MethodGet, "/sub/"},
	{http.MethodGet, "/sub"},
	{http.MethodGet, "/missing.txt"},
	{http.MethodGet, "/../secret.txt"},
	{http.MethodPost, "/plain.txt"},
}

func TestHeadersOnEveryResponse(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for _, k := range requestKinds {
		rec := do(h, k.method, k.target)
		msg := k.method + " " + k.target
		assert.Equal(t, "same-origin", rec.Header().Get("Cross-Origin-Opener-Policy"), msg)
		assert.Equal(t, "require-corp", rec.Header().Get("Cross-Origin-Embedder-Policy"), msg)
		assert.Equal(t, "cross-origin", rec.Header().Get("Cross-Origin-Resource-Policy"), msg)
		assert.Equal(t, "no-cache", rec.Header().Get("Cache-Control"), msg)
	}
}

func TestNoCOIOmitsIsolationHeaders(t *testing.T) {
	h := siteHandler(newSite(t), false)
	for _, k := range requestKinds {
		rec := do(h, k.method, k.target)
		msg := k.method + " " + k.target
		assert.NotContains(t, rec.Header(), "Cross-Origin-Opener-Policy", msg)
		assert.NotContains(t, rec.Header(), "Cross-Origin-Embedder-Policy", msg)
		assert.Equal(t, "cross-origin", rec.Header().Get("Cross-Origin-Resource-Policy"), msg)
		assert.Equal(t, "no-cache", rec.Header().Get("Cache-Control"), msg)
	}
}

// A page on another origin may import modules and fetch files from a server
// started with -cors, as from a public CDN; without it, it may not.
func TestCORSLetsOtherOriginsReadTheFiles(t *testing.T) {
	h := siteHandler(t.TempDir(), false).(*handler)
	assert.Empty(t, do(h, http.MethodGet, "/").Header().Get("Access-Control-Allow-Origin"))
	h.cors = true
	assert.Equal(t, "*", do(h, http.MethodGet, "/").Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "*", do(h, http.MethodGet, "/no-such-file").Header().Get("Access-Control-Allow-Origin"))
}

func TestIsolationServiceWorkerMayControlTheWholeOrigin(t *testing.T) {
	h := siteHandler(newSite(t), false)
	assert.Equal(t, "/", do(h, http.MethodGet, "/dist/coi-sw.js").Header().Get("Service-Worker-Allowed"))
	assert.Empty(t, do(h, http.MethodGet, "/app.mjs").Header().Get("Service-Worker-Allowed"))
}

func TestServedContentTypes(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for target, want := range map[string]string{
		"/app.mjs":   "text/javascript; charset=utf-8",
		"/mod.wasm":  "application/wasm",
		"/conf.toml": "application/toml",
		"/":          "text/html; charset=utf-8",
	} {
		rec := do(h, http.MethodGet, target)
		require.Equal(t, http.StatusOK, rec.Code, target)
		assert.Equal(t, want, rec.Header().Get("Content-Type"), target)
	}
}

func TestMountsLongestPrefixWins(t *testing.T) {
	top := newSite(t)
	h := siteHandler(top, true)
	for target, want := range map[string]string{
		"/dist/a.txt":       "dist a",
		"/dist/inner/a.txt": "inner a",
		"/plain.txt":        "plain",
	} {
		rec := do(h, http.MethodGet, target)
		require.Equal(t, http.StatusOK, rec.Code, target)
		assert.Equal(t, want, rec.Body.String(), target)
	}
	// A prefix matches whole path segments only.
	assert.Equal(t, http.StatusNotFound, do(h, http.MethodGet, "/distx/a.txt").Code)
}

func TestMountedDirectoryRebuiltWhileServing(t *testing.T) {
	top := newSite(t)
	h := siteHandler(top, true)
	require.Equal(t, "dist a", do(h, http.MethodGet, "/dist/a.txt").Body.String())

	dist := filepath.Join(top, "dist")
	require.NoError(t, os.RemoveAll(dist))
	assert.Equal(t, http.StatusNotFound, do(h, http.MethodGet, "/dist/a.txt").Code)

	require.NoError(t, os.Mkdir(dist, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dist, "a.txt"), []byte("rebuilt"), 0o644))
	assert.Equal(t, "rebuilt", do(h, http.MethodGet, "/dist/a.txt").Body.String())
}

func TestDirectoryIndex(t *testing.T) {
	h := siteHandler(newSite(t), true)
	assert.Equal(t, "<h1>home</h1>", do(h, http.MethodGet, "/").Body.String())
	assert.Equal(t, "<h1>docs</h1>", do(h, http.MethodGet, "/docs/").Body.String())
}

func TestDirectoryListing(t *testing.T) {
	h := siteHandler(newSite(t), true)
	rec := do(h, http.MethodGet, "/sub/")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	body := rec.Body.String()
	assert.Contains(t, body, `<a href="../">../</a>`)
	assert.Contains(t, body, `<a href="nested/">nested/</a>`)
	// The name is escaped as text and as a link.
	assert.Contains(t, body, `<a href="%3Cb%3E&amp;x.txt">&lt;b&gt;&amp;x.txt</a>`)
	assert.NotContains(t, body, "<b>")
	assert.Less(t, strings.Index(body, "%3Cb%3E"), strings.Index(body, "nested/"), "entries are sorted")

	mounted := do(h, http.MethodGet, "/dist/").Body.String()
	assert.Contains(t, mounted, `<a href="a.txt">a.txt</a>`)
	assert.Contains(t, mounted, `<a href="inner/">inner/</a>`)

	// No way up from the top.
	top := do(newHandler(newTree(t, map[string]string{"a:b.txt": ""}), nil, true), http.MethodGet, "/")
	require.Equal(t, http.StatusOK, top.Code)
	assert.NotContains(t, top.Body.String(), "../")
	assert.Contains(t, top.Body.String(), `<a href="./a:b.txt">a:b.txt</a>`, "not a link to scheme a:")
}

func TestHeadListing(t *testing.T) {
	h := siteHandler(newSite(t), true)
	get := do(h, http.MethodGet, "/sub/")
	head := do(h, http.MethodHead, "/sub/")
	require.Equal(t, http.StatusOK, head.Code)
	assert.Empty(t, head.Body.String())
	assert.Equal(t, strconv.Itoa(get.Body.Len()), head.Header().Get("Content-Length"))
}

func TestDirectoryRedirectsToSlash(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for target, want := range map[string]string{
		"/sub":            "/sub/",
		"/sub/nested":     "/sub/nested/",
		"/sub?debug=1":    "/sub/?debug=1",
		"/dist":           "/dist/",
		"/dist/inner":     "/dist/inner/",
		"//evil.example":  "/evil.example/", // not the open redirect "//evil.example/"
		"/docs":           "/docs/",
		"/sub/nested?a=b": "/sub/nested/?a=b",
		"http://x.test":   "/", // Absolute-form request line with an empty path.
	} {
		rec := do(h, http.MethodGet, target)
		assert.Equal(t, http.StatusFound, rec.Code, target)
		assert.Equal(t, want, rec.Header().Get("Location"), target)
	}
}

func TestTraversalRefused(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for _, target := range []string{
		"/../go.mod",
		"/%2e%2e/go.mod",
		"/%2E%2E/secret.txt",
		"/..%2fsecret.txt",
		"/sub/../../secret.txt",
		"/sub/%2e%2e/%2e%2e/secret.txt",
		"/dist/../../secret.txt",
	} {
		rec := do(h, http.MethodGet, target)
		assert.Equal(t, http.StatusBadRequest, rec.Code, target)
		assert.NotContains(t, rec.Body.String(), secret, target)
	}
}

func TestSymlinkOutOfRootRefused(t *testing.T) {
	top := newSite(t)
	site := filepath.Join(top, "site")
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(site, "link.txt")); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	require.NoError(t, os.Symlink(top, filepath.Join(site, "up")))
	h := siteHandler(top, true)
	for _, target := range []string{"/link.txt", "/up/secret.txt", "/up/"} {
		rec := do(h, http.MethodGet, target)
		assert.Equal(t, http.StatusNotFound, rec.Code, target)
		assert.NotContains(t, rec.Body.String(), secret, target)
		assert.NotContains(t, rec.Body.String(), "secret.txt", target)
	}
}

// TestTraversalOverTheWire sends raw request lines, so that no client-side
// URL handling can clean the path before the server sees it.
func TestTraversalOverTheWire(t *testing.T) {
	srv := httptest.NewServer(siteHandler(newSite(t), true))
	t.Cleanup(srv.Close)
	for _, target := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/dist/%2e%2e/%2e%2e/go.mod"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		require.NoError(t, err)
		require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
		_, err = conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
		require.NoError(t, err)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		require.NoError(t, err)
		body := make([]byte, 512)
		n, _ := resp.Body.Read(body)
		conn.Close()
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, target)
		assert.NotContains(t, string(body[:n]), secret, target)
	}
}

func TestNotFound(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for _, target := range []string{"/missing.txt", "/plain.txt/", "/dist/missing/", "/sub/nested/nope"} {
		rec := do(h, http.MethodGet, target)
		assert.Equal(t, http.StatusNotFound, rec.Code, target)
		assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain"), target)
		assert.Contains(t, rec.Body.String(), "not found", target)
		assert.Less(t, rec.Body.Len(), 100, target)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := siteHandler(newSite(t), true)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		rec := do(h, method, "/plain.txt")
		assert.Equal(t, http.StatusMethodNotAllowed, rec.Code, method)
		assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"), method)
	}
}

func TestHeadFile(t *testing.T) {
	// A real server, to check that nothing follows the headers on the wire.
	srv := httptest.NewServer(siteHandler(newSite(t), true))
	t.Cleanup(srv.Close)
	req, err := http.NewRequest(http.MethodHead, srv.URL+"/app.js", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "br")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "br", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, int64(len("brotli bytes!")), resp.ContentLength)
	assert.Equal(t, "text/javascript; charset=utf-8", resp.Header.Get("Content-Type"))
	n, _ := resp.Body.Read(make([]byte, 1))
	assert.Zero(t, n)
}

func TestRevalidationGives304(t *testing.T) {
	h := siteHandler(newSite(t), true)
	first := do(h, http.MethodGet, "/plain.txt")
	etag, lastModified := first.Header().Get("ETag"), first.Header().Get("Last-Modified")
	require.NotEmpty(t, etag)
	require.NotEmpty(t, lastModified)
	assert.Equal(t, http.StatusNotModified, do(h, http.MethodGet, "/plain.txt", "If-None-Match", etag).Code)
	assert.Equal(t, http.StatusNotModified, do(h, http.MethodGet, "/plain.txt", "If-Modified-Since", lastModified).Code)

}

func TestVariantsHaveDistinctETags(t *testing.T) {
	// Same size and time, so only the encoding can tell the tags apart.
	top := newTree(t, map[string]string{"same.js": "identity", "same.js.br": "brotli!!"})
	mtime := time.Now().Add(-time.Hour)
	for _, name := range []string{"same.js", "same.js.br"} {
		require.NoError(t, os.Chtimes(filepath.Join(top, name), mtime, mtime))
	}
	h := newHandler(top, nil, true)
	br := do(h, http.MethodGet, "/same.js", "Accept-Encoding", "br")
	require.Equal(t, "br", br.Header().Get("Content-Encoding"))
	plain := do(h, http.MethodGet, "/same.js")
	assert.NotEqual(t, br.Header().Get("ETag"), plain.Header().Get("ETag"))
	rec := do(h, http.MethodGet, "/same.js", "If-None-Match", br.Header().Get("ETag"))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "identity", rec.Body.String())
}

func TestRebuildWithinTheSameSecondIsNotStale(t *testing.T) {
	top := newSite(t)
	h := siteHandler(top, true)
	p := filepath.Join(top, "site", "plain.txt")
	second := time.Now().Truncate(time.Second).Add(-time.Minute)
	require.NoError(t, os.Chtimes(p, second, second.Add(100*time.Millisecond)))
	old := do(h, http.MethodGet, "/plain.txt")

	require.NoError(t, os.WriteFile(p, []byte("PLAIN"), 0o644)) // Same size.
	require.NoError(t, os.Chtimes(p, second, second.Add(600*time.Millisecond)))
	rec := do(h, http.MethodGet, "/plain.txt",
		"If-None-Match", old.Header().Get("ETag"),
		"If-Modified-Since", old.Header().Get("Last-Modified"))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "PLAIN", rec.Body.String())
}
