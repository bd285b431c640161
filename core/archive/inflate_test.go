package archive

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"hash/crc32"
	"io"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bitWriter builds deflate streams by hand, least significant bit first.
type bitWriter struct {
	b []byte
	n uint // bits used in the last byte; 0 or 8 means none free
}

func (w *bitWriter) bits(v uint32, n uint) *bitWriter {
	for ; n > 0; n-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
			w.n = 0
		}
		w.b[len(w.b)-1] |= byte(v&1) << w.n
		w.n++
		v >>= 1
	}
	return w
}

// code writes a Huffman code, most significant bit first.
func (w *bitWriter) code(c uint32, n uint) *bitWriter {
	return w.bits(uint32(bits.Reverse16(uint16(c)))>>(16-n), n)
}

// fixedLit writes literal/length symbol s with the fixed code.
func (w *bitWriter) fixedLit(s int) *bitWriter {
	switch {
	case s < 144:
		return w.code(uint32(0x30+s), 8)
	case s < 256:
		return w.code(uint32(0x190+s-144), 9)
	case s < 280:
		return w.code(uint32(s-256), 7)
	}
	return w.code(uint32(0xc0+s-280), 8)
}

// fixedMatch writes a match with the fixed codes; length and dist must be
// the base values of their symbols or take extra bits the caller gives.
func (w *bitWriter) fixedMatch(lsym int, lextra uint32, dsym int, dextra uint32) *bitWriter {
	w.fixedLit(lsym).bits(lextra, uint(lenExtra[lsym-257]))
	return w.code(uint32(dsym), 5).bits(dextra, uint(distExtra[dsym]))
}

func (w *bitWriter) stored(final bool, data []byte) *bitWriter {
	w.bits(b2u(final), 1).bits(0, 2)
	w.n = 8 // pad to a byte boundary
	n := uint32(len(data))
	w.bits(n, 16).bits(^n, 16)
	w.b = append(w.b, data...)
	return w
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func inflateAll(in []byte) ([]byte, error) {
	var f inflater
	f.reset(in)
	return io.ReadAll(&f)
}

func flateAll(in []byte) ([]byte, error) {
	return io.ReadAll(flate.NewReader(bytes.NewReader(in)))
}

func compress(t testing.TB, data []byte, level int) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, level)
	require.NoError(t, err)
	_, err = w.Write(data)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// mixedText is n bytes of text-like data: words, numbers and some noise.
func mixedText(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("def class import return self None True False for in if else " +
		"while lambda yield async await print range len the of and to a is that it with as " +
		"pyscript micropython pyodide element document window fetch")
	var b []byte
	for len(b) < n {
		switch r.IntN(10) {
		case 0:
			b = strconv.AppendInt(b, r.Int64N(1e9), 10)
		case 1:
			b = append(b, byte(r.IntN(256)))
		default:
			b = append(b, words[r.IntN(len(words))]...)
		}
		b = append(b, " \n("[r.IntN(3)])
	}
	return b[:n]
}

func TestInflateStored(t *testing.T) {
	w := new(bitWriter).stored(false, []byte("hello, ")).stored(false, nil).stored(true, []byte("world"))
	got, err := inflateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, "hello, world", string(got))

	bad := bytes.Clone(w.b)
	bad[3] ^= 1 // NLEN no longer the complement of LEN
	_, err = inflateAll(bad)
	assert.ErrorIs(t, err, errStoredLen)

	// Trailing bytes after the last block are not read.
	var f inflater
	f.reset(append(bytes.Clone(w.b), "trailer"...))
	got, err = io.ReadAll(&f)
	require.NoError(t, err)
	assert.Equal(t, "hello, world", string(got))
	assert.Equal(t, len(w.b), f.used())
}

