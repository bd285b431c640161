package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"

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
	for name, t := range map[string]script.Type{"PyWorker": script.Py, "MPWorker": script.MPy} {
		api.Set(name, ffi.FuncOf(name, func(_ js.Value, args []js.Value) any {
			x, err := p.workerFromOptions(t, arg(args, 0), arg(args, 1))
			if err != nil {
				return js.Global().Get("Promise").Call("reject", ffi.NewError(err.Error()))
			}
			return x.worker.Get("ready")
		}))
	}
	return api
}

// workerFromOptions starts a worker as PyWorker(url, options) does. Unlike
// a script worker it takes no config from the page, and runs its code
// synchronously unless options.async is true, as in PyScript.
func (p *Page) workerFromOptions(t script.Type, url, options js.Value) (*xworker, error) {
	if url.Type() != js.TypeString {
		return nil, runtime.Error("PyWorker needs the URL of the Python file to run")
	}
	src, err := config.Resolve(url.String(), p.baseURL())
	if err != nil {
		return nil, err
	}
	spec := workerSpec{typ: t, src: src} // no element: no id, as in PyScript
	if options.Type() == js.TypeObject {
		switch cfg := options.Get("config"); cfg.Type() {
		case js.TypeString:
			spec.config.Config = cfg.String()
		case js.TypeObject:
			spec.config.Config = js.Global().Get("JSON").Call("stringify", cfg).String()
		}
		spec.async = options.Get("async").Truthy()
		spec.hooks = options.Get("hooks")
		if v := options.Get("version"); v.Type() == js.TypeString {
			spec.version = v.String()
		}
		if v := options.Get("serviceWorker"); v.Type() == js.TypeString {
			if spec.serviceWorker, err = config.Resolve(v.String(), p.baseURL()); err != nil {
				return nil, err
			}
		}
	}
	return p.spawn(spec), nil
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// describe adds the names only the page's pyscript package has to
// `_pyscript`: PyWorker (returning the worker at once) and the named
// workers' registry.
func (p *Page) describe(mod js.Value) {
	mod.Set("PyWorker", ffi.FuncOf("pyscript.PyWorker", func(_ js.Value, args []js.Value) any {
		t := script.Py
		if kind := arg(args, 1).Get("type").String(); kind == "micropython" || kind == "mpy" {
			t = script.MPy
		}
		x, err := p.workerFromOptions(t, arg(args, 0), arg(args, 1))
		if err != nil {
			p.report(t, err.Error())
			return js.Null()
		}
		return x.worker
	}))
	mod.Set("workers", ffi.FuncOf("pyscript.workers", func(_ js.Value, args []js.Value) any {
		return p.namedWorker(arg(args, 0).String()).Get("promise")
	}))
}
