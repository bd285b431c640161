package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
)

// maxDeflateRatio bounds how much deflate can expand its input (1032:1); it
// caps up-front allocations, not what may be extracted.
const maxDeflateRatio = 1032

// unzip checks every entry first and only then emits, so a zip with one bad
// entry emits nothing.
func (x *extractor) unzip(data []byte) error {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	// With GODEBUG=zipinsecurepath=0 the reader is usable despite the error;
	// names are checked below either way.
	if err != nil && (r == nil || !errors.Is(err, zip.ErrInsecurePath)) {
		return x.fail("", ErrCorrupt, err)
	}
	if len(r.File) > x.maxFiles {
		return x.fail("", ErrTooManyFiles, errors.New("more than "+strconv.Itoa(x.maxFiles)))
	}
	type item struct {
		f *zip.File
		p string
	}
	items := make([]item, 0, len(r.File))
	for _, f := range r.File {
		p, isDir, err := cleanName(f.Name)
		if err != nil {
			return x.fail(f.Name, ErrUnsafePath, err)
		}
		if isDir || !f.Mode().IsRegular() {
			continue // directories are implied; symlinks and devices are skipped
		}
		if p == "." {
			return x.fail(f.Name, ErrUnsafePath, errors.New("names no file"))
		}
		if f.Flags&1 != 0 {
			return x.fail(f.Name, ErrUnsupported, errors.New("encrypted"))
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return x.fail(f.Name, ErrUnsupported, errors.New("compression method "+strconv.Itoa(int(f.Method))))
		}
		if f.UncompressedSize64 > uint64(x.left) {
			return x.tooLarge(f.Name)
		}
		x.left -= int64(f.UncompressedSize64)
		items = append(items, item{f, p})
	}
	for _, it := range items {
		f := it.f
		rc, err := f.Open()
		if err != nil {
			return x.fail(f.Name, ErrCorrupt, err)
		}
		hint := int64(f.CompressedSize64)
		if f.Method == zip.Deflate && hint < 1<<40 {
			hint = hint*maxDeflateRatio + 1024
		}
		b, err := readEntry(rc, int64(f.UncompressedSize64), hint)
		rc.Close()
		if err != nil {
			return x.fail(f.Name, ErrCorrupt, err)
		}
		if err := x.put(f.Name, it.p, b); err != nil {
			return err
		}
	}
	return nil
}
