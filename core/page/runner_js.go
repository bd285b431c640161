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
		notify(r.failure)
	}
	for {
		r.process(r.queue.Pop())
	}
}

// prepare loads the interpreter named by the config and installs the
// pyscript package into it, once.
func (r *runner) prepare(cfg *typeConfig) error {
	name := r.typ.DisplayName()
	events.DispatchProgress(string(r.typ), "Loading "+name)
	url := cfg.interpreterURL
	if url == "" {
		url = r.page.host.Get("interpreters").Get(string(r.typ)).String()
	}
	in, err := interp.Load(r.page.host, r.typ, url)
	if err != nil {
		return err
	}
	r.interp = in
	if r.module, err = installPyScript(in, cfg, r.page.host.Get("importAll")); err != nil {
		return err
	}
	events.DispatchProgress(string(r.typ), "Loaded "+name)
	r.page.resolveDefined(r.typ, in, cfg)
	return nil
}

// process runs one element; nothing it does may stop the runner, and the
// element always gets its done event.
func (r *runner) process(it *item) {
	done := func() {
		events.DispatchScript(it.el, string(r.typ), events.Done, false)
		r.page.allDone.Done(it.seq)
	}
	defer func() {
		if rec := recover(); rec != nil {
			notify("GoPyScript internal error running " + outerHTML(it.el, false) + ": " + ffi.PanicError(rec).Error())
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
