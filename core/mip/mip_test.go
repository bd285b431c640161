package mip

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	idx = "https://micropython.org/pi/v2"
	raw = "https://raw.githubusercontent.com"
)

func TestIndexLatest(t *testing.T) {
	w, d, err := install(t, "unittest", Options{}, map[string]string{
		idx + "/package/py/unittest/latest.json": `{"v":1,"version":"0.10.3","hashes":[
			["unittest/__init__.py","ab12cd34"],["unittest/util.py","ff00aa11"]]}`,
		idx + "/file/ab/ab12cd34": "# init",
		idx + "/file/ff/ff00aa11": "# util",
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{
		"/lib/unittest/__init__.py": "# init",
		"/lib/unittest/util.py":     "# util",
	}, d.files)
	assert.Equal(t, []string{
		idx + "/package/py/unittest/latest.json",
		idx + "/file/ab/ab12cd34",
		idx + "/file/ff/ff00aa11",
	}, w.fetched)
}

func TestIndexVersion(t *testing.T) {
	w, d, err := install(t, "aioble@1.0", Options{}, map[string]string{
		idx + "/package/py/aioble/1.0.json": `{"hashes":[["aioble/core.py","0123abcd"]]}`,
		idx + "/file/01/0123abcd":           "core",
	})
	require.NoError(t, err)
	assert.Equal(t, idx+"/package/py/aioble/1.0.json", w.fetched[0])
	assert.Equal(t, map[string]string{"/lib/aioble/core.py": "core"}, d.files)

	// "name@" means latest.
	w, _, err = install(t, "aioble@", Options{}, map[string]string{
		idx + "/package/py/aioble/latest.json": `{}`,
	})
	require.NoError(t, err)
	assert.Equal(t, []string{idx + "/package/py/aioble/latest.json"}, w.fetched)
}

func TestIndexAndMPYVersionOptions(t *testing.T) {
	const my = "http://localhost:8080/pi"
	w, d, err := install(t, "foo", Options{Index: my + "/", MPYVersion: "6"}, map[string]string{
		my + "/package/6/foo/latest.json": `{"hashes":[["foo.mpy","a1b2c3d4"]]}`,
		my + "/file/a1/a1b2c3d4":          "M\x06",
	})
	require.NoError(t, err)
	assert.Equal(t, []string{my + "/package/6/foo/latest.json", my + "/file/a1/a1b2c3d4"}, w.fetched)
	assert.Equal(t, map[string]string{"/lib/foo.mpy": "M\x06"}, d.files)
}

func TestDepsRecursionDedupAndCycle(t *testing.T) {
	pages := map[string]string{
		idx + "/package/py/a/latest.json": `{"hashes":[["a.py","aa000001"]],
			"deps":[["b","1.2"],["c","latest"]]}`,
		idx + "/package/py/b/1.2.json": `{"hashes":[["b.py","bb000001"]],
			"deps":[["c","latest"],["a","latest"]]}`,
		idx + "/package/py/c/latest.json": `{"hashes":[["c/__init__.py","cc000001"]],
			"deps":[["a"],["b",null]]}`,
		idx + "/file/aa/aa000001": "a",
		idx + "/file/bb/bb000001": "b",
		idx + "/file/cc/cc000001": "c",
	}
	w, d, err := install(t, "a", Options{}, pages)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{
		"/lib/a.py": "a", "/lib/b.py": "b", "/lib/c/__init__.py": "c",
	}, d.files)
	for url := range pages {
		assert.Equal(t, 1, w.count(url), url)
	}
	// Depth first, in list order: a, then b (and its dep c), then c is skipped.
	assert.Equal(t, []string{"/lib/a.py", "/lib/b.py", "/lib/c/__init__.py"}, d.order)
}

