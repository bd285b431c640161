package channel

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/handles"
	"github.com/gopyscript/gopyscript/ffi/wire"
	"github.com/hack-pad/safejs"
)

// end is what both sides of a channel share: turning JS values into wire
// values and back, lending their own objects and borrowing the peer's.
type end struct {
	glue     js.Value // this end's channel() instance from channel.js
	kind     js.Value // glue.kind
	place    js.Value // glue.place
	textAt   js.Value // glue.textAt
	describe js.Value // glue.describe
	remember js.Value // glue.remember
	postJS   js.Value // glue.post
	scratch  js.Value // glue.scratch: strings as UTF-8, for text; small frames to post
	textBuf  []byte   // text's copy of scratch
	lent     handles.Lent[lentValue]
	borrowed handles.Borrowed
	// byValue: plain objects, arrays and other objects are copied rather
	// than lent (the worker's choice; the page lends everything but the
	// Arrays the glue marked as copied).
	byValue bool
	python  python
	// self is the page's globalThis, lent as id 0 for good.
	self js.Value
	port js.Value
	// shared encodes the frames written into the shared buffer, one at a
	// time by the protocol. Posted frames get their own: Go may run another
	// goroutine while one waits on the garbage collector mid-encoding.
	shared wire.Encoder
	// keys caches short strings decoded into JS strings: property names
	// repeat, and each conversion costs a crossing.
	keys  map[string]js.Value
	calls calls
}

// lentValue is a lent object: key is what the peer's references resolve to
// in identity; call is what is used (a Pyodide function's own copy).
type lentValue struct{ key, call js.Value }

// python is what the worker needs from its interpreter to send Python
// objects: a lasting reference to a callable, and a conversion of
// containers to plain JS values.
type python struct {
	keep, drop, toJS js.Value // functions, or undefined on the page
}

var (
	global         = js.Global()
	jsObject       = global.Get("Object")
	jsArray        = global.Get("Array")
	jsUint8Array   = global.Get("Uint8Array")
	jsArrayBuffer  = global.Get("ArrayBuffer")
	jsBigInt       = global.Get("BigInt")
	jsString       = global.Get("String")
	jsSymbol       = global.Get("Symbol")
	jsErrorClass   = global.Get("Error")
	reflect        = global.Get("Reflect")
	reflectDefine  = reflect.Get("defineProperty")
	objectKeys     = jsObject.Get("keys")
	atomics        = global.Get("Atomics")
	atomicsLoad    = bind(atomics, "load")
	atomicsStore   = bind(atomics, "store")
	atomicsAdd     = bind(atomics, "add")
	atomicsNotify  = bind(atomics, "notify")
	atomicsWait    = bind(atomics, "wait")
	jsUndefinedVal = js.Undefined()
)

func bind(obj js.Value, method string) js.Value {
	f := obj.Get(method)
	if f.Type() != js.TypeFunction {
		return f
	}
	return f.Call("bind", obj)
}

func newEnd(glue js.Value) end {
	scratch := glue.Get("scratch")
	return end{
		glue: glue, kind: glue.Get("kind"), place: glue.Get("place"), keys: map[string]js.Value{},
		textAt: glue.Get("textAt"), describe: glue.Get("describe"), remember: glue.Get("remember"),
		postJS: glue.Get("post"), scratch: scratch, textBuf: make([]byte, scratch.Length()),
	}
}

// wireAt encodes array[i]. A string comes as bytes through the glue's
// scratch buffer: reading it as a js.Value costs several times more.
func (e *end) wireAt(array js.Value, i, depth int) (wire.Value, error) {
	if n := e.textAt.Invoke(array, i).Int(); n >= 0 {
		return wire.StringValue(e.text(n)), nil
	}
	return e.toWire(array.Index(i), depth)
}

// text is the string of n bytes the glue left in its scratch buffer.
func (e *end) text(n int) string {
	js.CopyBytesToGo(e.textBuf[:n], e.scratch)
	return string(e.textBuf[:n])
}

// encodeError is a value that cannot cross, with the reason shown to the user.
type encodeError string

func (e encodeError) Error() string { return string(e) }

