package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/hints"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// showCallbackErrors shows on the page the errors that escape Python code
// JS called after a script ended (event handlers, timers, promise
// callbacks) and the borrowed-proxy error of a released callback: the
// browser would only log them. The page's other errors are left alone.
func (p *Page) showCallbackErrors() {
	handler := ffi.FuncOf("showing a Python callback's error", func(_ js.Value, args []js.Value) any {
		event := args[0]
		err := event.Get("error")
		if event.Get("type").String() == "unhandledrejection" {
			err = event.Get("reason")
		}
		if err.Type() != js.TypeObject {
			return nil
		}
		message := ffi.ValueMessage(err)
		if err.Get("name").String() == "PythonError" || hints.BorrowedProxy(message) {
			p.report(p.callbackType(err), runtime.CleanTraceback(message))
		}
		return nil
	})
	js.Global().Call("addEventListener", "error", handler)
	js.Global().Call("addEventListener", "unhandledrejection", handler)
}

// callbackType is the type whose config decides where a callback's error
// goes: Pyodide's for its own PythonError and the borrowed-proxy error,
// else MicroPython's when it runs on the page.
func (p *Page) callbackType(err js.Value) script.Type {
	if r := p.runner(script.Py); r != nil && r.rt != nil && r.rt.Interp != nil {
		if !err.Get("name").Equal(js.ValueOf("PythonError")) || err.InstanceOf(r.rt.Interp.Value().Get("ffi").Get("PythonError")) {
			return script.Py
		}
	}
	if p.runner(script.MPy) != nil {
		return script.MPy
	}
	return script.Py
}
