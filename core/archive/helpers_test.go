package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// entry describes one archive member for the test builders.
type entry struct {
	name   string
	body   string
	dir    bool
	link   string      // symlink target
	mode   fs.FileMode // zip: extra mode bits (e.g. fs.ModeSymlink)
	typ    byte        // tar: Typeflag; 0 means regular (or TypeDir when dir)
	method uint16      // zip: compression method; default Deflate
}

func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: e.method}
		if e.method == 0 && !e.dir {
			h.Method = zip.Deflate
		}
		switch {
		case e.dir:
			h.SetMode(fs.ModeDir | 0o755)
		case e.link != "":
			h.SetMode(fs.ModeSymlink | 0o777)
		case e.mode != 0:
			h.SetMode(e.mode)
		default:
			h.SetMode(0o644)
		}
		if e.dir && h.Name[len(h.Name)-1] != '/' {
			h.Name += "/"
		}
		fw, err := w.CreateHeader(h)
		require.NoError(t, err)
		body := e.body
		if e.link != "" {
			body = e.link
		}
		if !strings.HasSuffix(h.Name, "/") {
			_, err = fw.Write([]byte(body))
			require.NoError(t, err)
		}
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func makeTar(t testing.TB, gz bool, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	var zw *gzip.Writer
	var tw *tar.Writer
	if gz {
		zw = gzip.NewWriter(&buf)
		tw = tar.NewWriter(zw)
	} else {
		tw = tar.NewWriter(&buf)
	}
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: 0o644, Typeflag: e.typ}
		switch {
		case e.dir:
			h.Typeflag, h.Mode = tar.TypeDir, 0o755
		case e.link != "":
			h.Linkname = e.link
			if h.Typeflag == 0 {
				h.Typeflag = tar.TypeSymlink
			}
		case h.Typeflag == 0:
			h.Typeflag = tar.TypeReg
		}
		if !e.dir && (h.Typeflag == tar.TypeReg || len(e.body) > 0) {
			h.Size = int64(len(e.body))
		}
		require.NoError(t, tw.WriteHeader(h))
		if h.Size > 0 {
			_, err := tw.Write([]byte(e.body))
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	if gz {
		require.NoError(t, zw.Close())
	}
	return buf.Bytes()
}

// build makes an archive of the given format from entries.
func build(t testing.TB, format string, entries ...entry) []byte {
	t.Helper()
	switch format {
	case Zip:
		return makeZip(t, entries...)
	case Tar:
		return makeTar(t, false, entries...)
	case TarGz:
		return makeTar(t, true, entries...)
	}
	t.Fatalf("unknown format %q", format)
	return nil
}

var formats = []string{Zip, Tar, TarGz}

// emitted is one call to emit.
type emitted struct {
	Path string
	Data string
}

// run extracts with o and records what was emitted, in order.
func run(o Options, data []byte, format, dest string) ([]emitted, error) {
	var got []emitted
	err := o.Extract(data, format, dest, func(p string, b []byte) error {
		got = append(got, emitted{p, string(b)})
		return nil
	})
	return got, err
}