func TestInstallerDedupAcrossCalls(t *testing.T) {
	w := &web{pages: map[string]string{
		idx + "/package/py/x/latest.json":      `{"deps":[["shared","latest"]]}`,
		idx + "/package/py/y/latest.json":      `{"deps":[["shared","latest"]]}`,
		idx + "/package/py/shared/latest.json": `{"hashes":[["shared.py","5a5a5a5a"]]}`,
		idx + "/file/5a/5a5a5a5a":              "s",
	}}
	d := newDisk()
	in := New(Options{JSON: stdJSON}, w.fetch, d.write)
	require.NoError(t, in.Install("x"))
	require.NoError(t, in.Install("y"))
	require.NoError(t, in.Install("x"))
	assert.Equal(t, 1, w.count(idx+"/package/py/shared/latest.json"))
	assert.Equal(t, 1, w.count(idx+"/package/py/x/latest.json"))
	assert.Equal(t, []string{"/lib/shared.py"}, d.order)
}

func TestUrlsList(t *testing.T) {
	const base = "https://example.com/pkgs/foo"
	w, d, err := install(t, base+"/package.json", Options{}, map[string]string{
		base + "/package.json": `{"urls":[
			["foo/__init__.py","github:org/repo/src/foo/__init__.py"],
			["foo/abs.py","https://cdn.example.org/abs.py"],
			["foo/rel.py","rel.py"],
			["foo/dot.py","./sub/dot.py"],
			["foo/up.py","../common/up.py"],
			["foo/root.py","/root.py"]],
			"hashes":[["foo/h.py","12345678"]]}`,
		raw + "/org/repo/HEAD/src/foo/__init__.py": "init",
		"https://cdn.example.org/abs.py":           "abs",
		base + "/rel.py":                           "rel",
		base + "/sub/dot.py":                       "dot",
		"https://example.com/pkgs/common/up.py":    "up",
		"https://example.com/root.py":              "root",
		idx + "/file/12/12345678":                  "hashed",
	})
	require.NoError(t, err, "fetched %v", w)
	assert.Equal(t, map[string]string{
		"/lib/foo/__init__.py": "init",
		"/lib/foo/abs.py":      "abs",
		"/lib/foo/rel.py":      "rel",
		"/lib/foo/dot.py":      "dot",
		"/lib/foo/up.py":       "up",
		"/lib/foo/root.py":     "root",
		"/lib/foo/h.py":        "hashed",
	}, d.files)
	// hashes come before urls, as in mip.
	assert.Equal(t, "/lib/foo/h.py", d.order[0])
}

func TestGithubSingleFile(t *testing.T) {
	w, d, err := install(t, "github:org/repo/path/to/foo.py", Options{}, map[string]string{
		raw + "/org/repo/HEAD/path/to/foo.py": "foo",
	})
	require.NoError(t, err)
	assert.Equal(t, []string{raw + "/org/repo/HEAD/path/to/foo.py"}, w.fetched)
	assert.Equal(t, map[string]string{"/lib/foo.py": "foo"}, d.files)

	w, d, err = install(t, "github:org/repo/bar.mpy@v2", Options{}, map[string]string{
		raw + "/org/repo/v2/bar.mpy": "bar",
	})
	require.NoError(t, err)
	assert.Equal(t, []string{raw + "/org/repo/v2/bar.mpy"}, w.fetched)
	assert.Equal(t, map[string]string{"/lib/bar.mpy": "bar"}, d.files)
}

