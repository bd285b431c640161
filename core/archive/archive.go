// Package archive unpacks the archives that PyScript's `files` config may
// name with a destination ending in `/*` (zip, wheel, tar, tar.gz/tgz), so
// both interpreters get them extracted even though MicroPython has no
// unpacker of its own.
//
// Archives come from the network and are untrusted: entry names that would
// land outside the destination folder are rejected, the total uncompressed
// size and the number of entries are capped, and damaged data is reported as
// an error, never a panic. Only regular files are extracted; directories are
// implied by the files' paths, and symlinks, hard links and devices are
// skipped.
//
// The package keeps to hash/crc32 and a few small standard packages (no
// fmt, no path/filepath; its own small zip and tar readers instead of
// archive/zip and archive/tar, and its own deflate and gzip decoders instead
// of compress/flate and compress/gzip) because it is compiled into the
// WebAssembly core, where every imported package costs bytes and
// compress/flate's init also costs start-up time.
package archive

import (
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// Formats accepted by [Extract] and returned by [FormatOf].
const (
	Zip   = "zip"    // zip archives and Python wheels
	Tar   = "tar"    // uncompressed tar
	TarGz = "tar.gz" // gzip-compressed tar (.tar.gz, .tgz)
)

// Default limits, used when the corresponding [Options] field is zero or
// negative.
const (
	DefaultMaxBytes int64 = 512 << 20 // total uncompressed size of extracted files
	DefaultMaxFiles       = 100_000   // entries of any kind, directories included
)

// Error kinds, matched with errors.Is against the errors this package returns.
var (
	ErrFormat       = errors.New("unsupported archive format")
	ErrCorrupt      = errors.New("corrupt or truncated archive")
	ErrUnsafePath   = errors.New("unsafe path")
	ErrTooLarge     = errors.New("archive too large")
	ErrTooManyFiles = errors.New("too many entries")
	ErrUnsupported  = errors.New("unsupported entry")
)

// Error is the type of every error returned by Extract. Its message reads
// "unpacking <archive>: entry "<entry>": <kind>: <detail>".
type Error struct {
	Archive string // Options.Name, or e.g. "zip archive"
	Entry   string // entry name as stored in the archive; "" if not about one entry
	Kind    error  // one of the Err* kinds above; nil when emit failed
	Err     error  // detail or cause; for emit failures, emit's error
}

func (e *Error) Error() string {
	s := "unpacking " + e.Archive
	if e.Entry != "" {
		s += ": entry " + strconv.Quote(e.Entry)
	}
	if e.Kind != nil {
		s += ": " + e.Kind.Error()
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the kind and the cause, so errors.Is matches either.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// Options tune Extract. The zero value means the defaults.
type Options struct {
	// Name identifies the archive in error messages (typically its URL).
	// Empty means "<format> archive".
	Name string
	// MaxBytes caps the total uncompressed size of the extracted files.
	MaxBytes int64
	// MaxFiles caps the number of entries (of any kind) in the archive.
	MaxFiles int
}

// Extract unpacks data, an archive in the given format, with the default
// [Options]. See [Options.Extract].
func Extract(data []byte, format, dest string, emit func(path string, data []byte) error) error {
	return Options{}.Extract(data, format, dest, emit)
}

// Extract unpacks data, an archive in the given format ("zip" or "whl",
// "tar", "tar.gz" or "tgz"; case-insensitive, a leading dot allowed), calling
// emit once per regular file, in archive order, with the file's cleaned path
// joined under dest and its contents. dest "" or "." means the working
// directory: emit then gets relative paths such as "pkg/mod.py". The caller
// creates parent directories as needed; emit owns data. A backslash in an
// entry name is taken as a separator (archives made on Windows). An error
// from emit stops extraction and is returned wrapped in an [*Error].
//
// A zip archive is checked as a whole (paths, sizes, entry count, supported
// compression) before anything is emitted, so a rejected zip emits nothing.
// A tar archive is streamed: entries before the offending one have already
// been emitted when an error is returned.
func (o Options) Extract(data []byte, format, dest string, emit func(path string, data []byte) error) error {
	f, ok := normalizeFormat(format)
	x := &extractor{name: o.Name, maxBytes: o.MaxBytes, maxFiles: o.MaxFiles, emit: emit}
	if x.name == "" {
		x.name = "archive"
		if ok {
			x.name = f + " archive"
		}
	}
	if !ok {
		return x.fail("", ErrFormat, errors.New(strconv.Quote(format)+" (want zip, whl, tar, tar.gz or tgz)"))
	}
	if x.maxBytes <= 0 {
		x.maxBytes = DefaultMaxBytes
	}
	if x.maxFiles <= 0 {
		x.maxFiles = DefaultMaxFiles
	}
	x.left = x.maxBytes
	if dest != "" {
		if x.dest = path.Clean(dest); x.dest == "." {
			x.dest = ""
		}
	}
	if len(data) == 0 {
		return x.fail("", ErrCorrupt, errors.New("no data"))
	}
	switch f {
	case Zip:
		return x.unzip(data)
	case Tar:
		return x.untar(data, false)
	}
	return x.untar(data, true)
}

// FormatOf tells the archive format from a URL or file name by its
// extension, ignoring any ?query and #fragment, case-insensitively: .zip and
// .whl give [Zip], .tar gives [Tar], .tar.gz and .tgz give [TarGz]. Only the
// URL's path counts, so "https://example.zip/" is not an archive.
func FormatOf(urlOrName string) (string, bool) {
	u := urlOrName
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u = u[:i]
	}
	// Drop scheme and authority: the host name is not the path.
	authority := strings.HasPrefix(u, "//")
	if i := strings.Index(u, "://"); i >= 0 && !strings.Contains(u[:i], "/") {
		u, authority = u[i+1:], true
	}
	if authority {
		i := strings.IndexByte(u[2:], '/')
		if i < 0 {
			return "", false
		}
		u = u[2+i:]
	}
	base := strings.ToLower(u[strings.LastIndexByte(u, '/')+1:])
	switch {
	case strings.HasSuffix(base, ".zip"), strings.HasSuffix(base, ".whl"):
		return Zip, true
	case strings.HasSuffix(base, ".tar"):
		return Tar, true
	case strings.HasSuffix(base, ".tar.gz"), strings.HasSuffix(base, ".tgz"):
		return TarGz, true
	}
	return "", false
}

func normalizeFormat(format string) (string, bool) {
	switch strings.TrimPrefix(strings.ToLower(format), ".") {
	case "zip", "whl":
		return Zip, true
	case "tar":
		return Tar, true
	case "tar.gz", "tgz":
		return TarGz, true
	}
	return "", false
}

// extractor holds one Extract call's state.
type extractor struct {
	name     string
	dest     string // cleaned; "" for the working directory
	maxBytes int64
	maxFiles int
	left     int64 // bytes still allowed
	files    int   // entries seen
	emit     func(string, []byte) error
}

func (x *extractor) fail(entry string, kind, err error) error {
	return &Error{Archive: x.name, Entry: entry, Kind: kind, Err: err}
}

func (x *extractor) tooLarge(entry string) error {
	return x.fail(entry, ErrTooLarge, errors.New("more than "+sizeString(x.maxBytes)+" uncompressed"))
}

// count registers one more entry and fails past the entry cap.
func (x *extractor) count() error {
	if x.files++; x.files > x.maxFiles {
		return x.fail("", ErrTooManyFiles, errors.New("more than "+strconv.Itoa(x.maxFiles)))
	}
	return nil
}

// reserve takes size bytes from the budget, failing if it runs out.
func (x *extractor) reserve(entry string, size int64) error {
	if size < 0 {
		return x.fail(entry, ErrCorrupt, errors.New("negative size"))
	}
	if size > x.left {
		return x.tooLarge(entry)
	}
	x.left -= size
	return nil
}

// put hands one file to emit.
func (x *extractor) put(entry, p string, data []byte) error {
	if x.dest != "" {
		p = path.Join(x.dest, p)
	}
	if err := x.emit(p, data); err != nil {
		return x.fail(entry, nil, err)
	}
	return nil
}

// cleanName turns an entry name into a clean relative slash path, or explains
// why it is unsafe. "." (the destination itself) is returned as is: callers
// skip it for directories and reject it for files. isDir reports a trailing
// separator.
func cleanName(name string) (p string, isDir bool, err error) {
	if strings.IndexByte(name, 0) >= 0 {
		return "", false, errors.New("contains a NUL byte")
	}
	p = strings.ReplaceAll(name, `\`, "/")
	switch {
	case p == "":
		return "", false, errors.New("empty name")
	case p[0] == '/':
		return "", false, errors.New("absolute path")
	case len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z'):
		return "", false, errors.New("absolute path (drive letter)")
	}
	isDir = strings.HasSuffix(p, "/")
	if p = path.Clean(p); p == ".." || strings.HasPrefix(p, "../") {
		return "", false, errors.New("escapes the destination folder")
	}
	return p, isDir, nil
}

func sizeString(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

var (
	errLonger     = errors.New("entry is longer than its header says")
	errNoProgress = errors.New("reader makes no progress")
)

// readEntry reads exactly size bytes from r and then checks that r is at its
// end (for deflate, that the stream ends there). It allocates at most hint
// bytes up front and grows only as data actually arrives, so a header that
// lies about a huge size cannot make it reserve memory for nothing.
func readEntry(r io.Reader, size, hint int64) ([]byte, error) {
	hint = max(0, min(hint, size))
	b := make([]byte, 0, hint)
	eof := false
	for idle := 0; int64(len(b)) < size; {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		end := int64(cap(b))
		if end > size {
			end = size
		}
		n, err := r.Read(b[len(b):end])
		b = b[:len(b)+n]
		if err == io.EOF {
			if int64(len(b)) < size {
				return nil, io.ErrUnexpectedEOF
			}
			eof = true
		} else if err != nil {
			return nil, err
		}
		if idle++; n > 0 {
			idle = 0
		} else if idle > 100 {
			return nil, errNoProgress
		}
	}
	var one [1]byte
	for idle := 0; !eof; idle++ {
		n, err := r.Read(one[:])
		if n > 0 {
			return nil, errLonger
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if idle > 100 {
			return nil, errNoProgress
		}
	}
	return b, nil
}
