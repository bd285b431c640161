package config

import (
	"strings"
	"testing"
)

// FuzzDetectAndParse checks that Detect followed by Parse never panics and
// only fails with PyScript-prefixed errors. `go test` runs the seed corpus;
// `go test -fuzz FuzzDetectAndParse ./core/config/` explores further.
func FuzzDetectAndParse(f *testing.F) {
	seeds := []struct{ config, typ string }{
		{"", ""},
		{"   ", "json"},
		{"{}", ""},
		{`{"a": [1, {"b": null}]}`, "toml"},
		{"{", ""},
		{"[1, 2]", "json"},
		{"null", "json"},
		{"conf.toml?v=2", ""},
		{"c.json", "toml"},
		{"c.yaml", ""},
		{"version = 1.5", ""},
		{"a = 1\n[b]\nc = [1979-05-27T07:32:00Z, 07:32:00]\n[[d]]\ne = inf", ""},
		{"a = 1\na = 2", "toml"},
		{"a = \"\x00\"", ""},
		{"\ufeffa = 'x'", ""},
		{"[[a]]\n[a]", ""},
		{"x = { y = [ { z = 1 } ] }", ""},
		{"a.b.c = 1\na.b = 2", ""},
		{"a = \"\xff\xfe\"\nb = 1\x00", ""},
		{"{\"a\": \"x\x00\xc3\"}", ""},
		{deep(`{"a": `, "[", "", "]", 10_000) + "}", ""},
		{deep("a = ", "{b = ", "1", "}", 10_000), ""},
		{deep("a = ", "[{b = ", "1", "}]", MaxDepth/2), "toml"},
		{strings.Repeat("a.", MaxDepth) + "b = 1", ""},
		{"s = '''\n[[['''\nt = \"\"\"]]]\"\"\"\"\"\n# {{{\nu = [[1]]", ""},
	}
	for _, s := range seeds {
		f.Add(s.config, s.typ)
	}
	f.Fuzz(func(t *testing.T, config, typ string) {
		d, err := Detect(config, typ)
		checkErr(t, err)
		if err != nil {
			return
		}
		if d.URL != "" && (d.Text != "" || d.Format == FormatNone) {
			t.Fatalf("URL details with text or without format: %+v", d)
		}
		if d.Text != "" && d.Format == FormatNone {
			t.Fatalf("inline text without format: %+v", d)
		}
		// A URL's body is unknown: parse the text itself as that body.
		text := d.Text
		if d.URL != "" {
			text = config
		}
		m, err := Parse(text, d.Format, d.URL, stdJSON)
		checkErr(t, err)
		if err == nil && m == nil {
			t.Fatalf("nil map without error for %q", config)
		}
		// The depth check never lets deeper values through. TOML's root
		// table has no brace of its own: one level more.
		if d := valueDepth(m); err == nil && d > MaxDepth+1 {
			t.Fatalf("parsed %d levels deep: %q", d, config)
		}
	})
}

// valueDepth is how deeply maps and arrays nest in v; 0 for a scalar.
func valueDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			d = max(d, valueDepth(e))
		}
	case []any:
		for _, e := range v {
			d = max(d, valueDepth(e))
		}
	default:
		return 0
	}
	return d + 1
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "(PY1000)") && !strings.HasPrefix(msg, "(PY0409)") {
		t.Fatalf("error without PyScript code: %q", msg)
	}
}

// FuzzFiles checks that Files never panics on arbitrary "files" tables and
// "fetch" entries, fails only with the documented errors, and otherwise
// returns consistent specs. entries holds "\x00"-separated key/value pairs
// in written order; a value "\x01" stands for a non-string; fetch holds
// "\x00"-separated from, to_folder, to_file and files (split on ",").
func FuzzFiles(f *testing.F) {
	seeds := []struct{ entries, fetch string }{
		{"", ""},
		{"a.py\x00", ""},
		{"{A}\x00x\x00{A}/a.py\x00{A}/\x00b.zip\x00lib/*", ""},
		{"{A}/a.py\x00\x00{A}\x00x", ""},
		{"a/x.py\x00\x00b/x.py\x00", ""},
		{"a.py\x00x/*\x00https://h/\x00", ""},
		{"{{A}\x00\x01\x00{}\x00{}", "https://o/d/\x00.\x00\x00a.py,b"},
		{"t.tar.gz?x=1\x00/*\x00t.tgz#f\x00/*", "a/\x00\x00\x00"},
		{"{L}\x00{\x00{L}B}\x00{L}}", "x\x00lib\x00y.py\x00"},
		{"\u2028{A\n}\x00\r", "\x00\x00\x00"},
	}
	for _, s := range seeds {
		f.Add(s.entries, s.fetch)
	}
	f.Fuzz(func(t *testing.T, entries, fetch string) {
		files := map[string]any{}
		order := &Order{}
		parts := strings.Split(entries, "\x00")
		for i := 0; i+1 < len(parts); i += 2 {
			var v any = parts[i+1]
			if parts[i+1] == "\x01" {
				v = 1.0
			}
			files[parts[i]] = v
			order.Keys = append(order.Keys, parts[i])
		}
		values := map[string]any{"files": files}
		if fetch != "" {
			p := append(strings.Split(fetch, "\x00"), "", "", "", "")
			entry := map[string]any{"from": p[0], "to_folder": p[1]}
			if p[2] != "" {
				entry["to_file"] = p[2]
			}
			if p[3] != "" {
				var names []any
				for _, n := range strings.Split(p[3], ",") {
					names = append(names, n)
				}
				entry["files"] = names
			}
			values["fetch"] = []any{entry}
		}
		specs, err := Files(values, &Order{Sub: map[string]*Order{"files": order}}, testCfgURL)
		if err != nil {
			checkFilesErr(t, err)
			return
		}
		dests := map[string]bool{}
		for _, s := range specs {
			if s.URL == "" {
				t.Fatalf("spec without URL: %+v", s)
			}
			switch {
			case s.Extract && !strings.HasSuffix(s.Dest, "/"):
				t.Fatalf("extract into a non-folder: %+v", s)
			case s.Extract && s.Format != "zip" && s.Format != "tar" && s.Format != "tar.gz":
				t.Fatalf("bad format: %+v", s)
			case !s.Extract && s.Format != "":
				t.Fatalf("format without extract: %+v", s)
			}
		}
		n := 0
		for _, k := range order.KeysOf(files) {
			if !isTemplateKey(k) {
				n++
			}
		}
		if len(specs) < n {
			t.Fatalf("%d specs for %d files", len(specs), n)
		}
		for _, s := range specs[:n] {
			if !s.Extract {
				if dests[s.Dest] || strings.HasSuffix(s.Dest, "/") {
					t.Fatalf("duplicate or folder destination: %+v", s)
				}
				dests[s.Dest] = true
			}
		}
	})
}