func TestGithubPackage(t *testing.T) {
	w, d, err := install(t, "github:org/repo@dev", Options{}, map[string]string{
		raw + "/org/repo/dev/package.json": `{"urls":[
			["pkg/__init__.py","github:org/repo/pkg/__init__.py"],
			["pkg/rel.py","pkg/rel.py"],
			["other.py","github:someone/else/other.py"]],
			"deps":[["github:org/dep","main"],["github:org/dep2","latest"]]}`,
		raw + "/org/repo/dev/pkg/__init__.py": "init",
		raw + "/org/repo/dev/pkg/rel.py":      "rel",
		raw + "/someone/else/dev/other.py":    "other",
		raw + "/org/dep/main/package.json":    `{"urls":[["dep.py","dep.py"]]}`,
		raw + "/org/dep/main/dep.py":          "dep",
		raw + "/org/dep2/HEAD/package.json":   `{"urls":[["dep2.py","dep2.py"]]}`,
		raw + "/org/dep2/HEAD/dep2.py":        "dep2",
	})
	require.NoError(t, err, "fetched %v", w)
	assert.Equal(t, raw+"/org/repo/dev/package.json", w.fetched[0])
	assert.Equal(t, map[string]string{
		"/lib/pkg/__init__.py": "init",
		"/lib/pkg/rel.py":      "rel",
		"/lib/other.py":        "other",
		"/lib/dep.py":          "dep",
		"/lib/dep2.py":         "dep2",
	}, d.files)

	// A sub-folder, and an explicit .json.
	w, _, err = install(t, "github:org/repo/sub/dir", Options{}, map[string]string{
		raw + "/org/repo/HEAD/sub/dir/package.json": `{}`,
	})
	require.NoError(t, err)
	assert.Equal(t, []string{raw + "/org/repo/HEAD/sub/dir/package.json"}, w.fetched)
	w, _, err = install(t, "github:org/repo/x/y.json@b", Options{}, map[string]string{
		raw + "/org/repo/b/x/y.json": `{}`,
	})
	require.NoError(t, err)
	assert.Equal(t, []string{raw + "/org/repo/b/x/y.json"}, w.fetched)
}

func TestGitlab(t *testing.T) {
	const gl = "https://gitlab.com/org/repo/-/raw"
	w, d, err := install(t, "gitlab:org/repo@v1", Options{}, map[string]string{
		gl + "/v1/package.json": `{"urls":[["a.py","src/a.py"]]}`,
		gl + "/v1/src/a.py":     "a",
	})
	require.NoError(t, err, "fetched %v", w)
	assert.Equal(t, map[string]string{"/lib/a.py": "a"}, d.files)
	w, d, err = install(t, "gitlab:org/repo/b.py", Options{}, map[string]string{gl + "/HEAD/b.py": "b"})
	require.NoError(t, err, "fetched %v", w)
	assert.Equal(t, map[string]string{"/lib/b.py": "b"}, d.files)
}

func TestHTTPSingleFile(t *testing.T) {
	for _, tc := range []struct{ spec, file string }{
		{"http://example.com/x/y/foo.py", "/lib/foo.py"},
		{"https://example.com/x/foo.mpy", "/lib/foo.mpy"},
		{"https://example.com/x/foo.py?raw=1", "/lib/foo.py"},
		{"https://cdn.jsdelivr.net/gh/org/repo@v1/foo.py", "/lib/foo.py"},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			w, d, err := install(t, tc.spec, Options{}, map[string]string{tc.spec: "body"})
			require.NoError(t, err)
			assert.Equal(t, []string{tc.spec}, w.fetched)
			assert.Equal(t, map[string]string{tc.file: "body"}, d.files)
		})
	}
}

func TestHTTPPackage(t *testing.T) {
	for _, tc := range []struct{ spec, json string }{
		{"https://example.com/foo/package.json", "https://example.com/foo/package.json"},
		{"https://example.com/foo/meta.json", "https://example.com/foo/meta.json"},
		{"https://example.com/foo", "https://example.com/foo/package.json"},
		{"https://example.com/foo/", "https://example.com/foo/package.json"},
		{"http://localhost:8000", "http://localhost:8000/package.json"},
		{"https://cdn.jsdelivr.net/gh/org/repo@v1", "https://cdn.jsdelivr.net/gh/org/repo@v1/package.json"},
		{"https://example.com/foo?x=1", "https://example.com/foo/package.json?x=1"},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			dir := tc.json[:strings.LastIndex(tc.json, "/")]
			w, d, err := install(t, tc.spec, Options{}, map[string]string{
				tc.json:         `{"urls":[["foo.py","foo.py"]]}`,
				dir + "/foo.py": "foo",
			})
			require.NoError(t, err, "fetched %v", w)
			assert.Equal(t, tc.json, w.fetched[0])
			assert.Equal(t, map[string]string{"/lib/foo.py": "foo"}, d.files)
		})
	}
}

