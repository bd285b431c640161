package page

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/events"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/channel"
)

// workerSpec is what starts a worker: from a <script worker> element or
// from PyWorker/MPWorker.
type workerSpec struct {
	typ       script.Type
	el        js.Value // the script element; undefined for PyWorker
	seq       int      // the element's all-done key; 0 when not tracked
	id        string   // py-w0 …: names the lazy target element; "" for PyWorker, as in PyScript
	name      string   // the named-worker registry key, "" for none
	code, src string   // inline code, or the absolute URL of the code
	config    config.Selection
	async     bool
	version   string // PyWorker's `version` option: another interpreter
	// serviceWorker is the absolute URL of the service-worker attribute
	// (PyWorker's serviceWorker option): the way to the page when it is
	// not cross-origin isolated. "" for none.
	serviceWorker string
	// hooks are module URLs whose exports are hooks for this worker only
	// (PyWorker's `hooks` option, or a terminal's); undefined for none.
	hooks js.Value
}

// xworker is the page's side of one running worker.
type xworker struct {
	page    *Page
	spec    workerSpec
	worker  js.Value // the Worker, augmented as PyScript's xworker
	ch      *channel.Page
	ready   js.Value      // Promise.withResolvers(), settled with the worker's code
	target  js.Value      // the lazily created output element
	sync    js.Value      // the page's functions for the worker's pyscript.sync
	opened  chan struct{} // closed once ch is set (or the worker failed first)
	settled bool
	heard   bool // the worker runtime has sent a message: it runs
	// terminated: the Worker was terminated (by the page, or to restart it).
	terminated bool
	interrupt  js.Value  // Pyodide's interrupt buffer, see interruptBuffer
	transport  string    // how the worker reaches the page (channel.Transport*)
	waitFor    js.Value  // a Promise to wait for before starting, see spawn
	funcs      []js.Func // released when the worker is terminated
	// early holds what the page posted before the worker got its start
	// message, which must come first; nil once that is sent.
	early [][]any
}

// callback makes a Go function for JS that lives as long as the worker.
func (x *xworker) callback(where string, fn func(this js.Value, args []js.Value) any) js.Func {
	f := ffi.FuncOf(where, fn)
	x.funcs = append(x.funcs, f)
	return f
}

// spawn starts a worker at once; its channel is opened when channel.js is
// loaded, which only the first worker waits for.
func (p *Page) spawn(spec workerSpec) *xworker {
	x := &xworker{page: p, spec: spec, ready: js.Global().Get("Promise").Call("withResolvers"),
		sync: js.Global().Get("Object").New(), opened: make(chan struct{}), interrupt: interruptBuffer(spec.typ)}
	x.ready.Get("promise").Call("catch", js.Global().Get("Function").Get("prototype")) // shown on the page already
	x.transport = channel.Transport()
	if x.transport == channel.TransportMessages && spec.serviceWorker != "" {
		switch decision := p.host.Call("serviceWorker", spec.serviceWorker); decision.Type() {
		case js.TypeBoolean:
			if decision.Bool() {
				x.transport = channel.TransportServiceWorker
			}
		case js.TypeObject: // the page may reload for it: start only if it does not
			x.waitFor = decision
		}
	}
	if spec.el.Truthy() {
		x.worker = p.host.Call("takeWorker", spec.el) // started early by core.js, with the same choice
	}
	if !x.worker.Truthy() {
		x.worker = p.host.Call("newWorker", x.transport == channel.TransportServiceWorker, spec.label())
	}
	x.augment()
	p.mu.Lock()
	p.workers[x] = true
	p.mu.Unlock()
	ffi.Go("starting worker "+spec.label(), x.start)
	return x
}

