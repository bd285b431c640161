package channel

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/wire"
)

// Worker is the worker's end of the channel: proxies of page objects whose
// every use is a synchronous request, and the functions it lends the page.
type Worker struct {
	end
	root     js.Value // the proxy of the page's globalThis
	bytes    js.Value // the shared buffer's payload part
	sab      js.Value // undefined without one
	capacity int      // sab's size, as last seen
	buf      []byte
	io       js.Value // operands in and the result out, shared with the traps
	call     js.Value // glue.call
	// Export resolves a name the page calls through xworker.sync: a
	// function, and whether there is one. It may wait for the worker's code
	// to finish (names in __export__).
	Export func(name string) (js.Value, bool)
	// Failed is told about an exception raised by a worker function the
	// page called (an event handler …), for the page to show.
	Failed func(err error)
}

// theWorker is this worker's end, for gps_request.
var theWorker *Worker

// NewWorker opens the worker's end from what the page's Start gave. host
// is worker.js's object: its io array and request function reach the
// proxies' traps.
func NewWorker(glue, host, start js.Value) *Worker {
	w := &Worker{end: newEnd(glue.Call("channel", host)), io: host.Get("io"), sab: start.Get("sab")}
	w.byValue = true
	w.port = start.Get("port")
	pageGlobal := js.Undefined() // its flags; undefined: no synchronous calls
	if w.sab.Truthy() {
		w.bytes = jsUint8Array.New(w.sab, payloadStart)
		w.capacity = w.sab.Get("byteLength").Int()
		pageGlobal = start.Get("global")
	}
	w.root = w.glue.Call("proxies", host.Get("request"), pageGlobal)
	w.call = w.glue.Get("call")
	w.port.Set("onmessage", ffi.FuncOf("a message from the page", func(_ js.Value, args []js.Value) any {
		w.receive(args[0].Get("data"))
		return nil
	}))
	w.glue.Call("onRelease", ffi.FuncOf("releasing page objects", func(_ js.Value, args []js.Value) any {
		w.released(args[0])
		return nil
	}))
	theWorker = w
	return w
}

// Interpreter tells the channel how to keep and convert the interpreter's
// objects: keep(fn) returns a lasting reference, drop(ref) frees it,
// toJs(obj) converts a container to plain JS values.
func (w *Worker) Interpreter(keep, drop, toJS js.Value) {
	w.python = python{keep: keep, drop: drop, toJS: toJS}
}

// Stats says how many worker functions the page holds (lent) and how many
// page objects this worker has proxies of (borrowed).
func (w *Worker) Stats() (lent, borrowed int) { return w.lent.Len(), w.borrowed.Len() }

// Window is the proxy of the page's globalThis, or undefined when the page
// is not cross-origin isolated and synchronous calls are impossible.
func (w *Worker) Window() js.Value { return w.root }

// Synchronous reports whether this worker reaches the page synchronously
// (through a shared buffer); else only CallAsync does.
func (w *Worker) Synchronous() bool { return w.sab.Truthy() }

// Transport is how this worker reaches the page (see Transport).
func (w *Worker) Transport() string {
	switch {
	case !w.Synchronous():
		return TransportMessages
	case w.sab.InstanceOf(jsArrayBuffer):
		return TransportServiceWorker
	}
	return TransportSharedMemory
}

// CallAsync calls xworker.sync's (runtime false) or the page runtime's
// function name with args, by a message, and returns the Promise of the
// answer: the way to the page without a shared buffer.
func (w *Worker) CallAsync(runtime bool, name string, args []js.Value) js.Value {
	b := uint32(0)
	if runtime {
		b = 1
	}
	return w.sendCall(msgCall, b, append([]js.Value{js.ValueOf(name)}, args...), true)
}

// OnPage reports whether v stands for an object of the page.
func (w *Worker) OnPage(v js.Value) bool {
	t := typeOf(v)
	return (t == js.TypeObject || t == js.TypeFunction) && w.kind.Invoke(v).Int() < 0
}

// Post sends one of the runtime's plain messages to the page.
func (w *Worker) Post(msg js.Value) { w.port.Call("postMessage", msg) }

