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
	})
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
