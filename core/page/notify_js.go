package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/script"
)

// errorStyle keeps errors visible on pages that do not include core.css.
const errorStyle = "display:block;white-space:pre-wrap;font-family:ui-monospace,monospace;" +
	"color:#5c0011;background:#fff1f0;border:1px solid #cf1322;border-radius:4px;" +
	"padding:.5em .75em;margin:.5em 0"

// report shows an error of this runner's type: on the console always, on
// the page unless the config turned the error plugin off (plugins = ["!error"]).
func (r *runner) report(text string) { r.page.report(r.typ, text) }

// report shows an error of a script type: on the console always, on the
// page unless that type's config turned the error plugin off.
func (p *Page) report(t script.Type, text string) {
	if p.configs[t].PluginDisabled("error") {
		js.Global().Get("console").Call("error", text)
		return
	}
	notify(text)
}

// notify shows text in a <div class="py-error"> at the end of the body and
// on the console. The text is set as textContent: never parsed as HTML.
func notify(text string) {
	js.Global().Get("console").Call("error", text)
	// notify runs inside recovery paths: if the page's DOM refuses the div
	// (a sabotaged or detached document) the console already has the text.
	defer func() { _ = recover() }()
	doc := js.Global().Get("document")
	div := doc.Call("createElement", "div")
	div.Set("className", "py-error")
	div.Call("setAttribute", "style", errorStyle)
	div.Set("textContent", text)
	body := doc.Get("body")
	if body.IsNull() {
		body = doc.Get("documentElement")
	}
	body.Call("append", div)
}
