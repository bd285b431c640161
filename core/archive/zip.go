package archive

import (
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"slices"
	"sort"
	"strconv"
)

// This file holds a small zip reader of its own: archive/zip would cost
// several times more in the WebAssembly binary (its init links the deflate
// writer, and it brings fs.FS support). It reads what wheels and ordinary
// zips use: the (ZIP64) end of central directory record, the central
// directory, local file headers, stored and deflated entries, CRC-32.
// Sizes, CRCs and names come from the central directory, as in archive/zip;
// local headers only tell where an entry's data starts, and data descriptors
// are only checked to repeat the central CRC.

// maxDeflateRatio bounds how much deflate can expand its input (1032:1); it
// caps up-front allocations, not what may be extracted.
const maxDeflateRatio = 1032

// Zip record signatures and fixed lengths (APPNOTE.TXT).
const (
	zipLocalSig      = 0x04034b50
	zipCentralSig    = 0x02014b50
	zipEndSig        = 0x06054b50
	zip64EndSig      = 0x06064b50
	zip64LocSig      = 0x07064b50
	zipDescriptorSig = 0x08074b50
	zipLocalLen      = 30
	zipCentralLen    = 46
	zipEndLen        = 22
	zip64LocLen      = 20
	zip64EndLen      = 56
	zip64ExtraID     = 0x0001

	zipStore   = 0
	zipDeflate = 8
)

var (
	errZipFormat     = errors.New("zip: not a valid zip file")
	errZipDirectory  = errors.New("zip: central directory out of range")
	errZip64End      = errors.New("zip: bad zip64 end of central directory")
	errZipCount      = errors.New("zip: central directory entry count mismatch")
	errZipEntry      = errors.New("zip: bad central directory entry")
	errZipLocal      = errors.New("zip: bad local file header")
	errZipData       = errors.New("zip: entry data out of range")
	errZipOverlap    = errors.New("zip: entries overlap")
	errZipStored     = errors.New("zip: stored entry sizes differ")
	errZipDescriptor = errors.New("zip: data descriptor out of range")
)

// errChecksum is the cause reported for a CRC-32 mismatch.
var errChecksum = errors.New("zip: checksum error")

// zipEntry is one central directory record.
type zipEntry struct {
	name    string
	flags   uint16
	method  uint16
	crc     uint32
	csize   uint64
	usize   uint64
	offset  uint64 // of the local header in data; past the end if unusable
	regular bool   // the mode bits name a regular file (or none)
}

// zipDir is a parsed central directory.
type zipDir struct {
	entries []zipEntry
	start   uint64 // where the central directory starts in data
}

func le16(b []byte, i int) uint16 { return uint16(b[i]) | uint16(b[i+1])<<8 }

func le32(b []byte, i int) uint32 { return uint32(le16(b, i)) | uint32(le16(b, i+2))<<16 }

func le64(b []byte, i int) uint64 { return uint64(le32(b, i)) | uint64(le32(b, i+4))<<32 }

// span returns b[off:off+n], or false if that is not within b. It cannot
// overflow, whatever off and n are.
func span(b []byte, off, n uint64) ([]byte, bool) {
	if off > uint64(len(b)) || n > uint64(len(b))-off {
		return nil, false
	}
	return b[off : off+n], true
}

// findZipEnd returns the offset of the end of central directory record: the
// last signature, within the last 64 KiB + 22 bytes, whose comment fits in
// data (anything after the comment is ignored, as archive/zip does).
func findZipEnd(data []byte) int {
	lo := max(0, len(data)-zipEndLen-0xffff)
	for i := len(data) - zipEndLen; i >= lo; i-- {
		if le32(data, i) == zipEndSig && i+zipEndLen+int(le16(data, i+20)) <= len(data) {
			return i
		}
	}
	return -1
}

