package runtime

import "github.com/gopyscript/gopyscript/core/pyscript"

// installPyScript registers the `_pyscript` JS module our Python package
// talks to and writes the package into the interpreter, once. It is not
// imported here: Python imports it on first use, so pages that never
// import pyscript do not pay for it (~30 ms in MicroPython).
func (rt *Runtime) installPyScript() error {
	rt.Module.Set("py_import", rt.pyImportFunc())
	rt.Module.Set("fs", rt.Loader.Call("fs", rt.Interp.Value()))
	if err := rt.Interp.RegisterJSModule("_pyscript", rt.Module); err != nil {
		return err
	}
	for _, f := range pyscript.Files() {
		if err := rt.Interp.WriteFile(f.Path, f.Source); err != nil {
			return err
		}
	}
	return nil
}
