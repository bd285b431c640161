// Package channel connects a worker's Python to the page: the worker's
// proxies of page objects, the page's wrappers of worker functions, and the
// two transports between them.
//
// Worker → page calls are synchronous. The worker writes a request frame
// (package wire) into a SharedArrayBuffer, bumps the request counter,
// notifies, and blocks in Atomics.wait until the page has written the
// response and set the response flag. The page never blocks: it watches the
// counter with Atomics.waitAsync and serves each request through a wasm
// export, a JS→Go call that needs no goroutine switch (a js.FuncOf call
// costs ~10 µs of scheduling; a wasm export is a plain call).
//
// Page → worker calls (a worker function used as an event listener, a
// worker export called from the page) are asynchronous messages over a
// MessagePort, answered by a Result message.
//
// Objects cross by id. Each side lends its own objects (handles.Lent) and
// keeps one proxy per borrowed id (handles.Borrowed); a proxy's finalizer
// sends a Release message with the number of times it was received.
package channel

// The SharedArrayBuffer starts with six int32 slots, then the payload.
const (
	slotRequest     = 0 // request counter: the worker bumps it, the page waits on it
	slotResponse    = 1 // response flag: the page sets it to 1, the worker waits on it
	slotLength      = 2 // payload length in bytes, of the request or the response
	slotState       = 3 // stateOpen, or stateClosed once the page stops serving
	slotPageWaits   = 4 // 1 while the page waits for a request: notify it
	slotWorkerWaits = 5 // 1 while the worker waits for a response: notify it
	payloadStart    = 24

	stateOpen   = 0
	stateClosed = 1
)

// Buffer sizes: the buffer grows to fit a large payload, up to maxBuffer.
const (
	initialBuffer = 64 << 10
	maxBuffer     = 64 << 20
)

// Request kinds (worker → page, synchronous). A is the target's id on the
// page (0: the page's globalThis); the values are the operation's operands.
const (
	opGet       = 1 + iota // key
	opSet                  // key, value
	opHas                  // key
	opDelete               // key
	opApply                // this, arguments…
	opConstruct            // arguments…
	opKeys                 // (none): own keys, as an array of strings
	opDescribe             // key: own property descriptor, by value
	opCall                 // name, arguments…: a function of xworker.sync or of the runtime
	opInvoke               // key, arguments…: the target's method key, called on the target
)

// Response kinds.
const (
	resultOK     = 1 // value
	resultThrown = 2 // the thrown value (an Error by value, or any value)
)

// Message kinds (either way, asynchronous, over the MessagePort).
const (
	msgInvoke  = 16 + iota // A: call id (0: no answer wanted), B: function id; this, arguments…
	msgExport              // A: call id; name, arguments…: a worker export called from the page
	msgResult              // A: call id, B: resultOK or resultThrown; value
	msgRelease             // pairs of (id, count) as Int values
	msgCall                // A: call id, B: 1 for the runtime's; name, arguments…: a page function called without a shared buffer
)

// Kinds of JS values, as the glue's kind(v) reports them in one call. A
// negative kind −(id+1) is a proxy of an object the peer lent with that id.
const (
	kindUndefined = iota
	kindNull
	kindBoolean
	kindNumber
	kindString
	kindBigInt
	kindSymbol
	kindArrayBuffer
	kindArray          // a plain Array
	kindPlain          // an object whose prototype is Object.prototype or null
	kindFunction       // any callable
	kindObject         // any other object: lent by reference
	kindPython         // a Python object proxy that is not callable: copied by value
	kindCopied         // an Array the page sends by value (glue.copied), its items as usual
	kindViewFirst = 20 // 20 + index in wire.ViewNames: a typed array or DataView
)

// Ref flags, as channel.js's FLAG: whether a lent object can be called,
// whether it is an Array, and whether a get found it as a method of the
// target (so the worker calls that key with opInvoke from then on). The
// bits between are channel.js's probe bits, set by the page for the
// worker's proxies.
const (
	refCallable = 1
	refArray    = 2
	refMethod   = 1 << 24
)
