package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSModules(t *testing.T) {
	tests := []struct {
		name       string
		toml       string
		base       string
		wantMain   []JSModule
		wantWorker []JSModule
		wantErr    string
	}{
		{name: "absent", toml: `debug = true`, base: testCfgURL},
		{name: "main and worker in written order", base: testCfgURL, toml: `
[js_modules.main]
"https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet-src.esm.js" = "leaflet"
"https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css" = "leaflet"
"./lib/z.js" = "z"
"../a.mjs" = "a_mod"
[js_modules.worker]
"./w.js" = "w"
"https://o/x.js?v=1" = "Ünïcode_1"
`, wantMain: []JSModule{
			{URL: "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet-src.esm.js", Name: "leaflet"},
			{URL: "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css", Name: "leaflet", CSS: true},
			{URL: "https://h/cfg/lib/z.js", Name: "z"},
			{URL: "https://h/a.mjs", Name: "a_mod"},
		}, wantWorker: []JSModule{
			{URL: "https://h/cfg/w.js", Name: "w"},
			{URL: "https://o/x.js?v=1", Name: "Ünïcode_1"},
		}},
		{name: "inline resolves against the page", base: testInlineBase,
			toml:     "[js_modules.main]\n\"./m.js\" = \"m\"",
			wantMain: []JSModule{{URL: "https://h/app/m.js", Name: "m"}}},
		{name: "css by path, any case, query ignored", base: testCfgURL, toml: `
[js_modules.main]
"./A.CSS?v=2" = "any name-is fine"
"./style.css.js" = "not_css"
"./get?f=x.css" = "also_not_css"
`, wantMain: []JSModule{
			{URL: "https://h/cfg/A.CSS?v=2", Name: "any name-is fine", CSS: true},
			{URL: "https://h/cfg/style.css.js", Name: "not_css"},
			{URL: "https://h/cfg/get?f=x.css", Name: "also_not_css"},
		}},
		{name: "other keys ignored", base: testCfgURL, toml: "[js_modules]\nother = 1"},
		{name: "css in worker", base: testCfgURL,
			toml:    "[js_modules.worker]\n\"./a.css\" = \"a\"",
			wantErr: `(PY1000): Invalid config: "js_modules.worker" cannot load the stylesheet ./a.css: list it in "js_modules.main"`},
		{name: "name with a dash", base: testCfgURL,
			toml:    "[js_modules.main]\n\"./lib.js\" = \"my-lib\"",
			wantErr: `(PY1000): Invalid config: "js_modules.main" name "my-lib" of ./lib.js is not a Python identifier`},
		{name: "empty name", base: testCfgURL,
			toml:    "[js_modules.worker]\n\"./lib.js\" = \"\"",
			wantErr: `(PY1000): Invalid config: "js_modules.worker" name "" of ./lib.js is not a Python identifier`},
		{name: "keyword name", base: testCfgURL,
			toml:    "[js_modules.main]\n\"./lib.js\" = \"class\"",
			wantErr: `(PY1000): Invalid config: "js_modules.main" name "class" of ./lib.js is not a Python identifier`},
		{name: "name not a string", base: testCfgURL,
			toml:    "[js_modules.main]\n\"./lib.js\" = 1",
			wantErr: `(PY1000): Invalid config: "js_modules.main" must be a table of strings`},
		{name: "css name not a string", base: testCfgURL,
			toml:    "[js_modules.main]\n\"./a.css\" = true",
			wantErr: `(PY1000): Invalid config: "js_modules.main" must be a table of strings`},
		{name: "main not a table", base: testCfgURL,
			toml:    "js_modules = { main = [\"a.js\"] }",
			wantErr: `(PY1000): Invalid config: "js_modules.main" must be a table of strings`},
		{name: "worker not a table", base: testCfgURL,
			toml:    "js_modules = { worker = \"a.js\" }",
			wantErr: `(PY1000): Invalid config: "js_modules.worker" must be a table of strings`},
		{name: "js_modules not a table", base: testCfgURL,
			toml:    "js_modules = [1]",
			wantErr: `(PY1000): Invalid config: "js_modules" must be a table`},
		{name: "unresolvable", base: "",
			toml:    "[js_modules.main]\n\"./m.js\" = \"m\"",
			wantErr: "(PY1000): Invalid URL: ./m.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, order := mustParse(tt.toml, FormatTOML)
			main, worker, err := JSModules(values, order, tt.base)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Nil(t, main)
				assert.Nil(t, worker)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantMain, main)
			assert.Equal(t, tt.wantWorker, worker)
		})
	}
}

func TestConfigJSModules(t *testing.T) {
	values, order := mustParse(`{"js_modules": {"main": {"./b.js": "b", "./a.js": "a"}}}`, FormatJSON)
	main, worker, err := Config{Values: values, Order: order}.JSModules(testPage)
	require.NoError(t, err)
	assert.Nil(t, worker)
	assert.Equal(t, []JSModule{{URL: "https://h/app/b.js", Name: "b"}, {URL: "https://h/app/a.js", Name: "a"}}, main)
}

func TestIsPythonIdentifier(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "_": true, "_a1": true, "Leaflet": true, "été": true, "名前": true,
		"match": true, "type": true, "x\u0301": true, "ⅷ": true, "a‿b": true,
		"": false, "1a": false, "a-b": false, "a.b": false, "a b": false,
		"None": false, "import": false, "yield": false, "\u0301x": false, "a\xff": false,
		"٣": false, "x٣": true,
	} {
		assert.Equal(t, want, IsPythonIdentifier(s), "%q", s)
	}
}
