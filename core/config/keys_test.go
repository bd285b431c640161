package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSyncMainOnly(t *testing.T) {
	tests := []struct {
		name    string
		value   any
		want    bool
		wantErr string
	}{
		{name: "unset", value: nil},
		{name: "true", value: true, want: true},
		{name: "false", value: false},
		{name: "string", value: "true", wantErr: `(PY1000): Invalid config: "sync_main_only" must be a boolean`},
		{name: "number", value: 1.0, wantErr: `(PY1000): Invalid config: "sync_main_only" must be a boolean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Config{Values: map[string]any{"sync_main_only": tt.value}}.SyncMainOnly()
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	got, err := Config{}.SyncMainOnly()
	require.NoError(t, err)
	assert.False(t, got, "nil Values")
}

func TestPackagesCache(t *testing.T) {
	const wantErr = `(PY1000): Invalid config: "packages_cache" must be "never", "passthrough" or "all"`
	tests := []struct {
		name    string
		value   any
		want    string
		wantErr string
	}{
		{name: "unset", value: nil, want: ""},
		{name: "never", value: "never", want: "never"},
		{name: "passthrough", value: "passthrough", want: "passthrough"},
		{name: "all", value: "all", want: "all"},
		{name: "empty string", value: "", wantErr: wantErr},
		{name: "other", value: "always", wantErr: wantErr},
		{name: "case matters", value: "Never", wantErr: wantErr},
		{name: "bool", value: false, wantErr: wantErr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Config{Values: map[string]any{"packages_cache": tt.value}}.PackagesCache()
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

func TestUnknownKeysUntouched(t *testing.T) {
	values, order := mustParse(`
custom = { b = 1, a = [1, "x"] }
packages = ["numpy"]
[files]
"a.py" = ""
`, FormatTOML)
	c := Config{Values: values, Order: order}
	_, err := c.Files(testPage)
	require.NoError(t, err)
	_, _, err = c.JSModules(testPage)
	require.NoError(t, err)
	_, err = c.Packages(testPage)
	require.NoError(t, err)
	_, err = c.PackagesCache()
	require.NoError(t, err)
	_, err = c.SyncMainOnly()
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"custom":   map[string]any{"b": int64(1), "a": []any{int64(1), "x"}},
		"packages": []any{"numpy"},
		"files":    map[string]any{"a.py": ""},
	}, c.Values, "readers never modify Values")
}

func TestAutoProxies(t *testing.T) {
	const wantErr = `(PY1000): Invalid config: "experimental_create_proxy" must be "auto"`
	for _, tt := range []struct {
		value   any
		want    bool
		wantErr string
	}{
		{value: nil},
		{value: "auto", want: true},
		{value: "Auto", wantErr: wantErr},
		{value: true, wantErr: wantErr},
	} {
		got, err := Config{Values: map[string]any{"experimental_create_proxy": tt.value}}.AutoProxies()
		if tt.wantErr != "" {
			require.EqualError(t, err, tt.wantErr, "value %v", tt.value)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "value %v", tt.value)
	}
}
