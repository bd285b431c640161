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

// The race the counts exist for: the worker's proxy of an id is collected
// while the page sends the id again; the new proxy must outlive the release
// of the old one.
func TestReleaseInFlightDoesNotFreeANewerReceipt(t *testing.T) {
	var owner Lent[string]
	var borrower Borrowed

	id := owner.Add("el") // sent once
	borrower.Received(1)  // incarnation 1 made

	// Incarnation 1 is collected; its release (1 receipt) is in flight...
	release := borrower.Finalized(1)
	assert.Equal(t, uint32(1), release)

	// ...while the owner sends the id again and the borrower makes incarnation 2.
	require.True(t, owner.Again(id))
	borrower.Received(2)

	_, gone := owner.Release(id, release)
	assert.False(t, gone, "the second send is still held by incarnation 2")

	assert.Equal(t, uint32(1), borrower.Finalized(2))
	_, gone = owner.Release(id, 1)
	assert.True(t, gone)
	assert.Zero(t, borrower.Len())
}

func TestBorrowedCountsReceiptsPerIncarnation(t *testing.T) {
	var b Borrowed
	b.Received(7)
	b.Received(-7)
	b.Received(-7)
	b.Received(0) // a permanent stand-in (the page's globalThis) is not counted
	assert.Equal(t, 1, b.Len())
	assert.Equal(t, uint32(3), b.Finalized(7))
	assert.Equal(t, uint32(0), b.Finalized(7), "finalized twice: nothing more to release")
	assert.Zero(t, b.Len())
}
