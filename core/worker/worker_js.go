// Package worker is the runtime inside a Web Worker: it runs one script
// with the same runtime as the page (config, files, packages, js_modules,
// running code) and tells the page what happens, so the page can fire the
// script's events and show its errors.
package worker

import (
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/channel"
)

// worker is the one script this worker runs.
type worker struct {
	host js.Value // worker.js's host object
	init js.Value // what the page sent: type, code or src, config …
	ch   *channel.Worker
	rt   *runtime.Runtime
	// exports are the functions the page may call by name: assigned to
	// pyscript.sync, or listed in __export__ once the code has run.
	exports  map[string]js.Value
	finished chan struct{} // closed when the code has run
}

// Start runs the worker's script once the page has sent it; it returns at
// once and the work goes on in a goroutine.
func Start(host js.Value) {
	ffi.Go("starting the worker", func() {
		started, err := ffi.Await(host.Get("started"))
		if err != nil {
			panic(err)
		}
		start(host, started)
	})
}

func start(host, started js.Value) {
	runtime.FetchThrough(host)
	w := &worker{host: host, init: started.Get("init"), exports: map[string]js.Value{}, finished: make(chan struct{})}
	w.ch = channel.NewWorker(host.Get("glue"), host, started.Get("start"))
	ffi.PanicReporter = func(where string, err error) {
		w.fail("GoPyScript internal error in the worker, in "+where+": "+err.Error(), false)
	}
	w.ch.Export = w.export
	w.ch.Failed = func(err error) { w.fail(runtime.PythonError(err), false) }
	host.Set("stderr", ffi.FuncOf("worker stderr", func(_ js.Value, args []js.Value) any {
		w.post(map[string]any{"type": "stderr", "message": args[0].String()})
		return nil
	}))
	host.Set("synchronous", w.ch.Synchronous())
	host.Get("xworker").Set("transport", w.ch.Transport())
	host.Set("callAsync", ffi.FuncOf("calling the page", func(_ js.Value, args []js.Value) any {
		items := make([]js.Value, args[2].Length())
		for i := range items {
			items[i] = args[2].Index(i)
		}
		return w.ch.CallAsync(args[0].Bool(), args[1].String(), items)
	}))
	host.Set("exportFunction", ffi.FuncOf("exporting a worker function", func(_ js.Value, args []js.Value) any {
		w.exports[args[0].String()] = w.ch.Keep(args[1])
		return nil
	}))
	ffi.Go("the worker's script", w.run)
}

func (w *worker) post(msg map[string]any) { w.ch.Post(js.ValueOf(msg)) }

// fail reports an error to the page; fatal means the script cannot run.
func (w *worker) fail(message string, fatal bool) {
	w.post(map[string]any{"type": "error", "message": message, "fatal": fatal})
}

func (w *worker) run() {
	defer close(w.finished)
	t := script.Type(w.init.Get("type").String())
	pageURL := w.init.Get("pageURL").String()
	chosen := config.Selection{Config: w.init.Get("config").String(), Type: w.init.Get("configType").String(),
		Parser: w.init.Get("configParser").String(), Base: w.init.Get("configURL").String()}
	cfg := runtime.LoadConfig(t, chosen, pageURL, w.init.Get("interpreter").String(), w.host)
	if cfg.Err != nil {
		w.fail(cfg.Err.Error(), true)
		return
	}
	// The page says once what a worker cannot do without a shared buffer,
	// unless the config says the worker only needs awaitable calls.
	if quiet, _ := cfg.SyncMainOnly(); !w.ch.Synchronous() && !quiet {
		w.post(map[string]any{"type": "not-isolated"})
	}
	w.rt = runtime.New(t, cfg, pageURL, true, w.host, func(message string) {
		w.post(map[string]any{"type": "progress", "message": message})
	})
	w.describe(w.rt.Module)
	if err := w.rt.Prepare(); err != nil {
		messages := runtime.Messages(err)
		for i, message := range messages {
			w.fail(message, i == len(messages)-1)
		}
		return
	}
	w.host.Call("adopt", string(t), w.rt.Interp.Value())
	if err := w.installInput(w.rt.Module); err != nil {
		w.fail(err.Error(), true)
		return
	}
	if signals := w.init.Get("interrupt"); signals.Truthy() {
		w.rt.Interp.Value().Call("setInterruptBuffer", signals) // the page's xworker.interrupt()
	}
	w.ch.Interpreter(w.host.Get("keep"), w.host.Get("drop"), w.host.Get("toJs"))
	code := w.init.Get("code").String()
	if src := w.init.Get("src"); src.Truthy() {
		var err error
		if code, err = runtime.StartDownload(src.String()).Text(); err != nil {
			w.fail(err.Error(), true)
			return
		}
	}
	hooks := w.hooks(t, cfg)
	hooks.Run("onReady", true)
	w.post(map[string]any{"type": "ready"})
	wait, _ := w.rt.RunHooked(hooks, code, !w.init.Get("async").Bool())
	if err := wait(); err != nil {
		w.fail(runtime.PythonError(err), true)
		return
	}
	w.collectExports()
	w.post(map[string]any{"type": "done"})
}

