package archive

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
)

// This file reads gzip data (RFC 1952) with the inflater of inflate.go, as
// compress/gzip's multistream Reader does: one member after another, each
// a header, deflate data and a CRC-32 and length trailer. After a complete
// member, the end of the data ends the stream; 1 to 9 more bytes read as a
// truncated header (io.ErrUnexpectedEOF); anything else that is not a valid
// header gives errGzipHeader, which the tar.gz extractor takes for trailing
// garbage once the tar is complete, as gzip(1) does.

var (
	errGzipHeader   = errors.New("gzip: invalid header")
	errGzipChecksum = errors.New("gzip: checksum error")
)

// Header flags.
const (
	gzipFHCRC    = 1 << 1
	gzipFEXTRA   = 1 << 2
	gzipFNAME    = 1 << 3
	gzipFCOMMENT = 1 << 4
	gzipMaxName  = 512 // longest FNAME or FCOMMENT, NUL included, as in compress/gzip
)

// gzipReader is an io.Reader of the decompressed contents of all members.
type gzipReader struct {
	in   []byte
	pos  int // where the current member's deflate data starts
	inf  inflater
	crc  uint32 // of the current member's output so far
	size uint32 // its length, mod 2^32
	err  error
}

// newGzipReader reads the first member's header.
func newGzipReader(data []byte) (*gzipReader, error) {
	z := &gzipReader{in: data}
	if err := z.header(); err != nil {
		return nil, err
	}
	return z, nil
}

// header reads a member header at z.pos and starts its deflate data; at the
// end of the input it returns io.EOF.
func (z *gzipReader) header() error {
	b := z.in[z.pos:]
	switch {
	case len(b) == 0:
		return io.EOF
	case len(b) < 10:
		return io.ErrUnexpectedEOF
	case b[0] != 0x1f || b[1] != 0x8b || b[2] != 8: // magic, deflate
		return errGzipHeader
	}
	// Bytes 4..9 (time, extra flags, OS) and reserved flags are ignored.
	flags, i := b[3], 10
	if flags&gzipFEXTRA != 0 {
		if len(b) < i+2 || len(b)-(i+2) < int(le16(b, i)) {
			return io.ErrUnexpectedEOF
		}
		i += 2 + int(le16(b, i))
	}
	for _, f := range [...]byte{gzipFNAME, gzipFCOMMENT} {
		if flags&f != 0 {
			s := b[i:min(len(b), i+gzipMaxName)]
			j := bytes.IndexByte(s, 0)
			if j < 0 && len(s) == gzipMaxName {
				return errGzipHeader
			}
			if j < 0 {
				return io.ErrUnexpectedEOF
			}
			i += j + 1
		}
	}
	if flags&gzipFHCRC != 0 {
		if len(b) < i+2 {
			return io.ErrUnexpectedEOF
		}
		if le16(b, i) != uint16(crc32.ChecksumIEEE(b[:i])) {
			return errGzipHeader
		}
		i += 2
	}
	z.pos += i
	z.inf.reset(z.in[z.pos:])
	z.crc, z.size = 0, 0
	return nil
}

func (z *gzipReader) Read(p []byte) (int, error) {
	// Each round either returns or moves on to the next member, at least
	// 18 bytes further.
	for z.err == nil {
		n, err := z.inf.Read(p)
		z.crc = crc32.Update(z.crc, crc32.IEEETable, p[:n])
		z.size += uint32(n)
		if err != io.EOF {
			z.err = err // the inflater fails only with n == 0
			return n, err
		}
		// The member's data ended (n is 0): check its trailer.
		z.pos += z.inf.used()
		t := z.in[z.pos:]
		if len(t) < 8 {
			z.err = io.ErrUnexpectedEOF
		} else if le32(t, 0) != z.crc || le32(t, 4) != z.size {
			z.err = errGzipChecksum
		} else {
			z.pos += 8
			z.err = z.header()
		}
	}
	return 0, z.err
}