// readZipDir parses the end records and the central directory of data.
func readZipDir(data []byte) (*zipDir, error) {
	end := findZipEnd(data)
	if end < 0 {
		return nil, errZipFormat
	}
	records := uint64(le16(data, end+10))
	size := uint64(le32(data, end+12))
	offset := uint64(le32(data, end+16))
	dirEnd := uint64(end) // where the central directory must end
	zip64 := false
	// Maxed-out fields mean the real values are in the ZIP64 record, which
	// a locator just before the end record points to.
	if records == 0xffff || le16(data, end+8) == 0xffff || size == 0xffffffff || offset == 0xffffffff {
		if loc := end - zip64LocLen; loc >= 0 && le32(data, loc) == zip64LocSig &&
			le32(data, loc+4) == 0 && le32(data, loc+16) == 1 { // one disk only
			p := le64(data, loc+8)
			rec, ok := span(data[:loc], p, zip64EndLen)
			if !ok || le32(rec, 0) != zip64EndSig {
				return nil, errZip64End
			}
			records, size, offset = le64(rec, 32), le64(rec, 40), le64(rec, 48)
			dirEnd, zip64 = p, true
		}
	}
	if size > dirEnd || offset > 1<<63-1 {
		return nil, errZipDirectory
	}
	// Data prepended to the archive (a self-extractor stub, say) shifts
	// every offset by base; the directory ends where the end record starts.
	start := dirEnd - size
	base := int64(start) - int64(offset) // no overflow: both are < 2^63
	if base > 0 {
		// Unless the directory is where its offset says (and size lies),
		// as archive/zip also assumes.
		if h, ok := span(data[:dirEnd], offset, zipCentralLen); ok && le32(h, 0) == zipCentralSig {
			base, start = 0, offset
		}
	}

	d := &zipDir{start: start}
	// Each record takes at least zipCentralLen bytes: no more can fit.
	d.entries = make([]zipEntry, 0, min(records, (dirEnd-start)/zipCentralLen))
	dir := data[:dirEnd]
	// Read records until one does not fit or has no signature, then check
	// the count: only its low 16 bits without ZIP64, since some writers of
	// archives with more entries let it wrap around (archive/zip does too).
	for pos := start; ; {
		h, ok := span(dir, pos, zipCentralLen)
		if !ok || le32(h, 0) != zipCentralSig {
			break
		}
		nameLen, extraLen, commentLen := uint64(le16(h, 28)), uint64(le16(h, 30)), uint64(le16(h, 32))
		rest, ok := span(dir, pos+zipCentralLen, nameLen+extraLen+commentLen)
		if !ok {
			break
		}
		e, err := parseZipEntry(h, rest[:nameLen], rest[nameLen:nameLen+extraLen])
		if err != nil {
			return nil, err
		}
		switch {
		case base >= 0 && e.offset <= ^uint64(0)-uint64(base):
			e.offset += uint64(base)
		case base < 0 && e.offset >= uint64(-base):
			e.offset -= uint64(-base)
		default:
			e.offset = ^uint64(0) // out of range whatever data is
		}
		d.entries = append(d.entries, e)
		pos += zipCentralLen + nameLen + extraLen + commentLen
	}
	if n := uint64(len(d.entries)); n != records && (zip64 || uint16(n) != uint16(records)) {
		return nil, errZipCount
	}
	return d, nil
}

// parseZipEntry decodes the fixed part h of a central directory record, its
// name and its extra fields.
func parseZipEntry(h, name, extra []byte) (zipEntry, error) {
	e := zipEntry{
		name:   string(name),
		flags:  le16(h, 8),
		method: le16(h, 10),
		crc:    le32(h, 16),
		csize:  uint64(le32(h, 20)),
		usize:  uint64(le32(h, 24)),
		offset: uint64(le32(h, 42)),
	}
	e.regular = zipRegular(h[5], le32(h, 38))
	needU, needC, needOff := e.usize == 0xffffffff, e.csize == 0xffffffff, e.offset == 0xffffffff
	// The ZIP64 extra field holds, in this order, those of the three values
	// that are maxed out above; a malformed extra block is ignored, as in
	// archive/zip.
	for len(extra) >= 4 {
		id, n := le16(extra, 0), int(le16(extra, 2))
		if len(extra)-4 < n {
			break
		}
		f := extra[4 : 4+n]
		extra = extra[4+n:]
		if id != zip64ExtraID {
			continue
		}
		for _, v := range [...]struct {
			need bool
			p    *uint64
		}{{needU, &e.usize}, {needC, &e.csize}, {needOff, &e.offset}} {
			if v.need {
				if len(f) < 8 {
					return e, errZipEntry
				}
				*v.p, f = le64(f, 0), f[8:]
			}
		}
		needU, needC, needOff = false, false, false
	}
	// An uncompressed size of exactly 2^32-1 without ZIP64 is plausible
	// (archive/zip accepts it); a compressed size or offset is not.
	if needC || needOff {
		return e, errZipEntry
	}
	return e, nil
}

// zipRegular tells from the creator system (the high byte of "version made
// by") and the external attributes whether an entry is a regular file, as
// archive/zip's FileHeader.Mode().IsRegular() does.
func zipRegular(creator uint8, attrs uint32) bool {
	switch creator {
	case 3, 19: // Unix, macOS: st_mode in the high 16 bits
		switch attrs >> 16 & 0xf000 {
		case 0x1000, 0x2000, 0x4000, 0x6000, 0xa000, 0xc000: // fifo, chr, dir, blk, lnk, sock
			return false
		}
	case 0, 11, 14: // FAT, NTFS, VFAT: MS-DOS attributes
		return attrs&0x10 == 0 // directory bit
	}
	return true
}

