package config

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		url     string
		want    map[string]any
		wantErr string
	}{
		{name: "object", text: `{"packages": ["numpy"], "debug": true, "n": 2}`,
			want: map[string]any{"packages": []any{"numpy"}, "debug": true, "n": float64(2)}},
		{name: "empty object", text: `{}`, want: map[string]any{}},
		{name: "syntax error inline", text: `{"a": }`,
			wantErr: "(PY1000): Invalid JSON\ninvalid character '}' looking for beginning of value"},
		{name: "syntax error from url", text: `{"a": }`, url: "./config.json",
			wantErr: "(PY1000): Invalid JSON @ ./config.json\ninvalid character '}' looking for beginning of value"},
		{name: "empty body", text: "", url: "c.json",
			wantErr: "(PY1000): Invalid JSON @ c.json\nunexpected end of JSON input"},
		{name: "array root", text: `[1]`, url: "c.json",
			wantErr: "(PY1000): Invalid JSON @ c.json\nthe config must be an object, not an array"},
		{name: "null root", text: `null`,
			wantErr: "(PY1000): Invalid JSON\nthe config must be an object, not null"},
		{name: "string root", text: `"x"`,
			wantErr: "(PY1000): Invalid JSON\nthe config must be an object, not a string"},
		{name: "number root", text: `1`,
			wantErr: "(PY1000): Invalid JSON\nthe config must be an object, not a number"},
		{name: "bool root", text: `true`,
			wantErr: "(PY1000): Invalid JSON\nthe config must be an object, not a boolean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, FormatJSON, tt.url, stdJSON)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseJSONInjectedParser(t *testing.T) {
	t.Run("message passes through unchanged", func(t *testing.T) {
		parser := func(string) (any, error) {
			return nil, errors.New("JSON.parse: unexpected character at line 1 column 2 of the JSON data")
		}
		_, err := Parse("{x}", FormatJSON, "https://h/c.json", parser)
		require.EqualError(t, err, "(PY1000): Invalid JSON @ https://h/c.json\nJSON.parse: unexpected character at line 1 column 2 of the JSON data")
	})
	t.Run("nil map is an empty config", func(t *testing.T) {
		got, err := Parse("{}", FormatJSON, "", func(string) (any, error) { return map[string]any(nil), nil })
		require.NoError(t, err)
		assert.NotNil(t, got)
		assert.Empty(t, got)
	})
	t.Run("missing parser", func(t *testing.T) {
		_, err := Parse("{}", FormatJSON, "", nil)
		require.EqualError(t, err, "(PY1000): Invalid JSON\nno JSON parser available")
	})
}

func TestParseTOML(t *testing.T) {
	text := `
name = "app"
debug = true
count = 3
ratio = 0.5
plugins = ["!error", "x"]
mixed = [1, "a", [2, 3]]
odt = 1979-05-27T07:32:00Z
odt_offset = 1979-05-27T00:32:00.999999-07:00
odt_space = 1979-05-27 07:32:00Z
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00
lt_frac = 07:32:00.25
dates = [1979-05-27, 2000-01-01]

[files]
"https://x/a.py" = "./a.py"

[js_modules.main]
"https://x/m.js" = "m"

[[fetch]]
files = ["a.py"]
when = 2024-01-02

[[fetch]]
from = "lib/"
[[fetch.sub]]
k = 1
`
	got, err := Parse(text, FormatTOML, "", nil)
	require.NoError(t, err)
	want := map[string]any{
		"name":       "app",
		"debug":      true,
		"count":      int64(3),
		"ratio":      0.5,
		"plugins":    []any{"!error", "x"},
		"mixed":      []any{int64(1), "a", []any{int64(2), int64(3)}},
		"odt":        "1979-05-27T07:32:00Z",
		"odt_offset": "1979-05-27T00:32:00.999999-07:00",
		"odt_space":  "1979-05-27T07:32:00Z",
		"ldt":        "1979-05-27T07:32:00",
		"ld":         "1979-05-27",
		"lt":         "07:32:00",
		"lt_frac":    "07:32:00.25",
		"dates":      []any{"1979-05-27", "2000-01-01"},
		"files":      map[string]any{"https://x/a.py": "./a.py"},
		"js_modules": map[string]any{"main": map[string]any{"https://x/m.js": "m"}},
		"fetch": []any{
			map[string]any{"files": []any{"a.py"}, "when": "2024-01-02"},
			map[string]any{"from": "lib/", "sub": []any{map[string]any{"k": int64(1)}}},
		},
	}
	assert.Equal(t, want, got)
}

func TestParseTOMLSpecialFloats(t *testing.T) {
	got, err := Parse("a = nan\nb = -inf", FormatTOML, "", nil)
	require.NoError(t, err)
	assert.True(t, math.IsNaN(got["a"].(float64)))
	assert.True(t, math.IsInf(got["b"].(float64), -1))
}

func TestParseTOMLErrors(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		url     string
		wantErr string
	}{
		{name: "missing value inline", text: "a = ",
			wantErr: "(PY1000): Invalid TOML\nline 1, column 4: unexpected EOF; expected value"},
		{name: "bad value from url", text: "a = 1\nb = [1,\n x]", url: "conf.toml?v=2",
			wantErr: "(PY1000): Invalid TOML @ conf.toml?v=2\nline 3, column 2: expected value but found \"x\" instead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, FormatTOML, tt.url, nil)
			require.EqualError(t, err, tt.wantErr)
			assert.Nil(t, got)
		})
	}
	t.Run("duplicate key reports its line", func(t *testing.T) {
		_, err := Parse("a = 1\n\na = 2", FormatTOML, "", nil)
		require.Error(t, err)
		assert.True(t, strings.HasPrefix(err.Error(), "(PY1000): Invalid TOML\nline 3, column "), err.Error())
		assert.Contains(t, err.Error(), "Key 'a' has already been defined.")
	})
}

func TestParseEmpty(t *testing.T) {
	for _, f := range []Format{FormatNone, FormatTOML} {
		t.Run(f.String(), func(t *testing.T) {
			got, err := Parse("", f, "", nil)
			require.NoError(t, err)
			assert.NotNil(t, got)
			assert.Empty(t, got)
		})
	}
	t.Run("none ignores text", func(t *testing.T) {
		got, err := Parse("not = [valid", FormatNone, "", nil)
		require.NoError(t, err)
		assert.Empty(t, got)
	})
}
