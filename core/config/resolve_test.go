package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBase(t *testing.T) {
	tests := []struct {
		name, configURL, pageURL, want string
	}{
		{"config url wins", "https://h/cfg/c.toml", "https://h/app/index.html", "https://h/cfg/c.toml"},
		{"inline uses page directory", "", "https://h/app/index.html", "https://h/app/config.txt"},
		{"page with query and hash", "", "https://h/app/?a=1#top", "https://h/app/config.txt"},
		{"page at root without slash", "", "https://h", "https://h/config.txt"},
		{"unusable page is returned", "", "not a url", "not a url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Base(tt.configURL, tt.pageURL))
		})
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name, ref, base, want, wantErr string
	}{
		{name: "relative to config", ref: "./a.py", base: "https://h/cfg/c.toml", want: "https://h/cfg/a.py"},
		{name: "bare relative to inline base", ref: "a.py", base: Base("", "https://h/app/index.html"), want: "https://h/app/a.py"},
		{name: "parent", ref: "../x/a.py", base: "https://h/cfg/c.toml", want: "https://h/x/a.py"},
		{name: "root", ref: "/a.py", base: "https://h/cfg/c.toml", want: "https://h/a.py"},
		{name: "absolute ignores base", ref: "https://o/a.py", base: "https://h/c.toml", want: "https://o/a.py"},
		{name: "absolute without base", ref: "https://o", base: "", want: "https://o/"},
		{name: "absolute dot segments removed", ref: "https://o/a/./b/../c.py?q=1#f", base: "", want: "https://o/a/c.py?q=1#f"},
		{name: "opaque kept", ref: "blob:https://o/a/../b", base: "", want: "blob:https://o/a/../b"},
		{name: "query kept", ref: "conf.toml?v=2", base: "https://h/app/index.html", want: "https://h/app/conf.toml?v=2"},
		{name: "no base", ref: "a.py", base: "", wantErr: "(PY1000): Invalid URL: a.py"},
		{name: "relative base", ref: "a.py", base: "/app/", wantErr: "(PY1000): Invalid URL: a.py"},
		{name: "bad ref", ref: "http://[::1", base: "https://h/", wantErr: "(PY1000): Invalid URL: http://[::1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.ref, tt.base)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
