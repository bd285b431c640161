package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tree is a small package with nested folders, directory entries and an
// empty file.
var tree = []entry{
	{name: "pkg", dir: true},
	{name: "pkg/__init__.py", body: ""},
	{name: "pkg/mod.py", body: "def f():\n    return 42\n"},
	{name: "pkg/sub", dir: true},
	{name: "pkg/sub/deep/data.txt", body: strings.Repeat("data ", 1000)},
	{name: "top.py", body: "import pkg\n"},
}

var treeFiles = []emitted{
	{"pkg/__init__.py", ""},
	{"pkg/mod.py", "def f():\n    return 42\n"},
	{"pkg/sub/deep/data.txt", strings.Repeat("data ", 1000)},
	{"top.py", "import pkg\n"},
}

func under(dest string, files []emitted) []emitted {
	out := make([]emitted, len(files))
	for i, f := range files {
		out[i] = emitted{dest + "/" + f.Path, f.Data}
	}
	return out
}

func TestExtractFormats(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			got, err := run(Options{}, build(t, format, tree...), format, "")
			require.NoError(t, err)
			assert.Equal(t, treeFiles, got)
		})
	}
}

func TestExtractZipStoreAndDeflate(t *testing.T) {
	data := makeZip(t,
		entry{name: "stored.txt", body: "kept as is", method: zip.Store},
		entry{name: "deflated.txt", body: strings.Repeat("squeeze ", 500), method: zip.Deflate},
		entry{name: "empty-stored", method: zip.Store},
	)
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{
		{"stored.txt", "kept as is"},
		{"deflated.txt", strings.Repeat("squeeze ", 500)},
		{"empty-stored", ""},
	}, got)
}

func TestExtractWheel(t *testing.T) {
	// The layout of a pure-Python wheel, without directory entries.
	whl := makeZip(t,
		entry{name: "demo/__init__.py", body: "VERSION = '1.0'\n"},
		entry{name: "demo/util/helpers.py", body: "def h(): pass\n"},
		entry{name: "demo-1.0.dist-info/METADATA", body: "Metadata-Version: 2.1\nName: demo\n"},
		entry{name: "demo-1.0.dist-info/WHEEL", body: "Wheel-Version: 1.0\n"},
		entry{name: "demo-1.0.dist-info/RECORD", body: ""},
	)
	format, ok := FormatOf("https://cdn.example.org/wheels/demo-1.0-py3-none-any.whl?v=3")
	require.True(t, ok)
	for _, f := range []string{format, "whl", ".WHL"} {
		got, err := run(Options{}, whl, f, "/home/pyodide/site")
		require.NoError(t, err, f)
		assert.Equal(t, []emitted{
			{"/home/pyodide/site/demo/__init__.py", "VERSION = '1.0'\n"},
			{"/home/pyodide/site/demo/util/helpers.py", "def h(): pass\n"},
			{"/home/pyodide/site/demo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: demo\n"},
			{"/home/pyodide/site/demo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n"},
			{"/home/pyodide/site/demo-1.0.dist-info/RECORD", ""},
		}, got, f)
	}
}

func TestExtractFormatAliases(t *testing.T) {
	tgz := build(t, TarGz, tree...)
	for _, f := range []string{"tar.gz", "TGZ", ".tgz", ".Tar.Gz"} {
		got, err := run(Options{}, tgz, f, "")
		require.NoError(t, err, f)
		assert.Equal(t, treeFiles, got, f)
	}
	_, err := run(Options{}, build(t, Tar, tree...), "TAR", "")
	require.NoError(t, err)
}

func TestExtractDest(t *testing.T) {
	for _, format := range formats {
		data := build(t, format, tree...)
		for _, tc := range []struct{ dest, prefix string }{
			{"", ""},
			{".", ""},
			{"./", ""},
			{"lib", "lib"},
			{"lib/", "lib"},
			{"./lib/pkgs", "lib/pkgs"},
			{"/", ""}, // emits "/pkg/..."
			{"/home/pyodide/", "/home/pyodide"},
			{"a//b/../c", "a/c"},
		} {
			got, err := run(Options{}, data, format, tc.dest)
			require.NoError(t, err, "%s %q", format, tc.dest)
			want := treeFiles
			switch {
			case tc.dest == "/":
				want = under("", treeFiles)
			case tc.prefix != "":
				want = under(tc.prefix, treeFiles)
			}
			assert.Equal(t, want, got, "%s %q", format, tc.dest)
		}
	}
}

