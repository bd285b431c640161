package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// exports is what core.js re-exports: config, whenDefined, PyWorker, MPWorker.
func (p *Page) exports() js.Value {
	cfg := js.Global().Get("Object").New()
	for t, tc := range p.configs {
		cfg.Set(string(t), js.Global().Get("JSON").Call("parse", ffi.ToJSON(tc.Values)))
	}
	api := js.Global().Get("Object").New()
	api.Set("config", cfg)
	api.Set("whenDefined", ffi.FuncOf("whenDefined", func(_ js.Value, args []js.Value) any {
		if len(args) > 0 {
			if d, ok := p.defined[script.Type(args[0].String())]; ok {
				return d.Get("promise")
			}
		}
		// Like PyScript, an unknown type is simply never defined.
		return js.Global().Get("Promise").New(js.Global().Get("Function").Get("prototype"))
	}))
	for name, kind := range map[string]string{"PyWorker": "py", "MPWorker": "mpy"} {
		msg := name + " is not available yet in GoPyScript: " + kind + " workers arrive in a later release"
		api.Set(name, ffi.FuncOf(name, func(js.Value, []js.Value) any {
			return js.Global().Get("Promise").Call("reject", ffi.NewError(msg))
		}))
	}
	return api
}

// resolveDefined settles whenDefined(type) with the interpreter's wrap:
// {type, interpreter, config, run, runAsync}.
func (p *Page) resolveDefined(t script.Type, rt *runtime.Runtime) {
	in := rt.Interp
	wrap := js.Global().Get("Object").New()
	wrap.Set("type", string(t))
	wrap.Set("interpreter", in.Value())
	wrap.Set("config", js.Global().Get("JSON").Call("parse", rt.Config.PythonJSON(t)))
	wrap.Set("run", in.Value().Get("runPython").Call("bind", in.Value()))
	wrap.Set("runAsync", in.Value().Get("runPythonAsync").Call("bind", in.Value()))
	p.defined[t].Call("resolve", wrap)
}
