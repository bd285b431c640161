package config

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigAccessors(t *testing.T) {
	c := Config{Values: map[string]any{
		"interpreter": "0.27.7",
		"plugins":     []any{"!error", "py-terminal"},
		"debug":       true,
		"custom":      map[string]any{"k": "v"},
	}}
	interp, err := c.Interpreter()
	require.NoError(t, err)
	assert.Equal(t, "0.27.7", interp)

	plugins, err := c.Plugins()
	require.NoError(t, err)
	assert.Equal(t, []string{"!error", "py-terminal"}, plugins)
	assert.True(t, c.PluginDisabled("error"))
	assert.False(t, c.PluginDisabled("py-terminal"))

	debug, err := c.Debug()
	require.NoError(t, err)
	assert.True(t, debug)

	assert.Equal(t, map[string]any{"k": "v"}, c.Values["custom"], "unknown keys are kept")
}

func TestConfigAccessorsUnset(t *testing.T) {
	var c Config // nil Values must be safe
	interp, err := c.Interpreter()
	require.NoError(t, err)
	assert.Empty(t, interp)
	plugins, err := c.Plugins()
	require.NoError(t, err)
	assert.Nil(t, plugins)
	debug, err := c.Debug()
	require.NoError(t, err)
	assert.False(t, debug)
	assert.False(t, c.PluginDisabled("error"))
	_, ok := c.FFITimeout()
	assert.False(t, ok)
}

