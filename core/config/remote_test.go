package config

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadForRemote loads a config from fetched files, as the page would.
func loadForRemote(t *testing.T, f *fakeFetch, sel Selection) Config {
	t.Helper()
	cfg, err := Load(sel, testPage, f.fetch, orderedJSON, nil)
	require.NoError(t, err)
	f.asked = nil
	return cfg
}

func TestExpandRemotes(t *testing.T) {
	f := &fakeFetch{files: map[string]string{
		"https://h/cfg/conf.toml": `
packages = ["numpy", "./pkgs/a.toml", "pandas"]
[files]
"main.py" = ""
[js_modules.main]
"./m.js" = "m"
`,
		"https://h/cfg/pkgs/a.toml": `
name = "a"
packages = ["./b.json", "requests", "numpy", "./wheels/w.whl", "../pkgs/b.json"]
[files]
"{L}" = "lib"
"./a.py" = "{L}/"
"./a.zip" = "{L}/*"
[js_modules.main]
"./a.js" = "a_js"
"./a.css" = "a_js"
[js_modules.worker]
"./aw.js" = "aw"
`,
		"https://h/cfg/pkgs/b.json": `{"name": "b", "files": {"./b.py": "", "./0.py": ""},
			"js_modules": {"main": {"https://cdn/b.js": "b"}}, "packages": ["/abs/x.whl", "requests"]}`,
	}}
	cfg := loadForRemote(t, f, Selection{Config: "../cfg/conf.toml"})
	require.NoError(t, ExpandRemotes(&cfg, testPage, f.fetch, orderedJSON))
	assert.Equal(t, []string{"https://h/cfg/pkgs/a.toml", "https://h/cfg/pkgs/b.json"}, f.asked,
		"each package is fetched once, b.json spelt twice")

	assert.Equal(t, []any{"numpy", "https://h/abs/x.whl", "requests", "https://h/cfg/pkgs/wheels/w.whl", "pandas"},
		cfg.Values["packages"], "nested entries replace their package, without repeats")

	files, err := cfg.Files(testPage)
	require.NoError(t, err)
	assert.Equal(t, []FileSpec{
		{URL: "https://h/cfg/main.py", Source: "main.py", Dest: "./main.py"},
		{URL: "https://h/cfg/pkgs/b.py", Source: "https://h/cfg/pkgs/b.py", Dest: "./b.py"},
		{URL: "https://h/cfg/pkgs/0.py", Source: "https://h/cfg/pkgs/0.py", Dest: "./0.py"},
		{URL: "https://h/cfg/pkgs/a.py", Source: "https://h/cfg/pkgs/a.py", Dest: "lib/a.py"},
		{URL: "https://h/cfg/pkgs/a.zip", Source: "https://h/cfg/pkgs/a.zip", Dest: "lib/", Extract: true, Format: "zip"},
	}, files, "nested packages first, each in written order, templates expanded")

	main, worker, err := cfg.JSModules(testPage)
	require.NoError(t, err)
	assert.Equal(t, []JSModule{
		{URL: "https://h/cfg/m.js", Name: "m"},
		{URL: "https://cdn/b.js", Name: "b"},
		{URL: "https://h/cfg/pkgs/a.js", Name: "a_js"},
		{URL: "https://h/cfg/pkgs/a.css", Name: "a_js", CSS: true},
	}, main)
	assert.Equal(t, []JSModule{{URL: "https://h/cfg/pkgs/aw.js", Name: "aw"}}, worker)

	pkgs, err := cfg.Packages(testPage)
	require.NoError(t, err)
	assert.Empty(t, pkgs.Remote)
	assert.Equal(t, []string{"numpy", "requests", "pandas"}, pkgs.Names)
	assert.Equal(t, []string{"https://h/abs/x.whl", "https://h/cfg/pkgs/wheels/w.whl"}, pkgs.Wheels)
}