// request writes the request whose operands are in io into the shared
// buffer and returns its length; -1 leaves the error to throw in io[0]. It
// runs inside a wasm export, called from a proxy's trap; the glue then
// signals the page, waits, and hands the answer to response.
func (w *Worker) request(op uint8, target uint32, count int) int {
	if !w.sab.Truthy() {
		return w.failWith(jsErrorClass.New("GoPyScript: this worker cannot reach the page synchronously (no SharedArrayBuffer)"))
	}
	values := make([]wire.Value, count)
	for i := range values {
		var wv wire.Value
		var err error
		if op == opApply && i == 0 {
			wv, err = w.thisValue(w.io.Index(0))
		} else {
			wv, err = w.wireAt(w.io, i, 0)
		}
		if err != nil {
			return w.failWith(global.Get("TypeError").New(err.Error()))
		}
		values[i] = wv
	}
	frame := w.shared.Encode(wire.Frame{Kind: op, A: target, Values: values})
	if payloadStart+len(frame) > maxBuffer {
		return w.failWith(global.Get("RangeError").New("GoPyScript: the arguments are too large to send to the page"))
	}
	w.capacity = fit(w.sab, w.capacity, payloadStart+len(frame))
	js.CopyBytesToJS(w.bytes, frame)
	return len(frame)
}

// thisValue encodes a call's `this`: only a page object is sent, anything
// else means the page's default.
func (w *Worker) thisValue(v js.Value) (wire.Value, error) {
	if t := typeOf(v); t != js.TypeObject && t != js.TypeFunction || w.kind.Invoke(v).Int() >= 0 {
		return wire.UndefinedValue(), nil
	}
	return w.toWire(v, 0)
}

func (w *Worker) failWith(err js.Value) int {
	w.io.SetIndex(0, err)
	return -1
}

// response reads the page's answer of n bytes into io[0]; true for a
// result, false for an exception to throw.
func (w *Worker) response(n int) bool {
	if n < 0 {
		w.io.SetIndex(0, jsErrorClass.New("GoPyScript: the page stopped answering this worker"))
		return false
	}
	if cap(w.buf) < n {
		w.buf = make([]byte, n)
	}
	buf := w.buf[:n]
	js.CopyBytesToGo(buf, w.bytes)
	f, err := wire.Decode(buf)
	if err == nil && len(f.Values) != 1 {
		err = encodeError("GoPyScript: a malformed answer from the page")
	}
	if err == nil {
		err = w.put(w.io, 0, f.Values[0])
	}
	if err != nil {
		w.io.SetIndex(0, jsErrorClass.New(err.Error()))
		return false
	}
	return f.Kind == resultOK
}

// receive handles what the page posted: calls of worker functions and
// releases of lent ones.
func (w *Worker) receive(data js.Value) {
	f, err := wire.Decode(bufferBytes(data))
	if err != nil {
		ffi.PanicReporter("reading a message from the page", err)
		return
	}
	switch f.Kind {
	case msgRelease:
		w.release(f.Values)
	case msgResult:
		w.settleCall(f)
	case msgInvoke:
		own, ok := w.lent.Get(f.B)
		if !ok {
			err := jsErrorClass.New("GoPyScript: the page called a worker function that was already released")
			if f.A == 0 && w.Failed != nil {
				w.Failed(js.Error{Value: err}) // nobody waits for an answer: show it
			}
			w.answer(f.A, err, true)
			return
		}
		w.run(f.A, own.call, f.Values, true)
	case msgExport:
		if len(f.Values) == 0 {
			return
		}
		ffi.Go("calling a worker export", func() {
			fn, ok := w.Export(f.Values[0].Str)
			if !ok {
				w.answer(f.A, jsErrorClass.New("the worker has no export named "+f.Values[0].Str), true)
				return
			}
			w.run(f.A, fn, append([]wire.Value{wire.UndefinedValue()}, f.Values[1:]...), false)
		})
	}
}

// run calls fn with this and arguments decoded from values, awaits what it
// returns, and answers call id. An exception is also shown when report is
// set: nobody on the page looks at what an event handler returns.
func (w *Worker) run(id uint32, fn js.Value, values []wire.Value, report bool) {
	args := jsArray.New(len(values))
	for i, v := range values {
		if err := w.put(args, i, v); err != nil {
			w.answer(id, jsErrorClass.New(err.Error()), true)
			return
		}
	}
	ffi.Go("running a worker function for the page", func() {
		result, thrown := catch(func() js.Value { return w.call.Invoke(fn, args) })
		if !thrown && isThenable(result) {
			var err error
			result, err = ffi.Await(result)
			if err != nil {
				result, thrown = errorOf(err), true
			}
		}
		if thrown && report && w.Failed != nil {
			w.Failed(js.Error{Value: result})
		}
		w.answer(id, result, thrown)
	})
}

func errorOf(err error) js.Value {
	if jsErr, ok := err.(js.Error); ok {
		return jsErr.Value
	}
	return jsErrorClass.New(err.Error())
}

// Keep returns a lasting reference to a worker function the page may call
// later (a Pyodide function is copied: Pyodide destroys the one it lent).
func (w *Worker) Keep(fn js.Value) js.Value {
	if w.python.keep.Type() == js.TypeFunction {
		return w.python.keep.Invoke(fn)
	}
	return fn
}
