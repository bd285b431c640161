package runtime

import (
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// pyImportFunc is `_pyscript.py_import(...entries)`: a Promise settled once
// the entries (written as in a config's "packages": names, wheel URLs, mip
// specs) are installed in this runtime's interpreter; pyscript.py_import
// then imports them.
func (rt *Runtime) pyImportFunc() js.Func {
	return ffi.FuncOf("py_import", func(_ js.Value, args []js.Value) any {
		entries := make([]string, len(args))
		for i, a := range args {
			entries[i] = a.String()
		}
		return ffi.Promise("py_import", func() (any, error) { return nil, rt.pyImport(entries) })
	})
}

func (rt *Runtime) pyImport(entries []string) error {
	listed := make([]any, len(entries))
	for i, e := range entries {
		listed[i] = e
	}
	base := rt.Config.Base(rt.PageURL)
	set, err := config.Packages(map[string]any{"packages": listed}, base)
	if err != nil {
		return err
	}
	if len(set.Remote) > 0 {
		return Error("py_import: remote package configs work only in a config's packages: " + strings.Join(set.Remote, ", "))
	}
	if rt.Type.Kind() == script.Py {
		configured, err := rt.Config.Packages(rt.PageURL)
		if err != nil {
			return err
		}
		_, err = rt.installPyodidePackages(set.Wheels, set.Names, configured.IndexURLs)
		return err
	}
	return rt.installMicroPythonPackages(set.Wheels, set.Names, base)
}
