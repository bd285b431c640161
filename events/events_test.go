package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNames(t *testing.T) {
	assert.Equal(t, "py:ready", Name("py", Ready))
	assert.Equal(t, "mpy:done", Name("mpy", Done))
	assert.Equal(t, "mpy:progress", Name("mpy", Progress))
}

func TestAllDoneFiresOnceAfterEveryKey(t *testing.T) {
	fired := 0
	tr := NewAllDoneTracker([]any{"a", "b"}, func() { fired++ })
	tr.Start()
	assert.Equal(t, 0, fired)
	tr.Done("a")
	tr.Done("late") // not tracked: must not count
	assert.Equal(t, 0, fired)
	tr.Done("b")
	assert.Equal(t, 1, fired)
	tr.Done("b")
	tr.Done("a")
	assert.Equal(t, 1, fired, "fires only once")
}

func TestAllDoneWithNothingFiresOnStart(t *testing.T) {
	fired := 0
	tr := NewAllDoneTracker(nil, func() { fired++ })
	assert.Equal(t, 0, fired)
	tr.Start()
	assert.Equal(t, 1, fired)
}