func TestTarget(t *testing.T) {
	pages := map[string]string{
		idx + "/package/py/p/latest.json": `{"hashes":[["p/__init__.py","aabbccdd"]],"deps":[["q","latest"]]}`,
		idx + "/package/py/q/latest.json": `{"urls":[["q.py","https://e.com/q.py"]]}`,
		idx + "/file/aa/aabbccdd":         "p",
		"https://e.com/q.py":              "q",
		"https://e.com/single.py":         "s",
	}
	for _, tc := range []struct{ target, p, q string }{
		{"", "/lib/p/__init__.py", "/lib/q.py"},
		{"/custom", "/custom/p/__init__.py", "/custom/q.py"},
		{"/custom/", "/custom/p/__init__.py", "/custom/q.py"},
		{"third-party", "third-party/p/__init__.py", "third-party/q.py"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			_, d, err := install(t, "p", Options{Target: tc.target}, pages)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{tc.p: "p", tc.q: "q"}, d.files)
		})
	}
	_, d, err := install(t, "https://e.com/single.py", Options{Target: "/site"}, pages)
	require.NoError(t, err)
	assert.Equal(t, []string{"/site/single.py"}, d.paths())
}

func TestNotFound(t *testing.T) {
	_, d, err := install(t, "nope", Options{}, nil)
	require.Error(t, err)
	assert.Equal(t, "Package not found: nope ("+idx+"/package/py/nope/latest.json: HTTP 404 Not Found)", err.Error())
	assert.ErrorIs(t, err, ErrNotFound)
	var h *HTTPError
	require.ErrorAs(t, err, &h)
	assert.Equal(t, 404, h.Status)
	e := asError(t, err)
	assert.Equal(t, "nope", e.Package)
	assert.Empty(t, d.files)

	_, _, err = install(t, "aioble@9.9", Options{}, nil)
	assert.EqualError(t, err, "Package not found: aioble@9.9 ("+idx+"/package/py/aioble/9.9.json: HTTP 404 Not Found)")

	_, _, err = install(t, "github:org/repo/foo.py", Options{}, nil)
	assert.EqualError(t, err, "Package not found: github:org/repo/foo.py ("+raw+"/org/repo/HEAD/foo.py: HTTP 404 Not Found)")

	// A file listed in hashes.
	_, d, err = install(t, "pkg", Options{}, map[string]string{
		idx + "/package/py/pkg/latest.json": `{"hashes":[["pkg/a.py","aa000000"],["pkg/b.py","bb000000"]]}`,
		idx + "/file/aa/aa000000":           "a",
	})
	assert.EqualError(t, err, "File not found: pkg/b.py of package pkg ("+idx+"/file/bb/bb000000: HTTP 404 Not Found)")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, []string{"/lib/pkg/a.py"}, d.paths(), "partially installed, as mip")

	// A dependency.
	_, _, err = install(t, "top", Options{}, map[string]string{
		idx + "/package/py/top/latest.json": `{"deps":[["missing","2.0"]]}`,
	})
	assert.EqualError(t, err, "Package not found: missing@2.0 ("+idx+"/package/py/missing/2.0.json: HTTP 404 Not Found) (required by top)")
	assert.Equal(t, "top", asError(t, err).RequiredBy)

	// A fetcher may report ErrNotFound itself; 410 Gone is not found too.
	w := &web{fail: map[string]error{
		idx + "/package/py/a/latest.json": ErrNotFound,
		idx + "/package/py/b/latest.json": &HTTPError{Status: 410},
	}}
	err = Install("a", Options{JSON: stdJSON}, w.fetch, newDisk().write)
	assert.ErrorIs(t, err, ErrNotFound)
	err = Install("b", Options{JSON: stdJSON}, w.fetch, newDisk().write)
	assert.EqualError(t, err, "Package not found: b ("+idx+"/package/py/b/latest.json: HTTP 410)")
}