func TestExpandRemotesInlineAndUnordered(t *testing.T) {
	// An inline JSON config parsed without key order: merged keys still
	// come after the existing ones.
	f := &fakeFetch{files: map[string]string{
		"https://h/app/r.toml": "[files]\n\"./a.py\" = \"\"\n[js_modules.worker]\n\"w.js\" = \"w\"",
	}}
	cfg, err := Load(Selection{Config: `{"packages": ["r.toml"], "files": {"z.py": "", "y.py": ""}}`}, testPage, f.fetch, stdJSON, nil)
	require.NoError(t, err)
	require.NoError(t, ExpandRemotes(&cfg, testPage, f.fetch, stdJSON))
	files, err := cfg.Files(testPage)
	require.NoError(t, err)
	var dests []string
	for _, s := range files {
		dests = append(dests, s.Dest)
	}
	assert.Equal(t, []string{"./y.py", "./z.py", "./a.py"}, dests)
	assert.Equal(t, []any{}, cfg.Values["packages"])
	_, worker, err := cfg.JSModules(testPage)
	require.NoError(t, err)
	assert.Equal(t, []JSModule{{URL: "https://h/app/w.js", Name: "w"}}, worker)
}

func TestExpandRemotesNoPackages(t *testing.T) {
	cfg := Config{Values: map[string]any{"debug": true}}
	require.NoError(t, ExpandRemotes(&cfg, testPage, nil, nil))
	assert.Equal(t, map[string]any{"debug": true}, cfg.Values, `no "packages" key is added`)

	var empty Config
	require.NoError(t, ExpandRemotes(&empty, testPage, nil, nil))
	assert.Equal(t, map[string]any{}, empty.Values)
}