func TestExtractCleansSafeNames(t *testing.T) {
	for _, format := range formats {
		data := build(t, format,
			entry{name: "./a.py", body: "a"},
			entry{name: "x/../b.py", body: "b"},
			entry{name: "d//e/./f.py", body: "f"},
			entry{name: `win\style\g.py`, body: "g"},
			entry{name: "./", dir: true},
		)
		got, err := run(Options{}, data, format, "out")
		require.NoError(t, err, format)
		assert.Equal(t, []emitted{
			{"out/a.py", "a"},
			{"out/b.py", "b"},
			{"out/d/e/f.py", "f"},
			{"out/win/style/g.py", "g"},
		}, got, format)
	}
}

func TestExtractTarLongNamesAndFormats(t *testing.T) {
	long := strings.Repeat("very-long-directory-name/", 8) + "leaf.py" // > 100 bytes
	for _, f := range []tar.Format{tar.FormatPAX, tar.FormatGNU} {
		var buf bytes.Buffer
		tw := tar.NewWriter(&buf)
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: long, Size: 2, Mode: 0o644, Typeflag: tar.TypeReg, Format: f}))
		_, err := tw.Write([]byte("ok"))
		require.NoError(t, err)
		require.NoError(t, tw.Close())
		got, err := run(Options{}, buf.Bytes(), Tar, "")
		require.NoError(t, err)
		assert.Equal(t, []emitted{{long, "ok"}}, got)
	}
}

func TestExtractTarGlobalHeaderAndLegacyRegular(t *testing.T) {
	// git archive starts with a PAX global header; old tars use '\x00' for
	// regular files and a trailing slash for directories.
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	require.NoError(t, tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, PAXRecords: map[string]string{"comment": "abc"}}))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "old/", Typeflag: '\x00', Format: tar.FormatUSTAR}))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "old/file", Size: 1, Typeflag: '\x00', Format: tar.FormatUSTAR}))
	_, err := tw.Write([]byte("x"))
	require.NoError(t, err)
	require.NoError(t, tw.Close())
	got, err := run(Options{}, buf.Bytes(), Tar, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"old/file", "x"}}, got)
}

func TestExtractSkipsLinksAndDevices(t *testing.T) {
	got, err := run(Options{}, makeZip(t,
		entry{name: "real.py", body: "r"},
		entry{name: "link.py", link: "real.py"},
		entry{name: "escape", link: "../../etc/passwd"},
		entry{name: "pipe", mode: 0o644 | fs.ModeNamedPipe},
	), Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"real.py", "r"}}, got)

	for _, gz := range []bool{false, true} {
		data := makeTar(t, gz,
			entry{name: "real.py", body: "r"},
			entry{name: "sym.py", link: "real.py"},
			entry{name: "escape", link: "/etc/passwd"},
			entry{name: "hard.py", link: "real.py", typ: tar.TypeLink},
			entry{name: "tty", typ: tar.TypeChar},
			entry{name: "disk", typ: tar.TypeBlock},
			entry{name: "fifo", typ: tar.TypeFifo},
			entry{name: "after.py", body: "a"},
		)
		got, err := run(Options{}, data, map[bool]string{false: Tar, true: TarGz}[gz], "")
		require.NoError(t, err)
		assert.Equal(t, []emitted{{"real.py", "r"}, {"after.py", "a"}}, got)
	}
}

func TestExtractRejectsUnsafePaths(t *testing.T) {
	cases := []struct{ name, why string }{
		{"../x", "escapes the destination folder"},
		{"..", "escapes the destination folder"},
		{"a/../../x", "escapes the destination folder"},
		{"a/b/../../../x", "escapes the destination folder"},
		{`..\x`, "escapes the destination folder"},
		{`a\..\..\x`, "escapes the destination folder"},
		{"/abs", "absolute path"},
		{"/", "absolute path"},
		{"//server/share/x", "absolute path"},
		{`\abs`, "absolute path"},
		{`C:\Windows\x`, "absolute path (drive letter)"},
		{"c:/x", "absolute path (drive letter)"},
		{"a/..", "names no file"},
		{".", "names no file"},
	}
	for _, format := range formats {
		for _, tc := range cases {
			// A good entry first: zips are rejected before anything is emitted.
			bad := entry{name: tc.name, body: "evil", dir: strings.HasSuffix(tc.name, "/")}
			data := build(t, format, entry{name: "ok.py", body: "ok"}, bad)
			got, err := run(Options{Name: "evil." + format}, data, format, "/home/pyodide")
			require.Error(t, err, "%s %q", format, tc.name)
			assert.ErrorIs(t, err, ErrUnsafePath, "%s %q", format, tc.name)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.name, e.Entry)
			assert.Contains(t, err.Error(), "unpacking evil."+format+": entry "+strq(tc.name)+": unsafe path: "+tc.why)
			if format == Zip {
				assert.Empty(t, got, "%q", tc.name)
			}
			for _, g := range got {
				assert.Equal(t, "/home/pyodide/ok.py", g.Path)
			}
		}
	}
	// Tar names cannot hold NUL; zip names can.
	_, err := run(Options{}, makeZip(t, entry{name: "a.py\x00/../../x", body: "x"}), Zip, "")
	assert.ErrorIs(t, err, ErrUnsafePath)
	assert.Contains(t, err.Error(), "NUL")
	// Unsafe names are rejected even on entries that would be skipped.
	for _, format := range formats {
		_, err := run(Options{}, build(t, format, entry{name: "../up", dir: true}), format, "")
		assert.ErrorIs(t, err, ErrUnsafePath, format)
		_, err = run(Options{}, build(t, format, entry{name: "/etc/x", link: "y"}), format, "")
		assert.ErrorIs(t, err, ErrUnsafePath, format)
	}
}

