package channel

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
)

// The hot path enters Go through wasm exports, not js.FuncOf: an export is
// a plain call into the module (tens of nanoseconds), a FuncOf call a trip
// through Go's scheduler (~10 µs in Chromium). An export must never block:
// no channel operation, no Await, no lock another goroutine may hold; if it
// did, the runtime would return to JS mid-call with a garbage result.

// gpsServe answers the pending request of the worker served by the page
// end at index (page side).
//
//go:wasmexport gps_serve
func gpsServe(index int32) {
	defer ffi.Recover("answering a worker")
	serveRequest(index)
}

// gpsRequest sends a proxy trap's request to the page and waits for the
// answer (worker side). The operands and the result travel in host.io; it
// returns 1 for a result, 0 for an exception to throw.
//
//go:wasmexport gps_request
func gpsRequest(op, target int32) (ok int32) {
	defer func() {
		if r := recover(); r != nil {
			err := ffi.PanicError(r)
			ffi.PanicReporter("a request to the page", err)
			theWorker.io.SetIndex(0, js.Global().Get("Error").New("GoPyScript internal error: "+err.Error()))
			ok = 0
		}
	}()
	if theWorker.request(uint8(op), uint32(target)) {
		return 1
	}
	return 0
}
