package archive

import (
	"errors"
	"io"
	"math/bits"
)

// This file holds a small decoder of raw deflate data (RFC 1951), used for
// deflated zip entries and, through gzip.go, for tar.gz. The package does
// not import compress/flate: its init builds the compressor's tables on
// every start of the WebAssembly core (~5 ms in Chromium), and
// compress/flate with compress/gzip take ~11 KB (brotli) of core.wasm.
//
// The decoder works on input held in memory, does a bounded amount of work
// per input bit or output byte, and reports damaged data as an error: a
// stream cut short gives io.ErrUnexpectedEOF, anything else one of the
// "invalid deflate data" errors below.

var (
	errBlockType = errors.New("invalid deflate data: bad block type")
	errStoredLen = errors.New("invalid deflate data: bad stored block length")
	errLengths   = errors.New("invalid deflate data: bad code lengths")
	errHuffman   = errors.New("invalid deflate data: over-subscribed or incomplete code")
	errSymbol    = errors.New("invalid deflate data: bad symbol")
	errDistance  = errors.New("invalid deflate data: distance too far back")
)

const (
	windowSize = 1 << 15 // farthest a match may reach back
	maxMatch   = 258     // longest match
	fastBits   = 9       // bits resolved by a Huffman code's lookup table
)

// Base values and extra bits of the length symbols 257..285 and of the
// distance symbols 0..29 (RFC 1951, 3.2.5).
var (
	lenBase = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
		35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra  = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase  = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// Order in which the code length code's lengths are stored (3.2.7).
	clenOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// huffman is a canonical Huffman code. Codes of up to fastBits bits are
// found with one lookup in fast, indexed by the next input bits (deflate
// packs codes most significant bit first into a least significant bit first
// stream, so entries sit at bit-reversed indexes); longer ones are decoded
// bit by bit from count and symbol.
type huffman struct {
	fast   [1 << fastBits]uint16 // symbol<<4 | length; 0: longer code or none
	count  [16]uint16            // number of codes of each length
	symbol [288]uint16           // symbols in code order
}

// build sets up the code for the given code lengths (0: symbol unused). As
// zlib and compress/flate do, it rejects over-subscribed codes and
// incomplete ones, except a code with a single one-bit code and the empty
// code (which fails if used).
func (h *huffman) build(lengths []uint8) error {
	h.count = [16]uint16{}
	for _, l := range lengths {
		h.count[l]++
	}
	h.count[0] = 0
	left, codes := 1, 0
	for l := 1; l < 16; l++ {
		left = left<<1 - int(h.count[l])
		if left < 0 {
			return errHuffman
		}
		codes += int(h.count[l])
	}
	if left > 0 && codes > 0 && (codes != 1 || h.count[1] != 1) {
		return errHuffman
	}
	var next [16]uint16
	for l := 1; l < 15; l++ {
		next[l+1] = next[l] + h.count[l]
	}
	for s, l := range lengths {
		if l != 0 {
			h.symbol[next[l]] = uint16(s)
			next[l]++
		}
	}
	h.fast = [1 << fastBits]uint16{}
	code, i := 0, 0
	for l := 1; l <= fastBits; l++ {
		for range h.count[l] {
			e := h.symbol[i]<<4 | uint16(l)
			for j := int(bits.Reverse16(uint16(code)) >> (16 - l)); j < len(h.fast); j += 1 << l {
				h.fast[j] = e
			}
			code++
			i++
		}
		code <<= 1
	}
	return nil
}

// slow decodes a code longer than fastBits (or an unused one, giving length
// 0) from the bits v, the next input bit lowest.
func (h *huffman) slow(v uint64) (sym int, n uint) {
	code, first, index := 0, 0, 0 // first: first code of length l
	for l := uint(1); l < 16; l++ {
		code |= int(v>>(l-1)) & 1
		c := int(h.count[l])
		if code < first+c {
			return int(h.symbol[index+code-first]), l
		}
		index += c
		first = (first + c) << 1
		code <<= 1
	}
	return 0, 0
}

// Decoder states between blocks and within one.
const (
	stHeader = iota // at a block header (or the end, after the last block)
	stStored        // inside a stored block
	stCodes         // inside a Huffman-coded block
)

// inflater is an io.Reader of the data decompressed from a raw deflate
// stream. It decodes into out, a 64 KiB window holding the last 32 KiB of
// output as history followed by decoded bytes not read yet; when that runs
// out it slides the history to the front and decodes more. The stream ends
// at its last block: trailing input is left alone (see used).
type inflater struct {
	in    []byte
	pos   int    // next byte of in to load into bits
	bits  uint64 // loaded bits not consumed yet, next one lowest
	nbits uint

	out    []byte
	rp, wp int // out[rp:wp] is decoded but not read yet; wp is also the history's length

	state     int
	final     bool // the current block is the last one
	stored    int  // bytes left in the current stored block
	lit, dist *huffman
	dyn       [2]huffman
	fixed     *[2]huffman // built on first use
	err       error       // sticky; io.EOF after the last block
}

// reset starts decoding the stream in, keeping buffers and tables.
func (f *inflater) reset(in []byte) {
	f.in, f.pos, f.bits, f.nbits = in, 0, 0, 0
	f.rp, f.wp = 0, 0
	f.state, f.final, f.stored, f.err = stHeader, false, 0, nil
}

// used tells how many input bytes the stream took, its last one included;
// meaningful once Read has returned io.EOF.
func (f *inflater) used() int { return f.pos - int(f.nbits/8) }

func (f *inflater) Read(p []byte) (int, error) {
	if f.rp == f.wp && len(p) > 0 {
		if f.err != nil {
			return 0, f.err
		}
		f.fill()
	}
	n := copy(p, f.out[f.rp:f.wp])
	f.rp += n
	if n == 0 && len(p) > 0 {
		return 0, f.err // fill stops with no output only on an error
	}
	return n, nil
}

// fill decodes until the window is full or the stream ends or fails. It is
// called with everything decoded already read.
func (f *inflater) fill() {
	if f.out == nil {
		f.out = make([]byte, 2*windowSize)
	}
	if f.wp > len(f.out)-maxMatch {
		f.wp = copy(f.out, f.out[f.wp-windowSize:f.wp])
		f.rp = f.wp
	}
	// Each step consumes input or (stored blocks) copies at least one byte,
	// and a whole match always fits.
	for f.err == nil && f.wp <= len(f.out)-maxMatch {
		switch f.state {
		case stHeader:
			f.err = f.header()
		case stStored:
			f.err = f.copyStored()
		default:
			f.err = f.codes()
		}
	}
}

func (f *inflater) refill() {
	for f.nbits <= 56 && f.pos < len(f.in) {
		f.bits |= uint64(f.in[f.pos]) << f.nbits
		f.pos++
		f.nbits += 8
	}
}

// getbits consumes n <= 16 bits.
func (f *inflater) getbits(n uint) (int, error) {
	if f.nbits < n {
		if f.refill(); f.nbits < n {
			return 0, io.ErrUnexpectedEOF
		}
	}
	v := int(f.bits & (1<<n - 1))
	f.bits >>= n
	f.nbits -= n
	return v, nil
}

// decode consumes one symbol of h.
func (f *inflater) decode(h *huffman) (int, error) {
	if f.nbits < 15 {
		f.refill() // past the end of in, missing bits read as zeros
	}
	e := h.fast[f.bits&(1<<fastBits-1)]
	sym, n := int(e>>4), uint(e&15)
	if n == 0 {
		if sym, n = h.slow(f.bits); n == 0 {
			return 0, errSymbol
		}
	}
	if n > f.nbits {
		return 0, io.ErrUnexpectedEOF
	}
	f.bits >>= n
	f.nbits -= n
	return sym, nil
}

// header reads a block header and whatever precedes the block's data.
func (f *inflater) header() error {
	if f.final {
		return io.EOF
	}
	v, err := f.getbits(3)
	if err != nil {
		return err
	}
	f.final = v&1 != 0
	switch v >> 1 {
	case 0:
		f.bits >>= f.nbits % 8 // to a byte boundary
		f.nbits -= f.nbits % 8
		n, err := f.getbits(16)
		if err != nil {
			return err
		}
		nn, err := f.getbits(16)
		if err != nil {
			return err
		}
		if n != nn^0xffff {
			return errStoredLen
		}
		// Give back whole bytes already loaded: the data is copied from in.
		f.pos -= int(f.nbits / 8)
		f.bits, f.nbits = 0, 0
		f.stored, f.state = n, stStored
		return nil
	case 1:
		if f.fixed == nil {
			f.fixed = new([2]huffman)
			var l [288]uint8
			for i := range l {
				switch {
				case i < 144, i >= 280:
					l[i] = 8
				case i < 256:
					l[i] = 9
				default:
					l[i] = 7
				}
			}
			f.fixed[0].build(l[:])
			for i := range 32 { // 30 and 31 are invalid, see codes
				l[i] = 5
			}
			f.fixed[1].build(l[:32])
		}
		f.lit, f.dist = &f.fixed[0], &f.fixed[1]
	case 2:
		if err := f.dynamic(); err != nil {
			return err
		}
		f.lit, f.dist = &f.dyn[0], &f.dyn[1]
	default:
		return errBlockType
	}
	f.state = stCodes
	return nil
}

// dynamic reads the code definitions of a dynamic Huffman block (3.2.7).
func (f *inflater) dynamic() error {
	v, err := f.getbits(14)
	if err != nil {
		return err
	}
	nlit, ndist, nclen := v&31+257, v>>5&31+1, v>>10+4
	if nlit > 286 || ndist > 30 {
		return errLengths
	}
	var lens [286 + 30]uint8
	for i := range nclen {
		l, err := f.getbits(3)
		if err != nil {
			return err
		}
		lens[clenOrder[i]] = uint8(l)
	}
	clen := &f.dyn[0] // rebuilt as the literal/length code below
	if err := clen.build(lens[:19]); err != nil {
		return err
	}
	lens = [len(lens)]uint8{}
	for i, n := 0, nlit+ndist; i < n; {
		sym, err := f.decode(clen)
		if err != nil {
			return err
		}
		if sym < 16 {
			lens[i] = uint8(sym)
			i++
			continue
		}
		var val uint8
		var rep int
		switch sym {
		case 16: // repeat the previous length 3..6 times
			if i == 0 {
				return errLengths
			}
			val = lens[i-1]
			rep, err = f.getbits(2)
			rep += 3
		case 17: // 3..10 zeros
			rep, err = f.getbits(3)
			rep += 3
		default: // 11..138 zeros
			rep, err = f.getbits(7)
			rep += 11
		}
		if err != nil {
			return err
		}
		if i+rep > n {
			return errLengths
		}
		for ; rep > 0; rep-- {
			lens[i] = val
			i++
		}
	}
	if lens[256] == 0 { // the block could never end
		return errLengths
	}
	if err := f.dyn[0].build(lens[:nlit]); err != nil {
		return err
	}
	return f.dyn[1].build(lens[nlit : nlit+ndist])
}

func (f *inflater) copyStored() error {
	n := min(f.stored, len(f.out)-f.wp, len(f.in)-f.pos)
	copy(f.out[f.wp:], f.in[f.pos:f.pos+n])
	f.wp += n
	f.pos += n
	if f.stored -= n; f.stored == 0 {
		f.state = stHeader
	} else if f.pos == len(f.in) {
		return io.ErrUnexpectedEOF
	}
	return nil
}

// codes decodes a Huffman-coded block until its end or a full window.
func (f *inflater) codes() error {
	out := f.out
	for f.wp <= len(out)-maxMatch {
		sym, err := f.decode(f.lit)
		if err != nil {
			return err
		}
		if sym < 256 {
			out[f.wp] = byte(sym)
			f.wp++
			continue
		}
		if sym == 256 {
			f.state = stHeader
			return nil
		}
		if sym -= 257; sym >= len(lenBase) {
			return errSymbol
		}
		extra, err := f.getbits(uint(lenExtra[sym]))
		if err != nil {
			return err
		}
		length := int(lenBase[sym]) + extra
		d, err := f.decode(f.dist)
		if err != nil {
			return err
		}
		if d >= len(distBase) {
			return errSymbol
		}
		if extra, err = f.getbits(uint(distExtra[d])); err != nil {
			return err
		}
		// Before the window first slides wp counts all output; after, it
		// is at least windowSize.
		dist := int(distBase[d]) + extra
		if dist > f.wp {
			return errDistance
		}
		if dist >= length {
			copy(out[f.wp:f.wp+length], out[f.wp-dist:])
		} else {
			for i := f.wp; i < f.wp+length; i++ {
				out[i] = out[i-dist]
			}
		}
		f.wp += length
	}
	return nil
}