func TestDownloadErrors(t *testing.T) {
	w := &web{fail: map[string]error{
		idx + "/package/py/a/latest.json": &HTTPError{Status: 500, StatusText: "Internal Server Error"},
		"https://e.com/x.py":              errors.New("TypeError: Failed to fetch"),
	}, pages: map[string]string{
		idx + "/package/py/b/latest.json": `{"urls":[["b/x.py","https://e.com/x.py"]]}`,
	}}
	err := Install("a", Options{JSON: stdJSON}, w.fetch, newDisk().write)
	assert.EqualError(t, err, "Cannot download package a ("+idx+"/package/py/a/latest.json: HTTP 500 Internal Server Error)")
	assert.ErrorIs(t, err, ErrDownload)
	assert.NotErrorIs(t, err, ErrNotFound)

	err = Install("b", Options{JSON: stdJSON}, w.fetch, newDisk().write)
	assert.EqualError(t, err, "Cannot download b/x.py of package b (https://e.com/x.py: TypeError: Failed to fetch)")
	assert.ErrorIs(t, err, ErrDownload)
}

func TestWriteError(t *testing.T) {
	w := &web{pages: map[string]string{"https://e.com/x.py": "x"}}
	d := newDisk()
	d.err = errors.New("read-only file system")
	err := Install("https://e.com/x.py", Options{}, w.fetch, d.write)
	assert.EqualError(t, err, "Cannot write /lib/x.py for package https://e.com/x.py: read-only file system")
	assert.ErrorIs(t, err, ErrWrite)
	assert.ErrorIs(t, err, d.err)
}

func TestMalformedPackageJSON(t *testing.T) {
	const u = idx + "/package/py/bad/latest.json"
	for _, tc := range []struct{ name, body, detail string }{
		{"syntax", `{"hashes":`, "unexpected end of JSON input"},
		{"not an object", `[1,2]`, "not a JSON object"},
		{"hashes not a list", `{"hashes":{"a":"b"}}`, `"hashes" must be a list of [path, hash] pairs`},
		{"hash pair too short", `{"hashes":[["a.py"]]}`, `"hashes" must be a list of [path, hash] pairs`},
		{"hash not a string", `{"hashes":[["a.py",12]]}`, `"hashes" must be a list of [path, hash] pairs`},
		{"bad hash", `{"hashes":[["a.py","zz"]]}`, `invalid hash "zz" for a.py`},
		{"short hash", `{"hashes":[["a.py","a"]]}`, `invalid hash "a" for a.py`},
		{"urls triple", `{"urls":[["a.py","x","y"]]}`, `"urls" must be a list of [path, url] pairs`},
		{"empty url", `{"urls":[["a.py",""]]}`, `empty URL for a.py`},
		{"deps string", `{"deps":"x"}`, `"deps" must be a list of [name, version] pairs`},
		{"deps version number", `{"deps":[["x",1]]}`, `"deps" must be a list of [name, version] pairs`},
		{"empty dep", `{"deps":[["",""]]}`, "empty dependency name"},
		{"escape", `{"urls":[["../../etc/x.py","https://e.com/x.py"]]}`, `file path "../../etc/x.py" leaves the target folder`},
		{"absolute", `{"urls":[["/x.py","https://e.com/x.py"]]}`, `file path "/x.py" must be relative`},
		{"directory", `{"urls":[["x/","https://e.com/x.py"]]}`, `invalid file path "x/"`},
		{"dot", `{"urls":[[".","https://e.com/x.py"]]}`, `invalid file path "."`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, d, err := install(t, "bad", Options{}, map[string]string{
				u:                    tc.body,
				"https://e.com/x.py": "x",
			})
			require.Error(t, err)
			assert.Equal(t, "Invalid package.json for bad ("+u+"): "+tc.detail, err.Error())
			assert.ErrorIs(t, err, ErrInvalidPackage)
			assert.Equal(t, []string{u}, w.fetched, "nothing fetched after a bad package.json")
			assert.Empty(t, d.files)
		})
	}
	// Unknown keys and nulls are fine.
	_, _, err := install(t, "ok", Options{}, map[string]string{
		idx + "/package/py/ok/latest.json": `{"v":1,"version":"1.0","hashes":null,"description":"x"}`,
	})
	assert.NoError(t, err)
}

