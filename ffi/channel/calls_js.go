package channel

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/wire"
)

// calls are an end's asynchronous calls to its peer still waiting for a
// Result message: id → Promise.withResolvers().
type calls struct {
	pending map[uint32]js.Value
	last    uint32
}

// sendCall posts a call frame of kind with operands and returns the
// Promise of its answer, or undefined when no answer is wanted (and the
// call could be sent).
func (e *end) sendCall(kind uint8, b uint32, operands []js.Value, answer bool) js.Value {
	values := make([]wire.Value, len(operands))
	for i, v := range operands {
		w, err := e.toWire(v, 0)
		if err != nil {
			return global.Get("Promise").Call("reject", ffi.NewError(err.Error()))
		}
		values[i] = w
	}
	collectSoon() // what Go held of this call's arguments must not outlive it
	if !answer {
		e.post(wire.Frame{Kind: kind, B: b, Values: values})
		return js.Undefined()
	}
	if e.calls.pending == nil {
		e.calls.pending = map[uint32]js.Value{}
	}
	e.calls.last++
	call := global.Get("Promise").Call("withResolvers")
	e.calls.pending[e.calls.last] = call
	e.post(wire.Frame{Kind: kind, A: e.calls.last, B: b, Values: values})
	return call.Get("promise")
}

// settleCall settles the call a Result frame answers.
func (e *end) settleCall(f wire.Frame) {
	call, ok := e.calls.pending[f.A]
	if !ok || len(f.Values) != 1 {
		return
	}
	delete(e.calls.pending, f.A)
	if err := e.put(call, "value", f.Values[0]); err != nil {
		call.Call("reject", ffi.NewError(err.Error()))
		return
	}
	e.glue.Call("settle", call, f.B == resultThrown)
}

// rejectCalls rejects every call still waiting, with why.
func (e *end) rejectCalls(why string) {
	for id, call := range e.calls.pending {
		call.Call("reject", ffi.NewError(why))
		delete(e.calls.pending, id)
	}
}

// answer answers call id of the peer (id 0 wants no answer).
func (e *end) answer(id uint32, v js.Value, thrown bool) {
	if id == 0 {
		return
	}
	status := uint32(resultOK)
	value, err := e.toWire(v, 0)
	if thrown {
		status, value, err = resultThrown, e.errorValue(v), nil
	}
	if err != nil {
		status, value = resultThrown, wire.ErrorValue("TypeError", err.Error(), "")
	}
	e.post(wire.Frame{Kind: msgResult, A: id, B: status, Values: []wire.Value{value}})
}

// whenSettled calls settle with what promise settles to, and whether it
// was rejected. Never blocks: for code running inside JS callbacks.
func whenSettled(promise js.Value, settle func(v js.Value, thrown bool)) {
	var ok, fail js.Func
	done := func(v js.Value, thrown bool) {
		ok.Release()
		fail.Release()
		settle(v, thrown)
	}
	ok = ffi.FuncOf("a settled call's result", func(_ js.Value, args []js.Value) any { done(arg(args, 0), false); return nil })
	fail = ffi.FuncOf("a settled call's error", func(_ js.Value, args []js.Value) any { done(arg(args, 0), true); return nil })
	promise.Call("then", ok, fail)
}