func strq(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '\\' || r == '"' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func TestErrorMessage(t *testing.T) {
	data := makeZip(t, entry{name: "../x", body: "x"})
	_, err := run(Options{Name: "https://example.org/p.zip"}, data, Zip, "")
	assert.EqualError(t, err, `unpacking https://example.org/p.zip: entry "../x": unsafe path: escapes the destination folder`)
	_, err = run(Options{}, data, Zip, "")
	assert.EqualError(t, err, `unpacking zip archive: entry "../x": unsafe path: escapes the destination folder`)
	_, err = run(Options{Name: "x.rar"}, data, "rar", "")
	assert.EqualError(t, err, `unpacking x.rar: unsupported archive format: "rar" (want zip, whl, tar, tar.gz or tgz)`)
	assert.ErrorIs(t, err, ErrFormat)
	_, err = run(Options{}, data, "", "")
	assert.EqualError(t, err, `unpacking archive: unsupported archive format: "" (want zip, whl, tar, tar.gz or tgz)`)
}

func TestExtractSizeLimit(t *testing.T) {
	zeros := strings.Repeat("\x00", 1<<20) // compresses ~1000:1
	for _, format := range formats {
		data := build(t, format, entry{name: "small", body: "s"}, entry{name: "bomb", body: zeros})
		got, err := run(Options{MaxBytes: 1000}, data, format, "")
		assert.ErrorIs(t, err, ErrTooLarge, format)
		assert.EqualError(t, err, `unpacking `+format+` archive: entry "bomb": archive too large: more than 1000 bytes uncompressed`)
		if format == Zip {
			assert.Empty(t, got)
		} else {
			assert.Equal(t, []emitted{{"small", "s"}}, got)
		}

		// The cap is on the total: two halves that fit, then one byte more.
		half := strings.Repeat("h", 500)
		got, err = run(Options{MaxBytes: 1000}, build(t, format, entry{name: "a", body: half}, entry{name: "b", body: half}), format, "")
		require.NoError(t, err, format)
		assert.Len(t, got, 2)
		_, err = run(Options{MaxBytes: 1000}, build(t, format, entry{name: "a", body: half}, entry{name: "b", body: half + "!"}), format, "")
		assert.ErrorIs(t, err, ErrTooLarge, format)
	}
	// The default limit is reported in MiB.
	e := (&extractor{name: "x", maxBytes: DefaultMaxBytes}).tooLarge("e")
	assert.EqualError(t, e, `unpacking x: entry "e": archive too large: more than 512 MiB uncompressed`)
}

func TestExtractEntryLimit(t *testing.T) {
	var many []entry
	for i := range 10 {
		many = append(many, entry{name: "d" + string(rune('a'+i)), dir: true})
	}
	for _, format := range formats {
		_, err := run(Options{MaxFiles: 10}, build(t, format, many...), format, "")
		require.NoError(t, err, format) // exactly at the limit
		_, err = run(Options{MaxFiles: 10}, build(t, format, append(many, entry{name: "f", body: "f"})...), format, "")
		assert.ErrorIs(t, err, ErrTooManyFiles, format)
		assert.EqualError(t, err, "unpacking "+format+" archive: too many entries: more than 10")
	}
}

func TestExtractTarGzStreamLimit(t *testing.T) {
	// Contents of skipped entries are not extracted but still decompressed;
	// the stream cap (MaxBytes plus per-entry overhead) bounds that work.
	data := makeTar(t, true, entry{name: "junk", typ: 'Z', body: strings.Repeat("\x00", 1<<20)})
	_, err := run(Options{MaxBytes: 1000, MaxFiles: 4}, data, TarGz, "")
	assert.ErrorIs(t, err, ErrTooLarge)
	got, err := run(Options{}, data, TarGz, "")
	require.NoError(t, err)
	assert.Empty(t, got)
}

// rawZip writes one entry with the given header and raw (already compressed)
// bytes, so tests can make headers lie.
func rawZip(t *testing.T, h *zip.FileHeader, raw []byte) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, err := w.CreateRaw(h)
	require.NoError(t, err)
	_, err = fw.Write(raw)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func deflate(t *testing.T, s string) []byte {
	full := makeZip(t, entry{name: "x", body: s})
	r, err := zip.NewReader(bytes.NewReader(full), int64(len(full)))
	require.NoError(t, err)
	rc, err := r.File[0].OpenRaw()
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	return b
}

func TestExtractZipLyingHeaders(t *testing.T) {
	body := strings.Repeat("abc", 10000)
	raw := deflate(t, body)
	crc := crc32.ChecksumIEEE([]byte(body))

	// Declares fewer bytes than the stream holds.
	data := rawZip(t, &zip.FileHeader{Name: "short", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: 100}, raw)
	got, err := run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Empty(t, got)

	// Declares more: a small MaxBytes rejects it up front...
	data = rawZip(t, &zip.FileHeader{Name: "huge", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: 3 << 30}, raw)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrTooLarge)

	// ...and a generous one must not allocate the declared 3 GiB.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = run(Options{MaxBytes: 4 << 30}, data, Zip, "")
	runtime.ReadMemStats(&after)
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20))

	// Wrong CRC.
	data = rawZip(t, &zip.FileHeader{Name: "crc", Method: zip.Deflate, CRC32: crc + 1,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: uint64(len(body))}, raw)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorIs(t, err, errChecksum)
	assert.Contains(t, err.Error(), `unpacking zip archive: entry "crc": corrupt or truncated archive: zip: checksum error`)
}

