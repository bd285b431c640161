package archive

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hzEntry is one member of a hand-made zip (see hz), so tests can control
// every field archive/zip's writer would fill in for them.
type hzEntry struct {
	name    string
	body    string // uncompressed contents
	deflate bool
	flags   uint16
	crc     *uint32 // default: the body's CRC-32
	usize   *uint64 // default: len(body)

	creator uint16 // "version made by"; 0 means Unix (3<<8 | 20), so FAT is 0<<8 | 20
	attrs   uint32 // external attributes; default a Unix regular file

	localName  *string // default: name
	localExtra []byte
	extra      []byte // central extra field, besides any ZIP64 one
	comment    string // per-entry comment in the central directory

	zip64      bool    // sizes and offset in a ZIP64 extra field
	descriptor int     // data descriptor after the data: 0 none, 12, 16 (with signature) or 24 (ZIP64)
	descCRC    *uint32 // the descriptor's CRC; default the central one
	offset     *uint64 // central record's local header offset; default where it was written
	noLocal    bool    // write no local header or data (for entries sharing another's)
}

// hz builds a zip by hand.
type hz struct {
	buf     []byte
	central []byte
	n       int
}

func u16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }
func u32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func u64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }
func ptr[T any](v T) *T             { return &v }

func rawDeflate(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	require.NoError(t, err)
	_, err = w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func (z *hz) add(t testing.TB, e hzEntry) {
	raw, method := []byte(e.body), uint16(zip.Store)
	if e.deflate {
		raw, method = rawDeflate(t, e.body), zip.Deflate
	}
	crc := crc32.ChecksumIEEE([]byte(e.body))
	if e.crc != nil {
		crc = *e.crc
	}
	usize := uint64(len(e.body))
	if e.usize != nil {
		usize = *e.usize
	}
	csize := uint64(len(raw))
	offset := uint64(len(z.buf))
	if e.offset != nil {
		offset = *e.offset
	}
	flags := e.flags
	if e.descriptor != 0 {
		flags |= 8
	}
	if !e.noLocal {
		name := e.name
		if e.localName != nil {
			name = *e.localName
		}
		b := u32(z.buf, 0x04034b50)
		b = u16(b, 20)
		b = u16(b, flags)
		b = u16(b, method)
		b = u32(b, 0) // time, date
		if e.descriptor != 0 {
			b = u32(u32(u32(b, 0), 0), 0)
		} else {
			b = u32(u32(u32(b, crc), uint32(min(csize, 0xffffffff))), uint32(min(usize, 0xffffffff)))
		}
		b = u16(b, uint16(len(name)))
		b = u16(b, uint16(len(e.localExtra)))
		b = append(b, name...)
		b = append(b, e.localExtra...)
		b = append(b, raw...)
		crc := crc
		if e.descCRC != nil {
			crc = *e.descCRC
		}
		switch e.descriptor {
		case 12, 16:
			if e.descriptor == 16 {
				b = u32(b, 0x08074b50)
			}
			b = u32(u32(u32(b, crc), uint32(csize)), uint32(usize))
		case 24:
			b = u64(u64(u32(u32(b, 0x08074b50), crc), csize), usize)
		}
		z.buf = b
	}

	extra := e.extra
	c32, u32s, o32 := uint32(csize), uint32(usize), uint32(offset)
	if e.zip64 {
		extra = u64(u64(u64(u16(u16(nil, 1), 24), usize), csize), offset)
		extra = append(extra, e.extra...)
		c32, u32s, o32 = 0xffffffff, 0xffffffff, 0xffffffff
	}
	creator := e.creator
	if creator == 0 {
		creator = 3<<8 | 20
	}
	attrs := e.attrs
	if attrs == 0 && creator>>8 == 3 {
		attrs = 0o100644 << 16
	}
	c := u32(z.central, 0x02014b50)
	c = u16(c, creator)
	c = u16(c, 20)
	c = u16(c, flags)
	c = u16(c, method)
	c = u32(c, 0)
	c = u32(c, crc)
	c = u32(c, c32)
	c = u32(c, u32s)
	c = u16(c, uint16(len(e.name)))
	c = u16(c, uint16(len(extra)))
	c = u16(c, uint16(len(e.comment)))
	c = u16(c, 0) // disk
	c = u16(c, 0) // internal attributes
	c = u32(c, attrs)
	c = u32(c, o32)
	c = append(c, e.name...)
	c = append(c, extra...)
	c = append(c, e.comment...)
	z.central = c
	z.n++
}

// hzEnd tunes the end records; the zero value writes a plain one.
type hzEnd struct {
	zip64   bool // ZIP64 end record and locator, maxed-out fields in the plain one
	records *uint64
	size    *uint64
	offset  *uint64
	comment string
}

func (z *hz) finish(o hzEnd) []byte {
	records, size, offset := uint64(z.n), uint64(len(z.central)), uint64(len(z.buf))
	if o.records != nil {
		records = *o.records
	}
	if o.size != nil {
		size = *o.size
	}
	if o.offset != nil {
		offset = *o.offset
	}
	b := append(bytes.Clone(z.buf), z.central...)
	r16, s32, o32 := uint16(records), uint32(size), uint32(offset)
	if o.zip64 {
		end64 := uint64(len(b))
		b = u32(b, 0x06064b50)
		b = u64(b, zip64EndLen-12)
		b = u16(u16(b, 45), 45)
		b = u32(u32(b, 0), 0)
		b = u64(u64(b, records), records)
		b = u64(u64(b, size), offset)
		b = u32(b, 0x07064b50)
		b = u32(b, 0)
		b = u64(b, end64)
		b = u32(b, 1)
		r16, s32, o32 = 0xffff, 0xffffffff, 0xffffffff
	}
	b = u32(b, 0x06054b50)
	b = u16(u16(b, 0), 0)
	b = u16(u16(b, r16), r16)
	b = u32(u32(b, s32), o32)
	b = u16(b, uint16(len(o.comment)))
	return append(b, o.comment...)
}

func hzip(t testing.TB, end hzEnd, entries ...hzEntry) []byte {
	var z hz
	for _, e := range entries {
		z.add(t, e)
	}
	return z.finish(end)
}

// The hand-made zips are valid: archive/zip reads them the same way.
func checkWithStdlib(t *testing.T, data []byte, want []emitted) {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var got []emitted
	for _, f := range r.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err, f.Name)
		got = append(got, emitted{f.Name, string(b)})
	}
	assert.Equal(t, want, got)
}

