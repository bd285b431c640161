package mip

import (
	"errors"
	"path"
	"strings"
	"testing"
)

// FuzzInstall installs an arbitrary spec whose every package.json is body
// (the index, a repository or a server being hostile or broken): Install
// must never panic, fail only with *Error, and write only inside the
// target folder.
func FuzzInstall(f *testing.F) {
	seeds := []struct{ spec, body string }{
		{"pkg", `{"hashes": [["pkg.py", "ab12"]], "deps": [["dep", "1.0"]]}`},
		{"github:o/r", `{"urls": [["a/b.py", "a/b.py"], ["c.py", "https://h/c.py"]], "deps": [["github:o/r", ""]]}`},
		{"https://h/p/x.py", ""},
		{"https://h/p/", `{"urls": [["../x", "x"]]}`},
		{"gitlab:o/r@v1/p.json", `{"urls": [["/abs", "x"], ["a\\b", "y"], [".", "z"]]}`},
		{"pkg@1", `{"deps": [["pkg", "1"], ["other", null]], "version": 3}`},
		{"pkg", `[1, 2]`},
		{"pkg", `{"hashes": [["a.py", "\u0000\xff"]]}`},
		{"\x00../..", "{"},
		{"deep", `{"v": ` + strings.Repeat("[", 10_000) + `, "s": "\"[{"}`},
	}
	for _, s := range seeds {
		f.Add(s.spec, s.body)
	}
	f.Fuzz(func(t *testing.T, spec, body string) {
		fetch := func(url string) ([]byte, error) {
			if strings.HasSuffix(url, ".json") {
				return []byte(body), nil
			}
			return []byte("x"), nil
		}
		write := func(p string, _ []byte) error {
			if !strings.HasPrefix(p, DefaultTarget+"/") || path.Clean(p) != p {
				t.Fatalf("%q wrote %q, outside %s", spec, p, DefaultTarget)
			}
			return nil
		}
		err := Install(spec, Options{JSON: stdJSON}, fetch, write)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}
