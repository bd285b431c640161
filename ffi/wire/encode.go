package wire

import (
	"encoding/binary"
	"math"
)

// Encoder appends frames to a reusable buffer; its zero value is ready.
type Encoder struct {
	buf []byte
}

// Encode returns f's bytes. They stay valid until the next Encode.
func (e *Encoder) Encode(f Frame) []byte {
	b := e.buf[:0]
	b = append(b, f.Kind)
	b = binary.LittleEndian.AppendUint32(b, f.A)
	b = binary.LittleEndian.AppendUint32(b, f.B)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(f.Values)))
	for _, v := range f.Values {
		b = appendValue(b, v)
	}
	e.buf = b
	return b
}

func appendValue(b []byte, v Value) []byte {
	b = append(b, byte(v.Kind))
	switch v.Kind {
	case Number:
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Num))
	case Int:
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(v.Num)))
	case String, BigInt, Symbol:
		b = appendString(b, v.Str)
	case Bytes:
		b = appendBytes(b, v.Bytes)
	case View:
		b = append(b, v.Sub)
		b = appendBytes(b, v.Bytes)
	case Array:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(v.Items)))
		for _, item := range v.Items {
			b = appendValue(b, item)
		}
	case Object:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(v.Keys)))
		for i, k := range v.Keys {
			b = appendString(b, k)
			b = appendValue(b, v.Items[i])
		}
	case Ref:
		b = binary.LittleEndian.AppendUint32(b, v.ID)
		b = binary.LittleEndian.AppendUint32(b, v.Flags)
		b = appendString(b, v.Str)
	case Back:
		b = binary.LittleEndian.AppendUint32(b, v.ID)
	case Error:
		b = appendString(b, v.Name)
		b = appendString(b, v.Str)
		b = appendString(b, v.Stack)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

func appendBytes(b, data []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	return append(b, data...)
}
