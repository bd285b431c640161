package ffi

import (
	"syscall/js"

	"github.com/hack-pad/safejs"
)

// ParseJSON parses text with the browser's JSON.parse (smaller than
// encoding/json in the wasm binary, and its messages match PyScript's).
func ParseJSON(text string) (any, error) {
	v, err := safejs.Safe(js.Global().Get("JSON")).Call("parse", text)
	if err != nil {
		return nil, errorString(Message(err))
	}
	return ToGo(safejs.Unsafe(v)), nil
}

// ToGo converts a JSON-shaped JS value into Go values: map[string]any,
// []any, float64, string, bool and nil. Other values become nil.
func ToGo(v js.Value) any {
	switch v.Type() {
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeNumber:
		return v.Float()
	case js.TypeString:
		return v.String()
	case js.TypeObject:
		if js.Global().Get("Array").Call("isArray", v).Bool() {
			out := make([]any, v.Length())
			for i := range out {
				out[i] = ToGo(v.Index(i))
			}
			return out
		}
		keys := js.Global().Get("Object").Call("keys", v)
		out := make(map[string]any, keys.Length())
		for i := 0; i < keys.Length(); i++ {
			k := keys.Index(i).String()
			out[k] = ToGo(v.Get(k))
		}
		return out
	}
	return nil
}

// ToJSON serialises Go values that js.ValueOf accepts with JSON.stringify.
func ToJSON(v any) string {
	return js.Global().Get("JSON").Call("stringify", js.ValueOf(v)).String()
}

type errorString string

func (e errorString) Error() string { return string(e) }
