package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/events"
	"github.com/gopyscript/gopyscript/ffi"
)

// runner owns one type's main-thread interpreter and runs that type's
// scripts in document order. All its work happens on its own goroutine.
type runner struct {
	page  *Page
	typ   script.Type
	queue *Queue[*item]
	rt    *runtime.Runtime
	// wrap is PyScript's view of the interpreter for hooks and whenDefined.
	wrap       js.Value
	hookReport js.Func
	// failure is set when the type cannot run at all (bad config, interpreter
	// that did not load); its scripts then only report done.
	failure string
	// attributesEnabled: event attributes call into this interpreter.
	attributesEnabled bool
}

func newRunner(p *Page, t script.Type) *runner {
	return &runner{page: p, typ: t, queue: NewQueue[*item]()}
}

func (r *runner) loop() {
	cfg := r.page.configs[r.typ]
	var first *item
	if r.typ == script.Game {
		first = r.queue.Pop()
		cfg = r.page.gameRuntimeConfig(first)
	}
	if cfg.Err != nil {
		r.failure = cfg.Err.Error() // already shown when the config was read
	} else {
		r.rt = runtime.New(r.typ, cfg, r.page.baseURL(), false, r.page.host, r.progress)
		r.page.describe(r.rt.Module)
		if err := r.rt.Prepare(); err != nil {
			r.failure = err.Error()
			for _, message := range runtime.Messages(err) {
				r.report(message)
			}
		} else {
			r.autoProxies(cfg)
			r.wrap = r.page.host.Call("makeWrap", string(r.typ), r.rt.Interp.Value(), r.rt.Config.PythonJSON(r.typ))
			r.hookReport = ffi.FuncOf("reporting a hook's error", func(_ js.Value, args []js.Value) any {
				r.report(args[0].String())
				return nil
			})
			r.page.defined[r.typ].Call("resolve", r.wrap)
			r.page.waitForPlugins()
		}
	}
	if first != nil {
		r.process(first)
	}
	for {
		r.process(r.queue.Pop())
		r.enableEventAttributes()
	}
}

// enableEventAttributes lets py-click="handler" attributes (mpy-…) call
// into this interpreter, once the scripts found so far have started and
// defined their handlers.
func (r *runner) enableEventAttributes() {
	if !r.attributesEnabled && r.failure == "" && r.queue.Empty() && r.typ != script.Game {
		r.attributesEnabled = true
		r.page.host.Call("attributesReady", string(r.typ), r.wrap)
	}
}

func (r *runner) progress(message string) { events.DispatchProgress(string(r.typ), message) }

// process runs one element; nothing it does may stop the runner, and the
// element always gets its done event.
func (r *runner) process(it *item) {
	done := func() {
		events.DispatchScript(it.el, string(r.typ), events.Done, false)
		r.page.allDone.Done(it.seq)
	}
	if r.typ == script.Game {
		done = func() {} // PyScript's py-game has no events of its own
	}
	defer func() {
		if rec := recover(); rec != nil {
			r.report("GoPyScript internal error running " + outerHTML(it.el, false) + ": " + ffi.PanicError(rec).Error())
			done()
		}
	}()
	if r.failure != "" {
		done()
		return
	}
	if r.typ == script.Game {
		r.runGame(it)
		return
	}
	if it.el.Call("hasAttribute", "terminal").Bool() {
		// A terminal that cannot be set up is reported; the script still runs.
		if _, err := ffi.Await(r.page.host.Call("terminal", it.el, string(r.typ), r.wrap)); err != nil {
			r.report(ffi.Message(err))
		}
	}
	r.hooks(it.el).Run("onReady", true)
	if it.isScript {
		r.runScript(it, done)
	} else {
		r.runElement(it, done)
	}
}

// hooks are the page's hooks.main for one element.
func (r *runner) hooks(el js.Value) runtime.Hooks {
	return runtime.Hooks{Host: r.page.host, Args: js.ValueOf([]any{r.wrap, el}), Report: r.hookReport.Value}
}

// autoProxies applies experimental_create_proxy = "auto", which only
// Pyodide's main thread needs: MicroPython and workers keep a callable
// alive as long as JS holds it.
func (r *runner) autoProxies(cfg *runtime.Config) {
	auto, err := cfg.AutoProxies()
	if err != nil {
		r.report(err.Error())
	}
	if auto && r.typ.Kind() == script.Py {
		r.page.host.Call("autoProxies", r.rt.Interp.Value())
	}
}