// zipItem is an entry to extract, with its raw (compressed) data.
type zipItem struct {
	e        *zipEntry
	p        string
	raw      []byte
	from, to uint64 // local header start and data (descriptor) end, for overlap checks
}

// locate finds e's compressed data from its local header, whose name and
// extra field lengths may differ from the central record's; the data must
// end before the central directory. With flag bit 3 a data descriptor
// follows the data; as archive/zip does, locate checks that its CRC-32 is
// the central record's (its sizes, 32 or 64 bits wide, are not needed).
// end is where the data, or the descriptor's CRC, ends.
func (e *zipEntry) locate(data []byte, dirStart uint64) (raw []byte, end uint64, err error) {
	h, ok := span(data, e.offset, zipLocalLen)
	if !ok || le32(h, 0) != zipLocalSig {
		return nil, 0, errZipLocal
	}
	data = data[:min(dirStart, uint64(len(data)))]
	off := e.offset + zipLocalLen + uint64(le16(h, 26)) + uint64(le16(h, 28)) // offset <= len(data)
	if raw, ok = span(data, off, e.csize); !ok {
		return nil, 0, errZipData
	}
	end = off + e.csize
	if e.flags&8 != 0 {
		// The descriptor's signature is optional: without it, the first
		// four bytes are the CRC.
		if d, ok := span(data, end, 4); ok && le32(d, 0) == zipDescriptorSig {
			end += 4
		}
		d, ok := span(data, end, 4)
		if !ok {
			return nil, 0, errZipDescriptor
		}
		if le32(d, 0) != e.crc {
			return nil, 0, errChecksum
		}
		end += 4
	}
	return raw, end, nil
}

// unzip checks every entry first and only then emits, so a zip with one bad
// entry emits nothing.
func (x *extractor) unzip(data []byte) error {
	d, err := readZipDir(data)
	if err != nil {
		return x.fail("", ErrCorrupt, err)
	}
	if len(d.entries) > x.maxFiles {
		return x.fail("", ErrTooManyFiles, errors.New("more than "+strconv.Itoa(x.maxFiles)))
	}
	items := make([]zipItem, 0, len(d.entries))
	sorted := true
	for i := range d.entries {
		e := &d.entries[i]
		p, isDir, err := cleanName(e.name)
		if err != nil {
			return x.fail(e.name, ErrUnsafePath, err)
		}
		if isDir || !e.regular {
			continue // directories are implied; symlinks and devices are skipped
		}
		if p == "." {
			return x.fail(e.name, ErrUnsafePath, errors.New("names no file"))
		}
		if e.flags&1 != 0 {
			return x.fail(e.name, ErrUnsupported, errors.New("encrypted"))
		}
		if e.method != zipStore && e.method != zipDeflate {
			return x.fail(e.name, ErrUnsupported, errors.New("compression method "+strconv.Itoa(int(e.method))))
		}
		if e.usize > uint64(x.left) {
			return x.tooLarge(e.name)
		}
		x.left -= int64(e.usize)
		if e.method == zipStore && e.csize != e.usize {
			return x.fail(e.name, ErrCorrupt, errZipStored)
		}
		raw, end, err := e.locate(data, d.start)
		if err != nil {
			return x.fail(e.name, ErrCorrupt, err)
		}
		if n := len(items); n > 0 && items[n-1].from > e.offset {
			sorted = false
		}
		items = append(items, zipItem{e, p, raw, e.offset, end})
	}
	// No two entries may share bytes: a zip whose entries overlap is
	// malformed (or a "zip bomb" that reuses one deflate stream many times).
	check := items
	if !sorted {
		check = slices.Clone(items)
		// sort.Slice, not slices.SortFunc: its one reflective copy is
		// already in core.wasm, a generic sort would add ~20 KiB of code.
		sort.Slice(check, func(i, j int) bool { return check[i].from < check[j].from })
	}
	for i := 1; i < len(check); i++ {
		if check[i].from < check[i-1].to {
			return x.fail(check[i].e.name, ErrCorrupt, errZipOverlap)
		}
	}

	var inf inflater // reused for deflated entries
	for _, it := range items {
		e := it.e
		var r io.Reader = bytes.NewReader(it.raw)
		hint := int64(len(it.raw))
		if e.method == zipDeflate {
			inf.reset(it.raw)
			r = &inf
			if hint < 1<<40 {
				hint = hint*maxDeflateRatio + 1024
			}
		}
		// usize fits in int64: it was taken from the byte budget above.
		b, err := readEntry(r, int64(e.usize), hint)
		if err != nil {
			return x.fail(e.name, ErrCorrupt, err)
		}
		if crc32.ChecksumIEEE(b) != e.crc {
			return x.fail(e.name, ErrCorrupt, errChecksum)
		}
		if err := x.put(e.name, it.p, b); err != nil {
			return err
		}
	}
	return nil
}