func TestInflateFixed(t *testing.T) {
	// "abc", then a match of length 10 at distance 3 (overlapping), "!".
	w := new(bitWriter).bits(1, 1).bits(1, 2)
	for _, c := range "abc" {
		w.fixedLit(int(c))
	}
	w.fixedMatch(264, 0, 2, 0) // length 10, distance 3
	w.fixedLit('!').fixedLit(256)
	got, err := inflateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, "abcabcabcabca!", string(got))
	want, err := flateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// A 9-bit literal, and the longest length (285).
	w = new(bitWriter).bits(1, 1).bits(1, 2).fixedLit(0xe9).fixedMatch(285, 0, 0, 0).fixedLit(256)
	got, err = inflateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, bytes.Repeat([]byte{0xe9}, 259), got)

	// Symbols the fixed codes have but deflate does not use.
	for _, w := range []*bitWriter{
		new(bitWriter).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(286),
		new(bitWriter).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(287),
		new(bitWriter).bits(1, 1).bits(1, 2).fixedLit('a').fixedLit(257).code(30, 5),
	} {
		_, err = inflateAll(w.b)
		assert.ErrorIs(t, err, errSymbol)
		_, err = flateAll(w.b)
		assert.Error(t, err)
	}

	// Block type 3 is reserved.
	_, err = inflateAll(new(bitWriter).bits(1, 1).bits(3, 2).b)
	assert.ErrorIs(t, err, errBlockType)
}

func TestInflateDistanceTooFar(t *testing.T) {
	// One byte of history, a match two back.
	w := new(bitWriter).bits(1, 1).bits(1, 2).fixedLit('a').fixedMatch(257, 0, 1, 0).fixedLit(256)
	got, err := inflateAll(w.b)
	assert.ErrorIs(t, err, errDistance)
	assert.Equal(t, "a", string(got))
	_, err = flateAll(w.b)
	assert.Error(t, err)

	// The history spans blocks but not streams: reset forgets it.
	var f inflater
	f.reset(new(bitWriter).stored(true, []byte("xy")).b)
	_, err = io.ReadAll(&f)
	require.NoError(t, err)
	f.reset(w.b)
	_, err = io.ReadAll(&f)
	assert.ErrorIs(t, err, errDistance)
}

func TestInflateWindow(t *testing.T) {
	// 32 KiB of noise in a stored block, then matches reaching back exactly
	// 32768 bytes (distance symbol 29 with all extra bits set), across the
	// point where the 64 KiB window slides.
	noise := make([]byte, windowSize)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	w := new(bitWriter).stored(false, noise).stored(false, noise[:100])
	w.bits(1, 1).bits(1, 2)
	const matches = 600 // 600*258 bytes: the window slides several times
	for range matches {
		w.fixedMatch(285, 0, 29, 1<<13-1)
	}
	w.fixedLit(256)
	want := append(bytes.Clone(noise), noise[:100]...)
	for len(want) < windowSize+100+matches*258 {
		want = append(want, want[len(want)-windowSize])
	}
	oracle, err := flateAll(w.b)
	require.NoError(t, err)
	require.Equal(t, want, oracle)

	// Read in odd sizes so reads straddle the slides.
	for _, size := range []int{1, 7, 4096, 1 << 20} {
		var f inflater
		f.reset(w.b)
		var got []byte
		buf := make([]byte, size)
		for {
			n, err := f.Read(buf)
			got = append(got, buf[:n]...)
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
		}
		require.Equal(t, want, got, "reads of %d", size)
	}

	// One byte further back than the whole history.
	w = new(bitWriter).stored(false, noise[:windowSize-1]).bits(1, 1).bits(1, 2).fixedMatch(257, 0, 29, 1<<13-1)
	_, err = inflateAll(w.b)
	assert.ErrorIs(t, err, errDistance)
}

func TestInflateMatchesFlate(t *testing.T) {
	text := mixedText(300_000)
	for _, data := range [][]byte{nil, []byte("a"), text[:1000], text, bytes.Repeat([]byte("ab"), 100_000)} {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, 5, flate.BestCompression, flate.HuffmanOnly} {
			z := compress(t, data, level)
			got, err := inflateAll(z)
			require.NoError(t, err, "level %d", level)
			require.True(t, bytes.Equal(data, got), "level %d, %d bytes", level, len(data))
		}
	}
	// Long text at the best level opens with a dynamic block.
	z := compress(t, text, flate.BestCompression)
	assert.Equal(t, byte(2), z[0]>>1&3)
}