// toWire encodes a JS value this end sends.
func (e *end) toWire(v js.Value, depth int) (wire.Value, error) {
	// syscall/js knows a primitive's type without asking JS; only objects
	// and functions need the glue's kind.
	var k int
	switch typeOf(v) {
	case js.TypeUndefined:
		return wire.UndefinedValue(), nil
	case js.TypeNull:
		return wire.NullValue(), nil
	case js.TypeBoolean:
		return wire.BoolValue(v.Bool()), nil
	case js.TypeNumber:
		return wire.NumberValue(v.Float()), nil
	case js.TypeString:
		return wire.StringValue(v.String()), nil
	default:
		k = e.kind.Invoke(v).Int()
	}
	switch {
	case k < 0:
		return wire.BackValue(uint32(-k - 1)), nil
	case k >= kindViewFirst:
		return wire.Value{Kind: wire.View, Sub: uint8(k - kindViewFirst), Bytes: viewBytes(v)}, nil
	}
	switch k {
	case kindBigInt:
		return wire.Value{Kind: wire.BigInt, Str: jsString.Invoke(v).String()}, nil
	case kindSymbol:
		// Only well-known symbols mean the same on both sides.
		// String(Symbol.iterator) is "Symbol(Symbol.iterator)".
		name, ok := strings.CutPrefix(jsString.Invoke(v).String(), "Symbol(Symbol.")
		if !ok {
			return wire.UndefinedValue(), nil
		}
		return wire.Value{Kind: wire.Symbol, Str: strings.TrimSuffix(name, ")")}, nil
	case kindArrayBuffer:
		return wire.Value{Kind: wire.Bytes, Bytes: bufferBytes(jsUint8Array.New(v))}, nil
	case kindFunction:
		return e.lendFunction(v), nil
	}
	if !e.byValue && k != kindCopied {
		return e.lend(v, v), nil
	}
	if depth >= wire.MaxDepth {
		return wire.Value{}, encodeError("GoPyScript cannot send a value nested more than 100 levels deep (or that refers to itself) to the page")
	}
	switch k {
	case kindPython:
		plain, err := safejs.Safe(e.python.toJS).Invoke(v)
		if err != nil {
			// The glue's toJs says why (a value that holds itself).
			return wire.Value{}, encodeError("GoPyScript cannot send " + pythonObject(v) + " to the page: " + ffi.Message(err))
		}
		p := safejs.Unsafe(plain)
		if e.kind.Invoke(p).Int() == kindPython {
			return wire.Value{}, encodeError("GoPyScript cannot send " + pythonObject(v) + " to the page: pass a str, number, list, dict, bytes or a function instead")
		}
		return e.toWire(p, depth+1)
	case kindArray, kindCopied:
		n := v.Length()
		out := wire.Value{Kind: wire.Array, Items: make([]wire.Value, n)}
		for i := range n {
			item, err := e.wireAt(v, i, depth+1)
			if err != nil {
				return wire.Value{}, err
			}
			out.Items[i] = item
		}
		return out, nil
	}
	if why := e.glue.Call("uncopyable", v); why.Truthy() {
		return wire.Value{}, encodeError(why.String())
	}
	keys := objectKeys.Invoke(v)
	n := keys.Length()
	out := wire.Value{Kind: wire.Object, Keys: make([]string, n), Items: make([]wire.Value, n)}
	for i := range n {
		key := keys.Index(i).String()
		item, err := e.toWire(v.Get(key), depth+1)
		if err != nil {
			return wire.Value{}, err
		}
		out.Keys[i], out.Items[i] = key, item
	}
	return out, nil
}

// pythonObject names a Python object in an error message: "the Python
// object <str, cut to 80 bytes>", or "this Python object" when String(v)
// throws (MicroPython's proxies of some objects have no string form).
func pythonObject(v js.Value) string {
	text, err := safejs.Safe(jsString).Invoke(v)
	if err != nil {
		return "this Python object"
	}
	s, err := text.String()
	if err != nil {
		return "this Python object"
	}
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return "the Python object " + s
}

// typeOf is v.Type() for any JS value: syscall/js has no Type for a BigInt
// (Type panics), so a BigInt reports as an object and the glue's kind tells
// it apart.
func typeOf(v js.Value) (t js.Type) {
	defer func() {
		if recover() != nil {
			t = js.TypeObject
		}
	}()
	return v.Type()
}

// lendFunction lends a function; a Python callable is kept alive by its own
// reference (Pyodide destroys the one it passed once the call returns).
func (e *end) lendFunction(fn js.Value) wire.Value {
	call := fn
	if e.python.keep.Type() == js.TypeFunction {
		call = e.python.keep.Invoke(fn)
	}
	return e.lend(fn, call)
}

