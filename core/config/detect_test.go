package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		typ      string
		want     Details
		wantErrs string
	}{
		// inline JSON
		{name: "inline json", config: `{"a": 1}`, want: Details{Format: FormatJSON, Text: `{"a": 1}`}},
		{name: "inline json trimmed", config: " \n\t{\"a\": 1}\n ", want: Details{Format: FormatJSON, Text: `{"a": 1}`}},
		{name: "inline json multi-line", config: "{\n \"a\": 1\n}", want: Details{Format: FormatJSON, Text: "{\n \"a\": 1\n}"}},
		{name: "inline json ending in .json is still json", config: `{"x": "a.json"}`, want: Details{Format: FormatJSON, Text: `{"x": "a.json"}`}},
		{name: "json shape wins over type toml (quirk)", config: `{"a": 1}`, typ: "toml", want: Details{Format: FormatJSON, Text: `{"a": 1}`}},
		{name: "open brace only is toml", config: `{`, want: Details{Format: FormatTOML, Text: `{`}},
		{name: "JS trim removes BOM and NBSP", config: "\ufeff\u00a0{}\u2028", want: Details{Format: FormatJSON, Text: `{}`}},

		// URLs
		{name: "json url", config: "./config.json", want: Details{Format: FormatJSON, URL: "./config.json"}},
		{name: "toml url", config: "conf.toml", want: Details{Format: FormatTOML, URL: "conf.toml"}},
		{name: "toml url with query", config: "conf.toml?v=2", want: Details{Format: FormatTOML, URL: "conf.toml?v=2"}},
		{name: "json url with empty query", config: "https://x.org/c.json?", want: Details{Format: FormatJSON, URL: "https://x.org/c.json?"}},
		{name: "url trimmed", config: "  conf.toml\n", want: Details{Format: FormatTOML, URL: "conf.toml"}},
		{name: "leftmost extension wins", config: "a.toml?v=1.json", want: Details{Format: FormatTOML, URL: "a.toml?v=1.json"}},
		{name: "json url with type json", config: "c.json", typ: "json", want: Details{Format: FormatJSON, URL: "c.json"}},
		{name: "toml url with type toml", config: "c.toml", typ: "toml", want: Details{Format: FormatTOML, URL: "c.toml"}},
		{name: "json url with unknown type", config: "c.json", typ: "yaml", want: Details{Format: FormatJSON, URL: "c.json"}},
		{name: "bad extension", config: "config.yaml", wantErrs: "(PY1000): Invalid URL: config.yaml"},
		{name: "bad extension with query", config: "config.txt?x=1", wantErrs: "(PY1000): Invalid URL: config.txt?x=1"},
		{name: "bad extension with type", config: "config.yaml", typ: "toml", wantErrs: "(PY1000): Invalid URL: config.yaml\nexpected toml content"},
		{name: "json url with type toml", config: "c.json", typ: "toml", wantErrs: "(PY1000): Invalid URL: c.json\nexpected toml content"},
		{name: "toml url with type json", config: "c.toml?v=2", typ: "json", wantErrs: "(PY1000): Invalid URL: c.toml?v=2\nexpected json content"},
		{name: "extension case matters", config: "c.JSON", wantErrs: "(PY1000): Invalid URL: c.JSON"},
		{name: "unknown type named in error", config: "c.yaml", typ: "yaml", wantErrs: "(PY1000): Invalid URL: c.yaml\nexpected yaml content"},
		{name: "inline toml ending in a float (quirk)", config: "version = 1.5", wantErrs: "(PY1000): Invalid URL: version = 1.5"},

		// inline TOML
		{name: "inline toml", config: "name = \"x\"\n", want: Details{Format: FormatTOML, Text: `name = "x"`}},
		{name: "inline toml with table", config: "[files]\n\"a.py\" = \"\"", want: Details{Format: FormatTOML, Text: "[files]\n\"a.py\" = \"\""}},
		{name: "query with space is not a url", config: "a = x.toml? v", want: Details{Format: FormatTOML, Text: "a = x.toml? v"}},
		{name: "dot without word chars", config: "a = \"b.\"", want: Details{Format: FormatTOML, Text: `a = "b."`}},
		{name: "type json forces json", config: "a = 1", typ: "json", want: Details{Format: FormatJSON, Text: "a = 1"}},
		{name: "type toml keeps toml", config: "a = 1", typ: "toml", want: Details{Format: FormatTOML, Text: "a = 1"}},

		// empty
		{name: "empty", config: "", want: Details{}},
		{name: "blank", config: " \n\t ", want: Details{}},
		{name: "empty with type toml", config: "", typ: "toml", want: Details{Format: FormatTOML}},
		{name: "empty with type json", config: "  ", typ: "json", want: Details{Format: FormatJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.config, tt.typ)
			if tt.wantErrs != "" {
				require.EqualError(t, err, tt.wantErrs)
				assert.Equal(t, Details{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestURLExtension(t *testing.T) {
	tests := []struct {
		text string
		ext  string
		ok   bool
	}{
		{"a.json", "json", true},
		{"a.b.toml", "toml", true},
		{"x.toml?v=2", "toml", true},
		{"x.toml?", "toml", true},
		{"x.my_ext1", "my_ext1", true},
		{"x.toml?a b", "", false},
		{"x.toml?a\u00a0b", "", false},
		{"x.toml#frag", "", false},
		{"x.", "", false},
		{"x", "", false},
		{"", "", false},
		{".", "", false},
		{"a.é", "", false},
		{"dir.v1/x.json", "json", true},
		{"a = 1.5", "5", true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ext, ok := urlExtension(tt.text)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.ext, ext)
		})
	}
}

func TestFormatString(t *testing.T) {
	assert.Equal(t, "none", FormatNone.String())
	assert.Equal(t, "json", FormatJSON.String())
	assert.Equal(t, "toml", FormatTOML.String())
}

func TestTrimJS(t *testing.T) {
	// U+0085 is not JS whitespace; U+FEFF and U+3000 are.
	assert.Equal(t, "\u0085a\u0085", trimJS("\ufeff\u3000\u0085a\u0085\v"))
	assert.Equal(t, "a b", trimJS("\u2000\u200a a b\u2029"))
}
