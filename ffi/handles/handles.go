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

// Borrowed is the borrower's table: id → the latest proxy (incarnation) of
// that id, and for every incarnation still alive, how many times it was
// received.
type Borrowed[T any] struct {
	last     uint64
	current  map[uint32]incarnation[T]
	received map[uint64]uint32
}

type incarnation[T any] struct {
	serial uint64
	v      T
}

// Lookup returns the latest incarnation of id. The caller checks that its
// proxy is still alive before reusing it with Again.
func (b *Borrowed[T]) Lookup(id uint32) (v T, serial uint64, ok bool) {
	inc, ok := b.current[id]
	return inc.v, inc.serial, ok
}

// Again counts one more receipt of id by the incarnation serial.
func (b *Borrowed[T]) Again(serial uint64) { b.received[serial]++ }

// New records a new incarnation of id (its first receipt), made by make
// with the serial its finalizer must report.
func (b *Borrowed[T]) New(id uint32, make func(serial uint64) T) T {
	if b.current == nil {
		b.current = map[uint32]incarnation[T]{}
		b.received = map[uint64]uint32{}
	}
	b.last++
	v := make(b.last)
	b.current[id] = incarnation[T]{serial: b.last, v: v}
	b.received[b.last] = 1
	return v
}

// Finalized is called when incarnation serial of id was collected. It
// returns how many receipts to release to the owner (0: nothing to send).
func (b *Borrowed[T]) Finalized(id uint32, serial uint64) uint32 {
	n := b.received[serial]
	delete(b.received, serial)
	if inc, ok := b.current[id]; ok && inc.serial == serial {
		delete(b.current, id)
	}
	return n
}

// Len is the number of incarnations not yet finalized.
func (b *Borrowed[T]) Len() int { return len(b.received) }
