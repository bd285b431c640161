package config

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deep builds text that nests n levels: open repeated n times, then inner,
// then close repeated n times.
func deep(prefix, open, inner, close string, n int) string {
	return prefix + strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

func TestParseRefusesDeepNesting(t *testing.T) {
	const n = 10_000
	tests := []struct {
		name, text, wantErr string
		format              Format
	}{
		{"JSON arrays", deep(`{"a": `, "[", "", "]", n) + "}", "(PY1000): Invalid JSON\nnested deeper than 100 levels at line 1", FormatJSON},
		{"JSON objects", deep("", `{"a": `, "1", "}", n), "(PY1000): Invalid JSON\nnested deeper than 100 levels at line 1", FormatJSON},
		{"JSON on a later line", "{\n\"a\":\n" + deep("", "[", "", "]", n) + "}", "(PY1000): Invalid JSON\nnested deeper than 100 levels at line 3", FormatJSON},
		{"TOML arrays", deep("a = ", "[", "", "]", n), "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 1", FormatTOML},
		{"TOML inline tables", deep("a = ", "{b = ", "1", "}", n), "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 1", FormatTOML},
		{"TOML arrays of inline tables", deep("a = ", "[{b = ", "1", "}]", n), "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 1", FormatTOML},
		{"TOML dotted key", "x = 1\n" + strings.Repeat("a.", n) + "b = 1", "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 2", FormatTOML},
		{"TOML table header", "[" + strings.Repeat("a.", n) + "b]\nc = 1", "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 1", FormatTOML},
		{"TOML after a multi-line string", "s = \"\"\"\n\"\"\"\"\n" + deep("a = ", "[", "", "]", n), "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 3", FormatTOML},
		{"TOML inline table after a quote-ended multi-line string", deep(`t = {s = """x"""", b = `, "[", "", "]", n) + "}", "(PY1000): Invalid TOML\nnested deeper than 100 levels at line 1", FormatTOML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, tt.format, "", stdJSON)
			require.EqualError(t, err, tt.wantErr)
			assert.Nil(t, got)
		})
	}
	_, err := Parse(deep("a = ", "[", "", "]", n), FormatTOML, "https://h/c.toml", stdJSON)
	assert.EqualError(t, err, "(PY1000): Invalid TOML @ https://h/c.toml\nnested deeper than 100 levels at line 1")
}

func TestParseKeepsNestingUpToMaxDepth(t *testing.T) {
	// The root object is one level: MaxDepth-1 arrays inside it fit (a
	// JSON number's decimal point is no level).
	got, err := Parse(deep(`{"a": `, "[", "1.5", "]", MaxDepth-1)+"}", FormatJSON, "", orderedJSON)
	require.NoError(t, err)
	v := got["a"]
	for range MaxDepth - 2 {
		v = v.([]any)[0]
	}
	assert.Equal(t, []any{1.5}, v)
	_, err = Parse(deep(`{"a": `, "[", "", "]", MaxDepth)+"}", FormatJSON, "", orderedJSON)
	assert.EqualError(t, err, "(PY1000): Invalid JSON\nnested deeper than 100 levels at line 1")

	got, err = Parse(deep("a = ", "{b = ", "1", "}", MaxDepth), FormatTOML, "", nil)
	require.NoError(t, err)
	v = got["a"]
	for range MaxDepth - 1 {
		v = v.(map[string]any)["b"]
	}
	assert.Equal(t, map[string]any{"b": int64(1)}, v)
	_, err = Parse(deep("a = ", "{b = ", "1", "}", MaxDepth+1), FormatTOML, "", nil)
	assert.Error(t, err)
}

