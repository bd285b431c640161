package channel

import (
	"strconv"
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/wire"
)

// Page is the page's end of the channel to one worker: it answers the
// worker's synchronous requests and calls the worker's functions.
type Page struct {
	end
	index int32    // this end's slot in pages, for the wasm exports
	io    js.Value // a wrapper's this and arguments in, its Promise out
	sab   js.Value // undefined without cross-origin isolation
	i32   js.Value
	bytes js.Value // the payload part of sab
	buf   []byte
	peer  js.Value // the port the worker gets
	// Sync holds the functions the page assigned to xworker.sync, for the
	// worker's pyscript.sync to call.
	Sync js.Value
	// Runtime answers the worker runtime's own calls (its target element,
	// imports on the page): a name and arguments in, a result out; it may
	// panic with a js.Error to throw in the worker.
	Runtime func(name string, args []js.Value) js.Value
	// Control receives the worker runtime's plain messages (ready, done …).
	Control func(msg js.Value)

	perform     js.Value // glue.perform
	performWith js.Value // glue.performWith
	takeResult  js.Value // glue.takeResult
	reply       js.Value // channel.js reply(i32, length): wakes the worker
	ops         js.Value // a request's operands, emptied after use
	capacity    int      // the shared buffer's size, as last seen
	calling     string   // the sync function last called by the worker
	waiting     string   // the one the worker waits on, while its Promise settles
	callbacks   []js.Func
	closed      bool
	// sw answers a worker's requests through a service worker (see
	// UseServiceWorker); undefined otherwise.
	sw           js.Value
	swURL, swUID string
	module       js.Value // channel.js
}

// pages are the page ends by index, for gps_serve; nil once closed.
var pages []*Page

// NewPage opens the page's end of a channel to a worker about to start.
// glue is the loaded channel.js module, exports the core's wasm exports,
// sync the object of the page's functions for the worker's pyscript.sync.
func NewPage(glue, exports, sync js.Value) *Page {
	p := &Page{end: newEnd(glue.Call("channel")), Sync: sync}
	p.self = global
	p.perform = p.glue.Get("perform")
	p.performWith = p.glue.Get("performWith")
	p.takeResult = p.glue.Get("takeResult")
	p.reply = glue.Get("reply")
	p.module = glue
	p.ops = jsArray.New()
	p.io = p.glue.Get("io")
	p.index = slot(p)
	p.glue.Call("wrappers", p.index, exports)
	ports := global.Get("MessageChannel").New()
	p.port, p.peer = ports.Get("port1"), ports.Get("port2")
	p.port.Set("onmessage", p.callback("a message from a worker", func(args []js.Value) any {
		p.receive(args[0].Get("data"))
		return nil
	}))
	p.glue.Call("onRelease", p.callback("releasing worker functions", func(args []js.Value) any {
		if !p.closed {
			p.released(args[0])
		}
		return nil
	}))
	// Without a shared buffer the worker cannot use what the page lends
	// it (every use is a synchronous request): answers go by value.
	p.byValue = !Isolated()
	if Isolated() {
		p.useBuffer(global.Get("SharedArrayBuffer"))
		glue.Call("watch", p.sab, p.index, exports)
	}
	return p
}

// slot keeps p in the first free place of pages and returns its index.
func slot(p *Page) int32 {
	for i, other := range pages {
		if other == nil {
			pages[i] = p
			return int32(i)
		}
	}
	pages = append(pages, p)
	return int32(len(pages) - 1)
}

// Lent is how many page objects all open channels lend to workers now.
func Lent() int {
	n := 0
	for _, p := range pages {
		if p != nil {
			n += p.lent.Len()
		}
	}
	return n
}

// Open is how many channels serve a worker now.
func Open() int {
	n := 0
	for _, p := range pages {
		if p != nil {
			n++
		}
	}
	return n
}

// callback is a Go function for JS whose panics are reported, released
// when the channel closes.
func (p *Page) callback(where string, fn func(args []js.Value) any) js.Func {
	f := ffi.FuncOf(where, func(_ js.Value, args []js.Value) any { return fn(args) })
	p.callbacks = append(p.callbacks, f)
	return f
}

