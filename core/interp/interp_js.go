// Package interp drives a loaded Python interpreter (Pyodide or MicroPython)
// through one small API, so the page runtime never cares which one it has.
package interp

import (
	"fmt"
	"path"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/hack-pad/safejs"
)

// Interpreter is one loaded interpreter instance.
type Interpreter struct {
	Type script.Type
	URL  string
	v    safejs.Value
}

// Load asks the loader (core.js `load`, memoised per URL and options so an
// early start is reused) for the interpreter module at url and waits for it
// to boot. options go to loadMicroPython / loadPyodide.
func Load(host js.Value, t script.Type, url string, options map[string]any) (*Interpreter, error) {
	p, err := safejs.Safe(host).Call("load", string(t), url, options)
	if err != nil {
		return nil, err
	}
	v, err := ffi.Await(safejs.Unsafe(p))
	if err != nil {
		return nil, fmt.Errorf("loading %s from %s: %s", t.DisplayName(), url, ffi.Message(err))
	}
	return &Interpreter{Type: t, URL: url, v: safejs.Safe(v)}, nil
}

// Value is the interpreter's JS object (what PyScript calls `interpreter`).
func (i *Interpreter) Value() js.Value { return safejs.Unsafe(i.v) }

// Run executes code synchronously; a Python exception comes back as error.
func (i *Interpreter) Run(code string) error {
	_, err := i.v.Call("runPython", code)
	return err
}

// RunAsync starts code with top-level await allowed and returns the Promise
// of its completion; code before its first await has run when it returns.
func (i *Interpreter) RunAsync(code string) (js.Value, error) {
	p, err := i.v.Call("runPythonAsync", code)
	return safejs.Unsafe(p), err
}

// RegisterJSModule makes obj importable from Python as name.
func (i *Interpreter) RegisterJSModule(name string, obj js.Value) error {
	_, err := i.v.Call("registerJsModule", name, obj)
	return err
}

// WriteBytes writes a JS Uint8Array as WriteFile does, without copying the
// bytes through Go.
func (i *Interpreter) WriteBytes(file string, data js.Value) error {
	fs, err := i.v.Get("FS")
	if err != nil {
		return err
	}
	if dir := path.Dir(file); dir != "." {
		if _, err := fs.Call("mkdirTree", dir); err != nil {
			return fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	if _, err := fs.Call("writeFile", file, data); err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	return nil
}

// WriteFile writes data at a path relative to the interpreter's working
// directory, creating the folders it needs.
func (i *Interpreter) WriteFile(file string, data []byte) error {
	buf := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(buf, data)
	return i.WriteBytes(file, buf)
}
