// Package wire is the binary format of everything that crosses between the
// page and a worker: values, the synchronous requests a worker makes to the
// page over a SharedArrayBuffer, and the asynchronous messages both send
// over a MessagePort. It is plain Go: the browser glue only moves its bytes.
//
// A value is a one-byte kind followed by its payload. Integers are little
// endian; lengths and counts are uint32; text is UTF-8.
//
//	Undefined, Null, False, True   no payload
//	Number                         float64
//	Int                            int32 (an integral number, the common case)
//	String, BigInt, Symbol         length, bytes (BigInt in decimal; Symbol is
//	                               a well-known symbol's name, "iterator" …)
//	Bytes                          length, bytes (an ArrayBuffer's copy)
//	View                           view kind, length, bytes (a typed array or
//	                               DataView's own bytes)
//	Array                          count, values (an array copied by value)
//	Object                         count, count × (key length, key, value)
//	Ref                            id, flags (uint32), name: an object the
//	                               sender owns and lends by reference; the
//	                               flags and name (a function's own, an
//	                               object's constructor's) describe it for
//	                               the receiver's proxy
//	Back                           id: an object the receiver owns, sent back
//	Error                          name, message, stack (each length, bytes)
//
// A frame is a kind byte, two uint32 fields whose meaning depends on the
// kind, a count and that many values. Decode errors carry the byte offset.
package wire

import "strconv"

// Kind tells what a Value holds.
type Kind uint8

const (
	Undefined Kind = iota
	Null
	False
	True
	Number
	Int
	String
	BigInt
	Symbol
	Bytes
	View
	Array
	Object
	Ref
	Back
	Error
	kindCount
)

var kindNames = [...]string{"undefined", "null", "false", "true", "number", "int", "string",
	"bigint", "symbol", "bytes", "view", "array", "object", "ref", "back", "error"}

func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Ref flags: what kind of proxy the receiver builds for a lent object.
const (
	Callable  uint8 = 1 << iota // a function: the proxy can be called and constructed
	ArrayLike                   // an Array: the proxy's target is an array
)

// View kinds, in the order of the typed array constructors' names.
const (
	Int8Array uint8 = iota
	Uint8Array
	Uint8ClampedArray
	Int16Array
	Uint16Array
	Int32Array
	Uint32Array
	Float32Array
	Float64Array
	BigInt64Array
	BigUint64Array
	DataView
	viewKindCount
)

// ViewNames are the JS constructor names of the view kinds.
var ViewNames = [...]string{"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
	"Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
	"BigInt64Array", "BigUint64Array", "DataView"}

// Value is one decoded value. Which fields are used depends on Kind.
type Value struct {
	Kind  Kind
	Num   float64 // Number and Int
	Str   string  // String, BigInt, Symbol; a Ref's name; an Error's message
	Bytes []byte  // Bytes and View
	Sub   uint8   // View: the view kind
	ID    uint32  // Ref and Back
	Flags uint32  // Ref: what the receiver's proxy needs to know
	Items []Value // Array items; Object values
	Keys  []string
	Name  string // Error
	Stack string // Error
}

// Constructors for the common values.

func UndefinedValue() Value      { return Value{Kind: Undefined} }
func NullValue() Value           { return Value{Kind: Null} }
func StringValue(s string) Value { return Value{Kind: String, Str: s} }
func RefValue(id, flags uint32, name string) Value {
	return Value{Kind: Ref, ID: id, Flags: flags, Str: name}
}
func BackValue(id uint32) Value { return Value{Kind: Back, ID: id} }

func BoolValue(b bool) Value {
	if b {
		return Value{Kind: True}
	}
	return Value{Kind: False}
}

// NumberValue uses the compact Int form when n is an int32 (and not -0).
func NumberValue(n float64) Value {
	if n == float64(int32(n)) && (n != 0 || 1/n > 0) {
		return Value{Kind: Int, Num: n}
	}
	return Value{Kind: Number, Num: n}
}

func ErrorValue(name, message, stack string) Value {
	return Value{Kind: Error, Name: name, Str: message, Stack: stack}
}

// Frame is the unit both sides exchange: a request, a response or a message.
type Frame struct {
	Kind   uint8
	A, B   uint32
	Values []Value
}
