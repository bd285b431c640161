package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/core/pyscript"
)

// installPyScript registers the `_pyscript` JS module our Python package
// talks to and writes the package into the interpreter, once. It is not
// imported here: Python imports it on first use, so pages that never
// import pyscript do not pay for it (~30 ms in MicroPython).
func installPyScript(in *interp.Interpreter, tc *typeConfig, importAll js.Value) (js.Value, error) {
	mod := js.Global().Get("Object").New()
	mod.Set("type", string(in.Type))
	mod.Set("worker", false)
	mod.Set("config", tc.pythonJSON(in.Type))
	mod.Set("target", "")
	mod.Set("js_import", importAll)
	mod.Set("js_modules", js.Global().Get("Object").New()) // filled by setup when configured
	if err := in.RegisterJSModule("_pyscript", mod); err != nil {
		return js.Value{}, err
	}
	for _, f := range pyscript.Files() {
		if err := in.WriteFile(f.Path, f.Source); err != nil {
			return js.Value{}, err
		}
	}
	return mod, nil
}
