package archive

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gzipBomb is a tar.gz of one entry "bomb" of size MiB of zeros, as a
// gzip member for the tar header and one member per MiB of zeros: about
// 1 KB per MiB expanded.
func gzipBomb(t testing.TB, mib int) []byte {
	var hdr bytes.Buffer
	tw := tar.NewWriter(&hdr)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "bomb", Mode: 0o644, Size: int64(mib) << 20}))
	var out bytes.Buffer
	member := func(b []byte) {
		zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
		require.NoError(t, err)
		_, err = zw.Write(b)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
	}
	member(hdr.Bytes())
	n := out.Len()
	member(make([]byte, 1<<20))
	zeros := append([]byte(nil), out.Bytes()[n:]...)
	for range mib - 1 {
		out.Write(zeros)
	}
	return out.Bytes()
}

// A tar.gz bomb (1 GiB from 1 MB) is refused under the default limit, 512
// MiB, before any of it is inflated: a tar header states its entry's size.
func TestExtractBombDefaultLimit(t *testing.T) {
	data := gzipBomb(t, 1024)
	require.Less(t, len(data), 2<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, err := run(Options{Name: "bomb.tgz"}, data, TarGz, "")
	runtime.ReadMemStats(&after)
	assert.EqualError(t, err, `unpacking bomb.tgz: entry "bomb": archive too large: more than 512 MiB uncompressed`)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Empty(t, got)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20))
}
