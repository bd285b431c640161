package archive

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// A small tar reader in place of archive/tar, which brings reflect, time,
// godebug and sparse-file support into the WebAssembly binary. It reads
// what Python archives hold: V7, ustar (with its name prefix), GNU long
// names and PAX path/size records, and the end-of-archive marker rules of
// Go's reader (a zero block then end of data, or two zero blocks).

const tarBlock = 512

// Type flags this reader acts on; any other entry is passed on for the
// caller to skip.
const (
	tarReg        = '0'
	tarRegOld     = '\x00'
	tarCont       = '7'
	tarGNUSparse  = 'S'
	tarGNULong    = 'L'
	tarGNULongLnk = 'K'
	tarPAX        = 'x'
	tarPAXGlobal  = 'g'
)

var errTarHeader = errors.New("invalid tar header")

// tarHeader is what the extractor needs of an entry.
type tarHeader struct {
	Name     string
	Typeflag byte
	Size     int64
}

// tarReader walks a tar stream entry by entry; Read reads the current
// entry's contents.
type tarReader struct {
	r       io.Reader
	left    int64 // unread bytes of the current entry
	padding int64 // bytes after it up to the next block
	blk     [tarBlock]byte
}

func newTarReader(r io.Reader) *tarReader { return &tarReader{r: r} }

// Next skips the rest of the current entry and reads the next header. It
// returns io.EOF at the end of the archive (or of the data, at an entry
// boundary: the caller checks for the end marker).
func (t *tarReader) Next() (*tarHeader, error) {
	var longName string
	var pax map[string]string
	for {
		if err := t.skip(); err != nil {
			return nil, err
		}
		h, err := t.header()
		if err != nil {
			return nil, err
		}
		switch h.Typeflag {
		case tarGNULong, tarGNULongLnk, tarPAX:
			body, err := t.body(h.Size)
			if err != nil {
				return nil, err
			}
			switch h.Typeflag {
			case tarGNULong:
				longName = string(bytes.TrimRight(body, "\x00"))
			case tarPAX:
				if pax, err = paxRecords(body); err != nil {
					return nil, err
				}
			}
			continue
		}
		if longName != "" {
			h.Name = longName
		}
		if p, ok := pax["path"]; ok {
			h.Name = p
		}
		if s, ok := pax["size"]; ok {
			if h.Size, err = strconv.ParseInt(s, 10, 64); err != nil || h.Size < 0 {
				return nil, errTarHeader
			}
		}
		t.left, t.padding = h.Size, -h.Size&(tarBlock-1)
		return h, nil
	}
}

// Read reads the current entry's contents.
func (t *tarReader) Read(p []byte) (int, error) {
	if t.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > t.left {
		p = p[:t.left]
	}
	n, err := t.r.Read(p)
	t.left -= int64(n)
	if err == io.EOF && t.left > 0 {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// skip discards what is left of the current entry and its padding. Data
// that ends inside the padding is a clean end, as for Go's reader.
func (t *tarReader) skip() error {
	if t.left > 0 {
		if n, err := io.CopyN(io.Discard, t.r, t.left); err != nil {
			t.left -= n
			return io.ErrUnexpectedEOF
		}
	}
	pad := t.padding
	t.left, t.padding = 0, 0
	if n, err := io.CopyN(io.Discard, t.r, pad); err != nil && n < pad {
		return io.EOF
	}
	return nil
}

// body reads a metadata entry's contents (long names, PAX records).
func (t *tarReader) body(size int64) ([]byte, error) {
	if size > 1<<20 {
		return nil, errTarHeader
	}
	t.left, t.padding = size, -size&(tarBlock-1)
	b := make([]byte, size)
	if _, err := io.ReadFull(t, b); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return b, nil
}

// header reads the next header block; a zero block followed by the end of
// the data or by another zero block ends the archive.
func (t *tarReader) header() (*tarHeader, error) {
	if err := t.block(); err != nil {
		return nil, err
	}
	if isZero(t.blk[:]) {
		if err := t.block(); err != nil {
			return nil, err
		}
		if isZero(t.blk[:]) {
			return nil, io.EOF
		}
		return nil, errTarHeader
	}
	b := t.blk[:]
	if !checksumOK(b) {
		return nil, errTarHeader
	}
	size, ok := tarNumber(b[124:136])
	if !ok || size < 0 {
		return nil, errTarHeader
	}
	name := cString(b[0:100])
	// ustar ("ustar\x00" "00") prefixes long names; GNU ("ustar  ") and V7
	// use those bytes for other things.
	if string(b[257:263]) == "ustar\x00" {
		if prefix := cString(b[345:500]); prefix != "" {
			name = prefix + "/" + name
		}
	}
	return &tarHeader{Name: name, Typeflag: b[156], Size: size}, nil
}

// block reads one block: io.EOF at a clean end, ErrUnexpectedEOF inside.
func (t *tarReader) block() error {
	_, err := io.ReadFull(t.r, t.blk[:])
	return err
}

func isZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// checksumOK checks the header's checksum, which counts the checksum field
// as spaces; old writers summed signed bytes, and either is accepted.
func checksumOK(b []byte) bool {
	want, ok := tarNumber(b[148:156])
	if !ok {
		return false
	}
	var unsigned, signed int64
	for i, c := range b {
		if i >= 148 && i < 156 {
			c = ' '
		}
		unsigned += int64(c)
		signed += int64(int8(c))
	}
	return want == unsigned || want == signed
}

// tarNumber reads an octal field (NUL or space terminated), or a base-256
// one (its first byte's high bit set) for sizes past 8 GiB.
func tarNumber(b []byte) (int64, bool) {
	if len(b) > 0 && b[0]&0x80 != 0 {
		var v int64
		for i, c := range b {
			if i == 0 {
				c &= 0x7f
			}
			if v > (1<<63-1)>>8 {
				return 0, false
			}
			v = v<<8 | int64(c)
		}
		return v, true
	}
	s := strings.Trim(string(b), " \x00")
	if s == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(s, 8, 64)
	return v, err == nil
}

func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// paxRecords parses PAX extended header records: "<length> <key>=<value>\n".
func paxRecords(b []byte) (map[string]string, error) {
	records := map[string]string{}
	for len(b) > 0 {
		sp := bytes.IndexByte(b, ' ')
		if sp <= 0 {
			return nil, errTarHeader
		}
		n, err := strconv.Atoi(string(b[:sp]))
		if err != nil || n <= sp+1 || n > len(b) || b[n-1] != '\n' {
			return nil, errTarHeader
		}
		key, value, ok := strings.Cut(string(b[sp+1:n-1]), "=")
		if !ok {
			return nil, errTarHeader
		}
		records[key] = value
		b = b[n:]
	}
	return records, nil
}
