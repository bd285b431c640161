package wire

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Decode: it must never panic, and any
// frame it accepts must encode back to exactly the same bytes, so the two
// halves of the format cannot drift apart.
func FuzzDecode(f *testing.F) {
	var e Encoder
	seeds := []Frame{
		{},
		{Kind: 1, A: 7, Values: []Value{StringValue("title")}},
		{Kind: 5, A: 3, Values: []Value{RefValue(1, 1, "fn"), {Kind: Array, Items: []Value{NumberValue(1.5), NullValue()}}}},
		{Kind: 2, Values: []Value{{Kind: Object, Keys: []string{"invoke"}, Items: []Value{StringValue("preventDefault")}}}},
		{Kind: 3, Values: []Value{StringValue("a\x00b\xff\xfe"), {Kind: Object, Keys: []string{"\xc3"}, Items: []Value{UndefinedValue()}}}},
		{Kind: 9, Values: []Value{ErrorValue("Error", "boom", ""), {Kind: View, Sub: Uint8Array, Bytes: []byte{1, 2}}, {Kind: BigInt, Str: "1"}}},
	}
	for _, s := range seeds {
		f.Add(append([]byte(nil), e.Encode(s)...))
	}
	f.Add(deepFrame(MaxDepth))
	f.Add(deepFrame(10_000))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		frame, err := Decode(data)
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		var e Encoder
		if again := e.Encode(frame); !bytes.Equal(again, data) {
			t.Fatalf("re-encoding changed the frame:\n in  %x\n out %x", data, again)
		}
	})
}
