package archive

import (
	"bytes"
	"errors"
	"io"
)

// entryOverhead is how many stream bytes each entry may take besides its
// contents (header, GNU long names, PAX records, padding); with MaxBytes it
// bounds how much a tar.gz may decompress, skipped entries included.
const entryOverhead = 8 << 10

// untar streams a tar (gz: gzip-compressed) archive, emitting as it goes.
func (x *extractor) untar(data []byte, gz bool) error {
	var src io.Reader = bytes.NewReader(data)
	hintMax := int64(len(data))
	if gz {
		zr, err := newGzipReader(data)
		if err != nil {
			return x.fail("", ErrCorrupt, err)
		}
		src = zr
		hintMax = hintMax*maxDeflateRatio + 1024
	}
	lim := &limitReader{r: src, n: 1<<63 - 1}
	if f := int64(x.maxFiles) + 1; f <= (lim.n-x.maxBytes)/entryOverhead {
		lim.n = x.maxBytes + f*entryOverhead
	}
	tr := newTarReader(lim)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return x.streamFail("", lim, err)
		}
		if err := x.count(); err != nil {
			return err
		}
		if h.Typeflag == tarPAXGlobal {
			continue // PAX defaults for later entries, not a file
		}
		p, isDir, err := cleanName(h.Name)
		if err != nil {
			return x.fail(h.Name, ErrUnsafePath, err)
		}
		switch h.Typeflag {
		case tarReg, tarRegOld, tarCont:
		case tarGNUSparse:
			return x.fail(h.Name, ErrUnsupported, errors.New("a GNU sparse file"))
		default:
			continue // directories are implied; links and devices are skipped
		}
		if isDir && h.Size == 0 {
			continue // a directory stored as a regular file
		}
		if isDir || p == "." {
			return x.fail(h.Name, ErrUnsafePath, errors.New("names no file"))
		}
		if err := x.reserve(h.Name, h.Size); err != nil {
			return err
		}
		b, err := readEntry(tr, h.Size, hintMax)
		if err != nil {
			return x.streamFail(h.Name, lim, err)
		}
		if err := x.put(h.Name, p, b); err != nil {
			return err
		}
	}
	// The end of the data at an entry boundary (or in the padding after an
	// entry) reads as the end of the archive; only the zero-block end
	// marker tells a complete tar from a truncated one.
	if lim.zeros < 512 {
		return x.fail("", ErrCorrupt, errors.New("missing end-of-archive marker"))
	}
	if gz {
		// Read the gzip stream to its end so its CRC and length get checked;
		// garbage after a complete gzip member is tolerated, as gzip does.
		if _, err := io.Copy(io.Discard, lim); err != nil && !errors.Is(err, errGzipHeader) {
			return x.streamFail("", lim, err)
		}
	}
	return nil
}

func (x *extractor) streamFail(entry string, lim *limitReader, err error) error {
	if lim.hit {
		return x.tooLarge(entry)
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return x.fail(entry, ErrCorrupt, err)
}

// limitReader fails once more than n bytes have been read, remembering it.
// It also counts the zero bytes that ended the data read so far.
type limitReader struct {
	r     io.Reader
	n     int64
	hit   bool
	zeros int64
}

var errStreamLimit = errors.New("stream limit reached")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		l.hit = true
		return 0, errStreamLimit
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	i := n - 1
	for i >= 0 && p[i] == 0 {
		i--
	}
	if i >= 0 {
		l.zeros = 0
	}
	l.zeros += int64(n - 1 - i)
	return n, err
}
