package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/core/pyscript"
)

// installPyScript registers the `_pyscript` JS module our Python package
// talks to, writes the package into the interpreter and imports it once.
func installPyScript(in *interp.Interpreter, tc *typeConfig, importAll js.Value) (js.Value, error) {
	mod := js.Global().Get("Object").New()
	mod.Set("type", string(in.Type))
	mod.Set("worker", false)
	mod.Set("config", tc.json)
	mod.Set("target", "")
	mod.Set("js_import", importAll)
	if err := in.RegisterJSModule("_pyscript", mod); err != nil {
		return js.Value{}, err
	}
	for _, f := range pyscript.Files() {
		if err := in.WriteFile(f.Path, f.Source); err != nil {
			return js.Value{}, err
		}
	}
	if err := in.Run("import pyscript"); err != nil {
		return js.Value{}, pyError{"installing the pyscript package", err}
	}
	return mod, nil
}

type pyError struct {
	doing string
	err   error
}

func (e pyError) Error() string { return e.doing + ":\n" + pythonError(e.err) }
