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