// Transports: how a worker reaches the page, as xworker.transport says.
const (
	TransportSharedMemory = "shared-memory" // synchronous, over a SharedArrayBuffer
	TransportMessages     = "messages"      // asynchronous only: no shared buffer
	// TransportServiceWorker is synchronous through a service worker's
	// answers to synchronous XHRs, without a shared buffer (see
	// UseServiceWorker).
	TransportServiceWorker = "service-worker"
)

// Transport is the transport of the workers this page starts now.
func Transport() string {
	if Isolated() {
		return TransportSharedMemory
	}
	return TransportMessages
}

// Isolated reports whether SharedArrayBuffer, and so synchronous calls from
// workers, are available (the page is cross-origin isolated).
func Isolated() bool {
	return global.Get("SharedArrayBuffer").Truthy() && global.Get("crossOriginIsolated").Truthy()
}

// useBuffer gives the page a growable buffer of class (SharedArrayBuffer,
// or ArrayBuffer for a service worker) for requests and responses.
func (p *Page) useBuffer(class js.Value) {
	p.sab = class.New(initialBuffer, map[string]any{"maxByteLength": maxBuffer})
	p.capacity = initialBuffer
	p.i32 = global.Get("Int32Array").New(p.sab)
	p.bytes = jsUint8Array.New(p.sab, payloadStart)
}

// UseServiceWorker makes the worker's requests synchronous on a page that
// is not cross-origin isolated: the worker blocks on synchronous XHRs that
// the service worker at url (which controls the page and so the worker)
// answers with what the page hands it. uid names the worker to it. Call it
// before Start.
func (p *Page) UseServiceWorker(url, uid string) {
	p.useBuffer(jsArrayBuffer)
	p.byValue = false
	p.sw = p.module.Get("serviceWorkerReplies").Invoke(uid, p.sab)
	p.reply = p.sw.Get("reply")
	p.swURL, p.swUID = url, uid
}

// serveViaServiceWorker answers request view, which the worker posted as
// frame because its XHR is on its way to the service worker.
func (p *Page) serveViaServiceWorker(view, frame js.Value) {
	p.sw.Call("request", view)
	n := frame.Length()
	p.capacity = fit(p.sab, p.capacity, payloadStart+n)
	p.bytes.Call("set", frame)
	if written := gpsServe(p.index, int32(n)); written >= 0 {
		p.reply.Invoke(p.i32, written)
	}
}

// Start is what the worker needs to open its end: the port (to transfer),
// the shared buffer if there is one (or the service worker to go through),
// and the flags of the page's globalThis.
func (p *Page) Start() (init js.Value, transfer js.Value) {
	init = jsObject.New()
	init.Set("port", p.peer)
	if p.sw.Truthy() {
		init.Set("serviceWorker", p.swURL)
		init.Set("uid", p.swUID)
		init.Set("bufferSize", initialBuffer)
		init.Set("maxBufferSize", maxBuffer)
	} else {
		init.Set("sab", p.sab)
	}
	_, flags, _ := p.description(global)
	init.Set("global", flags)
	return init, jsArray.New(p.peer)
}

// Synchronous reports whether the worker can call the page synchronously.
func (p *Page) Synchronous() bool { return p.sab.Truthy() }

// Close stops serving the worker and forgets everything lent to it, so a
// terminated worker leaves nothing behind on the page.
func (p *Page) Close() {
	if p.closed {
		return
	}
	p.closed = true
	pages[p.index] = nil
	if p.sab.Truthy() {
		atomicsStore.Invoke(p.i32, slotState, stateClosed)
		atomicsNotify.Invoke(p.i32, slotRequest)
		atomicsNotify.Invoke(p.i32, slotResponse)
	}
	if p.sw.Truthy() {
		p.sw.Call("close")
	}
	p.port.Set("onmessage", js.Null())
	p.port.Call("close")
	p.glue.Call("close")
	p.lent.Clear()
	p.rejectCalls("the worker was terminated before it answered")
	for _, f := range p.callbacks {
		f.Release()
	}
	p.callbacks = nil
	// The worker, its ports and buffer and what it borrowed stay in
	// wasm_exec.js's table until Go collects the js.Values that held them.
	collectSoon()
}

