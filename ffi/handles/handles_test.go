package handles

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLentCountsSendsUntilAllAreReleased(t *testing.T) {
	var l Lent[string]
	id := l.Add("body")
	assert.NotZero(t, id, "0 is the owner's global")
	require.True(t, l.Again(id))
	require.True(t, l.Again(id))

	_, gone := l.Release(id, 2)
	assert.False(t, gone, "one send is still out")
	v, ok := l.Get(id)
	assert.True(t, ok)
	assert.Equal(t, "body", v)

	v, gone = l.Release(id, 1)
	assert.True(t, gone)
	assert.Equal(t, "body", v)
	assert.Zero(t, l.Len())
	assert.False(t, l.Again(id))
	_, gone = l.Release(id, 1)
	assert.False(t, gone, "a second release of a freed id does nothing")
}

func TestLentOverReleaseFreesTheEntry(t *testing.T) {
	var l Lent[int]
	id := l.Add(1)
	_, gone := l.Release(id, 99)
	assert.True(t, gone)
}

func TestLentIdsAreUniqueAndSkipZero(t *testing.T) {
	var l Lent[int]
	l.last = ^uint32(0) - 1
	a := l.Add(1)
	b := l.Add(2)
	assert.Equal(t, ^uint32(0), a)
	assert.Equal(t, uint32(1), b, "wraps around past 0")
	l.last = 0
	c := l.Add(3)
	assert.Equal(t, uint32(2), c, "skips ids still in use")
	seen := map[uint32]int{}
	l.Each(func(id uint32, v int) { seen[id] = v })
	assert.Equal(t, map[uint32]int{a: 1, b: 2, c: 3}, seen)
}

// The race the counts exist for: the worker's proxy of id 5 is collected
// while the page sends id 5 again; the new proxy must outlive the release
// of the old one.
func TestReleaseInFlightDoesNotFreeANewerReceipt(t *testing.T) {
	var owner Lent[string]
	var borrower Borrowed[string]

	id := owner.Add("el") // sent once
	var old uint64
	borrower.New(id, func(s uint64) string { old = s; return "proxy-1" })

	// The proxy is collected; its release (1 receipt) is in flight...
	release := borrower.Finalized(id, old)
	assert.Equal(t, uint32(1), release)

	// ...while the owner sends the id again and the borrower makes a new proxy.
	require.True(t, owner.Again(id))
	_, _, ok := borrower.Lookup(id)
	assert.False(t, ok)
	var fresh uint64
	borrower.New(id, func(s uint64) string { fresh = s; return "proxy-2" })

	_, gone := owner.Release(id, release)
	assert.False(t, gone, "the second send is still held by proxy-2")

	assert.Equal(t, uint32(1), borrower.Finalized(id, fresh))
	_, gone = owner.Release(id, 1)
	assert.True(t, gone)
	assert.Zero(t, borrower.Len())
}

func TestBorrowedCountsReceiptsPerIncarnation(t *testing.T) {
	var b Borrowed[string]
	var s1, s2 uint64
	assert.Equal(t, "p1", b.New(9, func(s uint64) string { s1 = s; return "p1" }))
	b.Again(s1)
	b.Again(s1)
	v, serial, ok := b.Lookup(9)
	require.True(t, ok)
	assert.Equal(t, "p1", v)
	assert.Equal(t, s1, serial)

	// A newer incarnation replaces the current one; the old one's count is
	// still released when it is finalized later.
	b.New(9, func(s uint64) string { s2 = s; return "p2" })
	assert.Equal(t, uint32(3), b.Finalized(9, s1))
	_, serial, ok = b.Lookup(9)
	require.True(t, ok, "finalizing the old incarnation keeps the new one")
	assert.Equal(t, s2, serial)
	assert.Equal(t, uint32(1), b.Finalized(9, s2))
	assert.Equal(t, uint32(0), b.Finalized(9, s2), "finalized twice: nothing more to release")
	assert.Zero(t, b.Len())
}