func TestConfigAccessorErrors(t *testing.T) {
	tests := []struct {
		name    string
		values  map[string]any
		call    func(Config) error
		wantErr string
	}{
		{name: "interpreter number", values: map[string]any{"interpreter": 1.0},
			call:    func(c Config) error { _, err := c.Interpreter(); return err },
			wantErr: `(PY1000): Invalid config: "interpreter" must be a string`},
		{name: "interpreter url number", values: map[string]any{"interpreter": int64(1)},
			call:    func(c Config) error { _, err := c.InterpreterURL("py", "https://h/", "d"); return err },
			wantErr: `(PY1000): Invalid config: "interpreter" must be a string`},
		{name: "plugins string", values: map[string]any{"plugins": "!error"},
			call:    func(c Config) error { _, err := c.Plugins(); return err },
			wantErr: `(PY1000): Invalid config: "plugins" must be a list of strings`},
		{name: "plugins mixed", values: map[string]any{"plugins": []any{"a", 1.0}},
			call:    func(c Config) error { _, err := c.Plugins(); return err },
			wantErr: `(PY1000): Invalid config: "plugins" must be a list of strings`},
		{name: "debug string", values: map[string]any{"debug": "true"},
			call:    func(c Config) error { _, err := c.Debug(); return err },
			wantErr: `(PY1000): Invalid config: "debug" must be a boolean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.EqualError(t, tt.call(Config{Values: tt.values}), tt.wantErr)
		})
	}
	assert.False(t, Config{Values: map[string]any{"plugins": "!error"}}.PluginDisabled("error"),
		"a malformed list disables nothing")
}

func TestConfigPluginsStringSlice(t *testing.T) {
	got, err := Config{Values: map[string]any{"plugins": []string{"!donkey"}}}.Plugins()
	require.NoError(t, err)
	assert.Equal(t, []string{"!donkey"}, got)
}

func TestConfigFFITimeout(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  int64
		ok    bool
	}{
		{"toml int", int64(250), 250, true},
		{"json number", float64(-1), -1, true},
		{"zero", float64(0), 0, true},
		{"fraction", 1.5, 0, false},
		{"too big float", float64(1 << 53), 0, false},
		{"too big int", int64(1 << 53), 0, false},
		{"max safe", int64(1<<53 - 1), 1<<53 - 1, true},
		{"string", "250", 0, false},
		{"unset", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Config{Values: map[string]any{"experimental_ffi_timeout": tt.value}}.FFITimeout()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestConfigInterpreterURL(t *testing.T) {
	const page = "https://h/app/index.html"
	t.Run("relative to config url", func(t *testing.T) {
		c := Config{Values: map[string]any{"interpreter": "./py/pyodide.mjs"}, ConfigURL: "https://h/cfg/c.toml"}
		got, err := c.InterpreterURL("py", page, "d")
		require.NoError(t, err)
		assert.Equal(t, "https://h/cfg/py/pyodide.mjs", got)
	})
	t.Run("relative to page when inline", func(t *testing.T) {
		c := Config{Values: map[string]any{"interpreter": "./py/pyodide.mjs"}}
		got, err := c.InterpreterURL("py", page, "d")
		require.NoError(t, err)
		assert.Equal(t, "https://h/app/py/pyodide.mjs", got)
	})
	t.Run("default", func(t *testing.T) {
		got, err := Config{}.InterpreterURL("mpy", page, "https://d/micropython.mjs")
		require.NoError(t, err)
		assert.Equal(t, "https://d/micropython.mjs", got)
	})
}

// fakeFetch serves a fixed set of URLs and records the requests.
type fakeFetch struct {
	files map[string]string
	asked []string
}

func (f *fakeFetch) fetch(url string) (string, error) {
	f.asked = append(f.asked, url)
	body, ok := f.files[url]
	if !ok {
		return "", errors.New("(PY0404): Fetching from URL " + url + " failed with error 404 (Not Found). Are your filename and path correct?")
	}
	return body, nil
}

func TestLoad(t *testing.T) {
	const page = "https://h/app/index.html"
	files := map[string]string{
		"https://h/app/conf.toml?v=2": "\n  interpreter = \"./py/pyodide.mjs\"\n  debug = true\n",
		"https://h/cfg/c.json":        ` {"plugins": ["!error"]} `,
		"https://h/app/bad.toml":      "a = [",
		"https://h/app/bad.json":      "{",
		"https://h/app/empty.toml":    "  ",
	}
	tests := []struct {
		name      string
		sel       Selection
		want      Config
		wantKeys  []string // the recorded top-level key order
		wantAsked []string
		wantErr   string
	}{
		{name: "no config", sel: Selection{}, want: Config{Values: map[string]any{}}},
		{name: "inline toml", sel: Selection{Config: "debug = true"},
			want: Config{Values: map[string]any{"debug": true}}, wantKeys: []string{"debug"}},
		{name: "inline json", sel: Selection{Config: `{"debug": false}`},
			want: Config{Values: map[string]any{"debug": false}}},
		{name: "inline with type json", sel: Selection{Config: ` {"a":1} `, Type: "json"},
			want: Config{Values: map[string]any{"a": float64(1)}}},
		{name: "toml url with query", sel: Selection{Config: "conf.toml?v=2"},
			want: Config{
				Values:    map[string]any{"interpreter": "./py/pyodide.mjs", "debug": true},
				ConfigURL: "https://h/app/conf.toml?v=2",
			},
			wantKeys:  []string{"interpreter", "debug"},
			wantAsked: []string{"https://h/app/conf.toml?v=2"}},
		{name: "json url", sel: Selection{Config: "../cfg/c.json"},
			want:      Config{Values: map[string]any{"plugins": []any{"!error"}}, ConfigURL: "https://h/cfg/c.json"},
			wantAsked: []string{"https://h/cfg/c.json"}},
		{name: "empty toml body", sel: Selection{Config: "empty.toml"},
			want:      Config{Values: map[string]any{}, ConfigURL: "https://h/app/empty.toml"},
			wantAsked: []string{"https://h/app/empty.toml"}},
		{name: "bad toml url names the url as written", sel: Selection{Config: "./bad.toml"},
			wantAsked: []string{"https://h/app/bad.toml"},
			wantErr:   "(PY1000): Invalid TOML @ ./bad.toml\nline 1, column 5: unexpected EOF; expected value"},
		{name: "bad json url", sel: Selection{Config: "bad.json"},
			wantAsked: []string{"https://h/app/bad.json"},
			wantErr:   "(PY1000): Invalid JSON @ bad.json\nunexpected end of JSON input"},
		{name: "bad inline toml", sel: Selection{Config: "a = "},
			wantErr: "(PY1000): Invalid TOML\nline 1, column 3: unexpected EOF; expected value"},
		{name: "bad extension is not fetched", sel: Selection{Config: "c.yaml", Type: "toml"},
			wantErr: "(PY1000): Invalid URL: c.yaml\nexpected toml content"},
		{name: "fetch error passes through", sel: Selection{Config: "missing.json"},
			wantAsked: []string{"https://h/app/missing.json"},
			wantErr:   "(PY0404): Fetching from URL https://h/app/missing.json failed with error 404 (Not Found). Are your filename and path correct?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeFetch{files: files}
			got, err := Load(tt.sel, page, f.fetch, stdJSON, nil)
			assert.Equal(t, tt.wantAsked, f.asked)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Equal(t, Config{}, got)
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got.Order, "Load always records the key order")
			assert.Equal(t, tt.wantKeys, got.Order.Keys)
			got.Order = nil
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLoadResolvesAgainstTheBaseOfContentReadElsewhere(t *testing.T) {
	cfg, err := Load(Selection{Config: `{"files": {"./data.csv": ""}}`, Base: "https://h/cfg/pyscript.toml"},
		"https://h/app/index.html", nil, stdJSON, nil)
	require.NoError(t, err)
	assert.Equal(t, "https://h/cfg/pyscript.toml", cfg.ConfigURL)
	files, err := cfg.Files("https://h/app/index.html")
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.Equal(t, "https://h/cfg/data.csv", files[0].URL)
}

func TestLoadWithoutFetcher(t *testing.T) {
	_, err := Load(Selection{Config: "c.toml"}, "https://h/", nil, stdJSON, nil)
	require.EqualError(t, err, "(PY1000): Unable to fetch https://h/c.toml")
}

func TestLoadBadPage(t *testing.T) {
	_, err := Load(Selection{Config: "c.toml"}, "", (&fakeFetch{}).fetch, stdJSON, nil)
	require.EqualError(t, err, "(PY1000): Invalid URL: c.toml")
}

func TestLoadParsesTOMLWithTheConfigParserModule(t *testing.T) {
	var gotURL, gotText string
	parseWith := func(moduleURL, text string) (any, error) {
		gotURL, gotText = moduleURL, text
		return map[string]any{"packages": []any{"from-the-module"}}, nil
	}
	cfg, err := Load(Selection{Config: "name = 'ours would read this'", Type: "toml", Parser: "./parser.js"},
		"https://h/app/page.html", nil, stdJSON, parseWith)
	require.NoError(t, err)
	assert.Equal(t, "https://h/app/parser.js", gotURL)
	assert.Equal(t, "name = 'ours would read this'", gotText)
	assert.Equal(t, map[string]any{"packages": []any{"from-the-module"}}, cfg.Values)
}

func TestLoadKeepsJSONForItsOwnParserEvenWithAConfigParser(t *testing.T) {
	parseWith := func(string, string) (any, error) { return nil, errors.New("must not be called") }
	cfg, err := Load(Selection{Config: `{"a": 1}`, Parser: "./parser.js"}, "https://h/", nil, stdJSON, parseWith)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": float64(1)}, cfg.Values)
}

func TestLoadReportsAConfigParserFailureAsInvalidTOML(t *testing.T) {
	parseWith := func(string, string) (any, error) { return nil, errors.New("line 1: bad") }
	_, err := Load(Selection{Config: "x =", Type: "toml", Parser: "p.js"}, "https://h/", nil, stdJSON, parseWith)
	require.EqualError(t, err, "(PY1000): Invalid TOML\nline 1: bad")
	parseArray := func(string, string) (any, error) { return []any{1.0}, nil }
	_, err = Load(Selection{Config: "x = 1", Type: "toml", Parser: "p.js"}, "https://h/", nil, stdJSON, parseArray)
	require.EqualError(t, err, "(PY1000): Invalid TOML\nthe config must be an object, not an array")
}
