package runtime

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/ffi"
)

// loadJSModules imports the config's js_modules.main, all at once, and
// returns them by name for `pyscript.js_modules`. A .css URL becomes a
// stylesheet of the page instead. Every import is awaited, so each failure
// is reported (Failures: one message per module) and none is left as an
// unhandled rejection.
func (rt *Runtime) loadJSModules(modules []config.JSModule) (js.Value, error) {
	byName := js.Global().Get("Object").New()
	pending := make([]js.Value, len(modules))
	for i, m := range modules {
		if m.CSS {
			pending[i] = Stylesheet(m.URL)
		} else {
			pending[i] = rt.Loader.Call("import", m.URL)
		}
		// Handled when awaited below, in order; until then a failure must
		// not count as an unhandled rejection.
		pending[i].Call("catch", js.Global().Get("Function").Get("prototype"))
	}
	var failures []error
	for i, m := range modules {
		ns, err := ffi.Await(pending[i])
		switch {
		case m.CSS && err != nil:
			failures = append(failures, Error(StylesheetFailed(m.URL)))
		case m.CSS:
		case err != nil:
			failures = append(failures, Error(ImportFailed(m.URL, ffi.Message(err))))
		case js.Global().Get("Object").Call("keys", ns).Length() == 0:
			failures = append(failures, Error(NotAnESModule(m.URL)))
		default:
			byName.Set(m.Name, ns)
		}
	}
	if failures != nil {
		return js.Value{}, Failures(failures)
	}
	return byName, nil
}

// Stylesheet adds <link rel="stylesheet"> to the head and returns a Promise
// settled when it loads or fails.
func Stylesheet(url string) js.Value {
	link := js.Global().Get("document").Call("createElement", "link")
	link.Set("rel", "stylesheet")
	link.Set("href", url)
	done := js.Global().Get("Promise").Call("withResolvers")
	link.Call("addEventListener", "load", done.Get("resolve"))
	link.Call("addEventListener", "error", done.Get("reject"))
	js.Global().Get("document").Get("head").Call("append", link)
	return done.Get("promise")
}
