package ffi

import (
	"syscall/js"
)

// Await blocks the calling goroutine until p settles. Never call it from a
// JS→Go callback: the callback would hold the event loop that must settle p.
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var onOK, onErr js.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		ch <- result{v: arg0(args)}
		return nil
	})
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		ch <- result{err: js.Error{Value: arg0(args)}}
		return nil
	})
	js.Global().Get("Promise").Call("resolve", p).Call("then", onOK, onErr)
	r := <-ch
	return r.v, r.err
}

// Promise returns a JS Promise settled by fn, which runs on its own
// goroutine so the JS caller is never blocked. A panic rejects it.
func Promise(where string, fn func() (any, error)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, args []js.Value) any {
		executor.Release()
		resolve, reject := args[0], args[1]
		go func() {
			defer func() {
				if r := recover(); r != nil {
					err := PanicError(r)
					PanicReporter(where, err)
					reject.Invoke(NewError(where + ": " + err.Error()))
				}
			}()
			v, err := fn()
			if err != nil {
				reject.Invoke(NewError(Message(err)))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}