// augment gives the Worker what PyScript's xworker has: sync, ready and a
// terminate that also frees what the page lent it.
func (x *xworker) augment() {
	w := x.worker
	define := func(name string, v any) {
		js.Global().Get("Object").Call("defineProperty", w, name, map[string]any{"value": v, "configurable": true})
	}
	define("ready", x.ready.Get("promise"))
	define("transport", x.transport)
	x.early = [][]any{}
	define("postMessage", x.callback("posting to a worker", func(_ js.Value, args []js.Value) any {
		params := anys(args)
		if x.early != nil {
			x.early = append(x.early, params)
		} else {
			x.post(params...)
		}
		return nil
	}))
	define("sync", x.page.host.Call("syncProxy", x.sync, x.callback("calling a worker export", func(_ js.Value, args []js.Value) any {
		name, params := args[0].String(), args[1]
		return ffi.Promise("calling the worker export "+name, func() (any, error) {
			<-x.opened
			if x.ch == nil {
				return nil, runtime.Error("the worker " + x.spec.label() + " did not start")
			}
			return ffi.Await(x.ch.CallExport(name, params))
		})
	})))
	define("terminate", x.callback("terminating a worker", func(this js.Value, _ []js.Value) any {
		js.Global().Get("Worker").Get("prototype").Get("terminate").Call("call", w)
		x.terminated = true
		x.finish("the worker was terminated", false)
		return nil
	}))
	x.stoppers(define)
	// An error the worker did not catch (it reaches onerror by itself): a
	// worker file that failed to load, or an exception thrown outside any
	// script, such as in a timer callback.
	w.Call("addEventListener", "error", x.callback("worker error", func(_ js.Value, args []js.Value) any {
		if ev := args[0]; !ev.Get("gopyscript").Truthy() {
			message := ev.Get("message")
			if message.Type() != js.TypeString {
				message = js.ValueOf("the worker could not be loaded")
			}
			x.page.report(x.spec.typ, "GoPyScript worker "+x.spec.label()+": "+message.String())
			if !x.heard { // it never started: its script will not run
				x.finish(message.String(), true)
			}
		}
		return nil
	}))
}

func (x *xworker) start() {
	defer close(x.opened)
	if x.waitFor.Truthy() {
		// Settled only when the service worker cannot be used: run without it.
		if why, err := ffi.Await(x.waitFor); err == nil && why.Type() == js.TypeString {
			x.page.tellNotIsolated(why.String())
		}
	}
	glue, err := x.page.channelGlue()
	if err != nil {
		x.fail("GoPyScript could not load its worker channel: " + err.Error())
		return
	}
	x.page.waitForPlugins()
	if x.settled {
		return // terminated before it started
	}
	report := x.callback("reporting a hook's error", func(_ js.Value, args []js.Value) any {
		x.page.report(x.spec.typ, args[0].String())
		return nil
	})
	runtime.Hooks{Host: x.page.host, Args: js.ValueOf([]any{nil, x.worker}), Report: report.Value}.Run("onWorker", false)
	if x.spec.el.Truthy() && x.spec.el.Call("hasAttribute", "terminal").Bool() {
		// A terminal that cannot be set up is reported; the script still runs.
		if hooks, err := ffi.Await(x.page.host.Call("terminal", x.spec.el, string(x.spec.typ), x.worker)); err != nil {
			x.page.report(x.spec.typ, ffi.Message(err))
		} else {
			x.spec.hooks = hooks
		}
	}
	x.ch = channel.NewPage(glue, x.page.host.Get("exports"), x.sync)
	if x.transport == channel.TransportServiceWorker {
		x.ch.UseServiceWorker(x.spec.serviceWorker, js.Global().Get("crypto").Call("randomUUID").String())
	}
	x.ch.Control = x.control
	x.ch.Runtime = x.runtimeCall
	start, transfer := x.ch.Start()
	init := map[string]any{
		"type":         string(x.spec.typ),
		"code":         x.spec.code,
		"src":          x.spec.src,
		"config":       x.spec.config.Config,
		"configURL":    x.spec.config.Base,
		"configType":   x.spec.config.Type,
		"configParser": x.spec.config.Parser,
		"pageURL":      x.page.baseURL(),
		"async":        x.spec.async,
		"interpreter":  x.interpreter(),
		"interrupt":    x.interrupt,
		"hooks":        x.page.host.Call("workerHooks", x.spec.hooks),
	}
	msg := map[string]any{"module": x.page.host.Get("module"), "init": init, "start": start}
	x.post(msg, transfer)
	for _, params := range x.early {
		x.post(params...)
	}
	x.early = nil
}