func TestExtractZipUnsupported(t *testing.T) {
	data := rawZip(t, &zip.FileHeader{Name: "b.bz2", Method: 12, CompressedSize64: 3, UncompressedSize64: 3}, []byte("abc"))
	_, err := run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.EqualError(t, err, `unpacking zip archive: entry "b.bz2": unsupported entry: compression method 12`)

	data = rawZip(t, &zip.FileHeader{Name: "secret", Method: zip.Store, Flags: 1, CompressedSize64: 3, UncompressedSize64: 3}, []byte("abc"))
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.Contains(t, err.Error(), "encrypted")
}

func TestExtractTruncated(t *testing.T) {
	for _, format := range formats {
		full := build(t, format, tree...)
		want, err := run(Options{}, full, format, "")
		require.NoError(t, err)
		for n := range len(full) {
			got, err := run(Options{}, full[:n], format, "")
			if format == Tar && n == len(full)-512 {
				// Only the second zero block of the end marker is gone: GNU
				// tar warns about a lone zero block, Go and we accept it.
				require.NoError(t, err)
				require.Equal(t, want, got)
				continue
			}
			require.Error(t, err, "%s cut at %d of %d", format, n, len(full))
			require.ErrorIs(t, err, ErrCorrupt, "%s cut at %d", format, n)
			require.True(t, strings.HasPrefix(err.Error(), "unpacking "+format+" archive: "), err.Error())
		}
	}
}

