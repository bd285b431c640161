package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testPage   = "https://h/app/index.html"
	testCfgURL = "https://h/cfg/conf.toml"
)

var testInlineBase = Base("", testPage) // https://h/app/config.txt

func TestFiles(t *testing.T) {
	tests := []struct {
		name    string
		toml    string // the config, in TOML (key order kept)
		base    string
		want    []FileSpec
		wantErr string
	}{
		{name: "no files", toml: `debug = true`, base: testCfgURL},
		{name: "empty table", toml: `[files]`, base: testCfgURL},
		{name: "destinations in written order", base: testCfgURL, toml: `
[files]
"./z.py" = "./lib/z2.py"
"./a.py" = ""
"../data/b.csv" = "data/"
"https://o/x/c.txt" = "/abs/"
"d.py" = "*"
`, want: []FileSpec{
			{URL: "https://h/cfg/z.py", Source: "./z.py", Dest: "./lib/z2.py"},
			{URL: "https://h/cfg/a.py", Source: "./a.py", Dest: "./a.py"},
			{URL: "https://h/data/b.csv", Source: "../data/b.csv", Dest: "data/b.csv"},
			{URL: "https://o/x/c.txt", Source: "https://o/x/c.txt", Dest: "/abs/c.txt"},
			{URL: "https://h/cfg/d.py", Source: "d.py", Dest: "*"},
		}},
		{name: "inline config resolves against the page", base: testInlineBase,
			toml: "[files]\n\"./a.py\" = \"\"\n\"../b.py\" = \"\"",
			want: []FileSpec{
				{URL: "https://h/app/a.py", Source: "./a.py", Dest: "./a.py"},
				{URL: "https://h/b.py", Source: "../b.py", Dest: "./b.py"},
			}},
		{name: "blob base is used without blob:", base: "blob:https://h/w/x",
			toml: "[files]\n\"a.py\" = \"\"",
			want: []FileSpec{{URL: "https://h/w/a.py", Source: "a.py", Dest: "./a.py"}}},
		{name: "file name drops query and fragment", base: testCfgURL, toml: `
[files]
"https://o/get.py?path=x/y.py" = ""
"https://o/m.py#top" = "lib/"
`, want: []FileSpec{
			{URL: "https://o/get.py?path=x/y.py", Source: "https://o/get.py?path=x/y.py", Dest: "./get.py"},
			{URL: "https://o/m.py#top", Source: "https://o/m.py#top", Dest: "lib/m.py"},
		}},
		{name: "template chain", base: testCfgURL, toml: `
[files]
"{DOMAIN}" = "https://cdn.example.com"
"{PATH}" = "{DOMAIN}/lib/v1"
"{DEST}" = "./pkg"
"{PATH}/a.py" = "{DEST}/"
"{PATH}/{DEST}.py" = "{DEST}/b.py"
`, want: []FileSpec{
			{URL: "https://cdn.example.com/lib/v1/a.py", Source: "https://cdn.example.com/lib/v1/a.py", Dest: "./pkg/a.py"},
			{URL: "https://cdn.example.com/lib/v1/pkg.py", Source: "https://cdn.example.com/lib/v1/./pkg.py", Dest: "./pkg/b.py"},
		}},
		{name: "template values are inserted literally", base: testCfgURL, toml: `
[files]
"{L}" = "{"
"x/{L}B}.py" = "{L}}"
`, want: []FileSpec{{URL: "https://h/cfg/x/%7BB%7D.py", Source: "x/{B}.py", Dest: "{}"}}},
		{name: "not template shapes", base: testCfgURL, toml: `
[files]
"{}.py" = "a/{}"
"x.py" = "{a` + "\\n" + `b}"
`, want: []FileSpec{
			{URL: "https://h/cfg/%7B%7D.py", Source: "{}.py", Dest: "a/{}"},
			{URL: "https://h/cfg/x.py", Source: "x.py", Dest: "{a\nb}"},
		}},
		{name: "template used before its definition", base: testCfgURL, toml: `
[files]
"{A}/x.py" = ""
"{A}" = "a"
`, wantErr: "Invalid template: {A}"},
		{name: "undefined template in destination", base: testCfgURL,
			toml:    "[files]\n\"a.py\" = \"{LIB}/\"",
			wantErr: "Invalid template: {LIB}"},
		{name: "template defined with itself", base: testCfgURL,
			toml:    "[files]\n\"{A}\" = \"{A}/x\"",
			wantErr: "Invalid template: {A}"},
		{name: "lazy template match", base: testCfgURL,
			toml:    "[files]\n\"{A}\" = \"a\"\n\"{{A}.py\" = \"\"",
			wantErr: "Invalid template: {{A}"},
		{name: "source error comes before destination error", base: testCfgURL,
			toml:    "[files]\n\"{S}.py\" = \"{D}/\"",
			wantErr: "Invalid template: {S}"},
		{name: "duplicated destination", base: testCfgURL,
			toml:    "[files]\n\"./a/x.py\" = \"\"\n\"./b/x.py\" = \"./\"",
			wantErr: "Duplicated destination: ./x.py"},
		{name: "duplicate check before URL errors", base: "",
			toml:    "[files]\n\"a.py\" = \"x\"\n\"b.py\" = \"x\"",
			wantErr: "Duplicated destination: x"},
		{name: "archives", base: testCfgURL, toml: `
[files]
"./lib.zip" = "lib/*"
"./pkg-1.0-py3-none-any.whl" = "lib/*"
"https://o/data.tar.gz?sig=1" = "./*"
"./d.tgz" = "/*"
"./t.tar#x" = "t/*"
"./UP.ZIP" = "up/*"
"./q.zip?x=1" = "q/*"
`, want: []FileSpec{
			{URL: "https://h/cfg/lib.zip", Source: "./lib.zip", Dest: "lib/", Extract: true, Format: "zip"},
			{URL: "https://h/cfg/pkg-1.0-py3-none-any.whl", Source: "./pkg-1.0-py3-none-any.whl", Dest: "lib/", Extract: true, Format: "zip"},
			{URL: "https://o/data.tar.gz?sig=1", Source: "https://o/data.tar.gz?sig=1", Dest: "./", Extract: true, Format: "tar.gz"},
			{URL: "https://h/cfg/d.tgz", Source: "./d.tgz", Dest: "/", Extract: true, Format: "tar.gz"},
			{URL: "https://h/cfg/t.tar#x", Source: "./t.tar#x", Dest: "t/", Extract: true, Format: "tar"},
			{URL: "https://h/cfg/UP.ZIP", Source: "./UP.ZIP", Dest: "up/", Extract: true, Format: "zip"},
			{URL: "https://h/cfg/q.zip?x=1", Source: "./q.zip?x=1", Dest: "q/", Extract: true, Format: "zip"},
		}},
		{name: "unsupported archive", base: testCfgURL,
			toml:    "[files]\n\"./a.py\" = \"x/*\"",
			wantErr: "Unsupported archive ./a.py"},
		{name: "gz alone is not an archive", base: testCfgURL,
			toml:    "[files]\n\"./a.gz\" = \"x/*\"",
			wantErr: "Unsupported archive ./a.gz"},
		{name: "zip in the query only", base: testCfgURL,
			toml:    "[files]\n\"./get?f=a.zip\" = \"x/*\"",
			wantErr: "Unsupported archive ./get?f=a.zip"},
		{name: "no file name", base: testCfgURL,
			toml:    "[files]\n\"https://o/dir/\" = \"\"",
			wantErr: "(PY1000): Invalid config: no file name in https://o/dir/, give it a destination file"},
		{name: "unresolvable source", base: "",
			toml:    "[files]\n\"a.py\" = \"\"",
			wantErr: "(PY1000): Invalid URL: a.py"},
		{name: "files not a table", base: testCfgURL, toml: `files = ["a.py"]`,
			wantErr: `(PY1000): Invalid config: "files" must be a table of strings`},
		{name: "destination not a string", base: testCfgURL, toml: "[files]\n\"a.py\" = 1",
			wantErr: `(PY1000): Invalid config: "files" must be a table of strings`},
		{name: "template value not a string", base: testCfgURL, toml: "[files]\n\"{A}\" = true",
			wantErr: `(PY1000): Invalid config: "files" must be a table of strings`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values, order := mustParse(tt.toml, FormatTOML)
			got, err := Files(values, order, tt.base)
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

func TestFilesJSON(t *testing.T) {
	t.Run("ordered parser keeps template order", func(t *testing.T) {
		values, order := mustParse(`{"files": {"{Z}": "z", "{A}": "{Z}/a", "{A}/x.py": "", "n.py": null}}`, FormatJSON)
		got, err := Files(values, order, testCfgURL)
		require.NoError(t, err)
		assert.Equal(t, []FileSpec{
			{URL: "https://h/cfg/z/a/x.py", Source: "z/a/x.py", Dest: "./x.py"},
			{URL: "https://h/cfg/n.py", Source: "n.py", Dest: "./n.py"},
		}, got, "a null destination is empty")
	})
	t.Run("unknown order falls back to sorted keys", func(t *testing.T) {
		values, order, err := ParseOrdered(`{"files": {"{Z}": "z", "{A}": "{Z}/a"}}`, FormatJSON, "", stdJSON)
		require.NoError(t, err)
		_, err = Files(values, order, testCfgURL)
		require.EqualError(t, err, "Invalid template: {Z}", "{A} sorts first and uses {Z}")
	})
}

func TestFilesThenFetch(t *testing.T) {
	values, order := mustParse(`
[files]
"b.py" = ""
[[fetch]]
files = ["a.py"]
`, FormatTOML)
	got, err := Files(values, order, testCfgURL)
	require.NoError(t, err)
	assert.Equal(t, []FileSpec{
		{URL: "https://h/cfg/b.py", Source: "b.py", Dest: "./b.py"},
		{URL: "https://h/cfg/a.py", Source: "a.py", Dest: "a.py"},
	}, got)

	values["fetch"] = "bad"
	_, err = Files(values, order, testCfgURL)
	require.EqualError(t, err, `(PY1000): Invalid config: "fetch" must be a list of tables`)
}

func TestConfigFiles(t *testing.T) {
	values, order := mustParse("[files]\n\"a.py\" = \"\"", FormatTOML)
	got, err := Config{Values: values, Order: order, ConfigURL: testCfgURL}.Files(testPage)
	require.NoError(t, err)
	assert.Equal(t, "https://h/cfg/a.py", got[0].URL)
	got, err = Config{Values: values, Order: order}.Files(testPage)
	require.NoError(t, err)
	assert.Equal(t, "https://h/app/a.py", got[0].URL)
}

func TestExpandEntriesDuplicatedTemplate(t *testing.T) {
	// Maps cannot repeat a key; expandEntries guards callers that can.
	_, err := expandEntries(map[string]any{"{A}": "a"}, []string{"{A}", "{A}"})
	require.EqualError(t, err, "Duplicated template: {A}")
}

func TestTemplateHelpers(t *testing.T) {
	for key, want := range map[string]bool{
		"{A}": true, "{a b}": true, "{{A}}": true, "{A}x{B}": true, "{}}": true,
		"{}": false, "{A": false, "A}": false, "x{A}": false, "{A\n}": false,
		"{A\u2028}": false, "{A\u2029}": false, "{A\r}": false, "{é}": true,
	} {
		assert.Equal(t, want, isTemplateKey(key), key)
	}
	got, err := expandTemplates("{}}x{A}", map[string]string{"{}}": "1", "{A}": "2"})
	require.NoError(t, err)
	assert.Equal(t, "1x2", got, `"." matches "}" so "{}}" is one template`)
	got, err = expandTemplates("{\n}{A\u2028}", nil)
	require.NoError(t, err)
	assert.Equal(t, "{\n}{A\u2028}", got)
}

func TestArchiveFormat(t *testing.T) {
	for url, want := range map[string]string{
		"https://h/a.zip": "zip", "https://h/a.whl": "zip", "https://h/a.tar": "tar",
		"https://h/a.tar.gz": "tar.gz", "https://h/a.tgz": "tar.gz", "https://h/a.zip?x=1": "zip",
		"https://h/a.Tar.Gz#f": "tar.gz", "https://h/a.gz": "", "https://h/a.zip/": "",
		"https://a.zip": "", "https://h/get?a.zip": "", "": "",
	} {
		assert.Equal(t, want, archiveFormat(url), url)
	}
}
