package ffi

import (
	"errors"
	"syscall/js"
)

// NewError makes a JS Error with msg, for rejecting Promises.
func NewError(msg string) js.Value { return js.Global().Get("Error").New(msg) }

// Message is the text a user should see for err: a JS Error's own message
// (a Python traceback, a fetch failure…) without Go's "JavaScript error:"
// prefix; other errors as they are. safejs errors wrap a js.Error too.
func Message(err error) string {
	var jsErr js.Error
	if errors.As(err, &jsErr) {
		return ValueMessage(jsErr.Value)
	}
	return err.Error()
}

// ValueMessage is the message of a thrown JS value: Error.message when it
// has one, its string form otherwise.
func ValueMessage(v js.Value) string {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	}
	return js.Global().Get("String").Invoke(v).String()
}
