package interp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMicroPythonWASM(t *testing.T) {
	u := "https://h/dist/micropython/micropython.mjs"
	assert.Equal(t, "https://h/dist/micropython/micropython.wasm", MicroPythonWASM(u, false, false))
	assert.Equal(t, "https://h/dist/micropython/micropython-settrace.wasm", MicroPythonWASM(u, true, false))
	assert.Equal(t, "https://h/dist/micropython/micropython-ulab.wasm", MicroPythonWASM(u, false, true))
	assert.Equal(t, "https://h/dist/micropython/micropython-settrace-ulab.wasm", MicroPythonWASM(u, true, true))
}

func TestMicroPythonHeap(t *testing.T) {
	assert.Zero(t, MicroPythonHeap(0), "a small config keeps the loader's default")
	assert.Zero(t, MicroPythonHeap(200_000))
	assert.Equal(t, 4<<20, MicroPythonHeap(1<<20), "a 1 MB config and its largest value fit")
	assert.Equal(t, 8<<20, MicroPythonHeap(3_000_000))
}