// lend sends key (an object of this end) by reference, once per object: a
// second send of the same object counts against the same id.
func (e *end) lend(key, call js.Value) wire.Value {
	known, flags, name := e.description(key)
	if e.self.Truthy() && key.Equal(e.self) {
		return wire.RefValue(0, flags, name)
	}
	if known != 0 && e.lent.Again(known) {
		return wire.RefValue(known, flags, name)
	}
	id := e.lent.Add(lentValue{key: key, call: call})
	e.remember.Invoke(key, id)
	return wire.RefValue(id, flags, name)
}

// description reads the glue's "id flags name" description of an object
// to lend.
func (e *end) description(v js.Value) (id, flags uint32, name string) {
	idText, rest, _ := strings.Cut(e.text(e.describe.Invoke(v).Int()), " ")
	flagsText, name, _ := strings.Cut(rest, " ")
	n, _ := strconv.ParseUint(idText, 10, 32)
	f, _ := strconv.ParseUint(flagsText, 10, 32)
	return uint32(n), uint32(f), name
}

// put decodes a value this end received into dst[key] (an index or a
// property name). The peer's objects go straight from the glue into place:
// a stand-in Go never holds is not kept alive by Go's reference table.
func (e *end) put(dst js.Value, key any, w wire.Value) error {
	switch w.Kind {
	case wire.Ref:
		serial := int64(e.place.Invoke(dst, key, w.ID, w.Flags, e.jsString(w.Str)).Float())
		e.borrowed.Received(serial)
		if serial > 0 {
			collectSoon()
		}
		return nil
	case wire.Array, wire.Object:
		container, err := e.container(w)
		if err != nil {
			return err
		}
		setKey(dst, key, container)
		return nil
	}
	v, err := e.value(w)
	if err != nil {
		return err
	}
	setKey(dst, key, v)
	return nil
}

func setKey(dst js.Value, key any, v js.Value) {
	switch k := key.(type) {
	case int:
		dst.SetIndex(k, v)
	case string:
		if k == "__proto__" { // a key, never the prototype
			reflectDefine.Invoke(dst, k, map[string]any{"value": v, "writable": true, "enumerable": true, "configurable": true})
			return
		}
		dst.Set(k, v)
	}
}

// container decodes an Array or Object sent by value.
func (e *end) container(w wire.Value) (js.Value, error) {
	var out js.Value
	if w.Kind == wire.Array {
		out = jsArray.New(len(w.Items))
	} else {
		out = jsObject.New()
	}
	for i, item := range w.Items {
		var key any = i
		if w.Kind == wire.Object {
			key = w.Keys[i]
		}
		if err := e.put(out, key, item); err != nil {
			return js.Value{}, err
		}
	}
	return out, nil
}

// value decodes a value that is neither a Ref nor a container.
func (e *end) value(w wire.Value) (js.Value, error) {
	switch w.Kind {
	case wire.Undefined:
		return jsUndefinedVal, nil
	case wire.Null:
		return js.Null(), nil
	case wire.False, wire.True:
		return js.ValueOf(w.Kind == wire.True), nil
	case wire.Number, wire.Int:
		return js.ValueOf(w.Num), nil
	case wire.String:
		return e.jsString(w.Str), nil
	case wire.BigInt:
		return jsBigInt.Invoke(w.Str), nil
	case wire.Symbol:
		return jsSymbol.Get(w.Str), nil
	case wire.Bytes:
		return copyToJS(w.Bytes).Get("buffer"), nil
	case wire.View:
		return newView(w)
	case wire.Back:
		return e.own(w.ID)
	case wire.Error:
		err := jsErrorClass.New(w.Str)
		err.Set("name", w.Name)
		if w.Stack != "" {
			err.Set("stack", w.Stack)
		}
		return err, nil
	}
	return js.Value{}, encodeError("GoPyScript: cannot decode a " + w.Kind.String())
}

// jsString converts s, reusing the JS string of a short one seen before.
func (e *end) jsString(s string) js.Value {
	if len(s) > 64 {
		return js.ValueOf(s)
	}
	if v, ok := e.keys[s]; ok {
		return v
	}
	if len(e.keys) >= 1024 {
		clear(e.keys)
	}
	v := js.ValueOf(s)
	e.keys[s] = v
	return v
}

