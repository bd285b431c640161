package wire

import (
	"encoding/binary"
	"math"
	"strconv"
)

// MaxDepth bounds how deeply arrays and objects may nest in a frame, so a
// hostile or corrupt frame cannot exhaust the stack.
const MaxDepth = 100

// DecodeError says what was wrong and at which byte offset.
type DecodeError struct {
	Offset int
	Reason string
}

func (e *DecodeError) Error() string {
	return "wire: " + e.Reason + " at byte " + strconv.Itoa(e.Offset)
}

// Decode parses one frame that fills data exactly.
func Decode(data []byte) (Frame, error) {
	d := decoder{data: data}
	var f Frame
	f.Kind = d.byte()
	f.A = d.uint32()
	f.B = d.uint32()
	n := d.count()
	if d.err == nil {
		f.Values = make([]Value, 0, n)
	}
	for i := 0; i < n && d.err == nil; i++ {
		f.Values = append(f.Values, d.value(0))
	}
	if d.err == nil && d.off != len(d.data) {
		d.fail(strconv.Itoa(len(d.data)-d.off) + " bytes after the frame")
	}
	if d.err != nil {
		return Frame{}, d.err
	}
	return f, nil
}

type decoder struct {
	data []byte
	off  int
	err  *DecodeError
}

func (d *decoder) fail(reason string) {
	if d.err == nil {
		d.err = &DecodeError{Offset: d.off, Reason: reason}
	}
}

func (d *decoder) take(n int, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.data)-d.off {
		d.fail("truncated " + what)
		return nil
	}
	b := d.data[d.off : d.off+n]
	d.off += n
	return b
}

func (d *decoder) byte() byte {
	b := d.take(1, "kind")
	if b == nil {
		return 0
	}
	return b[0]
}

func (d *decoder) uint32() uint32 {
	b := d.take(4, "uint32")
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

// count reads a length or count; each counted item needs at least one
// byte, so a count larger than what is left is an error, not an allocation.
func (d *decoder) count() int {
	n := d.uint32()
	if d.err == nil && uint64(n) > uint64(len(d.data)-d.off) {
		d.fail("count " + strconv.FormatUint(uint64(n), 10) + " exceeds the frame")
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count()
	b := d.take(n, "bytes")
	if b == nil {
		return nil
	}
	return append([]byte(nil), b...)
}

func (d *decoder) string() string {
	n := d.count()
	return string(d.take(n, "string"))
}

func (d *decoder) value(depth int) Value {
	start := d.off
	k := Kind(d.byte())
	v := Value{Kind: k}
	switch k {
	case Undefined, Null, False, True:
	case Number:
		if b := d.take(8, "number"); b != nil {
			v.Num = math.Float64frombits(binary.LittleEndian.Uint64(b))
		}
	case Int:
		v.Num = float64(int32(d.uint32()))
	case String, BigInt, Symbol:
		v.Str = d.string()
	case Bytes:
		v.Bytes = d.bytes()
	case View:
		v.Sub = d.byte()
		if d.err == nil && v.Sub >= viewKindCount {
			d.off = start + 1
			d.fail("unknown view kind " + strconv.Itoa(int(v.Sub)))
		}
		v.Bytes = d.bytes()
	case Array, Object:
		if depth >= MaxDepth {
			d.off = start
			d.fail("values nested deeper than " + strconv.Itoa(MaxDepth))
			break
		}
		n := d.count()
		if d.err != nil {
			break
		}
		v.Items = make([]Value, 0, n)
		if k == Object {
			v.Keys = make([]string, 0, n)
		}
		for i := 0; i < n && d.err == nil; i++ {
			if k == Object {
				v.Keys = append(v.Keys, d.string())
			}
			v.Items = append(v.Items, d.value(depth+1))
		}
	case Ref:
		v.ID = d.uint32()
		v.Flags = d.uint32()
		v.Str = d.string()
	case Back:
		v.ID = d.uint32()
	case Error:
		v.Name = d.string()
		v.Str = d.string()
		v.Stack = d.string()
	default:
		d.off = start
		d.fail("unknown value kind " + strconv.Itoa(int(k)))
	}
	return v
}
