package worker

import "syscall/js"

// inputShim makes input() read a line from the page: window.prompt on the
// page until a terminal exists. _pyscript.read_line answers [ok, line,
// cancelled] (MicroPython cannot catch an exception JS throws at it).
const inputShim = `
def _gopyscript_input():
    import builtins
    import _pyscript

    def input(prompt=""):
        ok, line, cancelled = _pyscript.read_line(str(prompt))
        if not ok:
            raise RuntimeError(line)
        if cancelled:
            raise EOFError("input() was cancelled")
        return line

    builtins.input = input

_gopyscript_input()
del _gopyscript_input
`

// installInput gives the worker's Python an input() that asks the page
// (worker.js's readLine).
func (w *worker) installInput(mod js.Value) error {
	mod.Set("read_line", w.host.Get("readLine"))
	return w.rt.Interp.Run(inputShim)
}
