package runtime

import (
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/ffi"
)

// installPyodidePackages installs wheel URLs and the lock file's packages
// through Pyodide's own loader (no micropip needed), and everything else
// through micropip with PyPI semantics. It returns micropip when it used it.
func (rt *Runtime) installPyodidePackages(wheels, requirements, indexURLs []string) (js.Value, error) {
	py := rt.Interp.Value()
	lock := py.Get("lockfile").Get("packages")
	hasOwn := js.Global().Get("Object").Get("hasOwn")
	byLock, byMicropip := interp.SplitByLock(requirements, func(name string) bool {
		return hasOwn.Invoke(lock, name).Bool()
	})
	if load := append(append([]string{}, wheels...), byLock...); len(load) > 0 {
		if err := rt.loadPackages(load); err != nil {
			return js.Undefined(), err
		}
	}
	if len(byMicropip) == 0 {
		return js.Undefined(), nil
	}
	if err := rt.loadPackages([]string{"micropip"}); err != nil {
		return js.Undefined(), err
	}
	micropip := py.Call("pyimport", "micropip")
	if len(indexURLs) > 0 {
		micropip.Call("set_index_urls", py.Call("toPy", strings2js(indexURLs)))
	}
	install := micropip.Get("install").Call("callKwargs",
		py.Call("toPy", strings2js(byMicropip)), map[string]any{"keep_going": true})
	if _, err := ffi.Await(install); err != nil {
		return js.Undefined(), Error("Unable to install " + strings.Join(byMicropip, ", ") + " with micropip:\n" + pythonError(err))
	}
	return micropip, nil
}

// loadPackages runs pyodide.loadPackage through the host (which names a
// stalled wheel on the page), turning its log into progress events and its
// error reports into one error naming what failed.
func (rt *Runtime) loadPackages(names []string) error {
	var problems []string
	onMessage := ffi.FuncOf("loadPackage message", func(_ js.Value, args []js.Value) any {
		rt.Progress(args[0].String())
		return nil
	})
	onError := ffi.FuncOf("loadPackage error", func(_ js.Value, args []js.Value) any {
		problems = append(problems, args[0].String())
		return nil
	})
	defer onMessage.Release()
	defer onError.Release()
	p := rt.Loader.Call("loadPackage", rt.Interp.Value(), strings2js(names),
		map[string]any{"messageCallback": onMessage, "errorCallback": onError})
	if _, err := ffi.Await(p); err != nil {
		problems = append(problems, ffi.Message(err))
	}
	if len(problems) > 0 {
		// Pyodide's errors do not say which URL failed (see wheels in
		// dist/interpreter.js).
		named := strings.Join(names, ", ")
		if wheels, err := ffi.Await(rt.Loader.Call("wheels", rt.Interp.Value(), strings2js(names))); err == nil {
			named = wheels.String()
		}
		return Error("Unable to load " + named + ":\n" + strings.Join(problems, "\n"))
	}
	return nil
}

func strings2js(list []string) js.Value {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return js.ValueOf(out)
}