// filesErrors are the beginnings of every error Files documents.
var filesErrors = []string{
	"Invalid template: {",
	"Duplicated template: {",
	"Duplicated destination: ",
	"Unsupported archive ",
	"Cannot use 'to_file' and 'files' parameters together!",
	"Couldn't determine the filename from the path ",
	`(PY1000): Invalid config: "files" must be a table of strings`,
	"(PY1000): Invalid config: no file name in ",
	"(PY1000): Invalid URL: ",
}

func checkFilesErr(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	for _, prefix := range filesErrors {
		if strings.HasPrefix(msg, prefix) {
			if strings.HasPrefix(prefix, "Invalid template") && !strings.HasSuffix(msg, "}") {
				t.Fatalf("template error without its template: %q", msg)
			}
			return
		}
	}
	t.Fatalf("undocumented error: %q", msg)
}

// FuzzConfig runs a config through everything that reads one: remote
// packages (every remote config answers with the same text, so a config
// can include itself), files, packages, js_modules and the single keys.
// None may panic, and every error must say something.
func FuzzConfig(f *testing.F) {
	seeds := []struct {
		text   string
		asJSON bool
	}{
		{"packages = ['numpy', './p.toml', 'w.whl']\n[files]\n'{A}' = 'x'\n'{A}/a.py' = ''\n'z.zip' = 'd/*'", false},
		{"name = 'n'\npackages = ['./p.toml', './q.json']\n[js_modules.main]\n'./m.js' = 'm'\n[js_modules.worker]\n'x.js' = 'bad name'", false},
		{`{"interpreter": "0.26.0", "plugins": ["!error", 3], "debug": "yes", "ffi_timeout": -1, "sync_main_only": 1, "packages_cache": "never", "experimental_remote_packages": true}`, true},
		{`{"packages": ["./p.json"], "name": 5, "fetch": [{"from": "a/", "files": ["x.py"], "to_file": "y"}]}`, true},
		{`{"files": {"https://h/t.tgz": "/*", "{B}": "{B}"}, "js_modules": {"main": []}, "interpreter": {"url": 1}}`, true},
		{"interpreter = 'https://h/pyodide.mjs'\nfiles = 3\npackages = 'numpy'", false},
	}
	for _, s := range seeds {
		f.Add(s.text, s.asJSON)
	}
	f.Fuzz(func(t *testing.T, text string, asJSON bool) {
		format := FormatTOML
		if asJSON {
			format = FormatJSON
		}
		values, order, err := ParseOrdered(text, format, "", orderedJSON)
		if err != nil {
			return
		}
		cfg := Config{Values: values, ConfigURL: testCfgURL, Order: order}
		fetch := func(string) (string, error) { return text, nil }
		errs := []error{ExpandRemotes(&cfg, testPage, fetch, orderedJSON)}
		_, err = cfg.Files(testPage)
		errs = append(errs, err)
		_, err = cfg.Packages(testPage)
		errs = append(errs, err)
		_, _, err = cfg.JSModules(testPage)
		errs = append(errs, err)
		_, err = cfg.Interpreter()
		errs = append(errs, err)
		_, err = cfg.InterpreterURL("py", testPage, "https://cdn/pyodide.mjs")
		errs = append(errs, err)
		_, err = cfg.Plugins()
		errs = append(errs, err)
		cfg.PluginDisabled("error")
		_, err = cfg.Debug()
		errs = append(errs, err)
		cfg.FFITimeout()
		_, err = cfg.SyncMainOnly()
		errs = append(errs, err)
		_, err = cfg.PackagesCache()
		errs = append(errs, err)
		_, err = cfg.AutoProxies()
		errs = append(errs, err)
		for _, err := range errs {
			if err != nil && strings.TrimSpace(err.Error()) == "" {
				t.Fatalf("an error without a message for %q", text)
			}
		}
	})
}
