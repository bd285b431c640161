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
