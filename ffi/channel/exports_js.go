package channel

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/wire"
)

// The hot path enters Go through wasm exports, not js.FuncOf: an export is
// a plain call into the module (tens of nanoseconds), a FuncOf call a trip
// through Go's scheduler (~10 µs in Chromium). An export must never block
// or yield: no channel operation, no Await, no lock another goroutine may
// hold, no runtime.Gosched (tried: under load it corrupted what a request
// saw); the runtime would return to JS mid-call, or run another goroutine
// on top of the export's frames.

// gpsServe answers the request of length bytes of the worker served by the
// page end at index (page side). It returns the length of the response it
// wrote, or -1 when the answer comes later (a Promise to settle first).
//
//go:wasmexport gps_serve
func gpsServe(index, length int32) (written int32) {
	if index < 0 || int(index) >= len(pages) || pages[index] == nil {
		return -1
	}
	p := pages[index]
	defer func() {
		// -1 would mean "answered later": the worker would wait for good.
		if r := recover(); r != nil {
			err := ffi.PanicError(r)
			ffi.PanicReporter("answering a worker", err)
			written = int32(p.respond(resultThrown, wire.ErrorValue("Error", "GoPyScript internal error: "+err.Error(), "")))
		}
	}()
	return int32(p.serve(int(length)))
}

// gpsInvoke calls worker function id for one of its wrappers on the page
// at index (page side): count values (this, the arguments) in the glue's io,
// the Promise of the result left in io[0] when answer is 1.
//
//go:wasmexport gps_invoke
func gpsInvoke(index, id, count, answer int32) {
	defer ffi.Recover("calling a worker function")
	if index >= 0 && int(index) < len(pages) && pages[index] != nil {
		pages[index].invoke(uint32(id), int(count), answer == 1)
	}
}

// gpsRequest writes a proxy trap's request (count operands in host.io) into
// the shared buffer and returns its length (worker side), or -1 with the
// error to throw in io[0]. The glue then signals the page and waits.
//
//go:wasmexport gps_request
func gpsRequest(op, target, count int32) (length int32) {
	defer recoverInto(&length)
	return int32(theWorker.request(uint8(op), uint32(target), int(count)))
}

// gpsResponse reads the page's response of length bytes into io[0] and
// returns 1 for a result, 0 for an exception to throw (-1: the page stopped
// answering).
//
//go:wasmexport gps_response
func gpsResponse(length int32) (ok int32) {
	defer recoverInto(&ok)
	if theWorker.response(int(length)) {
		return 1
	}
	return 0
}

// recoverInto turns a panic in a worker export into an error for the trap
// to throw, and a failure result.
func recoverInto(result *int32) {
	if r := recover(); r != nil {
		err := ffi.PanicError(r)
		ffi.PanicReporter("a request to the page", err)
		theWorker.io.SetIndex(0, js.Global().Get("Error").New("GoPyScript internal error: "+err.Error()))
		*result = -1
	}
}
