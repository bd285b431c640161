package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFetch(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		base    string
		want    []FileSpec
		wantErr string
	}{
		{name: "absent", json: `{}`, base: testCfgURL},
		{name: "files from a folder", base: testCfgURL,
			json: `{"fetch": [{"from": "https://o/data/", "files": ["a.csv", "sub/b.csv"]}]}`,
			want: []FileSpec{
				{URL: "https://o/data/a.csv", Source: "https://o/data/a.csv", Dest: "a.csv"},
				{URL: "https://o/data/sub/b.csv", Source: "https://o/data/sub/b.csv", Dest: "sub/b.csv"},
			}},
		{name: "single file defaults", base: testCfgURL,
			json: `{"fetch": [{"from": "./utils.py"}]}`,
			want: []FileSpec{{URL: "https://h/cfg/utils.py", Source: "./utils.py", Dest: "utils.py"}}},
		{name: "single file to folder and file", base: testCfgURL,
			json: `{"fetch": [{"from": "a.py", "to_folder": "/home/lib/", "to_file": "b.py"}]}`,
			want: []FileSpec{{URL: "https://h/cfg/a.py", Source: "a.py", Dest: "/home/lib/b.py"}}},
		{name: "files without from, parts kept as written", base: testInlineBase,
			json: `{"fetch": [{"files": ["x.py", "./y.py"], "to_folder": "./pkg"}]}`,
			want: []FileSpec{
				{URL: "https://h/app/x.py", Source: "x.py", Dest: "./pkg/x.py"},
				{URL: "https://h/app/y.py", Source: "./y.py", Dest: "./pkg/./y.py"},
			}},
		{name: "rooted from keeps its slash", base: testCfgURL,
			json: `{"fetch": [{"from": "/static/", "files": ["a.py"]}]}`,
			want: []FileSpec{{URL: "https://h/static/a.py", Source: "/static/a.py", Dest: "a.py"}}},
		{name: "folder from with to_file is fetched as is", base: testCfgURL,
			json: `{"fetch": [{"from": "data/", "to_file": "x.csv"}]}`,
			want: []FileSpec{{URL: "https://h/cfg/data/", Source: "data/", Dest: "x.csv"}}},
		{name: "parts are trimmed", base: testCfgURL,
			json: `{"fetch": [{"from": " lib/ ", "to_folder": " out/ ", "files": [" a.py "]}]}`,
			want: []FileSpec{{URL: "https://h/cfg/lib/a.py", Source: "lib/a.py", Dest: "out/a.py"}}},
		{name: "empty to_file falls back to the name", base: testCfgURL,
			json: `{"fetch": [{"from": "x/a.py", "to_file": ""}]}`,
			want: []FileSpec{{URL: "https://h/cfg/x/a.py", Source: "x/a.py", Dest: "a.py"}}},
		{name: "null keys take defaults", base: testCfgURL,
			json: `{"fetch": [{"from": "a.py", "to_folder": null, "files": null}]}`,
			want: []FileSpec{{URL: "https://h/cfg/a.py", Source: "a.py", Dest: "a.py"}}},
		{name: "entries in order", base: testCfgURL,
			json: `{"fetch": [{"from": "b.py"}, {"from": "a.py"}]}`,
			want: []FileSpec{
				{URL: "https://h/cfg/b.py", Source: "b.py", Dest: "b.py"},
				{URL: "https://h/cfg/a.py", Source: "a.py", Dest: "a.py"},
			}},
		{name: "to_file and files", base: testCfgURL,
			json:    `{"fetch": [{"from": "a/", "files": ["x"], "to_file": "y"}]}`,
			wantErr: "Cannot use 'to_file' and 'files' parameters together!"},
		{name: "null files still counts as given", base: testCfgURL,
			json:    `{"fetch": [{"from": "a.py", "files": null, "to_file": "y"}]}`,
			wantErr: "Cannot use 'to_file' and 'files' parameters together!"},
		{name: "PyScript checks run before type checks", base: testCfgURL,
			json:    `{"fetch": [{"from": "a.py", "files": "x"}, {"files": [], "to_file": "y"}]}`,
			wantErr: "Cannot use 'to_file' and 'files' parameters together!"},
		{name: "folder without file name", base: testCfgURL,
			json:    `{"fetch": [{"from": "https://o/dir/"}]}`,
			wantErr: "Couldn't determine the filename from the path https://o/dir/, please supply 'to_file' parameter."},
		{name: "empty from", base: testCfgURL,
			json:    `{"fetch": [{"to_folder": "x"}]}`,
			wantErr: "Couldn't determine the filename from the path , please supply 'to_file' parameter."},
		{name: "null to_file with folder from", base: testCfgURL,
			json:    `{"fetch": [{"from": "d/", "to_file": null}]}`,
			wantErr: "Couldn't determine the filename from the path d/, please supply 'to_file' parameter."},
		{name: "not a list", base: testCfgURL, json: `{"fetch": {"from": "a"}}`,
			wantErr: `(PY1000): Invalid config: "fetch" must be a list of tables`},
		{name: "entry not a table", base: testCfgURL, json: `{"fetch": ["a.py"]}`,
			wantErr: `(PY1000): Invalid config: "fetch" must be a list of tables`},
		{name: "from not a string", base: testCfgURL, json: `{"fetch": [{"from": 1}]}`,
			wantErr: `(PY1000): Invalid config: "fetch.from" must be a string`},
		{name: "to_folder not a string", base: testCfgURL, json: `{"fetch": [{"from": "a", "to_folder": []}]}`,
			wantErr: `(PY1000): Invalid config: "fetch.to_folder" must be a string`},
		{name: "to_file not a string", base: testCfgURL, json: `{"fetch": [{"from": "a", "to_file": true}]}`,
			wantErr: `(PY1000): Invalid config: "fetch.to_file" must be a string`},
		{name: "files not a list", base: testCfgURL, json: `{"fetch": [{"from": "a", "files": "x"}]}`,
			wantErr: `(PY1000): Invalid config: "fetch.files" must be a list of strings`},
		{name: "files item not a string", base: testCfgURL, json: `{"fetch": [{"files": [1]}]}`,
			wantErr: `(PY1000): Invalid config: "fetch.files" must be a list of strings`},
		{name: "unresolvable", base: "", json: `{"fetch": [{"from": "a.py"}]}`,
			wantErr: "(PY1000): Invalid URL: a.py"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, _ := mustParse(tt.json, FormatJSON)
			got, err := Fetch(values, tt.base)
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

func TestFetchTOML(t *testing.T) {
	values, _ := mustParse(`
[[fetch]]
from = "https://o/d"
files = ["a.py"]
[[fetch]]
from = "b.py"
to_folder = "lib"
`, FormatTOML)
	got, err := Fetch(values, testCfgURL)
	require.NoError(t, err)
	assert.Equal(t, []FileSpec{
		{URL: "https://o/d/a.py", Source: "https://o/d/a.py", Dest: "a.py"},
		{URL: "https://h/cfg/b.py", Source: "b.py", Dest: "lib/b.py"},
	}, got)
}

func TestJoinPaths(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{".", "a.py"}, "a.py"},
		{[]string{"/", "a.py"}, "/a.py"},
		{[]string{"//x//", "//y//"}, "/x/y"},
		{[]string{" /x ", "y"}, "x/y"}, // the slash test uses the untrimmed part
		{[]string{"", "."}, ""},
		{[]string{"a", "./b"}, "a/./b"},
		{[]string{"https://o/d/", "f"}, "https://o/d/f"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, joinPaths(tt.parts...), "%q", tt.parts)
	}
}
