// Package handles keeps the two tables behind references that cross between
// the page and a worker. The side that owns an object lends it by id and
// counts how often it sent that id (Lent); the side that borrows it keeps
// one proxy per id and counts how often it received the id (Borrowed).
// When the borrower's proxy is garbage collected it releases exactly the
// count that proxy received, so an id sent again while a release is in
// flight stays alive: the owner frees it only when every send is released.
package handles

// Lent is the owner's table: id → object, with the number of sends not yet
// released. Ids start at 1; the zero id is left to the owner's global.
type Lent[T any] struct {
	last    uint32
	entries map[uint32]*lent[T]
}

type lent[T any] struct {
	v     T
	sends uint32
}

// Add lends v under a new id, counting this first send.
func (t *Lent[T]) Add(v T) uint32 {
	if t.entries == nil {
		t.entries = map[uint32]*lent[T]{}
	}
	for {
		t.last++
		if _, used := t.entries[t.last]; t.last != 0 && !used {
			break
		}
	}
	t.entries[t.last] = &lent[T]{v: v, sends: 1}
	return t.last
}

// Again counts one more send of id; false when id is not lent.
func (t *Lent[T]) Again(id uint32) bool {
	e, ok := t.entries[id]
	if ok {
		e.sends++
	}
	return ok
}

// Get returns the object lent under id.
func (t *Lent[T]) Get(id uint32) (T, bool) {
	e, ok := t.entries[id]
	if !ok {
		var zero T
		return zero, false
	}
	return e.v, true
}

// Release gives back n sends of id. When none are left the entry goes and
// its object is returned with gone set, for the caller's identity map.
// Releasing more than was sent (a confused or hostile peer) frees the entry.
func (t *Lent[T]) Release(id, n uint32) (v T, gone bool) {
	e, ok := t.entries[id]
	if !ok {
		return v, false
	}
	if n < e.sends {
		e.sends -= n
		return v, false
	}
	delete(t.entries, id)
	return e.v, true
}

// Len is the number of lent objects.
func (t *Lent[T]) Len() int { return len(t.entries) }

// Clear forgets every lent object (the peer is gone).
func (t *Lent[T]) Clear() { t.entries = nil }

// Each calls fn for every lent object, for clean-up when the peer is gone.
func (t *Lent[T]) Each(fn func(id uint32, v T)) {
	for id, e := range t.entries {
		fn(id, e.v)
	}
}

// Borrowed is the borrower's count of receipts per stand-in incarnation.
// The JS glue keeps the one live stand-in (proxy or wrapper) of each id and
// gives every new incarnation a serial; here each serial counts how many
// times its id was received, which is what its finalizer must release.
type Borrowed struct {
	received map[uint64]uint32
}

// Received records a receipt: a positive serial is a new incarnation, a
// negative one a receipt by the live incarnation -serial.
func (b *Borrowed) Received(serial int64) {
	if b.received == nil {
		b.received = map[uint64]uint32{}
	}
	if serial > 0 {
		b.received[uint64(serial)] = 1
	} else if serial < 0 {
		b.received[uint64(-serial)]++
	}
}

// Finalized is called when incarnation serial was collected. It returns how
// many receipts to release to the owner (0: nothing to send).
func (b *Borrowed) Finalized(serial uint64) uint32 {
	n := b.received[serial]
	delete(b.received, serial)
	return n
}

// Len is the number of incarnations not yet finalized.
func (b *Borrowed) Len() int { return len(b.received) }