func TestExtractTarWithoutEndMarker(t *testing.T) {
	// Cut inside the padding after a complete entry: Go's reader sees a
	// clean end, the missing end-of-archive marker gives the cut away.
	full := makeTar(t, false, entry{name: "a.py", body: "abc"}, entry{name: "b.py", body: "def"})
	got, err := run(Options{}, full[:512+3+100], Tar, "")
	assert.EqualError(t, err, "unpacking tar archive: corrupt or truncated archive: missing end-of-archive marker")
	assert.Equal(t, []emitted{{"a.py", "abc"}}, got)
	_, err = run(Options{}, full[:1024], Tar, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestExtractHugeLimits(t *testing.T) {
	for _, format := range formats {
		for _, o := range []Options{{MaxBytes: 1<<63 - 1, MaxFiles: 1<<62 - 1}, {MaxBytes: 1, MaxFiles: 1<<62 - 1}, {MaxBytes: 1<<63 - 1, MaxFiles: 1}} {
			got, err := run(o, build(t, format, tree...), format, "")
			if o.MaxBytes == 1 {
				assert.ErrorIs(t, err, ErrTooLarge, format)
				continue
			}
			if o.MaxFiles == 1 {
				assert.ErrorIs(t, err, ErrTooManyFiles, format)
				continue
			}
			require.NoError(t, err, format)
			assert.Equal(t, treeFiles, got, format)
		}
	}
}

func TestExtractGarbage(t *testing.T) {
	html := []byte("<!doctype html><title>404 Not Found</title>" + strings.Repeat(" ", 1024))
	for _, format := range formats {
		_, err := run(Options{Name: "p." + format}, html, format, "")
		assert.ErrorIs(t, err, ErrCorrupt, format)
		_, err = run(Options{}, nil, format, "")
		assert.EqualError(t, err, "unpacking "+format+" archive: corrupt or truncated archive: no data")
	}
	// A zip fed as a tar and the other way round.
	_, err := run(Options{}, build(t, Zip, tree...), Tar, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	_, err = run(Options{}, build(t, Tar, tree...), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	_, err = run(Options{}, build(t, Tar, tree...), TarGz, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestExtractTarGzChecksAndMembers(t *testing.T) {
	full := build(t, TarGz, tree...)

	// A bad gzip CRC is caught after the last entry.
	bad := bytes.Clone(full)
	bad[len(bad)-8] ^= 0xff
	got, err := run(Options{}, bad, TarGz, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorIs(t, err, errGzipChecksum)
	assert.Equal(t, treeFiles, got)

	// Trailing garbage after a complete member is tolerated, as gzip does.
	got, err = run(Options{}, append(bytes.Clone(full), make([]byte, 512)...), TarGz, "")
	require.NoError(t, err)
	assert.Equal(t, treeFiles, got)

	// A tar split over two concatenated gzip members.
	plain := build(t, Tar, tree...)
	var buf bytes.Buffer
	for _, part := range [][]byte{plain[:1000], plain[1000:]} {
		zw := gzip.NewWriter(&buf)
		_, err := zw.Write(part)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
	}
	got, err = run(Options{}, buf.Bytes(), TarGz, "")
	require.NoError(t, err)
	assert.Equal(t, treeFiles, got)
}

func TestExtractEmitError(t *testing.T) {
	boom := errors.New("disk full")
	for _, format := range formats {
		var paths []string
		err := Extract(build(t, format, tree...), format, "d", func(p string, b []byte) error {
			paths = append(paths, p)
			if strings.HasSuffix(p, "mod.py") {
				return boom
			}
			return nil
		})
		assert.ErrorIs(t, err, boom)
		assert.EqualError(t, err, `unpacking `+format+` archive: entry "pkg/mod.py": disk full`)
		assert.Equal(t, []string{"d/pkg/__init__.py", "d/pkg/mod.py"}, paths)
	}
}

func TestExtractEmptyArchives(t *testing.T) {
	for _, format := range formats {
		got, err := run(Options{}, build(t, format), format, "")
		require.NoError(t, err, format)
		assert.Empty(t, got)
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"pkg.zip", Zip},
		{"pkg.ZIP", Zip},
		{"./lib/pkg.whl", Zip},
		{"demo-1.0-py3-none-any.WHL", Zip},
		{"https://files.example.org/p/demo-1.0-py3-none-any.whl", Zip},
		{"https://example.org/a.zip?token=abc.tar", Zip},
		{"https://example.org/a.tar?x=1#frag.zip", Tar},
		{"https://example.org/a.tar.gz#section", TarGz},
		{"https://example.org/dl?file=a.zip", ""},
		{"https://example.org/a.tgz?download=1", TarGz},
		{"data.TAR.GZ", TarGz},
		{"a.tar.gz/", ""},
		{"/abs/path/a.tar", Tar},
		{"file:///tmp/a.tgz", TarGz},
		{"https://example.zip", ""},
		{"https://example.zip/", ""},
		{"//cdn.example.zip", ""},
		{"//cdn.example.com/x.whl", Zip},
		{"https://example.zip/pkg.tar", Tar},
		{"a.gz", ""},
		{"a.tar.bz2", ""},
		{"a.tar.xz", ""},
		{"a.py", ""},
		{"zip", ""},
		{"a.zip.py", ""},
		{"", ""},
		{"?x.zip", ""},
		{"#x.zip", ""},
	} {
		got, ok := FormatOf(tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, tc.want != "", ok, tc.in)
	}
}