// post is the Worker's own postMessage, which xworker.postMessage shadows.
func (x *xworker) post(params ...any) {
	js.Global().Get("Worker").Get("prototype").Get("postMessage").Call("call", append([]any{x.worker}, params...)...)
}

// interpreter is the default interpreter module for this worker: the
// self-hosted one, or PyWorker's `version`.
func (x *xworker) interpreter() string {
	def := x.page.defaultInterpreter(x.spec.typ)
	if x.spec.version == "" {
		return def
	}
	url, err := config.InterpreterURL(string(x.spec.typ), x.spec.version, x.page.baseURL(), def)
	if err != nil {
		return def
	}
	return url
}

// control handles the worker runtime's messages.
func (x *xworker) control(msg js.Value) {
	x.heard = true
	message := msg.Get("message")
	switch msg.Get("type").String() {
	case "ready":
		if x.spec.el.Truthy() {
			events.DispatchScript(x.spec.el, string(x.spec.typ), events.Ready, true)
		}
	case "progress":
		events.DispatchProgress(string(x.spec.typ), message.String())
	case "stderr":
		x.page.report(x.spec.typ, message.String())
	case "not-isolated":
		x.page.tellNotIsolated(notIsolated())
	case "alive": // it holds the Web Lock named message while it lives
		x.page.glue.Call("onEnd", message, x.worker)
	case "error":
		if msg.Get("fatal").Bool() {
			x.fail(message.String())
		} else {
			x.page.report(x.spec.typ, message.String())
			x.tellOnerror(message.String())
		}
	case "done":
		x.ready.Call("resolve", x.worker)
		x.finish("", true)
	}
}

// fail shows why the worker's script did not run (on the page, unlike
// PyScript, which only logs it), rejects ready and tells onerror.
func (x *xworker) fail(message string) {
	x.page.report(x.spec.typ, message)
	x.ready.Call("reject", x.tellOnerror(message))
	x.finish(message, true)
}

// tellOnerror dispatches an error event with message on the worker (its
// onerror and error listeners hear it) and returns the error.
func (x *xworker) tellOnerror(message string) js.Value {
	err := ffi.NewError(message)
	init := map[string]any{"error": err, "message": message}
	event := js.Global().Get("ErrorEvent").New("error", init)
	event.Set("gopyscript", true)
	x.worker.Call("dispatchEvent", event)
	return err
}

// finish settles the worker's script once: its done event, all-done, the
// named registry. A terminated worker also frees its channel.
func (x *xworker) finish(reason string, running bool) {
	if !running {
		x.close()
	}
	if x.settled {
		return
	}
	x.settled = true
	if reason != "" {
		x.ready.Call("reject", ffi.NewError(reason))
	}
	if x.spec.el.Truthy() {
		events.DispatchScript(x.spec.el, string(x.spec.typ), events.Done, true)
	}
	if x.spec.seq != 0 {
		x.page.allDone.Done(x.spec.seq)
	}
	if x.spec.name != "" {
		named := x.page.namedWorker(x.spec.name)
		if reason != "" {
			named.Call("reject", ffi.NewError(reason))
		} else {
			named.Call("resolve", x.worker.Get("sync"))
		}
	}
}