func TestZipHandMadeBaseline(t *testing.T) {
	data := hzip(t, hzEnd{},
		hzEntry{name: "a.txt", body: "alpha"},
		hzEntry{name: "dir/", body: ""},
		hzEntry{name: "dir/b.py", body: strings.Repeat("beta ", 300), deflate: true},
	)
	want := []emitted{{"a.txt", "alpha"}, {"dir/b.py", strings.Repeat("beta ", 300)}}
	checkWithStdlib(t, data, want)
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestZipDataDescriptors(t *testing.T) {
	// archive/zip's writer streams every entry with a data descriptor
	// (flag bit 3, zero CRC and sizes in the local header): the existing
	// tests extract such zips all along.
	std := makeZip(t, entry{name: "s.txt", body: "streamed"}, entry{name: "t", body: "x", method: zip.Store})
	r, err := zip.NewReader(bytes.NewReader(std), int64(len(std)))
	require.NoError(t, err)
	for _, f := range r.File {
		assert.NotZero(t, f.Flags&8, f.Name)
	}
	got, err := run(Options{}, std, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"s.txt", "streamed"}, {"t", "x"}}, got)

	// Descriptors with and without signature, 32- and 64-bit, store and
	// deflate: sizes and CRC come from the central directory.
	body := strings.Repeat("descriptor ", 200)
	var entries []hzEntry
	var want []emitted
	for _, d := range []int{12, 16, 24} {
		for _, deflate := range []bool{false, true} {
			name := "d" + strconv.Itoa(d) + map[bool]string{false: ".stored", true: ".deflated"}[deflate]
			entries = append(entries, hzEntry{name: name, body: body, deflate: deflate, descriptor: d})
			want = append(want, emitted{name, body})
		}
	}
	entries = append(entries, hzEntry{name: "empty", descriptor: 16})
	want = append(want, emitted{"empty", ""})
	data := hzip(t, hzEnd{}, entries...)
	checkWithStdlib(t, data, want)
	got, err = run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// A wrong CRC in the central directory is caught with a descriptor too.
	data = hzip(t, hzEnd{}, hzEntry{name: "ok", body: "fine"},
		hzEntry{name: "bad", body: body, deflate: true, descriptor: 16, crc: ptr(uint32(1))})
	got, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorIs(t, err, errChecksum)
	assert.EqualError(t, err, `unpacking zip archive: entry "bad": corrupt or truncated archive: zip: checksum error`)
	assert.Equal(t, []emitted{{"ok", "fine"}}, got) // only bad data can stop a zip midway

	// A descriptor whose CRC is not the central one, as archive/zip checks:
	// found before anything is emitted.
	for _, d := range []int{12, 16, 24} {
		data = hzip(t, hzEnd{}, hzEntry{name: "ok", body: "fine"},
			hzEntry{name: "bad", body: body, deflate: true, descriptor: d, descCRC: ptr(uint32(7))})
		got, err = run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrCorrupt, d)
		assert.ErrorIs(t, err, errChecksum, d)
		assert.Empty(t, got)
	}
	// A descriptor missing: the data runs right up to the central directory.
	var z hz
	z.add(t, hzEntry{name: "a", body: body, deflate: true, descriptor: 16})
	z.buf = z.buf[:len(z.buf)-16]
	got, err = run(Options{}, z.finish(hzEnd{}), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), "data descriptor")
	assert.Empty(t, got)
	// Only its signature there: the CRC is missing.
	z = hz{}
	z.add(t, hzEntry{name: "a", body: body, deflate: true, descriptor: 16})
	z.buf = z.buf[:len(z.buf)-12]
	_, err = run(Options{}, z.finish(hzEnd{}), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	// Two entries sharing data are caught though each has a descriptor.
	data = hzip(t, hzEnd{},
		hzEntry{name: "first", body: body, descriptor: 12},
		hzEntry{name: "again", body: body, descriptor: 12, offset: ptr(uint64(0)), noLocal: true},
	)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), "overlap")
}

