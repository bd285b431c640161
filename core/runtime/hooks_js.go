package runtime

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
)

// Hooks are one thread's PyScript hooks for one script. The host has
// runHooks(name, args, wait, report) and hookCode(name) (bootstrap/core.js
// on the page, with hooks.main; worker.js in a worker, with hooks.worker).
type Hooks struct {
	Host js.Value
	// Args is what every hook is called with: [wrap, element] on the page,
	// [wrap, xworker] in a worker.
	Args js.Value
	// Report is a JS function(text) that shows a hook's error.
	Report js.Value
}

// Run calls the hooks called name in order; with wait it returns once the
// Promises they return have settled, one after another.
func (h Hooks) Run(name string, wait bool) {
	if p := h.Host.Call("runHooks", name, h.Args, wait, h.Report); p.Truthy() {
		_, _ = ffi.Await(p) // runHooks reports each hook's error itself and never rejects
	}
}

// RunHooked runs code as PyScript runs a script: onBeforeRun,
// codeBeforeRun, the code, codeAfterRun, onAfterRun, or their Async
// variants for async code (whose JS hooks are awaited). It returns once the
// code has started; wait returns its error once the code and the hooks
// after it have run. running says async code is still running: otherwise
// wait returns at once or after the hooks only. An exception skips the
// hooks after it, as in PyScript.
func (rt *Runtime) RunHooked(h Hooks, code string, sync bool) (wait func() error, running bool) {
	mode := ""
	if !sync {
		mode = "Async"
	}
	h.Run("onBeforeRun"+mode, !sync)
	if err := rt.runHookCode(h, "codeBeforeRun"+mode, sync); err != nil {
		return func() error { return err }, false
	}
	promise, err := rt.Run(code, sync)
	return func() error {
		if err == nil && !sync {
			_, err = ffi.Await(promise)
		}
		if err == nil {
			err = rt.runHookCode(h, "codeAfterRun"+mode, sync)
		}
		if err == nil {
			h.Run("onAfterRun"+mode, !sync)
		}
		return err
	}, err == nil && !sync
}

// runHookCode runs the Python of the code hooks called name, to its end.
func (rt *Runtime) runHookCode(h Hooks, name string, sync bool) error {
	code := h.Host.Call("hookCode", name).String()
	if code == "" {
		return nil
	}
	promise, err := rt.Run(code, sync)
	if err == nil && !sync {
		_, err = ffi.Await(promise)
	}
	return err
}
