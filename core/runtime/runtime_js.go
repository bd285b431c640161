// Package runtime runs one interpreter for one script type, the same way on
// the page and in a worker: read the config, plan its downloads, load the
// interpreter, install the pyscript package, set up files, js_modules and
// packages, then run code. What differs between the two threads (events,
// error display, the names only a worker's pyscript has) stays with the host.
package runtime

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// Runtime is one interpreter and everything set up in it.
type Runtime struct {
	Type    script.Type
	Config  *Config
	PageURL string // what relative URLs resolve against without a config URL
	// Worker selects the worker's half of js_modules and tells Python where
	// it runs.
	Worker bool
	// Loader is the JS host object with load(type, url, options),
	// import(url), importAll(...urls), key(object) (a number per object)
	// storage(name) (an IndexedDB store, see dist/storage.js),
	// fs(interpreter) (pyscript.fs's mount, unmount, revoke, see dist/fs.js)
	// polyscript(module, interpreter) (registers `polyscript`), fetch(url),
	// wheels(pyodide, names) (packages named with their wheels' URLs) and
	// loadPackage(pyodide, names, options) (pyodide.loadPackage, watched).
	Loader js.Value
	// Progress reports a loading step ("Loading files" …).
	Progress func(message string)

	Interp *interp.Interpreter
	// Module is the `_pyscript` JS module the pyscript package reads. Hosts
	// add their own names to it before Prepare registers it.
	Module js.Value
}

// New returns a runtime whose `_pyscript` module holds the names both
// threads share; nothing is loaded yet.
func New(t script.Type, cfg *Config, pageURL string, worker bool, loader js.Value, progress func(string)) *Runtime {
	mod := js.Global().Get("Object").New()
	mod.Set("type", string(t))
	mod.Set("worker", worker)
	mod.Set("config", cfg.PythonJSON(t))
	mod.Set("target", "")
	mod.Set("js_import", loader.Get("importAll"))
	mod.Set("key", loader.Get("key"))
	mod.Set("storage", loader.Get("storage"))
	mod.Set("js_modules", js.Global().Get("Object").New()) // filled by setup when configured
	return &Runtime{Type: t, Config: cfg, PageURL: pageURL, Worker: worker, Loader: loader, Progress: progress, Module: mod}
}

// Prepare loads the interpreter the config names, installs the pyscript
// package and sets up the config's files, js_modules and packages, once.
func (rt *Runtime) Prepare() error {
	p, err := rt.plan()
	if err != nil {
		return err
	}
	name := rt.Type.DisplayName()
	rt.Progress("Loading " + name)
	in, err := interp.Load(rt.Loader, rt.Type, rt.Config.InterpreterURL, p.options)
	if err != nil {
		return err
	}
	rt.Interp = in
	if p.debug && rt.Type.Kind() == script.Py {
		in.Value().Call("setDebug", true)
	}
	if err := rt.installPyScript(); err != nil {
		return err
	}
	if err := rt.setup(p); err != nil {
		return err
	}
	// PyScript's `polyscript` module, from what `_pyscript` now holds.
	if _, err := ffi.Await(rt.Loader.Call("polyscript", rt.Module, in.Value())); err != nil {
		return Error("GoPyScript could not register the polyscript module: " + ffi.Message(err))
	}
	rt.Progress("Loaded " + name)
	return nil
}

// Apply sets up another config's files, js_modules and packages in the
// loaded interpreter, as py-game does for each script's own config.
func (rt *Runtime) Apply(cfg *Config) error {
	loaded := rt.Config
	rt.Config = cfg
	defer func() { rt.Config = loaded }()
	p, err := rt.plan()
	if err == nil {
		err = rt.setup(p)
	}
	return err
}

// Run starts code: synchronously when sync is set (the returned Promise is
// undefined), else with top-level await allowed, returning the Promise of
// its completion. A Python exception comes back as error or rejection.
func (rt *Runtime) Run(code string, sync bool) (js.Value, error) {
	if sync {
		return js.Undefined(), rt.Interp.Run(code)
	}
	return rt.Interp.RunAsync(code)
}

// PythonError is the text shown for an exception raised by user code.
func PythonError(err error) string { return pythonError(err) }
