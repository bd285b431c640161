// Package page is the main-thread runtime: it finds script elements, runs
// them per type in document order, and reports events and errors.
package page

import "sync"

// Queue is an unbounded FIFO. JS callbacks push without ever blocking (a
// blocked callback would freeze the page); one goroutine per type pops.
type Queue[T any] struct {
	mu     sync.Mutex
	items  []T
	signal chan struct{}
}

// NewQueue returns an empty queue.
func NewQueue[T any]() *Queue[T] { return &Queue[T]{signal: make(chan struct{}, 1)} }

// Push appends v and never blocks.
func (q *Queue[T]) Push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

// Empty says whether nothing waits in the queue now.
func (q *Queue[T]) Empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items) == 0
}

// Pop waits for the oldest item.
func (q *Queue[T]) Pop() T {
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			v := q.items[0]
			var zero T
			q.items[0] = zero
			q.items = q.items[1:]
			q.mu.Unlock()
			return v
		}
		q.mu.Unlock()
		<-q.signal
	}
}