func TestInflateTruncated(t *testing.T) {
	data := mixedText(5000)
	for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.BestCompression} {
		z := compress(t, data, level)
		for n := range len(z) {
			_, err := inflateAll(z[:n])
			require.ErrorIs(t, err, io.ErrUnexpectedEOF, "level %d cut at %d of %d", level, n, len(z))
		}
	}
}

// dynamicHeader writes a dynamic block header whose code length code gives
// every code length symbol in clens (in clenOrder, trailing ones dropped
// by the caller) and then the symbols syms, each symbol i coded as (code,
// length) = codes[i].
func dynamicHeader(nlit, ndist int, clens []uint32, syms []int, codes map[int][2]uint32) *bitWriter {
	w := new(bitWriter).bits(1, 1).bits(2, 2)
	w.bits(uint32(nlit-257), 5).bits(uint32(ndist-1), 5).bits(uint32(len(clens)-4), 4)
	for _, l := range clens {
		w.bits(l, 3)
	}
	for _, s := range syms {
		w.code(codes[s][0], uint(codes[s][1]))
	}
	return w
}

func TestInflateDynamicInvalid(t *testing.T) {
	// A complete code length code: symbols 1, 16, 17 and 18 get 2 bits
	// each (the lengths are stored in clenOrder).
	clens := make([]uint32, 19)
	set := func(sym int, l uint32) {
		for i, s := range clenOrder {
			if int(s) == sym {
				clens[i] = l
			}
		}
	}
	for _, s := range []int{1, 16, 17, 18} {
		set(s, 2)
	}
	// Canonical codes: 1 -> 00, 16 -> 01, 17 -> 10, 18 -> 11.
	codes := map[int][2]uint32{1: {0, 2}, 16: {1, 2}, 17: {2, 2}, 18: {3, 2}}

	// A valid block: literal 0 and end of block get one bit each, and
	// distance 0 a lone one-bit code.
	w := dynamicHeader(257, 1, clens, []int{1}, codes) // lit 0: length 1
	w.code(3, 2).bits(138-11, 7)                       // lits 1..138: 0
	w.code(3, 2).bits(117-11, 7)                       // lits 139..255: 0
	w.code(0, 2)                                       // 256: length 1
	w.code(0, 2)                                       // dist 0: length 1
	w.code(0, 1).code(0, 1).code(1, 1)                 // lit 0, lit 0, end of block
	got, err := inflateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 0}, got)
	oracle, err := flateAll(w.b)
	require.NoError(t, err)
	assert.Equal(t, got, oracle)

	for name, tc := range map[string]struct {
		w    *bitWriter
		want error
	}{
		"repeat with no previous length": {dynamicHeader(257, 1, clens, []int{16}, codes).bits(0, 2), errLengths},
		"repeat past the end": {func() *bitWriter {
			w := dynamicHeader(257, 1, clens, nil, codes)
			w.code(3, 2).bits(138-11, 7).code(3, 2).bits(119-11, 7) // 257 zeros
			return w.code(3, 2).bits(0, 7)                          // 11 more: past 258
		}(), errLengths},
		"no end of block code": {func() *bitWriter {
			w := dynamicHeader(257, 1, clens, []int{1, 1}, codes)   // lits 0, 1
			w.code(3, 2).bits(138-11, 7).code(3, 2).bits(115-11, 7) // lits 2..254: 0
			return w.code(2, 2).bits(0, 3)                          // 255, 256, dist 0: 0
		}(), errLengths},
		"too many literal codes":           {dynamicHeader(287, 1, clens, nil, codes), errLengths},
		"too many distance codes":          {dynamicHeader(257, 31, clens, nil, codes), errLengths},
		"over-subscribed code length code": {dynamicHeader(257, 1, []uint32{1, 1, 1, 1}, nil, nil), errHuffman},
		"incomplete code length code":      {dynamicHeader(257, 1, []uint32{2, 2, 2, 0}, nil, nil), errHuffman},
		"over-subscribed literal code": {func() *bitWriter {
			w := dynamicHeader(257, 1, clens, []int{1, 1}, codes) // lits 0, 1
			w.code(3, 2).bits(138-11, 7).code(3, 2).bits(116-11, 7)
			return w.code(0, 2).code(0, 2) // 256, dist 0: 1 bit
		}(), errHuffman},
	} {
		_, err := inflateAll(tc.w.b)
		assert.ErrorIs(t, err, tc.want, name)
		_, err = flateAll(tc.w.b)
		assert.Error(t, err, name)
	}
}

