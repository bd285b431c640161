package main

import (
	"errors"
	"strconv"
)

// funcSizes reads a WebAssembly module and returns, for each function
// defined in it (not imported), its name from the "name" custom section
// and the size of its body in the code section; plus the size of the data
// section, which no function owns.
func funcSizes(module []byte) (sizes map[string]int, data int, err error) {
	if len(module) < 8 || string(module[:4]) != "\x00asm" {
		return nil, 0, errors.New("not a WebAssembly module")
	}
	r := reader{b: module, at: 8}
	var imported uint32
	var bodies []int
	names := map[uint32]string{}
	for r.at < len(r.b) {
		id := r.byte()
		size := int(r.u32())
		end := r.at + size
		if r.err != nil || end > len(r.b) {
			return nil, 0, r.fail("section " + strconv.Itoa(int(id)))
		}
		s := reader{b: r.b[:end], at: r.at}
		switch id {
		case 0: // custom
			if s.name() == "name" {
				s.functionNames(names)
			}
		case 2: // imports
			imported = s.importedFunctions()
		case 10: // code
			for n := s.u32(); n > 0 && s.err == nil; n-- {
				body := int(s.u32())
				bodies = append(bodies, body)
				s.at += body
			}
		case 11: // data
			data = size
		}
		if s.err != nil {
			return nil, 0, s.fail("section " + strconv.Itoa(int(id)))
		}
		r.at = end
	}
	sizes = map[string]int{}
	for i, body := range bodies {
		name, ok := names[imported+uint32(i)]
		if !ok {
			name = "function " + strconv.Itoa(int(imported)+i)
		}
		sizes[name] += body
	}
	return sizes, data, nil
}

// reader decodes the module's LEB128 numbers and names; the first failure
// sticks in err and every later read returns zero.
type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) fail(where string) error {
	return errors.New("malformed WebAssembly module in " + where + " at byte " + strconv.Itoa(r.at))
}

func (r *reader) byte() byte {
	if r.err != nil || r.at >= len(r.b) {
		r.err = errors.New("short")
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("long number")
	return 0
}

func (r *reader) name() string {
	n := int(r.u32())
	if r.err != nil || r.at+n > len(r.b) {
		r.err = errors.New("short")
		return ""
	}
	r.at += n
	return string(r.b[r.at-n : r.at])
}

// functionNames reads the name section's function-name subsection (1).
func (r *reader) functionNames(names map[uint32]string) {
	for r.at < len(r.b) && r.err == nil {
		kind := r.byte()
		size := int(r.u32())
		end := r.at + size
		if kind == 1 {
			for n := r.u32(); n > 0 && r.err == nil; n-- {
				index := r.u32()
				names[index] = r.name()
			}
		}
		r.at = end
	}
}

// importedFunctions counts the import section's functions: they come
// first in the function index space.
func (r *reader) importedFunctions() uint32 {
	var funcs uint32
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		r.name() // module
		r.name() // field
		switch r.byte() {
		case 0: // function: type index
			r.u32()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: type, mutability
			r.byte()
			r.byte()
		default:
			r.err = errors.New("unknown import kind")
		}
	}
	return funcs
}

func (r *reader) limits() {
	if flags := r.byte(); flags&1 != 0 {
		r.u32()
	}
	r.u32()
}
