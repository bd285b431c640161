package page

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gopyscript/gopyscript/core/script"
)

func TestWorkerOrderNumbersAsPyScriptDoes(t *testing.T) {
	kind := func(typ script.Type, wait numberWait) workerKind { return workerKind{typ: typ, wait: wait} }
	mpy, py := kind(script.MPy, oneTick), kind(script.Py, oneTick)
	mpyFile, pyFile := kind(script.MPy, loadWait), kind(script.Py, loadWait)
	mpyNamed, pyNamed := kind(script.MPy, noWait), kind(script.Py, noWait)

	// PyScript's own test page: the appended mpy test worker (its config a
	// file) comes first in the document, the py testworker later.
	assert.Equal(t, []int{1, 0}, workerOrder([]workerKind{mpyFile, py}, true))
	// Its py variant: the testworker is still numbered first.
	assert.Equal(t, []int{1, 0}, workerOrder([]workerKind{pyFile, py}, true))
	// First scan: at each wait py before mpy, document order within a type.
	assert.Equal(t, []int{1, 4, 0, 3, 5, 2},
		workerOrder([]workerKind{mpy, py, mpyFile, mpy, py, pyFile}, true))
	// Named interpreters are numbered at once, before any that wait.
	assert.Equal(t, []int{3, 0, 1, 2}, workerOrder([]workerKind{mpyNamed, mpyNamed, py, pyNamed}, true))
	// Scripts added later keep document order across types.
	assert.Equal(t, []int{1, 0, 3, 2}, workerOrder([]workerKind{mpy, pyNamed, pyFile, mpy}, false))
	assert.Empty(t, workerOrder(nil, true))
}