func TestNoJSONParser(t *testing.T) {
	w := &web{pages: map[string]string{idx + "/package/py/a/latest.json": `{}`, "https://e.com/a.py": "a"}}
	err := Install("a", Options{}, w.fetch, newDisk().write)
	assert.ErrorIs(t, err, ErrInvalidPackage)
	assert.Contains(t, err.Error(), "no JSON parser")
	// Single files need no parser.
	assert.NoError(t, Install("https://e.com/a.py", Options{}, w.fetch, newDisk().write))
}

func TestInvalidSpecs(t *testing.T) {
	for _, tc := range []struct{ spec, detail string }{
		{"", "empty package name"},
		{"   ", "empty package name"},
		{"@1.0", "empty package name"},
		{"a/b", `a package name cannot contain "/"; use github:…, http:// or https://`},
		{"./foo.py", `a package name cannot contain "/"; use github:…, http:// or https://`},
		{"foo bar", "not a package name or a URL"},
		{"pypi:foo", "not a package name or a URL"},
		{"foo@1/2", `invalid version "1/2"`},
		{"github:org", "expected github:org/repo[/path][@branch]"},
		{"github:org/", "expected github:org/repo[/path][@branch]"},
		{"gitlab:/repo", "expected gitlab:org/repo[/path][@branch]"},
		{"github:org/repo@bad branch", `invalid branch "bad branch"`},
		{"https://", "missing host"},
		{"https:///x.py", "missing host"},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			w, _, err := install(t, tc.spec, Options{}, nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidSpec)
			e := asError(t, err)
			assert.Equal(t, tc.detail, e.Detail)
			assert.True(t, strings.HasPrefix(err.Error(), "Invalid package spec "), err.Error())
			assert.Empty(t, w.fetched)
		})
	}
	// In deps, the parent is named.
	_, _, err := install(t, "p", Options{}, map[string]string{
		idx + "/package/py/p/latest.json": `{"deps":[["a/b","latest"]]}`,
	})
	assert.EqualError(t, err, `Invalid package spec "a/b": a package name cannot contain "/"; use github:…, http:// or https:// (required by p)`)
}

func TestMissingCallbacksAndOptions(t *testing.T) {
	d := newDisk()
	w := &web{}
	assert.Error(t, Install("a", Options{}, nil, d.write))
	assert.Error(t, Install("a", Options{}, w.fetch, nil))
	assert.Error(t, Install("a", Options{MPYVersion: "../x"}, w.fetch, d.write))
	assert.Empty(t, w.fetched)
}

func TestLog(t *testing.T) {
	var lines []string
	w := &web{pages: map[string]string{
		idx + "/package/py/a/latest.json": `{"hashes":[["a.py","aa000001"]]}`,
		idx + "/file/aa/aa000001":         "a",
		"https://e.com/b.py":              "b",
	}}
	in := New(Options{JSON: stdJSON, Log: func(s string) { lines = append(lines, s) }}, w.fetch, newDisk().write)
	require.NoError(t, in.Install("a"))
	require.NoError(t, in.Install("https://e.com/b.py"))
	assert.Equal(t, []string{
		"Installing a from " + idx + "/package/py/a/latest.json to /lib",
		"Copying: /lib/a.py",
		"Downloading https://e.com/b.py to /lib",
		"Copying: /lib/b.py",
	}, lines)
}

func TestInstallRefusesDeepPackageJSON(t *testing.T) {
	deep := func(n int) string {
		return `{"deps": [["x", "1"]], "v": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `, "s": "[[[\"{{"}`
	}
	_, _, err := install(t, "deep", Options{}, map[string]string{idx + "/package/py/deep/latest.json": deep(10_000)})
	assert.ErrorIs(t, err, ErrInvalidPackage)
	assert.EqualError(t, err, "Invalid package.json for deep ("+idx+"/package/py/deep/latest.json): nested deeper than 100 levels")

	// At the limit (the object is one level) it is read; brackets in strings do not count.
	_, _, err = install(t, "deep", Options{}, map[string]string{idx + "/package/py/deep/latest.json": deep(99)})
	assert.EqualError(t, err, "Package not found: x@1 ("+idx+"/package/py/x/1.json: HTTP 404 Not Found) (required by deep)")
}
