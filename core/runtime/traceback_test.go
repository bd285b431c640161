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