// invoke calls worker function id for a wrapper: this and the arguments
// are in io; the Promise of the result goes back in io[0], if answer is
// set. It runs inside a wasm export (called for every event a worker
// listens to): it never blocks.
func (p *Page) invoke(id uint32, count int, answer bool) {
	operands := make([]js.Value, count)
	for i := range operands {
		operands[i] = p.io.Index(i)
	}
	p.io.SetIndex(0, p.send(msgInvoke, id, operands, answer))
}

// CallExport calls the worker function exported as name (assigned to the
// worker's pyscript.sync or listed in __export__) and returns a Promise.
func (p *Page) CallExport(name string, args js.Value) js.Value {
	promise := p.send(msgExport, 0, append([]js.Value{js.ValueOf(name)}, arrayItems(args)...), true)
	p.warnIfStuck(p.calls.last, name)
	return promise
}

// warnIfStuck says, as PyScript does, what probably hangs when a call of a
// worker export is still unanswered after 3 s while the worker waits for a
// sync function of the page: it cannot answer before that returns, and
// that function may well be the one awaiting the call.
func (p *Page) warnIfStuck(id uint32, export string) {
	var check js.Func
	check = ffi.FuncOf("checking for a deadlock", func(js.Value, []js.Value) any {
		check.Release()
		if _, pending := p.calls.pending[id]; pending && p.waiting != "" && !p.closed {
			global.Get("console").Call("warn", "💀🔒 - is proxy."+p.waiting+"() awaiting proxy."+export+"() ?")
		}
		return nil
	})
	global.Call("setTimeout", check, 3000)
}

// send posts a call to the worker and returns the Promise of its answer,
// or undefined when no answer is wanted (and the call could be sent).
func (p *Page) send(kind uint8, b uint32, operands []js.Value, answer bool) js.Value {
	if p.closed {
		return global.Get("Promise").Call("reject", ffi.NewError("the worker was terminated"))
	}
	return p.sendCall(kind, b, operands, answer)
}

// receive handles what the worker posted: call results and releases as
// frames, the runtime's plain messages otherwise.
func (p *Page) receive(data js.Value) {
	if view := data.Get("sabayon"); view.Truthy() && p.sw.Truthy() {
		p.serveViaServiceWorker(view, data.Get("frame"))
		return
	}
	if !data.InstanceOf(jsUint8Array) {
		if p.Control != nil {
			p.Control(data)
		}
		return
	}
	f, err := wire.Decode(bufferBytes(data))
	if err != nil {
		ffi.PanicReporter("reading a message from a worker", err)
		return
	}
	switch f.Kind {
	case msgRelease:
		p.release(f.Values)
	case msgResult:
		p.settleCall(f)
	case msgCall:
		p.answerCall(f)
	}
}

// serve answers the request of n bytes in the shared buffer and returns the
// length of the response it wrote there, or -1 when it answers later. It
// runs inside a wasm export: it must never block, so a sync function that
// returns a Promise is answered from the Promise's callbacks instead.
func (p *Page) serve(n int) int {
	if n < 0 || n > maxBuffer {
		return p.respond(resultThrown, wire.ErrorValue("Error", "GoPyScript: a request of "+strconv.Itoa(n)+" bytes", ""))
	}
	if cap(p.buf) < n {
		p.buf = make([]byte, n)
	}
	buf := p.buf[:n]
	js.CopyBytesToGo(buf, p.bytes)
	f, err := wire.Decode(buf)
	if err != nil {
		return p.respond(resultThrown, wire.ErrorValue("Error", "GoPyScript: a corrupt request from the worker: "+err.Error(), ""))
	}
	result, text, thrown := p.run(f)
	switch {
	case thrown:
		return p.respond(resultThrown, p.errorValue(result))
	case text >= 0:
		return p.respond(resultOK, wire.StringValue(p.text(text)))
	case f.Kind == opDescribe:
		return p.respondWith(p.descriptor(result))
	case f.Kind == opCall && isThenable(result):
		p.waiting = p.calling
		p.await(result)
		return -1
	}
	return p.respondWith(p.toWire(result, 0))
}

