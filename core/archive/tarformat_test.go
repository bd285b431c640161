package archive

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawTar builds a tar by hand, for what archive/tar's writer never writes:
// each header gets its fields, then the contents, padding and end marker.
type rawEntry struct {
	name, prefix, magic string
	typ                 byte
	size                []byte // the raw size field; nil: octal len(body)
	body                string
	signedSum           bool
}

func rawTar(entries ...rawEntry) []byte {
	var out []byte
	for _, e := range entries {
		h := make([]byte, tarBlock)
		copy(h, e.name)
		copy(h[345:], e.prefix)
		copy(h[257:], e.magic)
		h[156] = e.typ
		size := e.size
		if size == nil {
			size = []byte(strconv.FormatInt(int64(len(e.body)), 8))
		}
		copy(h[124:136], size)
		var sum int64
		for i := range h {
			c := h[i]
			if i >= 148 && i < 156 {
				c = ' '
			}
			if e.signedSum {
				sum += int64(int8(c))
			} else {
				sum += int64(c)
			}
		}
		copy(h[148:], strconv.FormatInt(sum, 8)+"\x00")
		out = append(out, h...)
		body := []byte(e.body)
		out = append(out, body...)
		out = append(out, make([]byte, -len(body)&(tarBlock-1))...)
	}
	return append(out, make([]byte, 2*tarBlock)...)
}

func TestTarUstarPrefixAndSignedChecksum(t *testing.T) {
	data := rawTar(
		rawEntry{name: "mod.py", prefix: "pkg/sub", magic: "ustar\x0000", typ: '0', body: "x = 1\n"},
		rawEntry{name: "caf\xe9.py", typ: '0', body: "y", signedSum: true}, // V7, a byte ≥ 0x80 in the name
	)
	got, err := run(Options{}, data, Tar, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"pkg/sub/mod.py", "x = 1\n"}, {"caf\xe9.py", "y"}}, got)
}

func TestTarGNUHeadersDoNotUsePrefix(t *testing.T) {
	data := rawTar(rawEntry{name: "a.py", prefix: "ignored", magic: "ustar  \x00", typ: '0', body: "a"})
	got, err := run(Options{}, data, Tar, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"a.py", "a"}}, got)
}

func TestTarBase256Size(t *testing.T) {
	size := make([]byte, 12)
	size[0], size[11] = 0x80, 3
	got, err := run(Options{}, rawTar(rawEntry{name: "b.py", typ: '0', size: size, body: "abc"}), Tar, "")
	require.NoError(t, err)
	assert.Equal(t, []emitted{{"b.py", "abc"}}, got)
}

func TestTarRefusesBadChecksumsSparseFilesAndBadPAX(t *testing.T) {
	data := rawTar(rawEntry{name: "a.py", typ: '0', body: "a"})
	data[0] = 'b'
	_, err := run(Options{}, data, Tar, "")
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.True(t, errors.Is(err, errTarHeader), err)

	_, err = run(Options{}, rawTar(rawEntry{name: "sparse", typ: 'S'}), Tar, "")
	assert.ErrorIs(t, err, ErrUnsupported)

	_, err = run(Options{}, rawTar(rawEntry{name: "pax", typ: 'x', body: "99 path=a\n"}, rawEntry{name: "a", typ: '0'}), Tar, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}

func TestTarZeroBlockThenHeaderIsCorrupt(t *testing.T) {
	one := rawTar(rawEntry{name: "a.py", typ: '0', body: "a"})
	data := append(one[:2*tarBlock+tarBlock], rawTar(rawEntry{name: "b.py", typ: '0', body: "b"})...)
	_, err := run(Options{}, data, Tar, "")
	assert.ErrorIs(t, err, ErrCorrupt)
}
