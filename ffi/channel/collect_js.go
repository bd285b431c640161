package channel

import (
	"runtime"
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
)

// Every JS object Go holds a js.Value of stays alive in wasm_exec.js's
// table until Go's garbage collector finalizes that js.Value, and Go only
// collects when its own heap grows. A stand-in (proxy or wrapper) that Go
// touched on its way somewhere would then never reach its
// FinalizationRegistry, and the peer would never hear it is gone. So while
// stand-ins are made or called, Go collects once a second, and once more a
// second after the last time.
var (
	placed, placedAtCollection uint64
	collecting                 bool
	collectFunc                js.Func
)

func collectSoon() {
	placed++
	if collecting {
		return
	}
	collecting = true
	placedAtCollection = placed
	if collectFunc.IsUndefined() {
		collectFunc = ffi.FuncOf("collecting garbage", func(js.Value, []js.Value) any {
			runtime.GC()
			if placed == placedAtCollection {
				collecting = false
				return nil
			}
			placedAtCollection = placed
			global.Call("setTimeout", collectFunc, 1000)
			return nil
		})
	}
	global.Call("setTimeout", collectFunc, 1000)
}