// close frees what the page holds for a terminated worker: its channel
// (and so every page object it was lent) and its Go callbacks.
func (x *xworker) close() {
	x.page.host.Call("closeSync", x.sync)
	if x.ch != nil {
		x.ch.Close()
	}
	for _, f := range x.funcs {
		f.Release()
	}
	x.funcs = nil
	x.page.mu.Lock()
	delete(x.page.workers, x)
	x.page.mu.Unlock()
}

// runtimeCall answers the worker runtime's own synchronous calls.
func (x *xworker) runtimeCall(name string, args []js.Value) js.Value {
	switch name {
	case "target":
		return js.ValueOf(x.targetID())
	case "script": // polyscript.currentScript: the worker's element, null for PyWorker
		if x.spec.el.Truthy() {
			return x.spec.el
		}
		return js.Null()
	case "evaluate": // polyscript.ffi.evaluate(source, args…): the function runs on the page
		fn := js.Global().Call("Function", "return ("+args[0].String()+")").Invoke()
		return fn.Invoke(anys(args[1:])...)
	case "import":
		return x.page.host.Call("importAll", anys(args)...)
	case "module": // a js_modules.main entry: url, css
		if args[1].Bool() {
			return runtime.Stylesheet(args[0].String())
		}
		return x.page.host.Call("import", args[0])
	case "gather": // pyscript.ffi.gather(object, paths…): all in one round trip
		values := js.Global().Get("Array").New(len(args) - 1)
		for i, path := range args[1:] {
			values.SetIndex(i, valueAt(args[0], path.String()))
		}
		return x.page.glue.Call("copied", values)
	case "query": // pyscript.ffi.query(object, path)
		return valueAt(args[0], args[1].String())
	case "input": // input(prompt) in the worker: from its terminal, else window.prompt
		return x.page.host.Call("input", x.worker, args[0])
	case "assign": // pyscript.ffi.assign(pageObject, sources…): sources came by value
		js.Global().Get("Object").Call("assign", anys(args)...)
		return js.Undefined()
	case "build": // pyscript.web's new elements, made in one call (lib/web-build.js)
		return x.page.glue.Call("copied", x.page.glue.Call("build", args[0], args[1]))
	case "fs": // pyscript.fs.mount: path, key, id, mode, root → a Promise of the grant
		return x.page.host.Call("fsGrant", anys(args)...)
	}
	panic(js.Error{Value: ffi.NewError("GoPyScript: unknown runtime call " + name)})
}

// anys is values as Call's arguments.
func anys(values []js.Value) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = v
	}
	return out
}

// valueAt reads a dotted path ("dataset.count") from v; null when a step
// finds nothing (MicroPython keeps undefined apart from None).
func valueAt(v js.Value, path string) js.Value {
	for _, key := range strings.Split(path, ".") {
		switch v.Type() {
		case js.TypeUndefined, js.TypeNull:
			return js.Null()
		case js.TypeObject, js.TypeFunction:
		default: // a primitive's properties ("text.length") are its wrapper's
			v = js.Global().Get("Object").Invoke(v)
		}
		v = v.Get(key)
	}
	if v.IsUndefined() {
		return js.Null()
	}
	return v
}

// targetID creates the worker's output element on first use, as PyScript
// does: a <script-TYPE id="ID-target"> right after the script element
// (a <py-script worker> element is its own target).
func (x *xworker) targetID() string {
	if x.target.Truthy() {
		return x.target.Get("id").String()
	}
	el := x.spec.el
	if !el.Truthy() {
		return ""
	}
	if el.Get("localName").String() != "script" {
		el.Call("replaceChildren")
		el.Get("style").Set("display", "block")
		x.target = el
		return x.spec.id
	}
	x.target = x.page.doc.Call("createElement", "script-"+string(x.spec.typ))
	x.target.Set("id", x.spec.id+"-target")
	el.Call("after", x.target)
	return x.spec.id + "-target"
}