func (p *Page) respondWith(v wire.Value, err error) int {
	if err != nil {
		return p.respond(resultThrown, wire.ErrorValue("TypeError", err.Error(), ""))
	}
	return p.respond(resultOK, v)
}

// await answers with what promise settles to, then wakes the worker.
func (p *Page) await(promise js.Value) {
	whenSettled(promise, func(v js.Value, thrown bool) {
		p.waiting = ""
		if p.closed {
			return
		}
		var n int
		if thrown {
			n = p.respond(resultThrown, p.errorValue(v))
		} else {
			n = p.respondWith(p.toWire(v, 0))
		}
		p.reply.Invoke(p.i32, n)
	})
}

// answerCall runs the page function a worker without a shared buffer
// called by message, and answers by message once it has a result.
func (p *Page) answerCall(f wire.Frame) {
	if len(f.Values) == 0 || f.Values[0].Kind != wire.String {
		p.answer(f.A, jsErrorClass.New("GoPyScript: a malformed call from the worker"), true)
		return
	}
	args := jsArray.New(len(f.Values) - 1)
	for i, v := range f.Values[1:] {
		if err := p.put(args, i, v); err != nil {
			p.answer(f.A, jsErrorClass.New(err.Error()), true)
			return
		}
	}
	result, thrown := p.callNamed(f.B, f.Values[0].Str, args)
	if thrown || !isThenable(result) {
		p.answer(f.A, result, thrown)
		return
	}
	whenSettled(result, func(v js.Value, thrown bool) {
		if !p.closed {
			p.answer(f.A, v, thrown)
		}
	})
}

// respond writes an answer into the shared buffer, growing it if needed,
// and returns its length.
func (p *Page) respond(kind uint8, v wire.Value) int {
	frame := p.shared.Encode(wire.Frame{Kind: kind, Values: []wire.Value{v}})
	if len(frame) > maxBuffer-payloadStart {
		frame = p.shared.Encode(wire.Frame{Kind: resultThrown, Values: []wire.Value{wire.ErrorValue("RangeError",
			"GoPyScript: the answer is too large to send to the worker ("+strconv.Itoa(len(frame))+" bytes)", "")}})
	}
	p.capacity = fit(p.sab, p.capacity, payloadStart+len(frame))
	js.CopyBytesToJS(p.bytes, frame)
	return len(frame)
}

// fit grows sab to hold need bytes and returns its known size. Either side
// may have grown it: the real size is read only when the known one is short.
func fit(sab js.Value, known, need int) int {
	if need <= known {
		return known
	}
	if size := sab.Get("byteLength").Int(); size >= need {
		return size
	}
	if sab.Get("grow").Truthy() {
		sab.Call("grow", need)
	} else {
		sab.Call("resize", need) // a plain buffer, for a service worker
	}
	return need
}

var reflectApply = reflect.Get("apply")

// operands is how many values each request kind needs at least.
var operands = map[uint8]int{opGet: 1, opSet: 2, opHas: 1, opDelete: 1, opApply: 1, opDescribe: 1, opCall: 1, opInvoke: 1}

