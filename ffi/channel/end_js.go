package channel

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi/handles"
	"github.com/gopyscript/gopyscript/ffi/wire"
)

// end is what both sides of a channel share: turning JS values into wire
// values and back, lending their own objects and borrowing the peer's.
type end struct {
	glue     js.Value // this end's channel() instance from channel.js
	kind     js.Value // glue.kind
	identity js.Value // Map: a lent object → its id, so it is lent once
	lent     handles.Lent[lentValue]
	borrowed handles.Borrowed[js.Value] // WeakRefs of proxies or wrappers
	// flags returns the Ref flags of an object this end lends.
	flags func(v js.Value) uint32
	// borrow makes this end's stand-in for the peer's object id.
	borrow func(id, flags uint32, serial uint64) js.Value
	// byValue: plain objects, arrays and other objects are copied rather
	// than lent (the worker's choice; the page lends everything).
	byValue bool
	python  python
	// self is the page's globalThis, lent as id 0 for good; root is the
	// worker's proxy of it.
	self, root js.Value
	port       js.Value
	enc        wire.Encoder
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
	jsMap          = global.Get("Map")
	jsWeakRef      = global.Get("WeakRef")
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
	return end{glue: glue, kind: glue.Get("kind"), identity: jsMap.New()}
}

// encodeError is a value that cannot cross, with the reason shown to the user.
type encodeError string

func (e encodeError) Error() string { return string(e) }

// toWire encodes a JS value this end sends.
func (e *end) toWire(v js.Value, depth int) (wire.Value, error) {
	k := e.kind.Invoke(v).Int()
	switch {
	case k < 0:
		return wire.BackValue(uint32(-k - 1)), nil
	case k >= kindViewFirst:
		return wire.Value{Kind: wire.View, Sub: uint8(k - kindViewFirst), Bytes: viewBytes(v)}, nil
	}
	switch k {
	case kindUndefined:
		return wire.UndefinedValue(), nil
	case kindNull:
		return wire.NullValue(), nil
	case kindBoolean:
		return wire.BoolValue(v.Bool()), nil
	case kindNumber:
		return wire.NumberValue(v.Float()), nil
	case kindString:
		return wire.StringValue(v.String()), nil
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
	if !e.byValue {
		return e.lend(v, v), nil
	}
	if depth >= wire.MaxDepth {
		return wire.Value{}, encodeError("GoPyScript cannot send a value nested more than 100 levels deep (or that refers to itself) to the page")
	}
	switch k {
	case kindPython:
		plain := e.python.toJS.Invoke(v)
		if e.kind.Invoke(plain).Int() == kindPython {
			return wire.Value{}, encodeError("GoPyScript cannot send the Python object " + jsString.Invoke(v).String() + " to the page: pass a str, number, list, dict, bytes or a function instead")
		}
		return e.toWire(plain, depth+1)
	case kindArray:
		n := v.Length()
		out := wire.Value{Kind: wire.Array, Items: make([]wire.Value, n)}
		for i := range n {
			item, err := e.toWire(v.Index(i), depth+1)
			if err != nil {
				return wire.Value{}, err
			}
			out.Items[i] = item
		}
		return out, nil
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
	flags := e.flags(key)
	if e.self.Truthy() && key.Equal(e.self) {
		return wire.RefValue(0, flags)
	}
	if known := e.identity.Call("get", key); known.Type() == js.TypeNumber {
		id := uint32(known.Int())
		if e.lent.Again(id) {
			return wire.RefValue(id, flags)
		}
	}
	id := e.lent.Add(lentValue{key: key, call: call})
	e.identity.Call("set", key, id)
	return wire.RefValue(id, flags)
}

// toJS decodes a value this end received.
func (e *end) toJS(w wire.Value) (js.Value, error) {
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
		return js.ValueOf(w.Str), nil
	case wire.BigInt:
		return jsBigInt.Invoke(w.Str), nil
	case wire.Symbol:
		return jsSymbol.Get(w.Str), nil
	case wire.Bytes:
		return copyToJS(w.Bytes).Get("buffer"), nil
	case wire.View:
		return newView(w)
	case wire.Array:
		out := jsArray.New(len(w.Items))
		for i, item := range w.Items {
			v, err := e.toJS(item)
			if err != nil {
				return js.Value{}, err
			}
			out.SetIndex(i, v)
		}
		return out, nil
	case wire.Object:
		out := jsObject.New()
		for i, key := range w.Keys {
			v, err := e.toJS(w.Items[i])
			if err != nil {
				return js.Value{}, err
			}
			if key == "__proto__" { // a key, never the prototype
				reflectDefine.Invoke(out, key, map[string]any{"value": v, "writable": true, "enumerable": true, "configurable": true})
			} else {
				out.Set(key, v)
			}
		}
		return out, nil
	case wire.Ref:
		return e.borrowRef(w.ID, w.Flags), nil
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

// borrowRef returns the one live stand-in of the peer's object id.
func (e *end) borrowRef(id, flags uint32) js.Value {
	if id == 0 && e.root.Truthy() {
		return e.root
	}
	if ref, serial, ok := e.borrowed.Lookup(id); ok {
		if alive := ref.Call("deref"); !alive.IsUndefined() {
			e.borrowed.Again(serial)
			return alive
		}
	}
	var stand js.Value
	e.borrowed.New(id, func(serial uint64) js.Value {
		stand = e.borrow(id, flags, serial)
		return jsWeakRef.New(stand)
	})
	return stand
}

// released handles the glue's batch of finalized stand-ins: [id, serial, …].
// It returns the Release frame to send, or nil when nothing is owed.
func (e *end) released(batch js.Value) []byte {
	var values []wire.Value
	for i := 0; i+1 < batch.Length(); i += 2 {
		id := uint32(batch.Index(i).Int())
		if n := e.borrowed.Finalized(id, uint64(batch.Index(i+1).Float())); n > 0 {
			values = append(values, wire.NumberValue(float64(id)), wire.NumberValue(float64(n)))
		}
	}
	if len(values) == 0 {
		return nil
	}
	return e.enc.Encode(wire.Frame{Kind: msgRelease, Values: values})
}

// release gives back what the peer released: pairs of (id, count).
func (e *end) release(values []wire.Value) {
	for i := 0; i+1 < len(values); i += 2 {
		v, gone := e.lent.Release(uint32(values[i].Num), uint32(values[i+1].Num))
		if !gone {
			continue
		}
		e.identity.Call("delete", v.key)
		if e.python.drop.Type() == js.TypeFunction && !v.call.Equal(v.key) {
			e.python.drop.Invoke(v.call)
		}
	}
}

// post sends a frame to the peer, handing over the buffer.
func (e *end) post(frame []byte) {
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
	if v.Type() == js.TypeString {
		return v.String()
	}
	return ""
}
