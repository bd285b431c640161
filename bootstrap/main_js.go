// Command bootstrap is the GoPyScript core compiled to WebAssembly. core.js
// starts it and hands it the loader's host object; it never returns.
package main

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/page"
	"github.com/gopyscript/gopyscript/ffi"
)

func main() {
	shared := js.Global().Get("Reflect").Call("get", js.Global(), js.Global().Get("Symbol").Call("for", "gopyscript"))
	host := shared.Get("host")
	func() {
		defer ffi.Recover("starting the page runtime")
		page.Start(host)
	}()
	// Start resolves the exports itself; after a failure this empty set
	// still lets the page's imports finish instead of hanging.
	host.Call("ready", js.Global().Get("Object").New())
	select {} // keep serving callbacks for the life of the page
}