func TestZipChecksum(t *testing.T) {
	for _, deflate := range []bool{false, true} {
		for _, body := range []string{"", "x", strings.Repeat("crc", 999)} {
			crc := crc32.ChecksumIEEE([]byte(body)) ^ 0x80
			data := hzip(t, hzEnd{}, hzEntry{name: "f", body: body, deflate: deflate, crc: &crc})
			_, err := run(Options{}, data, Zip, "")
			assert.ErrorIs(t, err, ErrCorrupt, "%v %d", deflate, len(body))
			assert.ErrorIs(t, err, errChecksum)
			assert.NotErrorIs(t, err, zip.ErrFormat)
			assert.NotErrorIs(t, err, io.ErrUnexpectedEOF)
		}
	}
	// A flipped bit in stored data.
	data := hzip(t, hzEnd{}, hzEntry{name: "f", body: "some stored text"})
	data[bytes.Index(data, []byte("stored"))] ^= 1
	_, err := run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, errChecksum)
}

func TestZip64(t *testing.T) {
	body := strings.Repeat("sixty-four ", 100)
	want := []emitted{{"a.txt", "plain"}, {"big/b.txt", body}, {"c.bin", body}}
	data := hzip(t, hzEnd{zip64: true},
		hzEntry{name: "a.txt", body: "plain"},
		hzEntry{name: "big/b.txt", body: body, deflate: true, zip64: true},
		hzEntry{name: "c.bin", body: body, zip64: true, descriptor: 24},
	)
	checkWithStdlib(t, data, want)
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// With a comment and a ZIP64 extra that follows another extra field.
	data = hzip(t, hzEnd{zip64: true, comment: "z64"},
		hzEntry{name: "a.txt", body: "plain", zip64: true, extra: []byte{0x55, 0x54, 1, 0, 0}},
	)
	got, err = run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"a.txt", "plain"}}, got)

	// A ZIP64 extra field too short for the maxed-out values.
	short := hzip(t, hzEnd{}, hzEntry{name: "s", body: "s", zip64: true})
	i := bytes.LastIndex(short, []byte{1, 0, 24, 0})
	require.Positive(t, i)
	short[i+2] = 16 // drops the offset, which the central record says is there
	_, err = run(Options{}, short, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)

	// A ZIP64 end record out of range, or with a bad signature.
	for _, mutate := range []func(b []byte, loc int){
		func(b []byte, loc int) { binary.LittleEndian.PutUint64(b[loc+8:], 1<<62) },
		func(b []byte, loc int) { binary.LittleEndian.PutUint64(b[loc+8:], ^uint64(0)) },
		func(b []byte, loc int) { binary.LittleEndian.PutUint64(b[loc+8:], uint64(loc-10)) },
		func(b []byte, loc int) { b[binary.LittleEndian.Uint64(b[loc+8:])] = 'X' },
	} {
		data := hzip(t, hzEnd{zip64: true}, hzEntry{name: "a", body: "a"})
		mutate(data, len(data)-zipEndLen-zip64LocLen)
		_, err := run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrCorrupt)
	}
	// ZIP64 values that are absurd: no panic, no huge allocation.
	for _, v := range []uint64{1 << 62, ^uint64(0), 1<<63 - 1, 1 << 63} {
		for _, field := range []int{32, 40, 48} { // records, size, offset
			data := hzip(t, hzEnd{zip64: true}, hzEntry{name: "a", body: "a"})
			end64 := int(binary.LittleEndian.Uint64(data[len(data)-zipEndLen-zip64LocLen+8:]))
			binary.LittleEndian.PutUint64(data[end64+field:], v)
			_, err := run(Options{}, data, Zip, "")
			assert.ErrorIs(t, err, ErrCorrupt, "%d %d", field, v)
		}
		data := hzip(t, hzEnd{}, hzEntry{name: "a", body: "a", zip64: true, offset: ptr(v)})
		_, err := run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrCorrupt, "offset %d", v)
		data = hzip(t, hzEnd{}, hzEntry{name: "a", body: "a", zip64: true, usize: ptr(v)})
		_, err = run(Options{MaxBytes: 1<<63 - 1}, data, Zip, "")
		assert.Error(t, err)
		_, err = run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrTooLarge, "usize %d", v)
	}
}