func TestParseIgnoresBracketsInStringsAndComments(t *testing.T) {
	many := strings.Repeat("[{.", 10_000)
	got, err := Parse(`{"a": "`+many+`\"`+many+`"}`, FormatJSON, "", stdJSON)
	require.NoError(t, err)
	assert.Equal(t, many+`"`+many, got["a"])

	text := "# " + many + "\n" +
		"a = '" + many + "'\n" +
		"b = \"" + many + "\\\"\"\n" +
		"c = '''\n" + many + "\n'''\n" +
		"d = \"\"\"" + many + "\"\"\"\"\"\n" +
		`"e.f.g" = 1`
	got, err = Parse(text, FormatTOML, "", nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": many, "b": many + `"`, "c": many + "\n", "d": many + `""`, "e.f.g": int64(1)}, got)
}

// A megabyte of config, in both formats, parses to what it says.
func TestParseOneMegabyteConfig(t *testing.T) {
	const n = 60_000
	names := make([]string, n)
	for i := range names {
		names[i] = "pkg" + strconv.Itoa(i)
	}
	long := strings.Repeat("x", 1<<20)
	want := map[string]any{"packages": toAny(names), "name": long}

	jsonText := `{"packages": ["` + strings.Join(names, `", "`) + `"], "name": "` + long + `"}`
	tomlText := `packages = ["` + strings.Join(names, `", "`) + "\"]\nname = '" + long + "'"
	require.Greater(t, len(tomlText), 1<<20)
	for _, c := range []struct {
		text   string
		format Format
	}{{jsonText, FormatJSON}, {tomlText, FormatTOML}} {
		got, order, err := ParseOrdered(c.text, c.format, "", orderedJSON)
		require.NoError(t, err, c.format)
		assert.Equal(t, want, got, c.format)
		assert.Equal(t, []string{"packages", "name"}, order.Keys, c.format)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, e := range s {
		out[i] = e
	}
	return out
}

func TestParseInvalidUTF8AndNUL(t *testing.T) {
	tests := []struct {
		name, text, wantErr string
		format              Format
		want                map[string]any
	}{
		{name: "TOML invalid UTF-8 in a string", format: FormatTOML, text: "a = \"\xff\xfe\"",
			wantErr: "(PY1000): Invalid TOML\nline 1, column 5: invalid UTF-8 byte: 0xff"},
		{name: "TOML invalid UTF-8 in a comment", format: FormatTOML, text: "a = 1 # \xc3\n",
			wantErr: "(PY1000): Invalid TOML\nline 1, column 8: invalid UTF-8 byte: 0xc3"},
		{name: "TOML NUL in a string", format: FormatTOML, text: "a = \"x\x00y\"",
			wantErr: "(PY1000): Invalid TOML\nline 1, column 6: TOML files cannot contain control characters: '0x00'"},
		{name: "TOML NUL between tokens", format: FormatTOML, text: "a = 1\x00",
			wantErr: "(PY1000): Invalid TOML\nline 1, column 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8"},
		{name: "TOML escaped NUL", format: FormatTOML, text: `a = "x\u0000y"`, want: map[string]any{"a": "x\x00y"}},
		{name: "JSON NUL in a string", format: FormatJSON, text: "{\"a\": \"x\x00y\"}",
			wantErr: "(PY1000): Invalid JSON\ninvalid character '\\x00' in string literal"},
		{name: "JSON escaped NUL", format: FormatJSON, text: `{"a": "x\u0000y"}`, want: map[string]any{"a": "x\x00y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.text, tt.format, "", stdJSON)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	// Detect looks only at the text's shape: invalid bytes leave it to the
	// parser.
	d, err := Detect("{\"a\": \"\xff\"}", "")
	require.NoError(t, err)
	assert.Equal(t, FormatJSON, d.Format)
}

func TestFilesFiveThousandEntries(t *testing.T) {
	const n = 5000
	var b strings.Builder
	b.WriteString("[files]\n\"{D}\" = \"lib\"\n")
	for i := range n {
		b.WriteString(`"m` + strconv.Itoa(i) + `.py" = "{D}/"` + "\n")
	}
	values, order, err := ParseOrdered(b.String(), FormatTOML, testCfgURL, nil)
	require.NoError(t, err)
	specs, err := Files(values, order, testCfgURL)
	require.NoError(t, err)
	require.Len(t, specs, n)
	for i, s := range specs {
		name := "m" + strconv.Itoa(i) + ".py"
		require.Equal(t, FileSpec{URL: "https://h/cfg/" + name, Source: name, Dest: "lib/" + name}, s)
	}

	// A duplicate at the very end is still found.
	b.WriteString(`"x/m0.py" = "{D}/"` + "\n")
	values, order, err = ParseOrdered(b.String(), FormatTOML, testCfgURL, nil)
	require.NoError(t, err)
	_, err = Files(values, order, testCfgURL)
	assert.EqualError(t, err, "Duplicated destination: lib/m0.py")
}