func TestExpandRemotesErrors(t *testing.T) {
	tests := []struct {
		name    string
		main    string // TOML at https://h/cfg/conf.toml
		files   map[string]string
		noFetch bool
		wantErr string
	}{
		{name: "same name twice",
			main: `packages = ["./a.toml", "./c.toml"]`,
			files: map[string]string{
				"https://h/cfg/a.toml": `name = "x"`,
				"https://h/cfg/c.toml": `name = "x"`,
			},
			wantErr: "Unable to process x @ ./c.toml"},
		{name: "same js module path",
			main: `packages = ["a.toml", "b.json"]`,
			files: map[string]string{
				"https://h/cfg/a.toml": "[js_modules.main]\n\"https://cdn/x.js\" = \"x\"",
				"https://h/cfg/b.json": `{"js_modules": {"main": {"https://cdn/x.js": "x"}}}`,
			},
			wantErr: "Duplicated path: https://cdn/x.js"},
		{name: "same file path as the main config",
			main: "packages = [\"./pkgs/a.toml\"]\n[files]\n\"https://h/cfg/pkgs/a.py\" = \"\"",
			files: map[string]string{
				"https://h/cfg/pkgs/a.toml": "[files]\n\"./a.py\" = \"x.py\"",
			},
			wantErr: "Duplicated path: https://h/cfg/pkgs/a.py"},
		{name: "cycle through another spelling",
			main: `packages = ["p/a.toml"]`,
			files: map[string]string{
				"https://h/cfg/p/a.toml": `packages = ["./b.toml"]`,
				"https://h/cfg/p/b.toml": `packages = ["../p/a.toml"]`,
			},
			wantErr: "(PY1000): Invalid config: remote package cycle: https://h/cfg/p/a.toml -> https://h/cfg/p/b.toml -> https://h/cfg/p/a.toml"},
		{name: "self include",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `packages = ["a.toml"]`},
			wantErr: "(PY1000): Invalid config: remote package cycle: https://h/cfg/a.toml -> https://h/cfg/a.toml"},
		{name: "template undefined in the package",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": "[files]\n\"{X}/a.py\" = \"\""},
			wantErr: "Invalid template: {X}"},
		{name: "bad remote TOML names the entry",
			main:    `packages = ["./a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": "a = "},
			wantErr: "(PY1000): Invalid TOML @ ./a.toml\nline 1, column 3: unexpected EOF; expected value"},
		{name: "bad remote JSON names the entry",
			main:    `packages = ["./a.json"]`,
			files:   map[string]string{"https://h/cfg/a.json": "[1]"},
			wantErr: "(PY1000): Invalid JSON @ ./a.json\nthe config must be an object, not an array"},
		{name: "fetch error passes through",
			main:    `packages = ["./missing.toml"]`,
			wantErr: "(PY0404): Fetching from URL https://h/cfg/missing.toml failed with error 404 (Not Found). Are your filename and path correct?"},
		{name: "no fetcher",
			main: `packages = ["./a.toml"]`, noFetch: true,
			wantErr: "(PY1000): Unable to fetch https://h/cfg/a.toml"},
		{name: "name not a string",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `name = 1`},
			wantErr: `(PY1000): Invalid config: "name" must be a string`},
		{name: "remote packages not a list",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `packages = "x"`},
			wantErr: `(PY1000): Invalid config: "packages" must be a list of strings`},
		{name: "remote js_modules not a table",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `js_modules = 1`},
			wantErr: `(PY1000): Invalid config: "js_modules" must be a table`},
		{name: "remote js_modules.worker not a table",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `js_modules = { worker = [] }`},
			wantErr: `(PY1000): Invalid config: "js_modules.worker" must be a table of strings`},
		{name: "remote files not a table",
			main:    `packages = ["a.toml"]`,
			files:   map[string]string{"https://h/cfg/a.toml": `files = []`},
			wantErr: `(PY1000): Invalid config: "files" must be a table of strings`},
		{name: "main files not a table",
			main:    "files = 1\npackages = [\"a.toml\"]",
			files:   map[string]string{"https://h/cfg/a.toml": "[files]\n\"a.py\" = \"\""},
			wantErr: `(PY1000): Invalid config: "files" must be a table of strings`},
		{name: "main js_modules not a table",
			main:    "js_modules = 1\npackages = [\"a.toml\"]",
			files:   map[string]string{"https://h/cfg/a.toml": "[js_modules.main]\n\"a.js\" = \"a\""},
			wantErr: `(PY1000): Invalid config: "js_modules" must be a table`},
		{name: "main js_modules.main not a table",
			main:    "js_modules = { main = 1 }\npackages = [\"a.toml\"]",
			files:   map[string]string{"https://h/cfg/a.toml": "[js_modules.main]\n\"a.js\" = \"a\""},
			wantErr: `(PY1000): Invalid config: "js_modules.main" must be a table of strings`},
		{name: "main packages not a list",
			main:    `packages = 1`,
			wantErr: `(PY1000): Invalid config: "packages" must be a list of strings`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"https://h/cfg/conf.toml": tt.main}
			for k, v := range tt.files {
				files[k] = v
			}
			f := &fakeFetch{files: files}
			cfg := loadForRemote(t, f, Selection{Config: "../cfg/conf.toml"})
			fetch := f.fetch
			if tt.noFetch {
				fetch = nil
			}
			require.EqualError(t, ExpandRemotes(&cfg, testPage, fetch, orderedJSON), tt.wantErr)
		})
	}
}

func TestExpandRemotesDiamond(t *testing.T) {
	f := &fakeFetch{files: map[string]string{
		"https://h/app/a.toml": "name = \"a\"\npackages = [\"c.toml\", \"x\"]",
		"https://h/app/b.toml": "name = \"b\"\npackages = [\"./c.toml\", \"y\"]",
		"https://h/app/c.toml": "name = \"c\"\npackages = [\"z\"]\n[files]\n\"c.py\" = \"\"",
	}}
	cfg := Config{Values: map[string]any{"packages": []any{"a.toml", "b.toml"}}}
	require.NoError(t, ExpandRemotes(&cfg, testPage, f.fetch, nil))
	assert.Equal(t, []string{"https://h/app/a.toml", "https://h/app/c.toml", "https://h/app/b.toml"}, f.asked)
	assert.Equal(t, []any{"z", "x", "y"}, cfg.Values["packages"])
	assert.Equal(t, map[string]any{"https://h/app/c.py": ""}, cfg.Values["files"], "merged once")
}

// chainFetch serves p0.toml -> p1.toml -> ... -> p<n-1>.toml.
func chainFetch(n int) *fakeFetch {
	files := map[string]string{}
	for i := 0; i < n; i++ {
		body := ""
		if i+1 < n {
			body = `packages = ["p` + strconv.Itoa(i+1) + `.toml"]`
		}
		files["https://h/app/p"+strconv.Itoa(i)+".toml"] = body
	}
	return &fakeFetch{files: files}
}

func TestExpandRemotesGuards(t *testing.T) {
	t.Run("deepest allowed chain", func(t *testing.T) {
		f := chainFetch(MaxRemoteDepth)
		cfg := Config{Values: map[string]any{"packages": []any{"p0.toml"}}}
		require.NoError(t, ExpandRemotes(&cfg, testPage, f.fetch, nil))
		assert.Len(t, f.asked, MaxRemoteDepth)
	})
	t.Run("too deep", func(t *testing.T) {
		f := chainFetch(MaxRemoteDepth + 1)
		cfg := Config{Values: map[string]any{"packages": []any{"p0.toml"}}}
		err := ExpandRemotes(&cfg, testPage, f.fetch, nil)
		require.Error(t, err)
		chain := make([]string, MaxRemoteDepth+1)
		for i := range chain {
			chain[i] = "https://h/app/p" + strconv.Itoa(i) + ".toml"
		}
		assert.Equal(t, "(PY1000): Invalid config: remote packages nested more than 16 deep: "+strings.Join(chain, " -> "), err.Error())
		assert.Len(t, f.asked, MaxRemoteDepth)
	})
	t.Run("too many", func(t *testing.T) {
		files := map[string]string{}
		var list []any
		for i := 0; i <= MaxRemotePackages; i++ {
			name := "q" + strconv.Itoa(i) + ".toml"
			files["https://h/app/"+name] = ""
			list = append(list, name)
		}
		f := &fakeFetch{files: files}
		cfg := Config{Values: map[string]any{"packages": list}}
		require.EqualError(t, ExpandRemotes(&cfg, testPage, f.fetch, nil),
			"(PY1000): Invalid config: more than 100 remote packages")
		assert.Len(t, f.asked, MaxRemotePackages)
	})
}

func TestRemotesStepByStep(t *testing.T) {
	values, order := mustParse(`{"packages": ["a.json", "n"], "files": {"m.py": ""}}`, FormatJSON)
	r, err := NewRemotes(values, order, "https://h/cfg/c.json")
	require.NoError(t, err)

	require.EqualError(t, r.Add(map[string]any{}, nil), "config: Remotes.Add called without a package from Next")

	ref, ok, err := r.Next()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, RemoteRef{URL: "https://h/cfg/a.json", Entry: "a.json", Format: FormatJSON}, ref)
	again, ok, err := r.Next()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, ref, again, "Next repeats the package until Add")

	remote, remoteOrder := mustParse(`{"files": {"./z.py": "", "./a.py": ""}, "packages": ["sub/b.toml?v=1"]}`, FormatJSON)
	require.NoError(t, r.Add(remote, remoteOrder))

	ref, ok, err = r.Next()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, RemoteRef{URL: "https://h/cfg/sub/b.toml?v=1", Entry: "sub/b.toml?v=1", Format: FormatTOML}, ref)
	require.NoError(t, r.Add(map[string]any{"packages": []any{"./w.whl"}}, nil))

	_, ok, err = r.Next()
	require.NoError(t, err)
	require.False(t, ok)
	_, ok, err = r.Next()
	require.NoError(t, err)
	assert.False(t, ok, "done stays done")

	assert.Equal(t, []any{"https://h/cfg/sub/w.whl", "n"}, values["packages"])
	assert.Equal(t, []string{"m.py", "https://h/cfg/z.py", "https://h/cfg/a.py"}, order.Child("files").KeysOf(values["files"].(map[string]any)))
}

func TestRemotesStickyError(t *testing.T) {
	values := map[string]any{"packages": []any{"a.toml", "b.toml"}}
	r, err := NewRemotes(values, nil, testInlineBase)
	require.NoError(t, err)
	_, _, err = r.Next()
	require.NoError(t, err)
	require.NoError(t, r.Add(map[string]any{"name": "x"}, nil))
	_, _, err = r.Next()
	require.NoError(t, err)
	const want = "Unable to process x @ b.toml"
	require.EqualError(t, r.Add(map[string]any{"name": "x"}, nil), want)
	_, ok, err := r.Next()
	assert.False(t, ok)
	require.EqualError(t, err, want)
	require.EqualError(t, r.Add(nil, nil), want)
}

func TestRemotesUnresolvable(t *testing.T) {
	r, err := NewRemotes(map[string]any{"packages": []any{"a.toml"}}, nil, "")
	require.NoError(t, err)
	_, _, err = r.Next()
	require.EqualError(t, err, "(PY1000): Invalid URL: a.toml")
}

func TestMergeRemote(t *testing.T) {
	t.Run("into an empty config without order", func(t *testing.T) {
		values := map[string]any{}
		remote, remoteOrder := mustParse(`
[files]
"{D}" = "data"
"./b.csv" = "{D}/"
"https://o/a.csv" = ""
[js_modules.main]
"../m.js" = 1
[js_modules.other]
"x.js" = "ignored"
`, FormatTOML)
		require.NoError(t, MergeRemote(values, nil, "https://h/p/pkg.toml", remote, remoteOrder))
		assert.Equal(t, map[string]any{
			"files":      map[string]any{"https://h/p/b.csv": "data/", "https://o/a.csv": ""},
			"js_modules": map[string]any{"main": map[string]any{"https://h/m.js": int64(1)}},
		}, values, "values are copied as is; JSModules checks them later")
	})
	t.Run("order is recorded", func(t *testing.T) {
		values, order := mustParse("debug = true", FormatTOML)
		remote, remoteOrder := mustParse(`{"js_modules": {"worker": {"b.js": "b", "a.js": "a"}}, "files": {"y.py": "", "x.py": ""}}`, FormatJSON)
		require.NoError(t, MergeRemote(values, order, "https://h/p/pkg.json", remote, remoteOrder))
		assert.Equal(t, []string{"debug", "files", "js_modules"}, order.Keys)
		assert.Equal(t, []string{"https://h/p/y.py", "https://h/p/x.py"}, order.Child("files").Keys)
		assert.Equal(t, []string{"https://h/p/b.js", "https://h/p/a.js"}, order.Child("js_modules").Child("worker").Keys)
	})
	t.Run("empty files table adds nothing", func(t *testing.T) {
		values := map[string]any{}
		require.NoError(t, MergeRemote(values, nil, "https://h/p/pkg.toml", map[string]any{"files": map[string]any{}}, nil))
		assert.Empty(t, values)
	})
	t.Run("null files in the main config", func(t *testing.T) {
		values, order := mustParse(`{"files": null}`, FormatJSON)
		require.NoError(t, MergeRemote(values, order, "https://h/p/pkg.toml", map[string]any{"files": map[string]any{"a.py": ""}}, nil))
		assert.Equal(t, map[string]any{"https://h/p/a.py": ""}, values["files"])
		assert.Equal(t, []string{"files"}, order.Keys)
	})
	t.Run("unresolvable", func(t *testing.T) {
		err := MergeRemote(map[string]any{}, nil, "", map[string]any{"files": map[string]any{"a.py": ""}}, nil)
		require.EqualError(t, err, "(PY1000): Invalid URL: a.py")
	})
}
