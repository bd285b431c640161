package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCleanTracebackDropsPyodideFrames(t *testing.T) {
	in := `Traceback (most recent call last):
  File "/lib/python313.zip/_pyodide/_base.py", line 597, in eval_code_async
    await CodeRunner(
  File "/lib/python313.zip/_pyodide/_base.py", line 411, in run_async
    coroutine = eval(self.code, globals, locals)
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "<exec>", line 3, in <module>
    1 / 0
ZeroDivisionError: division by zero`
	want := `Traceback (most recent call last):
  File "<exec>", line 3, in <module>
    1 / 0
ZeroDivisionError: division by zero`
	assert.Equal(t, want, CleanTraceback(in))
}

func TestCleanTracebackKeepsOtherText(t *testing.T) {
	mpy := "Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\nNameError: name 'x' isn't defined\n"
	assert.Equal(t, mpy, CleanTraceback(mpy))
	assert.Equal(t, "plain message", CleanTraceback("plain message"))
}

func TestCleanTracebackDropsEventDispatchFrames(t *testing.T) {
	py := `Traceback (most recent call last):
  File "/home/pyodide/pyscript/events.py", line 104, in listener
    handler(event)
    ~~~~~~~^^^^^^^
  File "/home/pyodide/pyscript/events.py", line 81, in handler
    return func(*args[:1])
  File "<exec>", line 5, in clicked
ValueError: raised in a click handler`
	assert.Equal(t, "Traceback (most recent call last):\n  File \"<exec>\", line 5, in clicked\nValueError: raised in a click handler", CleanTraceback(py))
	mpy := "Traceback (most recent call last):\n  File \"pyscript/events.py\", line 104, in listener\n  File \"pyscript/events.py\", line 81, in handler\n  File \"<stdin>\", line 4, in clicked\nValueError: x"
	assert.Equal(t, "Traceback (most recent call last):\n  File \"<stdin>\", line 4, in clicked\nValueError: x", CleanTraceback(mpy))
	// Raised by the package itself: its last frame says where.
	own := "Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\n  File \"pyscript/events.py\", line 30, in when\nValueError: bad selector"
	assert.Equal(t, own, CleanTraceback(own))
}