func TestZip64LargeDeclaredSize(t *testing.T) {
	// archive/zip's writer adds a ZIP64 extra field for a 5 GiB entry.
	raw := rawDeflate(t, "tiny")
	data := rawZip(t, &zip.FileHeader{Name: "big.bin", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte("tiny")),
		CompressedSize64: uint64(len(raw)), UncompressedSize64: 5 << 30}, raw)
	d, err := readZipDir(data)
	require.NoError(t, err)
	require.Len(t, d.entries, 1)
	assert.Equal(t, uint64(5<<30), d.entries[0].usize)
	assert.Equal(t, uint64(len(raw)), d.entries[0].csize)

	_, err = run(Options{}, data, Zip, "")
	assert.EqualError(t, err, `unpacking zip archive: entry "big.bin": archive too large: more than 512 MiB uncompressed`)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = run(Options{MaxBytes: 8 << 30}, data, Zip, "")
	runtime.ReadMemStats(&after)
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20))

	// The right size, declared through ZIP64 although it would fit in 32 bits.
	data = hzip(t, hzEnd{zip64: true}, hzEntry{name: "t", body: "tiny", deflate: true, zip64: true})
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"t", "tiny"}}, got)
}

func TestZipComment(t *testing.T) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, err := w.Create("c.txt")
	require.NoError(t, err)
	_, err = fw.Write([]byte("commented"))
	require.NoError(t, err)
	require.NoError(t, w.SetComment("archive comment"))
	require.NoError(t, w.Close())
	want := []emitted{{"c.txt", "commented"}}
	got, err := run(Options{}, buf.Bytes(), Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	for _, comment := range []string{
		"",
		"x",
		// A fake end record inside the comment whose own comment would
		// run past the data: the real one is found further back.
		"PK\x05\x06" + strings.Repeat("\xff", 18),
		strings.Repeat("c", 0xffff), // the longest possible
	} {
		data := hzip(t, hzEnd{comment: comment}, hzEntry{name: "c.txt", body: "commented"})
		got, err := run(Options{}, data, Zip, "")
		require.NoError(t, err, "%.20q", comment)
		assert.Equal(t, want, got)
		if len(comment) == 0xffff {
			continue // trailing bytes would push the record out of the window
		}
		// Bytes after the comment are ignored, as archive/zip does.
		got, err = run(Options{}, append(data, "trailing"...), Zip, "")
		require.NoError(t, err, "%.20q", comment)
		assert.Equal(t, want, got)
	}
	// A comment length running past the data.
	data := hzip(t, hzEnd{comment: "abc"}, hzEntry{name: "c.txt", body: "commented"})
	_, err = run(Options{}, data[:len(data)-1], Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	// The end record is looked for only in the last 64 KiB + 22 bytes.
	data = hzip(t, hzEnd{comment: "abc"}, hzEntry{name: "c.txt", body: "commented"})
	_, err = run(Options{}, append(data, make([]byte, 0xffff)...), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestZipLocalHeaderDiffers(t *testing.T) {
	body := strings.Repeat("local ", 100)
	want := []emitted{{"a.py", body}, {"b.py", body}, {"c.py", "c"}, {"d.py", body}}
	data := hzip(t, hzEnd{},
		// Longer local name and an alignment extra field (as zipalign adds).
		hzEntry{name: "a.py", body: body, deflate: true, localName: ptr("a-much-longer-local-name.py"), localExtra: make([]byte, 13)},
		// Shorter local name, central extra field the local one lacks.
		hzEntry{name: "b.py", body: body, localName: ptr(""), extra: []byte{0x55, 0x54, 5, 0, 1, 0, 0, 0, 0}},
		// A local name that would be unsafe: only the central name counts.
		hzEntry{name: "c.py", body: "c", localName: ptr("../../evil")},
		hzEntry{name: "d.py", body: body, deflate: true, descriptor: 16, localExtra: bytes.Repeat([]byte{0xca}, 300)},
	)
	checkWithStdlib(t, data, want)
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// A local extra length that runs the data past the central directory.
	data = hzip(t, hzEnd{}, hzEntry{name: "a.py", body: body, localExtra: make([]byte, 4)})
	binary.LittleEndian.PutUint16(data[28:], 0xffff)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)

	// A local header without its signature.
	data = hzip(t, hzEnd{}, hzEntry{name: "a.py", body: body})
	data[0] = 'X'
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), `entry "a.py"`)
}

