package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/events"
	"github.com/gopyscript/gopyscript/ffi"
)

// runner owns one type's interpreter and runs that type's scripts in
// document order. All its work happens on its own goroutine.
type runner struct {
	page   *Page
	typ    script.Type
	queue  *Queue[*item]
	interp *interp.Interpreter
	module js.Value // the `_pyscript` JS module seen by the pyscript package
	// failure is set when the type cannot run at all (bad config, interpreter
	// that did not load); its scripts then only report done.
	failure string
}

func newRunner(p *Page, t script.Type) *runner {
	return &runner{page: p, typ: t, queue: NewQueue[*item]()}
}

func (r *runner) loop() {
	cfg := r.page.configs[r.typ]
	if cfg.err != nil {
		r.failure = cfg.err.Error() // already shown when the config was read
	} else if err := r.prepare(cfg); err != nil {
		r.failure = err.Error()
		r.report(r.failure)
	}
	for {
		r.process(r.queue.Pop())
	}
}

// prepare loads the interpreter the config names, installs the pyscript
// package and sets up the config's files, js_modules and packages, once.
func (r *runner) prepare(cfg *typeConfig) error {
	plan, err := r.plan(cfg)
	if err != nil {
		return err
	}
	name := r.typ.DisplayName()
	r.progress("Loading " + name)
	in, err := interp.Load(r.page.host, r.typ, cfg.interpreterURL, plan.options)
	if err != nil {
		return err
	}
	r.interp = in
	if plan.debug && r.typ == script.Py {
		in.Value().Call("setDebug", true)
	}
	if r.module, err = installPyScript(in, cfg, r.page.host.Get("importAll")); err != nil {
		return err
	}
	if err := r.setup(plan); err != nil {
		return err
	}
	r.progress("Loaded " + name)
	r.page.resolveDefined(r.typ, in, cfg)
	return nil
}

func (r *runner) progress(message string) { events.DispatchProgress(string(r.typ), message) }

// process runs one element; nothing it does may stop the runner, and the
// element always gets its done event.
func (r *runner) process(it *item) {
	done := func() {
		events.DispatchScript(it.el, string(r.typ), events.Done, false)
		r.page.allDone.Done(it.seq)
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
	if it.isScript {
		r.runScript(it, done)
	} else {
		r.runElement(it, done)
	}
}