func TestHuffmanBuild(t *testing.T) {
	var h huffman
	for _, tc := range []struct {
		lengths []uint8
		ok      bool
	}{
		{[]uint8{1, 1}, true},
		{[]uint8{1, 2, 2}, true},
		{[]uint8{0, 0, 0}, true},  // empty: fails only if used
		{[]uint8{0, 1, 0}, true},  // a single one-bit code
		{[]uint8{2, 0, 0}, false}, // a single two-bit code: incomplete
		{[]uint8{1, 2, 0}, false}, // incomplete
		{[]uint8{1, 1, 1}, false}, // over-subscribed
		{[]uint8{1, 2, 2, 15}, false},
	} {
		err := h.build(tc.lengths)
		if tc.ok {
			assert.NoError(t, err, "%v", tc.lengths[:min(4, len(tc.lengths))])
		} else {
			assert.ErrorIs(t, err, errHuffman, "%v", tc.lengths)
		}
	}

	// Long codes go through the slow path: 1, 2, ..., 14, 15, 15 bits.
	var lengths []uint8
	for l := uint8(1); l <= 15; l++ {
		lengths = append(lengths, l)
	}
	lengths = append(lengths, 15)
	require.NoError(t, h.build(lengths))
	for s := range lengths {
		// The code of symbol s < 15 is s ones then a zero; 15: fifteen ones.
		code, n := uint32(1<<s-1)<<1, uint(s+1)
		if s == 15 {
			code, n = 1<<15-1, 15
		}
		w := new(bitWriter).code(code, n)
		f := inflater{in: w.b}
		sym, err := f.decode(&h)
		require.NoError(t, err, "symbol %d", s)
		assert.Equal(t, s, sym)
		// Cut one bit short.
		f = inflater{}
		for i, c := range w.b {
			f.bits |= uint64(c) << (8 * i)
		}
		f.bits &= 1<<(n-1) - 1
		f.nbits = n - 1
		_, err = f.decode(&h)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "symbol %d", s)
	}

	// The empty code and the single one-bit code's unused code fail.
	require.NoError(t, h.build([]uint8{0, 0}))
	f := inflater{in: []byte{0xff, 0xff}}
	_, err := f.decode(&h)
	assert.ErrorIs(t, err, errSymbol)
	require.NoError(t, h.build([]uint8{0, 1}))
	f = inflater{in: []byte{0xff, 0xff}}
	_, err = f.decode(&h)
	assert.ErrorIs(t, err, errSymbol)
	f = inflater{in: []byte{0xfe}}
	sym, err := f.decode(&h)
	require.NoError(t, err)
	assert.Equal(t, 1, sym)
}

