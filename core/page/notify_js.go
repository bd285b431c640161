package page

import (
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/hints"
	"github.com/gopyscript/gopyscript/core/script"
)

// errorStyle keeps errors visible on pages that do not include core.css.
const errorStyle = "display:block;white-space:pre-wrap;font-family:ui-monospace,monospace;" +
	"color:#5c0011;background:#fff1f0;border:1px solid #cf1322;border-radius:4px;" +
	"padding:.5em .75em;margin:.5em 0"

// report shows an error of this runner's type: on the console always, on
// the page unless the config turned the error plugin off (plugins = ["!error"]).
// The type's terminal, when the page has one, shows it too.
func (r *runner) report(text string) {
	r.page.host.Call("terminalError", string(r.typ), text)
	r.page.report(r.typ, text)
}

// report shows an error of a script type: on the console always, on the
// page unless that type's config turned the error plugin off.
func (p *Page) report(t script.Type, text string) {
	text = explain(text)
	if c := p.configs[t]; c != nil && c.PluginDisabled("error") {
		js.Global().Get("console").Call("error", text)
		return
	}
	notify(text)
}

// noticeStyle is errorStyle's, in amber: something works less than it could.
const noticeStyle = "display:block;white-space:pre-wrap;font-family:ui-monospace,monospace;" +
	"color:#613400;background:#fffbe6;border:1px solid #d48806;border-radius:4px;" +
	"padding:.5em .75em;margin:.5em 0"

// notify shows text in a <div class="py-error"> at the end of the body and
// on the console. The text is set as textContent: never parsed as HTML.
func notify(text string) { show(explain(text), "py-error", errorStyle, "error") }

// explain adds the hint for a common error (see package hints) after a
// blank line, once.
func explain(text string) string {
	hint := hints.For(text)
	if hint == "" || strings.HasSuffix(text, hint) {
		return text
	}
	return strings.TrimRight(text, "\n") + "\n\n" + hint
}

// show puts text in a div of class and style at the end of the body and
// logs it with the console's method.
func show(text, class, style, method string) {
	js.Global().Get("console").Call(method, text)
	// show runs inside recovery paths: if the page's DOM refuses the div
	// (a sabotaged or detached document) the console already has the text.
	defer func() { _ = recover() }()
	doc := js.Global().Get("document")
	div := doc.Call("createElement", "div")
	div.Set("className", class)
	div.Call("setAttribute", "style", style)
	div.Set("textContent", text)
	body := doc.Get("body")
	if body.IsNull() {
		body = doc.Get("documentElement")
	}
	body.Call("append", div)
}

// notIsolatedNotice says what workers cannot do on a page that is not
// cross-origin isolated, and the two ways to fix it.
const notIsolatedNotice = "GoPyScript: this page is not cross-origin isolated, so Python in a worker " +
	"cannot reach the page synchronously: `window` and `document` are not available there, " +
	"`pyscript.sync` calls return awaitables (await them) and `input()` does not work. " +
	"To fix it, serve the page with the headers `Cross-Origin-Opener-Policy: same-origin` and " +
	"`Cross-Origin-Embedder-Policy: require-corp` (or `credentialless`), or add the `data-coi-sw` " +
	"attribute to the script tag that loads core.js (GoPyScript's service worker then adds them, " +
	"after one reload). A worker that only needs awaitable calls can say so with " +
	"`sync_main_only = true` in its config, which silences this notice."

// noSharedMemoryNotice replaces notIsolatedNotice on a page that is
// isolated in a browser that still gives it no SharedArrayBuffer
// (WebKitGTK without JSC_useSharedArrayBuffer=1).
const noSharedMemoryNotice = "GoPyScript: this page is cross-origin isolated, but this browser gives it no " +
	"SharedArrayBuffer, so Python in a worker cannot reach the page synchronously: `window` and `document` " +
	"are not available there, `pyscript.sync` calls return awaitables (await them) and `input()` does not work."

// notIsolated is the notice for a worker on the messages transport.
func notIsolated() string {
	if js.Global().Get("crossOriginIsolated").Truthy() {
		return noSharedMemoryNotice
	}
	return notIsolatedNotice
}

// tellNotIsolated shows why workers cannot reach the page synchronously,
// once per page: the first reason given (core.js knows why data-coi-sw or
// a service-worker attribute did not help), else notIsolatedNotice.
func (p *Page) tellNotIsolated(why string) {
	p.notIsolatedOnce.Do(func() { show(why, "py-notice", noticeStyle, "warn") })
}
