package interp

import "strings"

// MicroPythonWASM is the wasm file next to a micropython.mjs: the settrace
// build when debugging, the ulab build when the ulab package is asked for.
func MicroPythonWASM(moduleURL string, debug, ulab bool) string {
	base := strings.TrimSuffix(strings.TrimSuffix(moduleURL, ".mjs"), ".js")
	if debug {
		base += "-settrace"
	}
	if ulab {
		base += "-ulab"
	}
	return base + ".wasm"
}
