// Command bootstrap is the GoPyScript core compiled to WebAssembly. The page
// runs it from core.js, a worker from worker.js, with the same binary: it
// looks at where it runs and starts the page runtime or the worker runtime.
// It never returns.
package main

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/page"
	"github.com/gopyscript/gopyscript/core/worker"
	"github.com/gopyscript/gopyscript/ffi"
)

func main() {
	shared := js.Global().Get("Reflect").Call("get", js.Global(), js.Global().Get("Symbol").Call("for", "gopyscript"))
	host := shared.Get("host")
	if js.Global().Get("document").IsUndefined() {
		func() {
			defer ffi.Recover("starting the worker runtime")
			worker.Start(host)
		}()
		select {}
	}
	func() {
		defer ffi.Recover("starting the page runtime")
		page.Start(host)
	}()
	// Start resolves the exports itself; after a failure this empty set
	// still lets the page's imports finish instead of hanging.
	host.Call("ready", js.Global().Get("Object").New())
	select {} // keep serving callbacks for the life of the page
}
