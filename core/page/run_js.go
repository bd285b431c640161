package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/events"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/hack-pad/safejs"
)

// runScript handles <script type="py|mpy">: target, ready, code, done.
func (r *runner) runScript(it *item, done func()) {
	el := it.el
	if srcWithCode(el) {
		r.rejectContent(el, done)
		return
	}
	target := r.target(el)
	js.Global().Get("Object").Call("defineProperty", el, "target", map[string]any{"value": target})
	events.DispatchScript(el, string(r.typ), events.Ready, false)

	code, err := it.code()
	if err != nil {
		r.report(err.Error())
		done()
		return
	}
	r.execute(it, target.Get("id").String(), code, done)
}

// code is a <script>'s code: what its src fetched, else its own text,
// dedented.
func (it *item) code() (string, error) {
	if it.src != nil {
		return it.src.Text()
	}
	return script.Dedent(it.el.Get("textContent").String()), nil
}

// runElement handles the legacy <py-script> element, which is its own target.
func (r *runner) runElement(it *item, done func()) {
	el := it.el
	if srcWithCode(el) {
		r.rejectContent(el, done)
		return
	}
	var code string
	switch {
	case it.src != nil:
		var err error
		if code, err = it.src.Text(); err != nil {
			r.report(err.Error())
		}
	default:
		code = inlineCode(el, r.typ)
	}
	el.Call("replaceChildren")
	el.Get("style").Set("display", "block")
	if el.Get("id").String() == "" {
		el.Set("id", r.page.nextID(r.typ))
	}
	events.DispatchScript(el, string(r.typ), events.Ready, false)
	r.execute(it, el.Get("id").String(), script.Dedent(code), done)
}

// srcWithCode says whether a script element has both a src and code of its
// own, which PyScript refuses to run.
func srcWithCode(el js.Value) bool {
	return attr(el, "src") != "" && script.HasCode(el.Get("textContent").String())
}

// rejectContent reports PyScript's error for srcWithCode; the element gets
// no output target and its done event still fires.
func (r *runner) rejectContent(el js.Value, done func()) {
	r.report(script.InvalidContent(outerHTML(el, true)))
	done()
}

// inlineCode is the code written inside a script element. A <py-script>
// with child elements had its code parsed as HTML: it is unescaped, with
// PyScript's deprecation warning.
func inlineCode(el js.Value, t script.Type) string {
	if el.Get("localName").String() == "script" || el.Get("childElementCount").Int() == 0 {
		return el.Get("textContent").String()
	}
	code := script.UnescapeHTML(el.Get("innerHTML").String())
	js.Global().Get("console").Call("warn",
		`Deprecated: use <script type="`+string(t)+`"> for an always safe content parsing:`+"\n", code)
	return code
}

// execute runs code with the element as document.currentScript. Async code
// is started and left running, so the next script starts at its first
// await, as in PyScript; done fires when it settles.
func (r *runner) execute(it *item, targetID, code string, done func()) {
	r.rt.Module.Set("target", targetID)
	r.rt.Module.Set("script", it.el) // polyscript.currentScript
	setCurrentScript(it.el)
	finish := func(err error) {
		if err != nil {
			r.report(runtime.PythonError(err))
		}
		clearCurrentScript(it.el)
		done()
	}
	sync := script.IsSync(attr(it.el, "async"), it.el.Call("hasAttribute", "async").Bool())
	if !sync && r.typ == script.MPy { // sync scripts have it from hooks.main.codeBeforeRun
		if err := r.rt.Interp.Run(mainThreadInput); err != nil {
			finish(err)
			return
		}
	}
	wait, running := r.rt.RunHooked(r.hooks(it.el), code, sync)
	if !running { // an error before the code could start shows before the next script runs
		finish(wait())
		return
	}
	ffi.Go("awaiting "+string(r.typ)+" script", func() { finish(wait()) })
}

// target is the element display() writes to: the `target` attribute's
// element, else a new <script-py> right after the script (or in the body
// when the script sits in <head>).
func (r *runner) target(el js.Value) js.Value {
	if want := attr(el, "target"); want != "" {
		if found := queryTarget(el, want); found.Truthy() {
			r.ensureID(found)
			return found
		}
		r.report("Unknown target " + want + " for " + outerHTML(el, false) + ": showing output right after the script instead")
	}
	show := r.page.doc.Call("createElement", "script-py")
	if r.page.doc.Get("head").Call("contains", el).Bool() {
		r.page.doc.Get("body").Call("append", show)
	} else {
		el.Call("after", show)
	}
	r.ensureID(show)
	return show
}

func (r *runner) ensureID(el js.Value) {
	if el.Get("id").String() == "" {
		el.Set("id", r.page.nextID(r.typ))
	}
}

// queryTarget looks an id up first, then a CSS selector, in the script's
// own root (document or shadow root). A bad selector finds nothing.
func queryTarget(el js.Value, want string) js.Value {
	root := el.Call("getRootNode")
	if root.Get("getElementById").Truthy() {
		if found := root.Call("getElementById", want); found.Truthy() {
			return found
		}
	}
	found, err := safejs.Safe(root).Call("querySelector", want)
	if err != nil {
		return js.Null()
	}
	return safejs.Unsafe(found)
}

func setCurrentScript(el js.Value) {
	js.Global().Get("Object").Call("defineProperty", js.Global().Get("document"), "currentScript",
		map[string]any{"value": el, "configurable": true})
}

// clearCurrentScript restores the browser's own document.currentScript,
// unless a later script has already taken it over.
func clearCurrentScript(el js.Value) {
	doc := js.Global().Get("document")
	if doc.Get("currentScript").Equal(el) {
		js.Global().Get("Reflect").Call("deleteProperty", doc, "currentScript")
	}
}

// outerHTML of the element, with or without its content.
func outerHTML(el js.Value, deep bool) string {
	return el.Call("cloneNode", deep).Get("outerHTML").String()
}
