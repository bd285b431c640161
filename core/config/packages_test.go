package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPackages(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		base    string
		want    PackageSet
		wantErr string
	}{
		{name: "absent", json: `{}`, base: testCfgURL},
		{name: "classified in written order", base: testCfgURL, json: `{"packages": [
			"numpy", "./dist/a-1.0-py3-none-any.whl", "pkg==1.0", "https://o/b.whl?raw=1",
			"./remote/pkg.toml", "github:org/repo", "https://o/p.json#x", "micropip>=0.5", "../c.whl"]}`,
			want: PackageSet{
				Names:  []string{"numpy", "pkg==1.0", "github:org/repo", "micropip>=0.5"},
				Wheels: []string{"https://h/cfg/dist/a-1.0-py3-none-any.whl", "https://o/b.whl?raw=1", "https://h/c.whl"},
				Remote: []string{"https://h/cfg/remote/pkg.toml", "https://o/p.json#x"},
				Local:  true,
			}},
		{name: "inline resolves against the page", base: testInlineBase,
			json: `{"packages": ["./a.whl", "r.toml"]}`,
			want: PackageSet{Wheels: []string{"https://h/app/a.whl"}, Remote: []string{"https://h/app/r.toml"}, Local: true}},
		{name: "names only are not local", base: testCfgURL,
			json: `{"packages": ["numpy", "zope.interface", "ruamel.yaml"]}`,
			want: PackageSet{Names: []string{"numpy", "zope.interface", "ruamel.yaml"}}},
		{name: "rooted path is local", base: testCfgURL,
			json: `{"packages": ["/pkgs/x"]}`,
			want: PackageSet{Names: []string{"/pkgs/x"}, Local: true}},
		{name: "emfs and file URLs are local", base: testCfgURL,
			json: `{"packages": ["emfs://tmp/x", "file://tmp/y"]}`,
			want: PackageSet{Names: []string{"emfs://tmp/x", "file://tmp/y"}, Local: true}},
		{name: "extension case matters, as in polyscript", base: testCfgURL,
			json: `{"packages": ["x.WHL", "y.TOML"]}`,
			want: PackageSet{Names: []string{"x.WHL", "y.TOML"}}},
		{name: "index_urls string", base: testCfgURL,
			json: `{"packages": ["numpy"], "index_urls": "https://idx/simple"}`,
			want: PackageSet{Names: []string{"numpy"}, IndexURLs: []string{"https://idx/simple"}}},
		{name: "index_urls list", base: testCfgURL,
			json: `{"index_urls": ["https://a/", "https://b/"]}`,
			want: PackageSet{IndexURLs: []string{"https://a/", "https://b/"}}},
		{name: "packages not a list", base: testCfgURL, json: `{"packages": "numpy"}`,
			wantErr: `(PY1000): Invalid config: "packages" must be a list of strings`},
		{name: "packages item not a string", base: testCfgURL, json: `{"packages": ["numpy", 1]}`,
			wantErr: `(PY1000): Invalid config: "packages" must be a list of strings`},
		{name: "index_urls number", base: testCfgURL, json: `{"index_urls": 1}`,
			wantErr: `(PY1000): Invalid config: "index_urls" must be a string or a list of strings`},
		{name: "index_urls mixed list", base: testCfgURL, json: `{"index_urls": ["a", null]}`,
			wantErr: `(PY1000): Invalid config: "index_urls" must be a string or a list of strings`},
		{name: "unresolvable wheel", base: "", json: `{"packages": ["./a.whl"]}`,
			wantErr: "(PY1000): Invalid URL: ./a.whl"},
		{name: "unresolvable remote", base: "", json: `{"packages": ["a.json"]}`,
			wantErr: "(PY1000): Invalid URL: a.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, _ := mustParse(tt.json, FormatJSON)
			got, err := Packages(values, tt.base)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Equal(t, PackageSet{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPackagesStringSlice(t *testing.T) {
	got, err := Config{Values: map[string]any{"packages": []string{"numpy", "a.whl"}}}.Packages(testPage)
	require.NoError(t, err)
	assert.Equal(t, PackageSet{Names: []string{"numpy"}, Wheels: []string{"https://h/app/a.whl"}, Local: true}, got)
}

func TestCacheMode(t *testing.T) {
	local, remote := PackageSet{Local: true}, PackageSet{Names: []string{"numpy"}}
	for _, setting := range []string{"", "never", "passthrough"} {
		assert.Equal(t, "never", local.CacheMode(setting), setting)
		assert.Equal(t, setting, remote.CacheMode(setting), setting)
	}
	assert.Equal(t, "all", local.CacheMode("all"))
	assert.Equal(t, "all", remote.CacheMode("all"))
}

func TestPackagesCacheKey(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  string // what JSON.stringify(names.sort()) gives in node
	}{
		{"nil", nil, `[]`},
		{"plain", []string{"numpy", "Pillow", "pkg==1.0", "micropip"}, `["Pillow","micropip","numpy","pkg==1.0"]`},
		{"quote and backslash", []string{`a"q`, `b\c`}, `["a\"q","b\\c"]`},
		{"controls", []string{"\x01\x1f\b\f\n\r\t\x7f"}, `["\u0001\u001f\b\f\n\r\t` + "\x7f" + `"]`},
		{"unicode", []string{"é", "b", "\u2028"}, "[\"b\",\"é\",\"\u2028\"]"},
		{"UTF-16 order puts astral before U+FFFD", []string{"\uFFFD", "😀", "\uE000"},
			"[\"😀\",\"\uE000\",\"\uFFFD\"]"},
		{"same high surrogate", []string{"\U0001F601", "\U0001F600"}, "[\"\U0001F600\",\"\U0001F601\"]"},
		{"prefix first", []string{"ab", "a", ""}, `["","a","ab"]`},
		{"invalid UTF-8 becomes U+FFFD", []string{"a\xff"}, "[\"a\uFFFD\"]"},
		{"node reference", []string{"b", "a\"q", "é", "\U0001F600", "\uFFFD", "\x01\x1f\b\f\n\r\t\\\x7f", "\u2028", "A", "numpy", "pkg==1.0", "Pillow"},
			"[\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\\\x7f\",\"A\",\"Pillow\",\"a\\\"q\",\"b\",\"numpy\",\"pkg==1.0\",\"é\",\"\u2028\",\"😀\",\"\uFFFD\"]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]string(nil), tt.names...)
			assert.Equal(t, tt.want, PackagesCacheKey(tt.names))
			assert.Equal(t, before, tt.names, "the input is not sorted in place")
		})
	}
}

func TestLessUTF16(t *testing.T) {
	assert.True(t, lessUTF16("a", "b"))
	assert.False(t, lessUTF16("b", "a"))
	assert.False(t, lessUTF16("a", "a"))
	assert.True(t, lessUTF16("", "a"))
	assert.False(t, lessUTF16("a", ""))
	assert.True(t, lessUTF16("\U00010000", "\uE000"), "surrogates sort before U+E000")
	assert.False(t, lessUTF16("\uE000", "\U00010000"))
	assert.True(t, lessUTF16("\uD7FF", "\U00010000"))
}