// channelGlue loads channel.js once for all workers (core.js starts that
// early on pages with worker scripts).
func (p *Page) channelGlue() (js.Value, error) {
	p.glueOnce.Do(func() {
		loading := p.host.Get("glue")
		if !loading.Truthy() {
			loading = p.host.Call("import", p.host.Get("channelURL"))
		}
		p.glue, p.glueErr = ffi.Await(loading)
	})
	return p.glue, p.glueErr
}

// namedWorker is the registry entry of a named worker: a Promise of its
// xworker.sync, settled when its code has run (created on first use, by
// the worker or by code awaiting it).
func (p *Page) namedWorker(name string) js.Value {
	p.mu.Lock()
	defer p.mu.Unlock()
	if entry, ok := p.named[name]; ok {
		return entry
	}
	entry := js.Global().Get("Promise").Call("withResolvers")
	p.named[name] = entry
	return entry
}

// startScriptWorker starts the worker of a <script type=… worker> or
// <py-script worker> element, with PyScript's errors for bad attributes.
func (p *Page) startScriptWorker(it *item) {
	el := it.el
	done := func(message string) {
		p.report(it.typ, message)
		events.DispatchScript(el, string(it.typ), events.Done, true)
		p.allDone.Done(it.seq)
	}
	text := inlineCode(el, it.typ)
	src := attr(el, "src")
	switch {
	case attr(el, "worker") != "" || (el.Call("hasAttribute", "src").Bool() && src == ""):
		p.dropEarlyWorker(el)
		done(script.InvalidWorker(outerHTML(el, false)))
		return
	case src != "" && script.HasCode(text):
		p.dropEarlyWorker(el)
		done(script.InvalidContent(outerHTML(el, true)))
		return
	}
	spec := workerSpec{
		typ:   it.typ,
		el:    el,
		seq:   it.seq,
		id:    el.Get("id").String(),
		name:  attr(el, "name"),
		code:  script.Dedent(text),
		async: !script.IsSync(attr(el, "async"), el.Call("hasAttribute", "async").Bool()),
	}
	if spec.id == "" { // as in PyScript, the element takes the id
		spec.id = p.nextWorkerID(it.typ)
		el.Set("id", spec.id)
	}
	if src != "" {
		abs, err := config.Resolve(src, p.baseURL())
		if err != nil {
			done(err.Error())
			return
		}
		spec.code, spec.src = "", abs
	}
	if sw := attr(el, "service-worker"); sw != "" {
		url, err := config.Resolve(sw, p.baseURL())
		if err != nil {
			done(err.Error())
			return
		}
		spec.serviceWorker = url
	}
	// As in PyScript: the worker's own config, else the page's (a broken
	// one is handed on as written, for the worker to say why too).
	if own := attr(el, "config"); own != "" {
		spec.config = config.Selection{Config: own, Parser: attr(el, "config-parser")}
	} else if shared, ok := p.shared[it.typ]; ok {
		spec.config = shared
	} else if chosen, err := p.selectConfig(it.typ); err == nil {
		spec.config = chosen
	}
	x := p.spawn(spec)
	exposeWorker(el, x.worker)
	// As in PyScript, whenDefined(type) also settles with the first
	// worker script of the type, when it is created first.
	p.defined[it.typ].Call("resolve", map[string]any{"type": string(it.typ), "xworker": x.worker})
}

// dropEarlyWorker ends the worker core.js started for a script that will
// not run.
func (p *Page) dropEarlyWorker(el js.Value) {
	if w := p.host.Call("takeWorker", el); w.Truthy() {
		w.Call("terminate")
	}
}

// nextWorkerID hands out PyScript's worker ids: py-w0, mpy-w1 … with one
// counter across types (see workerOrder for the order).
func (p *Page) nextWorkerID(t script.Type) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	id := string(t) + "-w" + strconv.Itoa(p.workerCount)
	p.workerCount++
	return id
}

// label is how messages name the worker: its id, else (a PyWorker) its file.
func (s workerSpec) label() string {
	if s.id != "" {
		return s.id
	}
	return s.src
}