// own resolves the id under which this end lent one of its objects.
func (e *end) own(id uint32) (js.Value, error) {
	if id == 0 && e.self.Truthy() {
		return e.self, nil
	}
	v, ok := e.lent.Get(id)
	if !ok {
		return js.Value{}, encodeError("GoPyScript: a reference to an object that was already released (id " + strconv.FormatUint(uint64(id), 10) + ")")
	}
	return v.key, nil
}

// released handles the glue's batch of finalized stand-ins: [id, serial, …]:
// it posts what is owed to the peer, if anything.
func (e *end) released(batch js.Value) {
	var values []wire.Value
	for i := 0; i+1 < batch.Length(); i += 2 {
		id := uint32(batch.Index(i).Int())
		if n := e.borrowed.Finalized(uint64(batch.Index(i + 1).Float())); n > 0 {
			values = append(values, wire.NumberValue(float64(id)), wire.NumberValue(float64(n)))
		}
	}
	if len(values) > 0 {
		e.post(wire.Frame{Kind: msgRelease, Values: values})
	}
}

// release gives back what the peer released: pairs of (id, count).
func (e *end) release(values []wire.Value) {
	for i := 0; i+1 < len(values); i += 2 {
		v, gone := e.lent.Release(uint32(values[i].Num), uint32(values[i+1].Num))
		if !gone {
			continue
		}
		e.glue.Call("forget", v.key)
		if e.python.drop.Type() == js.TypeFunction && !v.call.Equal(v.key) {
			e.python.drop.Invoke(v.call)
		}
	}
}

// post sends a frame to the peer, handing over the buffer; a small one
// through the glue's scratch buffer, in two crossings rather than five.
func (e *end) post(f wire.Frame) {
	var enc wire.Encoder
	frame := enc.Encode(f)
	if len(frame) <= len(e.textBuf) {
		// Boxed before the copy: an allocation between the copy and the
		// call could run another goroutine, which may use scratch too.
		args := []any{e.port, len(frame)}
		js.CopyBytesToJS(e.scratch, frame)
		e.postJS.Invoke(args...)
		return
	}
	data := copyToJS(frame)
	e.port.Call("postMessage", data, []any{data.Get("buffer")})
}

func copyToJS(b []byte) js.Value {
	out := jsUint8Array.New(len(b))
	js.CopyBytesToJS(out, b)
	return out
}

func bufferBytes(u8 js.Value) []byte {
	out := make([]byte, u8.Length())
	js.CopyBytesToGo(out, u8)
	return out
}

func viewBytes(view js.Value) []byte {
	return bufferBytes(jsUint8Array.New(view.Get("buffer"), view.Get("byteOffset"), view.Get("byteLength")))
}

func newView(w wire.Value) (js.Value, error) {
	if int(w.Sub) >= len(wire.ViewNames) {
		return js.Value{}, encodeError("GoPyScript: unknown view kind")
	}
	ctor := global.Get(wire.ViewNames[w.Sub])
	buf := copyToJS(w.Bytes).Get("buffer")
	if size := ctor.Get("BYTES_PER_ELEMENT"); size.Truthy() && len(w.Bytes)%size.Int() != 0 {
		return js.Value{}, encodeError("GoPyScript: a " + wire.ViewNames[w.Sub] + " of " + strconv.Itoa(len(w.Bytes)) + " bytes")
	}
	return ctor.New(buf), nil
}

// catch runs fn and returns what it threw, if it threw a JS value.
func catch(fn func() js.Value) (v js.Value, thrown bool) {
	defer func() {
		if r := recover(); r != nil {
			jsErr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			v, thrown = jsErr.Value, true
		}
	}()
	return fn(), false
}

// errorValue encodes what a call threw: an Error by value (name, message,
// stack), anything else as itself.
func (e *end) errorValue(thrown js.Value) wire.Value {
	if thrown.InstanceOf(jsErrorClass) {
		return wire.ErrorValue(thrown.Get("name").String(), thrown.Get("message").String(), stringOr(thrown.Get("stack")))
	}
	v, err := e.toWire(thrown, 0)
	if err != nil {
		return wire.ErrorValue("Error", err.Error(), "")
	}
	return v
}

func stringOr(v js.Value) string {
	if typeOf(v) == js.TypeString {
		return v.String()
	}
	return ""
}