// run runs one request against the page's objects and returns its
// result, or what it threw. A string result is left as bytes in the glue's
// scratch buffer: text is their count then, -1 otherwise.
func (p *Page) run(f wire.Frame) (result js.Value, text int, thrown bool) {
	if len(f.Values) < operands[f.Kind] {
		return jsErrorClass.New("GoPyScript: a malformed request from the worker"), -1, true
	}
	if f.Kind != opCall && plain(f.Values) {
		// Only primitives and page objects (a property name, a value): they
		// go as arguments, without the array.
		target, err := p.own(f.A)
		if err != nil {
			return jsErrorClass.New(err.Error()), -1, true
		}
		args := make([]any, 2+len(f.Values))
		args[0], args[1] = f.Kind, target
		for i, w := range f.Values {
			v, err := p.value(w)
			if err != nil {
				return jsErrorClass.New(err.Error()), -1, true
			}
			args[2+i] = v
		}
		return p.performed(catch(func() js.Value { return p.performWith.Invoke(args...) }))
	}
	// Stand-ins and containers go straight into a JS array that the glue
	// empties after use: a stand-in never gets a Go reference to outlive it.
	for i, w := range f.Values {
		if err := p.put(p.ops, i, w); err != nil {
			p.ops.Set("length", 0)
			return jsErrorClass.New(err.Error()), -1, true
		}
	}
	if f.Kind == opCall {
		result, thrown := p.call(f.A)
		return result, -1, thrown
	}
	target, err := p.own(f.A)
	if err != nil {
		p.ops.Set("length", 0)
		return jsErrorClass.New(err.Error()), -1, true
	}
	return p.performed(catch(func() js.Value { return p.perform.Invoke(f.Kind, target, p.ops) }))
}

// performed reads what glue.perform returned: a string's length, or -1 for
// a result to take from the glue.
func (p *Page) performed(n js.Value, thrown bool) (js.Value, int, bool) {
	switch {
	case thrown:
		return n, -1, true
	case n.Int() >= 0:
		return js.Value{}, n.Int(), false
	}
	return p.takeResult.Invoke(), -1, false
}

// plain reports whether values holds no stand-in or container.
func plain(values []wire.Value) bool {
	for _, w := range values {
		if w.Kind == wire.Ref || w.Kind == wire.Array || w.Kind == wire.Object {
			return false
		}
	}
	return true
}

// descriptor sends a property descriptor by value; its value, getter and
// setter follow the usual rules.
func (p *Page) descriptor(desc js.Value) (wire.Value, error) {
	if desc.IsUndefined() {
		return wire.UndefinedValue(), nil
	}
	out := wire.Value{Kind: wire.Object}
	for _, k := range []string{"value", "writable", "enumerable", "configurable", "get", "set"} {
		v := desc.Get(k)
		if v.IsUndefined() {
			continue
		}
		w, err := p.toWire(v, 0)
		if err != nil {
			return wire.Value{}, err
		}
		out.Keys = append(out.Keys, k)
		out.Items = append(out.Items, w)
	}
	return out, nil
}

// call runs a function of xworker.sync (runtime 0) or of the runtime (1)
// whose name, then arguments, are in p.ops.
func (p *Page) call(runtime uint32) (js.Value, bool) {
	args := p.glue.Call("take", p.ops)
	name := args.Call("shift").String()
	p.calling = name
	return p.callNamed(runtime, name, args)
}

// callNamed runs xworker.sync's (runtime 0) or the runtime's (1) function
// name with the array args; it returns the result or what it threw.
func (p *Page) callNamed(runtime uint32, name string, args js.Value) (js.Value, bool) {
	if runtime == 1 {
		return catch(func() js.Value { return p.Runtime(name, arrayItems(args)) })
	}
	fn := p.Sync.Get(name)
	if typeOf(fn) != js.TypeFunction {
		return jsErrorClass.New("pyscript.sync." + name + " is not a function: assign it to xworker.sync." + name + " on the page"), true
	}
	return catch(func() js.Value { return reflectApply.Invoke(fn, p.Sync, args) })
}

func isThenable(v js.Value) bool {
	t := typeOf(v)
	return (t == js.TypeObject || t == js.TypeFunction) && typeOf(v.Get("then")) == js.TypeFunction
}

func toArray(vs []js.Value) js.Value {
	out := jsArray.New(len(vs))
	for i, v := range vs {
		out.SetIndex(i, v)
	}
	return out
}

func arrayItems(a js.Value) []js.Value {
	out := make([]js.Value, a.Length())
	for i := range out {
		out[i] = a.Index(i)
	}
	return out
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}
