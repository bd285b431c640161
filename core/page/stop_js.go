package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi/channel"
)

// sigint is the signal number Pyodide's interrupt buffer takes for
// KeyboardInterrupt.
const sigint = 2

// interruptBuffer is the Int32Array a Pyodide worker polls for signals:
// shared memory, so only on an isolated page; undefined otherwise (and for
// MicroPython, whose loops nothing outside its thread can stop).
func interruptBuffer(t script.Type) js.Value {
	if t != script.Py || !channel.Isolated() {
		return js.Undefined()
	}
	return js.Global().Get("Int32Array").New(js.Global().Get("SharedArrayBuffer").New(4))
}

// stoppers gives the Worker interrupt() and restart(), for Python that runs
// away: interrupt raises KeyboardInterrupt in a Pyodide worker and keeps
// it, restart replaces any worker with a fresh one running the same code.
func (x *xworker) stoppers(define func(name string, v any)) {
	define("interrupt", x.callback("interrupting a worker", func(js.Value, []js.Value) any {
		if !x.interrupt.Truthy() || x.terminated {
			return false
		}
		js.Global().Get("Atomics").Call("store", x.interrupt, 0, sigint)
		return true
	}))
	define("restart", x.callback("restarting a worker", func(js.Value, []js.Value) any {
		return x.restart()
	}))
}

// restart terminates the worker and starts its code again in a new one,
// which takes over the element's xworker, its output element and its name,
// and returns it. The page says so: what the old worker held is gone.
func (x *xworker) restart() js.Value {
	x.worker.Call("terminate")
	spec := x.spec
	spec.seq = 0 // py:all-done counted the first run
	if spec.name != "" {
		x.page.mu.Lock()
		delete(x.page.named, spec.name)
		x.page.mu.Unlock()
	}
	fresh := x.page.spawn(spec)
	fresh.target = x.target
	if spec.el.Truthy() {
		exposeWorker(spec.el, fresh.worker)
	}
	show("GoPyScript: the worker "+spec.label()+" was restarted: its code runs again from the start, and what the old worker held is gone.",
		"py-notice", noticeStyle, "warn")
	return fresh.worker
}

// exposeWorker makes worker the element's xworker, as PyScript's is.
func exposeWorker(el, worker js.Value) {
	js.Global().Get("Object").Call("defineProperty", el, "xworker", map[string]any{"value": worker, "configurable": true})
}