func TestZipTruncatedCentralDirectory(t *testing.T) {
	entries := []hzEntry{{name: "a", body: "a"}, {name: "b", body: "b"}, {name: "c", body: "c"}}
	var z hz
	for _, e := range entries {
		z.add(t, e)
	}
	full := z.finish(hzEnd{})
	cdStart, cdLen := len(z.buf), len(z.central)
	got, err := run(Options{}, full, Zip, "")
	require.NoError(t, err)
	require.Len(t, got, 3)

	// The end record counts more entries than the directory holds.
	for _, n := range []uint64{4, 0xffff, 2} {
		data := z.finish(hzEnd{records: ptr(n)})
		_, err := run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrCorrupt, "%d", n)
	}
	// Central records cut short: drop bytes from the directory's end and
	// fix the end record up so it is found.
	for cut := 1; cut < cdLen; cut++ {
		cd := z.central[:cdLen-cut]
		data := append(append(bytes.Clone(z.buf), cd...), full[len(full)-zipEndLen:]...)
		end := data[len(data)-zipEndLen:]
		binary.LittleEndian.PutUint32(end[12:], uint32(len(cd)))
		gotCut, err := run(Options{}, data, Zip, "")
		require.ErrorIs(t, err, ErrCorrupt, "cut %d", cut)
		assert.Empty(t, gotCut)
	}
	// A size or offset pointing outside the data.
	for _, o := range []hzEnd{
		{size: ptr(uint64(len(full)))},
		{size: ptr(uint64(0xfffffffe))},
		{offset: ptr(uint64(0xfffffffe)), size: ptr(uint64(cdLen + 5))},
		{offset: ptr(uint64(cdStart + 1))},
	} {
		data := z.finish(o)
		_, err := run(Options{}, data, Zip, "")
		assert.ErrorIs(t, err, ErrCorrupt, "%+v", o)
	}
	// A name length running into the end record.
	data := bytes.Clone(full)
	binary.LittleEndian.PutUint16(data[cdStart+2*(zipCentralLen+1)+28:], 40)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestZipOffsets(t *testing.T) {
	body := strings.Repeat("overlap ", 100)
	// Two central records sharing one local header and its data.
	data := hzip(t, hzEnd{},
		hzEntry{name: "first", body: body, deflate: true},
		hzEntry{name: "again", body: body, deflate: true, offset: ptr(uint64(0)), noLocal: true},
	)
	got, err := run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.EqualError(t, err, `unpacking zip archive: entry "again": corrupt or truncated archive: zip: entries overlap`)
	assert.Empty(t, got)

	// A record pointing into the middle of another entry's data, which holds
	// what looks like a local header: a stored entry whose body is one.
	var inner hz
	inner.add(t, hzEntry{name: "x", body: "hidden"})
	outer := hzEntry{name: "outer", body: string(inner.buf)}
	innerOff := uint64(zipLocalLen + len("outer"))
	data = hzip(t, hzEnd{}, outer, hzEntry{name: "x", body: "hidden", offset: &innerOff, noLocal: true})
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), "overlap")
	// The same in the other order in the central directory.
	var z hz
	z.add(t, hzEntry{name: "x", body: "hidden", offset: &innerOff, noLocal: true})
	z.add(t, outer)
	// (outer's recorded offset is where z.buf was empty: 0.)
	_, err = run(Options{}, z.finish(hzEnd{}), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), "overlap")

	// Entries recorded out of order but not overlapping are fine.
	z = hz{}
	z.add(t, hzEntry{name: "one", body: "1"})
	z.add(t, hzEntry{name: "two", body: "2"})
	z.add(t, hzEntry{name: "three", body: "3"})
	recs := splitCentral(t, z.central)
	z.central = slices3(recs[2], recs[0], recs[1])
	got, err = run(Options{}, z.finish(hzEnd{}), Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"three", "3"}, {"one", "1"}, {"two", "2"}}, got)

	// Offsets out of range, near the top of the 32- and 64-bit ranges, or
	// into the central directory; data running into it.
	for _, off := range []uint64{1 << 20, 0xfffffffe, 0xffffffff - zipLocalLen + 1, 1<<63 - 1, 1 << 63, ^uint64(0) - 5} {
		for _, zip64 := range []bool{false, true} {
			if !zip64 && off > 0xfffffffe {
				continue
			}
			data := hzip(t, hzEnd{}, hzEntry{name: "ok", body: "ok"}, hzEntry{name: "far", body: "far", zip64: zip64, offset: ptr(off)})
			got, err := run(Options{}, data, Zip, "")
			assert.ErrorIs(t, err, ErrCorrupt, "%#x", off)
			assert.Empty(t, got)
		}
	}
	// The local header offset says 0xffffffff but there is no ZIP64 field.
	data = hzip(t, hzEnd{}, hzEntry{name: "far", body: "far", offset: ptr(uint64(0xffffffff))})
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)

	z = hz{}
	z.add(t, hzEntry{name: "a", body: "aaaa"})
	z.add(t, hzEntry{name: "b", body: "bbbb"})
	full := z.finish(hzEnd{})
	cd := len(z.buf)
	// b's offset pointing at the central directory, which starts with a
	// central (not local) signature.
	data = bytes.Clone(full)
	binary.LittleEndian.PutUint32(data[cd+zipCentralLen+1+42:], uint32(cd))
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	// b's compressed (stored) size running into the central directory.
	data = bytes.Clone(full)
	for _, at := range []int{20, 24} {
		binary.LittleEndian.PutUint32(data[cd+zipCentralLen+1+at:], 10)
	}
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), `entry "b"`)
	// A stored entry whose two sizes differ.
	data = bytes.Clone(full)
	binary.LittleEndian.PutUint32(data[cd+zipCentralLen+1+24:], 3)
	_, err = run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func splitCentral(t *testing.T, cd []byte) [][]byte {
	var recs [][]byte
	for len(cd) > 0 {
		n := zipCentralLen + int(binary.LittleEndian.Uint16(cd[28:])) + int(binary.LittleEndian.Uint16(cd[30:])) + int(binary.LittleEndian.Uint16(cd[32:]))
		require.LessOrEqual(t, n, len(cd))
		recs = append(recs, cd[:n])
		cd = cd[n:]
	}
	return recs
}