// hooks are the page's hooks.worker, rebuilt here, called with (wrap,
// xworker); their errors go to the page without stopping the script.
func (w *worker) hooks(t script.Type, cfg *runtime.Config) runtime.Hooks {
	report := ffi.FuncOf("reporting a worker hook's error", func(_ js.Value, args []js.Value) any {
		w.fail(args[0].String(), false)
		return nil
	})
	if _, err := ffi.Await(w.host.Call("reviveHooks", w.init.Get("hooks"), report)); err != nil {
		w.fail("GoPyScript could not set up hooks.worker: "+ffi.Message(err), false)
	}
	wrap := w.host.Call("makeWrap", string(t), w.rt.Interp.Value(), cfg.PythonJSON(t))
	return runtime.Hooks{Host: w.host, Args: js.ValueOf([]any{wrap, w.host.Get("xworker")}), Report: report.Value}
}

// describe adds what only a worker's pyscript package has to `_pyscript`.
func (w *worker) describe(mod js.Value) {
	xworker := w.host.Get("xworker")
	xworker.Set("window", w.ch.Window())
	mod.Set("xworker", xworker)
	mod.Set("window", w.ch.Window())
	mod.Set("sync", xworker.Get("sync"))
	mod.Set("synchronous", w.ch.Window().Truthy())
	mod.Set("runtime", w.host.Get("runtime"))
	mod.Set("sync_call", w.host.Get("syncCall"))
	mod.Set("on_page", ffi.FuncOf("on_page", func(_ js.Value, args []js.Value) any {
		return len(args) > 0 && w.ch.OnPage(args[0])
	}))
	mod.Set("js_import", w.host.Get("jsImport"))
	mod.Set("stats", ffi.FuncOf("worker stats", func(js.Value, []js.Value) any {
		lent, borrowed := w.ch.Stats()
		return map[string]any{"lent": lent, "borrowed": borrowed}
	}))
}

// collectExports adds the functions named in __export__ to the exports.
// An __export__ that is not a list of names, or a name that is not a
// function, is reported once on the page; the page's calls to a name that
// is not exported reject.
func (w *worker) collectExports() {
	globals := w.rt.Interp.Value().Get("globals")
	names := globals.Call("get", "__export__")
	if !names.Truthy() {
		return
	}
	names = w.host.Call("toJs", names)
	str := js.Global().Get("String")
	if !js.Global().Get("Array").Call("isArray", names).Bool() {
		w.fail("__export__ must be a list of function names, not "+str.Invoke(names).String(), false)
		return
	}
	var missing []string
	for i := 0; i < names.Length(); i++ {
		name := str.Invoke(names.Index(i)).String()
		if fn := globals.Call("get", name); names.Index(i).Type() == js.TypeString && fn.Type() == js.TypeFunction {
			w.exports[name] = w.ch.Keep(fn)
		} else {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		w.fail("__export__ lists what the worker's script does not define as a function: "+strings.Join(missing, ", "), false)
	}
}

// export finds the function the page calls by name, waiting for the code
// to finish when the name may still come from __export__.
func (w *worker) export(name string) (js.Value, bool) {
	if fn, ok := w.exports[name]; ok {
		return fn, true
	}
	<-w.finished
	fn, ok := w.exports[name]
	return fn, ok
}