// gzipMember builds a gzip member by hand, with the given flags' fields.
func gzipMember(flags byte, extra []byte, name, comment string, data []byte) []byte {
	b := []byte{0x1f, 0x8b, 8, flags, 1, 2, 3, 4, 0, 3}
	if flags&gzipFEXTRA != 0 {
		b = append(b, byte(len(extra)), byte(len(extra)>>8))
		b = append(b, extra...)
	}
	if flags&gzipFNAME != 0 {
		b = append(append(b, name...), 0)
	}
	if flags&gzipFCOMMENT != 0 {
		b = append(append(b, comment...), 0)
	}
	if flags&gzipFHCRC != 0 {
		c := crc32.ChecksumIEEE(b)
		b = append(b, byte(c), byte(c>>8))
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	b = append(b, buf.Bytes()...)
	c, n := crc32.ChecksumIEEE(data), uint32(len(data))
	return append(b, byte(c), byte(c>>8), byte(c>>16), byte(c>>24), byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
}

func gunzip(data []byte) ([]byte, error) {
	z, err := newGzipReader(data)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

func stdGunzip(data []byte) ([]byte, error) {
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

func TestGzipHeaderFlags(t *testing.T) {
	body := []byte(strings.Repeat("gzip body ", 100))
	for flags := range byte(32) {
		m := gzipMember(flags|0xe0, []byte("ex\x00tra"), "name.txt", "a comment", body) // reserved bits ignored
		got, err := gunzip(m)
		require.NoError(t, err, "flags %#x", flags)
		assert.Equal(t, body, got)
		want, err := stdGunzip(m)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}

	full := gzipMember(gzipFEXTRA|gzipFNAME|gzipFCOMMENT|gzipFHCRC, []byte("x"), "n", "c", body)
	bad := bytes.Clone(full)
	bad[13] ^= 1 // in the name: the header CRC no longer matches
	_, err := gunzip(bad)
	assert.ErrorIs(t, err, errGzipHeader)
	_, err = stdGunzip(bad)
	assert.ErrorIs(t, err, gzip.ErrHeader)

	for _, tc := range []struct {
		data []byte
		want error
	}{
		{[]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0}, io.ErrUnexpectedEOF},
		{[]byte{0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 0}, errGzipHeader},                // not deflate
		{[]byte{0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0, 5, 0, 1}, io.ErrUnexpectedEOF}, // short extra
		{gzipMember(gzipFNAME, nil, strings.Repeat("n", 511), "", body), nil},
		{gzipMember(gzipFNAME, nil, strings.Repeat("n", 512), "", body), errGzipHeader},
		{gzipMember(gzipFCOMMENT, nil, "", strings.Repeat("c", 600), body)[:300], io.ErrUnexpectedEOF},
		{full[:len(full)-1], io.ErrUnexpectedEOF},
	} {
		_, err := gunzip(tc.data)
		_, stdErr := stdGunzip(tc.data)
		if tc.want == nil {
			assert.NoError(t, err)
			assert.NoError(t, stdErr)
			continue
		}
		assert.ErrorIs(t, err, tc.want)
		if tc.want == errGzipHeader {
			assert.ErrorIs(t, stdErr, gzip.ErrHeader)
		} else {
			assert.ErrorIs(t, stdErr, tc.want)
		}
	}
}

func TestGzipMembers(t *testing.T) {
	a, b := []byte(strings.Repeat("first ", 1000)), []byte("second")
	two := append(append(gzipMember(0, nil, "", "", a), gzipMember(gzipFNAME, nil, "b", "", nil)...), gzipMember(0, nil, "", "", b)...)
	got, err := gunzip(two)
	require.NoError(t, err)
	assert.Equal(t, append(bytes.Clone(a), b...), got)

	// What follows a complete member: nothing, too little for a header
	// (truncated), something else (errGzipHeader, which untar tolerates), or
	// a header followed by bad deflate data (an error untar does not
	// tolerate). compress/gzip agrees.
	for _, tc := range []struct {
		tail []byte
		want error
	}{
		{nil, nil},
		{make([]byte, 5), io.ErrUnexpectedEOF},
		{make([]byte, 512), errGzipHeader},
		{[]byte("PK\x03\x04 not gzip at all"), errGzipHeader},
		{[]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00\xff"), errBlockType},
	} {
		data := append(bytes.Clone(two), tc.tail...)
		got, err := gunzip(data)
		want, stdErr := stdGunzip(data)
		assert.Equal(t, want, got)
		if tc.want == nil {
			assert.NoError(t, err)
			assert.NoError(t, stdErr)
			continue
		}
		assert.ErrorIs(t, err, tc.want)
		assert.Error(t, stdErr)
		assert.Equal(t, errors.Is(stdErr, gzip.ErrHeader), tc.want == errGzipHeader, stdErr)
	}

	// Trailer checks: CRC-32 and length.
	m := gzipMember(0, nil, "", "", a)
	for _, off := range []int{len(m) - 8, len(m) - 1} {
		bad := bytes.Clone(m)
		bad[off] ^= 1
		_, err := gunzip(bad)
		assert.ErrorIs(t, err, errGzipChecksum, off)
		_, err = stdGunzip(bad)
		assert.ErrorIs(t, err, gzip.ErrChecksum, off)
	}
}

// FuzzInflate compares the inflater with compress/flate on arbitrary raw
// deflate data, and, when the data starts with the gzip magic, the gzip
// reader with compress/gzip's multistream reader. It asserts that:
//   - when compress/flate succeeds, the inflater succeeds with the same
//     output, and when compress/flate fails the inflater fails too (with any
//     error), having produced a prefix of compress/flate's output or
//     vice versa (never different bytes);
//   - for gzip: both succeed or both fail; on success, or when both fail
//     with the invalid-header error (which untar tolerates after the tar
//     end), the outputs are equal; the invalid-header and checksum errors
//     match compress/gzip's ErrHeader and ErrChecksum one for one.
//
// Panics and hangs fail the fuzzer by themselves.
func FuzzInflate(f *testing.F) {
	text := mixedText(20_000)
	for _, level := range []int{flate.NoCompression, flate.BestSpeed, 2, 6, flate.BestCompression, flate.HuffmanOnly} {
		f.Add(compress(f, text[:200], level))
		f.Add(compress(f, text, level))
	}
	f.Add(compress(f, bytes.Repeat([]byte("ab"), 5000), 9))
	f.Add(new(bitWriter).bits(1, 1).bits(1, 2).fixedLit('a').fixedMatch(285, 0, 0, 0).fixedLit(256).b)
	f.Add(new(bitWriter).stored(true, []byte("stored")).b)
	f.Add(gzipMember(gzipFEXTRA|gzipFNAME|gzipFCOMMENT|gzipFHCRC, []byte("x"), "n", "c", text[:3000]))
	f.Add(append(gzipMember(0, nil, "", "", text[:100]), gzipMember(0, nil, "", "", text[100:200])...))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, werr := flateAll(data)
		got, err := inflateAll(data)
		if werr == nil {
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("compress/flate gives %d bytes; inflater %d bytes, error %v", len(want), len(got), err)
			}
		} else {
			if err == nil {
				t.Fatalf("compress/flate fails (%v), inflater does not", werr)
			}
			if n := min(len(got), len(want)); !bytes.Equal(got[:n], want[:n]) {
				t.Fatalf("outputs differ before the errors (%v, %v)", werr, err)
			}
		}

		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			return
		}
		want, werr = stdGunzip(data)
		got, err = gunzip(data)
		if (werr == nil) != (err == nil) ||
			errors.Is(werr, gzip.ErrHeader) != errors.Is(err, errGzipHeader) ||
			errors.Is(werr, gzip.ErrChecksum) != errors.Is(err, errGzipChecksum) {
			t.Fatalf("compress/gzip: %v; gzip reader: %v", werr, err)
		}
		if (werr == nil || errors.Is(werr, gzip.ErrHeader)) && !bytes.Equal(got, want) {
			t.Fatalf("compress/gzip gives %d bytes, gzip reader %d", len(want), len(got))
		}
	})
}

func BenchmarkInflate(b *testing.B) {
	text := mixedText(2 << 20)
	z := compress(b, text, 6)
	b.Run("inflater", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var f inflater
		buf := make([]byte, 32<<10)
		for b.Loop() {
			f.reset(z)
			for {
				if _, err := f.Read(buf); err != nil {
					break
				}
			}
		}
	})
	b.Run("compress-flate", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		r := flate.NewReader(nil)
		buf := make([]byte, 32<<10)
		for b.Loop() {
			r.(flate.Resetter).Reset(bytes.NewReader(z), nil)
			for {
				if _, err := r.Read(buf); err != nil {
					break
				}
			}
		}
	})
}