func slices3(a, b, c []byte) []byte { return append(append(append([]byte(nil), a...), b...), c...) }

func TestZipPrependedData(t *testing.T) {
	// A self-extractor stub before the archive shifts every offset; the
	// end record tells by how much, as archive/zip works out.
	zipped := hzip(t, hzEnd{}, hzEntry{name: "a.py", body: "a"}, hzEntry{name: "b.py", body: strings.Repeat("b", 99), deflate: true})
	data := append([]byte("#!/bin/sh\nexec python3 \"$0\"\n"), zipped...)
	checkWithStdlib(t, data, []emitted{{"a.py", "a"}, {"b.py", strings.Repeat("b", 99)}})
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"a.py", "a"}, {"b.py", strings.Repeat("b", 99)}}, got)

	// The same with archive/zip's writer and SetOffset.
	var buf bytes.Buffer
	buf.WriteString("stub")
	w := zip.NewWriter(&buf)
	w.SetOffset(4)
	fw, err := w.Create("c.py")
	require.NoError(t, err)
	_, err = fw.Write([]byte("c"))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	got, err = run(Options{}, buf.Bytes(), Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"c.py", "c"}}, got)
}

func TestZipModes(t *testing.T) {
	data := hzip(t, hzEnd{},
		hzEntry{name: "file", body: "f"},
		hzEntry{name: "dosdir", creator: 0<<8 | 20, attrs: 0x10},
		hzEntry{name: "dosfile", body: "d", creator: 0<<8 | 20, attrs: 0x20},
		hzEntry{name: "ntfsdir", creator: 11<<8 | 20, attrs: 0x10},
		hzEntry{name: "vfatreadonly", body: "v", creator: 14<<8 | 20, attrs: 0x01},
		hzEntry{name: "unixlink", body: "file", attrs: 0o120777 << 16},
		hzEntry{name: "maclink", body: "file", creator: 19<<8 | 20, attrs: 0o120777 << 16},
		hzEntry{name: "socket", creator: 3<<8 | 20, attrs: 0o140644 << 16},
		hzEntry{name: "setuid", body: "s", attrs: 0o104755 << 16},
		hzEntry{name: "notype", body: "n", attrs: 0o644 << 16},
		hzEntry{name: "other-os", body: "o", creator: 10<<8 | 20, attrs: 0o120777 << 16},
		hzEntry{name: `win\dir\`, creator: 0<<8 | 20},
	)
	want := []emitted{{"file", "f"}, {"dosfile", "d"}, {"vfatreadonly", "v"}, {"setuid", "s"}, {"notype", "n"}, {"other-os", "o"}}
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// Which entries archive/zip deems regular, for comparison.
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var regular []string
	for _, f := range r.File {
		if f.Mode().IsRegular() && !strings.HasSuffix(f.Name, `\`) {
			regular = append(regular, f.Name)
		}
	}
	var names []string
	for _, g := range want {
		names = append(names, g.Path)
	}
	assert.Equal(t, regular, names)
}

func TestZipCountWrapsAround(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 65,537 entries")
	}
	// Without ZIP64 the 16-bit entry count wraps around; like archive/zip,
	// only its low bits are checked.
	var z hz
	const n = 1<<16 + 1
	for i := range n {
		z.add(t, hzEntry{name: "d" + strconv.Itoa(i) + "/"})
	}
	data := z.finish(hzEnd{})
	assert.Equal(t, uint16(1), binary.LittleEndian.Uint16(data[len(data)-12:]))
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = run(Options{MaxFiles: n - 1}, data, Zip, "")
	assert.ErrorIs(t, err, ErrTooManyFiles)
	// An off count is still caught.
	_, err = run(Options{}, z.finish(hzEnd{records: ptr(uint64(2))}), Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestZipValidatedBeforeEmitting(t *testing.T) {
	// A bad local header or out-of-range data in a later entry stops the
	// zip before anything is emitted.
	var z hz
	z.add(t, hzEntry{name: "good", body: "g"})
	z.add(t, hzEntry{name: "bad", body: "b"})
	data := z.finish(hzEnd{})
	data[zipLocalLen+len("good")+1] = 'X' // second local header's signature
	got, err := run(Options{}, data, Zip, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), `entry "bad"`)
	assert.Empty(t, got)
}

func FuzzReadZipDir(f *testing.F) {
	f.Add(makeZip(f, entry{name: "a", body: "b"}))
	f.Add(hzip(f, hzEnd{zip64: true, comment: "c"}, hzEntry{name: "z", body: "zz", zip64: true, descriptor: 24}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readZipDir(data)
		if err != nil {
			return
		}
		if d.start > uint64(len(data)) || uint64(len(d.entries))*zipCentralLen > uint64(len(data)) {
			t.Fatalf("start %d, %d entries in %d bytes", d.start, len(d.entries), len(data))
		}
		for i := range d.entries {
			raw, end, err := d.entries[i].locate(data, d.start)
			if err == nil && (end > d.start || uint64(len(raw)) != d.entries[i].csize) {
				t.Fatalf("entry %d: data ends at %d, directory starts at %d", i, end, d.start)
			}
		}
	})
}

func TestZipDirectorySizeUnderstated(t *testing.T) {
	// An end record whose directory size is too small while its offset is
	// right: as in archive/zip, the offset wins over a prepended-data guess.
	var z hz
	z.add(t, hzEntry{name: "a", body: "a"})
	z.add(t, hzEntry{name: "b", body: "b", deflate: true})
	data := z.finish(hzEnd{size: ptr(uint64(len(z.central) - 10))})
	checkWithStdlib(t, data, []emitted{{"a", "a"}, {"b", "b"}})
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"a", "a"}, {"b", "b"}}, got)
}

func TestZipMalformedExtraIgnored(t *testing.T) {
	// An extra field whose length runs past the block is ignored, as in
	// archive/zip; so is one of an unknown kind.
	data := hzip(t, hzEnd{},
		hzEntry{name: "a", body: "a", extra: []byte{0x99, 0x99, 200, 0, 1, 2}},
		hzEntry{name: "b", body: "b", extra: []byte{0x34, 0x12, 2, 0, 1, 2, 7}},
	)
	checkWithStdlib(t, data, []emitted{{"a", "a"}, {"b", "b"}})
	got, err := run(Options{}, data, Zip, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"a", "a"}, {"b", "b"}}, got)
}
