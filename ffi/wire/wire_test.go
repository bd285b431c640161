package wire

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func roundTrip(t *testing.T, f Frame) Frame {
	t.Helper()
	var e Encoder
	got, err := Decode(append([]byte(nil), e.Encode(f)...))
	require.NoError(t, err)
	return got
}

func TestEveryKindRoundTrips(t *testing.T) {
	values := []Value{
		UndefinedValue(), NullValue(), BoolValue(true), BoolValue(false),
		NumberValue(1.5), NumberValue(-7), NumberValue(math.Inf(-1)), NumberValue(1e300),
		StringValue(""), StringValue("héllo ✓"),
		{Kind: BigInt, Str: "-12345678901234567890"},
		{Kind: Symbol, Str: "iterator"},
		{Kind: Bytes, Bytes: []byte{0, 1, 255}},
		{Kind: View, Sub: Float64Array, Bytes: make([]byte, 16)},
		{Kind: Array, Items: []Value{NumberValue(1), StringValue("x"), {Kind: Array, Items: []Value{}}}},
		{Kind: Object, Keys: []string{"a", "b"}, Items: []Value{NullValue(), {Kind: Object, Keys: []string{}, Items: []Value{}}}},
		RefValue(42, 1<<20|3, "HTMLDivElement"), BackValue(7),
		ErrorValue("TypeError", "x is not a function", "at f (a.js:1)"),
	}
	in := Frame{Kind: 3, A: 1 << 31, B: 9, Values: values}
	out := roundTrip(t, in)
	assert.Equal(t, in.Kind, out.Kind)
	assert.Equal(t, in.A, out.A)
	assert.Equal(t, in.B, out.B)
	require.Len(t, out.Values, len(values))
	for i, v := range values {
		if v.Kind == Bytes || v.Kind == View {
			assert.Equal(t, v.Bytes, out.Values[i].Bytes, i)
			assert.Equal(t, v.Sub, out.Values[i].Sub, i)
			continue
		}
		assert.Equal(t, v, out.Values[i], "value %d (%s)", i, v.Kind)
	}
}

func TestNaNAndNegativeZeroKeepTheirBits(t *testing.T) {
	out := roundTrip(t, Frame{Values: []Value{NumberValue(math.NaN()), NumberValue(math.Copysign(0, -1))}})
	assert.True(t, math.IsNaN(out.Values[0].Num))
	assert.Equal(t, Number, out.Values[1].Kind, "-0 is not an Int")
	assert.True(t, math.Signbit(out.Values[1].Num))
}

func TestNumberValuePicksTheCompactForm(t *testing.T) {
	assert.Equal(t, Int, NumberValue(0).Kind)
	assert.Equal(t, Int, NumberValue(math.MaxInt32).Kind)
	assert.Equal(t, Number, NumberValue(math.MaxInt32+1).Kind)
	assert.Equal(t, Number, NumberValue(0.5).Kind)
}

// The layout is a contract with the JS side of older and newer builds of
// the same dist; pin it.
func TestLayoutIsLittleEndianAndCompact(t *testing.T) {
	var e Encoder
	got := e.Encode(Frame{Kind: 1, A: 2, B: 0x01020304, Values: []Value{NumberValue(5), StringValue("ab"), RefValue(3, 0x0102, "f")}})
	want := []byte{
		1, 2, 0, 0, 0, 4, 3, 2, 1, 3, 0, 0, 0, // kind, A, B, count
		byte(Int), 5, 0, 0, 0,
		byte(String), 2, 0, 0, 0, 'a', 'b',
		byte(Ref), 3, 0, 0, 0, 2, 1, 0, 0, 1, 0, 0, 0, 'f',
	}
	assert.Equal(t, want, got)
}

func TestEncoderReusesItsBuffer(t *testing.T) {
	var e Encoder
	first := e.Encode(Frame{Values: []Value{StringValue("a long enough string")}})
	capacity := cap(first)
	e.Encode(Frame{Values: []Value{StringValue("short")}})
	assert.Equal(t, capacity, cap(e.buf))
}

func TestDecodeErrorsNameTheOffset(t *testing.T) {
	var e Encoder
	valid := append([]byte(nil), e.Encode(Frame{Kind: 1, Values: []Value{StringValue("hello")}})...)
	cases := map[string]struct {
		data   []byte
		offset int
		reason string
	}{
		"empty":            {nil, 0, "truncated kind"},
		"short header":     {valid[:7], 5, "truncated uint32"},
		"truncated string": {valid[:len(valid)-2], 18, "count 5 exceeds the frame"},
		"trailing bytes":   {append(append([]byte(nil), valid...), 0), len(valid), "1 bytes after the frame"},
		"unknown kind":     {[]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 99}, 13, "unknown value kind 99"},
		"huge count":       {[]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}, 13, "count 4294967295 exceeds the frame"},
		"bad view kind":    {[]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, byte(View), 200, 0, 0, 0, 0}, 14, "unknown view kind 200"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(c.data)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, c.offset, de.Offset)
			assert.Equal(t, c.reason, de.Reason)
			assert.Contains(t, err.Error(), "at byte")
		})
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	v := StringValue("leaf")
	for i := 0; i < MaxDepth+1; i++ {
		v = Value{Kind: Array, Items: []Value{v}}
	}
	var e Encoder
	_, err := Decode(e.Encode(Frame{Values: []Value{v}}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested deeper than 100")

	v = StringValue("leaf")
	for i := 0; i < MaxDepth; i++ {
		v = Value{Kind: Array, Items: []Value{v}}
	}
	_, err = Decode(e.Encode(Frame{Values: []Value{v}}))
	assert.NoError(t, err, "exactly MaxDepth levels are fine")
}

func TestDecodedBytesDoNotAliasTheInput(t *testing.T) {
	var e Encoder
	data := append([]byte(nil), e.Encode(Frame{Values: []Value{{Kind: Bytes, Bytes: []byte{1, 2, 3}}}})...)
	f, err := Decode(data)
	require.NoError(t, err)
	for i := range data {
		data[i] = 0
	}
	assert.Equal(t, []byte{1, 2, 3}, f.Values[0].Bytes, "the SharedArrayBuffer copy is reused by the next call")
}

func TestKindNames(t *testing.T) {
	assert.Equal(t, "ref", Ref.String())
	assert.Equal(t, "kind(99)", Kind(99).String())
	assert.Len(t, ViewNames, int(viewKindCount))
}

// deepFrame is a frame holding arrays nested n deep, each of one item.
func deepFrame(n int) []byte {
	v := StringValue("leaf")
	for range n {
		v = Value{Kind: Array, Items: []Value{v}}
	}
	var e Encoder
	return append([]byte(nil), e.Encode(Frame{Values: []Value{v}})...)
}

func TestTenThousandLevelsAreRefusedAtTheLimit(t *testing.T) {
	_, err := Decode(deepFrame(10_000))
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "values nested deeper than 100", de.Reason)
	assert.Equal(t, 13+5*MaxDepth, de.Offset, "the offset of the array one level too deep")
}

func TestStringsKeepNULAndInvalidUTF8(t *testing.T) {
	// Strings cross as bytes; the receiving side decides how to show them.
	s := "a\x00b\xff\xfe\xc3"
	var e Encoder
	f, err := Decode(e.Encode(Frame{Values: []Value{StringValue(s), {Kind: Object, Keys: []string{s}, Items: []Value{NullValue()}}}}))
	require.NoError(t, err)
	assert.Equal(t, s, f.Values[0].Str)
	assert.Equal(t, []string{s}, f.Values[1].Keys)
}
