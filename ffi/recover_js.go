package ffi

import (
	"errors"
	"fmt"
	"syscall/js"
)

// PanicReporter is told about every panic recovered at a JS→Go boundary.
// The page runtime replaces it to show the failure on the page; until then
// panics go to the console. A panic that escaped would end the Go instance.
var PanicReporter = func(where string, err error) {
	js.Global().Get("console").Call("error", "GoPyScript: "+where+": "+err.Error())
}

// PanicError turns a recovered value into an error naming where it happened.
func PanicError(r any) error {
	switch v := r.(type) {
	case error:
		return v
	case string:
		return errors.New(v)
	default:
		return fmt.Errorf("%v", v)
	}
}

// Recover is deferred directly at every boundary: callbacks and goroutines.
func Recover(where string) {
	if r := recover(); r != nil {
		PanicReporter(where, PanicError(r))
	}
}

// Go runs fn on a new goroutine whose panics are reported, not fatal.
func Go(where string, fn func()) {
	go func() {
		defer Recover(where)
		fn()
	}()
}

// FuncOf wraps fn as a JS function whose panics are reported and turn into
// an undefined result, so JS callers and the Go instance both survive. Not
// inlined: its closure would be compiled again at every call site (~1.3 KB
// of wasm each).
//
//go:noinline
func FuncOf(where string, fn func(this js.Value, args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				PanicReporter(where, PanicError(r))
				result = js.Undefined()
			}
		}()
		return fn(this, args)
	})
}
