package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInterpreterURL(t *testing.T) {
	const (
		cfgBase  = "https://example.org/app/conf/config.toml"
		pageBase = "https://example.org/app/config.txt"
		def      = "https://example.org/default.mjs"
	)
	tests := []struct {
		name    string
		typ     string
		value   any
		base    string
		want    string
		wantErr string
	}{
		{name: "unset", typ: "py", value: nil, base: cfgBase, want: def},
		{name: "empty", typ: "mpy", value: "", base: cfgBase, want: def},
		{name: "pyodide version", typ: "py", value: "0.27.7", base: cfgBase,
			want: "https://cdn.jsdelivr.net/pyodide/v0.27.7/full/pyodide.mjs"},
		{name: "micropython version", typ: "mpy", value: "1.28.0-6", base: cfgBase,
			want: "https://cdn.jsdelivr.net/npm/@micropython/micropython-webassembly-pyscript@1.28.0-6/micropython.mjs"},
		{name: "dot relative to config", typ: "py", value: "./pyodide/pyodide.mjs", base: cfgBase,
			want: "https://example.org/app/conf/pyodide/pyodide.mjs"},
		{name: "parent relative to config", typ: "mpy", value: "../mp/micropython.mjs", base: cfgBase,
			want: "https://example.org/app/mp/micropython.mjs"},
		{name: "dot relative to page", typ: "py", value: "./pyodide/pyodide.mjs", base: pageBase,
			want: "https://example.org/app/pyodide/pyodide.mjs"},
		{name: "root relative", typ: "py", value: "/static/pyodide.mjs", base: cfgBase,
			want: "https://example.org/static/pyodide.mjs"},
		{name: "absolute", typ: "py", value: "https://cdn.example.com/p/pyodide.mjs", base: cfgBase,
			want: "https://cdn.example.com/p/pyodide.mjs"},
		{name: "absolute without extension", typ: "mpy", value: "http://localhost:8000/mp", base: cfgBase,
			want: "http://localhost:8000/mp"},
		{name: "bare .mjs file", typ: "mpy", value: "micropython.mjs", base: cfgBase,
			want: "https://example.org/app/conf/micropython.mjs"},
		{name: "bare .js file", typ: "py", value: "lib/pyodide.js", base: pageBase,
			want: "https://example.org/app/lib/pyodide.js"},
		{name: "blob scheme", typ: "py", value: "blob:https://example.org/uuid", base: cfgBase,
			want: "blob:https://example.org/uuid"},
		{name: "number", typ: "py", value: 0.27, base: cfgBase,
			wantErr: `(PY1000): Invalid config: "interpreter" must be a string`},
		{name: "list", typ: "mpy", value: []any{"x"}, base: cfgBase,
			wantErr: `(PY1000): Invalid config: "interpreter" must be a string`},
		{name: "unknown type", typ: "lua", value: "5.4", base: cfgBase,
			wantErr: "(PY1000): Unknown interpreter type: lua"},
		{name: "relative without usable base", typ: "py", value: "./p.mjs", base: "",
			wantErr: "(PY1000): Invalid URL: ./p.mjs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := InterpreterURL(tt.typ, tt.value, tt.base, def)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestIsURLShaped(t *testing.T) {
	for s, want := range map[string]bool{
		"./a": true, "../a": true, "/a": true, "https://a": true, "data:text/javascript,": true,
		"a.mjs": true, "a.js": true, "0.27.7": false, "1.28.0-6": false, "latest": false,
		".a": false, "": false, "1:2": false, "a.json": false,
	} {
		assert.Equal(t, want, isURLShaped(s), s)
	}
}
