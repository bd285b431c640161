package events

import "syscall/js"

// DispatchScript fires "<type>:<what>" on a script element: a bubbling
// CustomEvent whose detail says whether it came from a worker.
func DispatchScript(el js.Value, scriptType, what string, worker bool) {
	init := map[string]any{"bubbles": true, "detail": map[string]any{"worker": worker}}
	el.Call("dispatchEvent", js.Global().Get("CustomEvent").New(Name(scriptType, what), init))
}

// DispatchProgress fires "<type>:progress" on window with a message.
func DispatchProgress(scriptType, message string) {
	init := map[string]any{"detail": message}
	js.Global().Call("dispatchEvent", js.Global().Get("CustomEvent").New(Name(scriptType, Progress), init))
}

// DispatchAllDone fires py:all-done on window as a plain Event.
func DispatchAllDone() {
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New(AllDone))
}
