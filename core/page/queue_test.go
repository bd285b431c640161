package page

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestQueueKeepsOrderAndNeverBlocksPush(t *testing.T) {
	q := NewQueue[int]()
	for i := range 100 {
		q.Push(i) // no consumer yet: must not block
	}
	for i := range 100 {
		assert.Equal(t, i, q.Pop())
	}
}

func TestQueuePopWaitsForPush(t *testing.T) {
	q := NewQueue[string]()
	got := make(chan string)
	go func() { got <- q.Pop() }()
	select {
	case v := <-got:
		t.Fatalf("Pop returned %q before any Push", v)
	case <-time.After(20 * time.Millisecond):
	}
	q.Push("late")
	assert.Equal(t, "late", <-got)
}

func TestQueueEmpty(t *testing.T) {
	q := NewQueue[int]()
	assert.True(t, q.Empty())
	q.Push(1)
	assert.False(t, q.Empty())
	q.Pop()
	assert.True(t, q.Empty())
}
