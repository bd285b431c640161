package archive

import (
	"archive/zip"
	"errors"
	"path"
	"strings"
	"testing"
)

// FuzzExtract feeds arbitrary bytes to every format and checks that Extract
// never panics, fails only with *Error, and only emits clean paths under the
// destination. `go test` runs the seeds (the test archives);
// `go test -run='^$' -fuzz=FuzzExtract ./core/archive/` explores further.
func FuzzExtract(f *testing.F) {
	for _, format := range formats {
		f.Add(build(f, format, tree...))
		f.Add(build(f, format, entry{name: "a/b.py", body: "x"}, entry{name: "l", link: "../x"}, entry{name: "../x", body: "y"}))
		f.Add(build(f, format, entry{name: `w\x.py`, body: strings.Repeat("z", 3000)}))
		f.Add(build(f, format, entry{name: "/etc/passwd", body: "x"}, entry{name: `..\..\x`, body: "y"}, entry{name: "a/../../b", body: "z"}, entry{name: "C:/w", body: "w"}))
	}
	// Bombs: a few KB that expand past the 1 MiB limit below.
	for _, format := range []string{Zip, TarGz} {
		f.Add(build(f, format, entry{name: "zeros", body: strings.Repeat("\x00", 2<<20)}))
	}
	f.Add(gzipBomb(f, 8))
	f.Add(makeZip(f, entry{name: "s", body: "stored", method: zip.Store}))
	f.Add([]byte{})
	f.Add([]byte("PK\x05\x06"))
	f.Add([]byte("\x1f\x8b\x08"))
	o := Options{MaxBytes: 1 << 20, MaxFiles: 200}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range formats {
			for _, dest := range []string{"", "/home/pyodide"} {
				total := 0
				err := o.Extract(data, format, dest, func(p string, b []byte) error {
					total += len(b)
					rel := p
					if dest != "" {
						if !strings.HasPrefix(p, dest+"/") {
							t.Fatalf("%s: %q is not under %q", format, p, dest)
						}
						rel = p[len(dest)+1:]
					}
					if rel == "" || rel == "." || rel == ".." || strings.HasPrefix(rel, "/") ||
						strings.HasPrefix(rel, "../") || path.Clean(rel) != rel ||
						strings.ContainsAny(rel, "\\\x00") {
						t.Fatalf("%s: unsafe path %q emitted", format, p)
					}
					return nil
				})
				if total > int(o.MaxBytes) {
					t.Fatalf("%s: emitted %d bytes, limit %d", format, total, o.MaxBytes)
				}
				var e *Error
				if err != nil && (!errors.As(err, &e) || !strings.HasPrefix(err.Error(), "unpacking ")) {
					t.Fatalf("%s: unexpected error %T %v", format, err, err)
				}
			}
		}
	})
}
